# json.loads errors: JSONDecodeError with CPython's messages, positions, lines and columns.
import json

cases = ["", " ", "[", "[1", "[1,", "[1,]", "[1 2]", "{", '{"a"', '{"a":', '{"a":1',
         '{"a":1,', '{"a":1,}', '{1:2}', '{"a" 1}', "{'a': 1}", '"abc', '"a\\x"', '"\\u12"',
         '"\\uzzzz"', '"\\ud83d\\uzzzz"', '"a\nb"', '"\\', '"\\u', "tru", "nul", "1 2", "-",
         "01", "1.", "1e", "1.5e+", "- 1", "nan", "inf", "-Infinit", "[]  x",
         "[1,\n 2,\n x]", '{\n  "a": 1\n  "b": 2\n}', "\ufeff[1]", '["ok", "bad\x00"]']
for text in cases:
    try:
        print(repr(text), "->", repr(json.loads(text)))
    except json.JSONDecodeError as error:
        print(repr(text), "->", error)
        print("   ", repr(error.msg), error.pos, error.lineno, error.colno, error.doc == text)

error = json.JSONDecodeError("Custom", "ab\ncd", 4)
print(error, error.args, isinstance(error, ValueError))
print(json.decoder.JSONDecodeError is json.JSONDecodeError)
for bad in [5, None, ["[1]"]]:
    try:
        json.loads(bad)
    except TypeError as error:
        print("TypeError:", error)
try:
    json.JSONDecoder().raw_decode("[1]", 5)
except json.JSONDecodeError as error:
    print(error)
