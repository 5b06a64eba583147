# warnings: categories, filters, the registry ("default" shows once per place), records.
import warnings

def deprecated_call():
    warnings.warn("old API", DeprecationWarning, stacklevel=2)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("plain message")
    warnings.warn("as deprecation", DeprecationWarning)
    warnings.warn(RuntimeWarning("an instance"))
    deprecated_call()
    for item in caught:
        print(item.category.__name__, str(item.message), item.lineno, type(item.message).__name__)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for _ in range(3):
        warnings.warn("repeated")
    print("default action shows once per place:", len(caught))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    warnings.warn("hidden")
    print("ignored:", len(caught))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", UserWarning)
    except UserWarning as error:
        print("raised:", type(error).__name__, error)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="skip")
    warnings.warn("skip this one")
    warnings.warn("SKIP case-insensitively")
    warnings.warn("keep this one")
    print([str(w.message) for w in caught])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.filterwarnings("error", category=RuntimeWarning)
    warnings.warn("user warning passes")
    try:
        warnings.warn("runtime warning fails", RuntimeWarning)
    except RuntimeWarning as error:
        print("RuntimeWarning raised:", error)
    print(len(caught))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("once")
    warnings.warn("once only")
    warnings.warn("once only")
    print("once:", len(caught))

try:
    warnings.warn("bad category", int)
except TypeError as error:
    print("TypeError:", error)
try:
    warnings.simplefilter("sometimes")
except AssertionError as error:
    print("AssertionError:", error)

print(warnings.formatwarning("message", UserWarning, "file.py", 12, "  source line  "))
print(repr(warnings.formatwarning("no line", FutureWarning, "<string>", 3)))
messages = []
def collect(message, category, filename, lineno, file=None, line=None):
    messages.append((str(message), category.__name__, lineno))
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = collect
    warnings.warn("to the hook", SyntaxWarning)
print(messages, warnings.showwarning is not collect)
print(issubclass(DeprecationWarning, Warning), issubclass(UserWarning, Exception))
