# The builtins namespace holds CPython's names and no implementation types.
import builtins

names = dir(builtins)
for hidden in ["function", "generator", "NoneType", "list_iterator", "dict_keys", "code",
               "module", "cell", "coroutine", "method", "GenericAlias", "TextIOWrapper"]:
    print(hidden, hidden in names)
for present in ["aiter", "anext", "breakpoint", "vars", "dir", "exit", "quit", "IOError",
                "EnvironmentError", "EncodingWarning", "UnicodeTranslateError", "__debug__",
                "__name__", "__build_class__", "__import__", "memoryview", "ExceptionGroup"]:
    print(present, present in names)
print(IOError is OSError, EnvironmentError is OSError, __debug__, builtins.__name__)
print(issubclass(EncodingWarning, Warning), UnicodeTranslateError.__mro__)
print(builtins.len is len, builtins.__doc__.splitlines()[0])
print(type(None).__name__, type(len).__name__, type(lambda: 0).__name__)
