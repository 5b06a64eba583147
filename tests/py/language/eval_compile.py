# eval, exec and compile: modes, namespaces, code object attributes, and SyntaxErrors with
# their details.

print(eval("1 + 2 * 3"))
print(eval("  [x * 2 for x in range(3)]\n"))
print(eval("name.upper()", {"name": "krait"}))
print(eval("a + b", {"a": 1}, {"b": 2}))
value = 10
print(eval("value + 1"))


def local_scope():
    hidden = 5
    return eval("hidden * 2")


print(local_scope())

namespace = {}
exec("x = 1\ndef double(n):\n    return n * 2\ny = double(x + 20)", namespace)
print(namespace["y"], sorted(key for key in namespace if key != "__builtins__"))
print("__builtins__" in namespace)

globals_dict = {"base": 100}
locals_dict = {}
exec("result = base + 1", globals_dict, locals_dict)
print(locals_dict, "result" in globals_dict)
print(exec("1 + 1"))

print("compile modes")
code = compile("a = 5\nprint('exec mode', a)", "<exec>", "exec")
print(type(code).__name__)
exec(code)
expression = compile("3 ** 2", "<eval>", "eval")
print(eval(expression), eval(expression))
print(eval(code, {}))
single = compile("40 + 2", "<single>", "single")
exec(single)
exec(compile("None", "<single>", "single"))
exec(compile("'text'", "<single>", "single"))
exec(compile("for i in range(2): i * 10\n", "<single>", "single"))
exec(compile("1; 2", "<single>", "single"))
print(_)

print("code object attributes")
code = compile("def f(a, b=1, *args, c, **kw):\n    local = a + b\n    return local\n", "module.py", "exec")
print(code.co_name, code.co_filename, code.co_firstlineno, code.co_argcount, code.co_varnames, code.co_names)
function_code = [constant for constant in code.co_consts if type(constant) is type(code)][0]
print(function_code.co_name, function_code.co_filename, function_code.co_firstlineno)
print(function_code.co_argcount, function_code.co_kwonlyargcount, function_code.co_posonlyargcount)
print(function_code.co_varnames, function_code.co_names, function_code.co_nlocals)


def sample(x, y):
    z = x + y
    return z


print(sample.__code__.co_name, sample.__code__.co_argcount, sample.__code__.co_varnames)
print(sample.__code__.co_filename.endswith("eval_compile.py"), sample.__code__.co_firstlineno)
print(compile("1", "bytes source", "eval").co_filename, eval(compile(b"2 + 2", "b", "eval")))
print(compile(source="x", filename="kw", mode="eval").co_filename)

print("errors")
for source, mode in [
    ("1 +", "exec"),
    ("x = (", "exec"),
    ("def f(:\n    pass", "exec"),
    ("a b", "eval"),
    ("return 5", "exec"),
    ("x = 1\n    y = 2", "exec"),
    ("1\n2\n", "single"),
    ("yield 1", "exec"),
    ("break", "exec"),
    ("nonlocal x", "exec"),
    ("x = 1\0", "exec"),
    ("del f()", "exec"),
    ("if True:\nx = 1", "exec"),
]:
    try:
        compile(source, "<source>", mode)
        print("compiled", repr(source))
    except SyntaxError as error:
        print(type(error).__name__, repr(error.msg), error.lineno, error.offset, repr(error.text),
              error.filename, "|", error)

try:
    eval("(1 + 2")
except SyntaxError as error:
    print("eval:", error.msg, error.filename, error.lineno, error.args[0])
try:
    exec("for")
except SyntaxError as error:
    print("exec:", error, error.args[1][0])

for call in [lambda: compile("1", "f", "bad"), lambda: compile(5, "f", "exec"),
             lambda: eval(5), lambda: eval("1", []), lambda: eval("1", {}, 5),
             lambda: exec(5), lambda: exec("1", 5), lambda: exec("1", {}, 5),
             lambda: eval("1", globals={}), lambda: compile("1", "f"),
             lambda: eval("undefined_name")]:
    try:
        call()
    except Exception as error:
        print(type(error).__name__ + ":", error)

print("namespaces are live")
shared = {"counter": 0}
for _ in range(3):
    exec("counter += 1", shared)
print(shared["counter"])
print(eval("[counter for _ in range(2)]", shared))
