# A JSON serializer and parser written in Python: a nested document of dicts, lists, strings
# (with escapes and non-ASCII text), ints, floats, booleans and None is encoded to text, parsed
# back and encoded again.
#
# isinstance dispatch, recursion, string building with lists and join, character scanning,
# str methods and float repr. The round trip must reproduce the document exactly and the second
# encoding must equal the first.
import sys

RECORDS = 700
ROUNDS = 19

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
UNESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def encode_string(s, out):
    out.append('"')
    for ch in s:
        escaped = ESCAPES.get(ch)
        if escaped is not None:
            out.append(escaped)
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')


def encode(value, out):
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(repr(value))
    elif isinstance(value, str):
        encode_string(value, out)
    elif isinstance(value, list):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(", ")
            encode(item, out)
        out.append("]")
    elif isinstance(value, dict):
        out.append("{")
        first = True
        for key, item in value.items():
            if not first:
                out.append(", ")
            first = False
            encode_string(key, out)
            out.append(": ")
            encode(item, out)
        out.append("}")
    else:
        raise TypeError(f"cannot encode {type(value).__name__}")


def dumps(value):
    out = []
    encode(value, out)
    return "".join(out)


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def error(self, what):
        raise ValueError(f"{what} at offset {self.pos}")

    def skip_space(self):
        text = self.text
        while self.pos < len(text) and text[self.pos] in " \t\n\r":
            self.pos += 1

    def parse(self):
        value = self.value()
        self.skip_space()
        if self.pos != len(self.text):
            self.error("trailing text")
        return value

    def value(self):
        self.skip_space()
        ch = self.text[self.pos]
        if ch == "{":
            return self.object()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        if self.text.startswith("null", self.pos):
            self.pos += 4
            return None
        if self.text.startswith("true", self.pos):
            self.pos += 4
            return True
        if self.text.startswith("false", self.pos):
            self.pos += 5
            return False
        return self.number()

    def object(self):
        self.pos += 1
        result = {}
        self.skip_space()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip_space()
            key = self.string()
            self.skip_space()
            if self.text[self.pos] != ":":
                self.error("expected ':'")
            self.pos += 1
            result[key] = self.value()
            self.skip_space()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return result
            if ch != ",":
                self.error("expected ',' or '}'")

    def array(self):
        self.pos += 1
        result = []
        self.skip_space()
        if self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip_space()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return result
            if ch != ",":
                self.error("expected ',' or ']'")

    def string(self):
        text = self.text
        if text[self.pos] != '"':
            self.error("expected a string")
        self.pos += 1
        parts = []
        start = self.pos
        while True:
            ch = text[self.pos]
            if ch == '"':
                parts.append(text[start:self.pos])
                self.pos += 1
                return "".join(parts)
            if ch == "\\":
                parts.append(text[start:self.pos])
                code = text[self.pos + 1]
                if code == "u":
                    parts.append(chr(int(text[self.pos + 2:self.pos + 6], 16)))
                    self.pos += 6
                else:
                    parts.append(UNESCAPES[code])
                    self.pos += 2
                start = self.pos
            else:
                self.pos += 1

    def number(self):
        text = self.text
        start = self.pos
        is_float = False
        while self.pos < len(text) and text[self.pos] in "0123456789+-.eE":
            if text[self.pos] in ".eE":
                is_float = True
            self.pos += 1
        token = text[start:self.pos]
        if not token:
            self.error("unexpected character")
        return float(token) if is_float else int(token)


def make_document(n):
    names = ["Ada", "Grace", "Guido", "Barbara", "Ken", "Dennis", "Ålesund", "naïve café", "日本"]
    records = []
    for i in range(n):
        records.append({
            "id": i,
            "name": names[i % len(names)] + " " + str(i * 7919 % 1000),
            "score": i / 7.0 - 30.25,
            "ratio": (i * 2654435761 % 1000003) / 1000003.0,
            "big": 3 ** (i % 50) - 2 ** 70,
            "active": i % 3 == 0,
            "parent": None if i % 5 == 0 else i // 5,
            "tags": ["t%d" % (i % 11), "quote\"d", "tab\there", "line\nbreak", "\x01ctl"],
            "nested": {"depth": [i, [i + 1, [i + 2, {"leaf": -i * 1.5e-7}]]], "empty": {}, "none": []},
        })
    return {"version": 1, "generator": "krait bench", "records": records}


def main():
    document = make_document(RECORDS)
    text = None
    for _ in range(ROUNDS):
        text = dumps(document)
        parsed = Parser(text).parse()
        if parsed != document:
            sys.exit("json_serializer: the parsed document differs from the original")
        if dumps(parsed) != text:
            sys.exit("json_serializer: encoding the parsed document gave different text")
    checksum = 0
    for ch in text[::97]:
        checksum = (checksum * 131 + ord(ch)) % 1000000007
    print(f"json_serializer: {RECORDS} records, {len(text)} characters, checksum {checksum}")


main()
