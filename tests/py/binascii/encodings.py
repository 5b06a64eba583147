import base64
import binascii
import zlib

samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256)), b"\xff\xfe" * 40]
for data in samples:
    encoded = base64.b64encode(data)
    print(encoded[:60], base64.b64decode(encoded) == data, base64.b32encode(data)[:40],
          base64.b32decode(base64.b32encode(data)) == data, base64.b16encode(data)[:20],
          base64.b16decode(base64.b16encode(data)) == data, base64.urlsafe_b64encode(data)[-8:],
          base64.b32hexencode(data)[:16])
    print(binascii.hexlify(data)[:30], binascii.crc32(data), zlib.adler32(data), zlib.crc32(data, 12345))
print(base64.b64decode("YWJj ZA==\n"), base64.b64decode(b"YWJjZA"[:4]), base64.standard_b64decode("Zm9v"))
print(base64.urlsafe_b64decode("-_-_"), base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b64decode(b"-_8=", altchars=b"-_"))
print(base64.encodebytes(bytes(range(100))), base64.decodebytes(base64.encodebytes(b"x" * 200)) == b"x" * 200)
print(binascii.hexlify(b"abcdef", "-"), binascii.hexlify(b"abcdef", b":", 2), binascii.hexlify(b"abcdef", ":", -4), binascii.b2a_hex(b"\x00\x10"))
print(binascii.unhexlify("DEADbeef"), binascii.a2b_hex(b"00ff"), binascii.b2a_base64(b"abc"), binascii.b2a_base64(b"abc", newline=False))
print(binascii.a2b_base64(b"YW!Jj\n"), binascii.crc_hqx(b"123456789", 0), base64.b32decode("mzxw6===", casefold=True))
for call in [lambda: binascii.unhexlify(b"abc"), lambda: binascii.unhexlify(b"zz"), lambda: binascii.a2b_base64(b"abc"),
             lambda: binascii.a2b_base64(b"abcde"), lambda: binascii.a2b_base64(b"ab!c=", strict_mode=True),
             lambda: base64.b64decode("abc"), lambda: base64.b64decode("ab$c", validate=True), lambda: base64.b16decode(b"0g"),
             lambda: base64.b32decode(b"abc"), lambda: base64.b32decode(b"MZXW6==="), lambda: base64.b32decode(b"MZXW6!=="),
             lambda: binascii.hexlify("str"), lambda: base64.b64encode("str"), lambda: base64.b64decode(5),
             lambda: base64.b64decode("é")]:
    try:
        print(repr(call()))
    except Exception as error:
        print(type(error).__module__, type(error).__name__, error)
# zlib: round trips in every format; compressed bytes themselves differ between implementations.
text = b"hello hello hello hello, krait! " * 50
for wbits in [15, -15, 31, 9]:
    packed = zlib.compress(text, 9, wbits) if wbits != 9 else zlib.compress(text)
    print(wbits, len(packed) < len(text), zlib.decompress(packed, wbits if wbits != 9 else 15) == text,
          zlib.decompress(packed, 47) == text if wbits in (15, 31) else "-")
print(zlib.decompress(b"x\x9c\xcbH\xcd\xc9\xc9\x07\x00\x06,\x02\x15"))
print(zlib.decompress(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff\xcbH\xcd\xc9\xc9\x07\x00\x86\xa6\x106\x05\x00\x00\x00", 31))
compressor = zlib.compressobj()
stream = compressor.compress(text[:100]) + compressor.compress(text[100:]) + compressor.flush()
decompressor = zlib.decompressobj()
print(decompressor.decompress(stream[:10]) + decompressor.decompress(stream[10:]) == text, decompressor.eof)
for call in [lambda: zlib.decompress(b"xyz"), lambda: zlib.decompress(zlib.compress(b"hello")[:-3]),
             lambda: zlib.decompress(b"x\x9c" + b"\xff" * 10), lambda: zlib.compress("text"), lambda: zlib.compress(b"x", 12)]:
    try:
        print(repr(call()))
    except Exception as error:
        print(type(error).__module__, type(error).__name__, error)
