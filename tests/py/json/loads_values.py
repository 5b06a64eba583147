# json.loads: every kind of value and the hooks.
import json

print(json.loads('{"a": [1, 2.5, null, true, false, "x"], "b": {}, "c": []}'))
print(json.loads('  [ 1 , 2 ]\n\t'))
print(json.loads('"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u65e5\\ud83d\\ude00"'))
print(json.loads('"plain é 日本"'))
print(json.loads('[0, -0, -0.0, 1e3, 1E-3, 2.5e+2, 12345678901234567890123, -7]'))
print(json.loads('[NaN, Infinity, -Infinity]'))
print(json.loads('{"dup": 1, "dup": 2}'))
print(json.loads('"a\\tb"'), json.loads('"a\tb"', strict=False))
print(json.loads(b'{"bytes": "\xc3\xa9"}'), json.loads(bytearray(b'[1]')))
print(json.loads(b'\xef\xbb\xbf{"bom": true}'))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('[1.5, 2, 1e2]', parse_float=str, parse_int=lambda s: "int:" + s))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda name: "const:" + name))
decoder = json.JSONDecoder()
print(decoder.decode(' {"x": [true]} '))
print(decoder.raw_decode('[1, 2] trailing'))
print(decoder.raw_decode('xx"str"yy', 2))
class Point(dict):
    pass
print(type(json.loads('{"x": 1}', object_hook=Point)).__name__)
for text in ['1', '"s"', 'true', 'null', '[[[[]]]]', '{"": ""}']:
    print(repr(json.loads(text)))
document = {"users": [{"id": i, "name": "user%d" % i, "tags": ["a", "b"][: i % 3], "score": i / 4}
                      for i in range(5)], "ok": True}
round_trip = json.loads(json.dumps(document))
print(round_trip == document, json.dumps(round_trip, sort_keys=True) == json.dumps(document, sort_keys=True))
print(json.loads(json.dumps(document, indent=4)) == document)

class Source:
    def read(self):
        return '{"from": "a file"}'
print(json.load(Source()))
