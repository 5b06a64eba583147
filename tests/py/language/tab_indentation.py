# Tabs in indentation: consistent use compiles; indentation whose meaning depends on the tab
# size is a TabError (a subclass of IndentationError).
sources = [
    "if 1:\n\tx = 1\n\ty = 2\n",
    "if 1:\n\tif 1:\n\t\tx = 1\n\ty = 2\n",
    "def f():\n\tif 1:\n\t    return 1\n\treturn 2\n",
    "if 1:\n\tx = 1\n        y = 2\n",
    "if 1:\n        x = 1\n\ty = 2\n",
    "if 1:\n    x = (1,\n\t2)\n    y = 3\n",
    "if 1:\n  \tx = 1\n\ty = 2\n",
    "if 1:\n\tx = 1\n\n  # comment\n\ty = 2\n",
]
for source in sources:
    try:
        compile(source, "<tabs>", "exec")
        print("ok", repr(source))
    except SyntaxError as error:
        print(type(error).__name__, error.msg, error.lineno, repr(error.text))
print(issubclass(TabError, IndentationError), TabError.__mro__[1:3])
