import struct

tests = [('b', 200), ('B', -1), ('h', 40000), ('H', -1), ('i', 2**31), ('<i', 2**31), ('I', -1), ('<I', -1), ('q', 2**63),
         ('<Q', -1), ('l', 2**63), ('<l', 2**31), ('i', 'x'), ('f', 'x'), ('c', b'ab'), ('s', 'x'), ('e', 1e10), ('<f', 1e300),
         ('n', 2**63), ('N', -1), ('?', []), ('?', [1]), ('<q', -2**63), ('>Q', 2**64 - 1), ('i', True)]
for fmt, value in tests:
    try:
        print(fmt, struct.pack(fmt, value))
    except Exception as e:
        print(fmt, type(e).__name__, e)
for fmt, args in [('ii', (1,)), ('i', (1, 2)), ('z', (1,)), ('3', ()), ('<P', (1,))]:
    try:
        print(fmt, struct.pack(fmt, *args))
    except Exception as e:
        print(fmt, type(e).__name__, e)
for fmt, data in [('i', b'abc'), ('<h', b'abcd')]:
    try:
        print(fmt, struct.unpack(fmt, data))
    except Exception as e:
        print(fmt, type(e).__name__, e)
for call in [lambda: struct.unpack_from('i', b'abcd', 2), lambda: list(struct.iter_unpack('i', b'abcde')),
             lambda: struct.pack_into('i', bytearray(2), 0, 1)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(struct.calcsize('@bhiq'), struct.calcsize('=bhiq'), struct.calcsize('@ci'), struct.calcsize('3s2x?'),
      struct.calcsize('P'), struct.calcsize('@lL'), struct.calcsize('5p'), struct.calcsize('0i'), struct.calcsize('b0i'))
print(struct.pack('>bhilqf d', 1, 2, 3, 4, 5, 1.5, 2.25), struct.pack('<e', 1.5), struct.pack('5p', b'abc'),
      struct.pack('3s', b'abcdef'), struct.pack('@bi', 1, 2), struct.pack('!H', 513), struct.pack('<3h', 1, -2, 3))
print(struct.unpack('<e', b'\x00\x3e'), struct.unpack('5p', b'\x03abcd'), struct.unpack('?', b'\x02'))
print(struct.unpack('>bhilqfd', struct.pack('>bhilqfd', -1, -2, -3, -4, -5, 0.1, 0.1)))
print(struct.unpack('<QqIi', struct.pack('<QqIi', 2**64 - 1, -2**63, 4294967295, -2147483648)))
for value in [0.0, -0.0, 1.0, 65504.0, 6.1e-05, 5.96e-08, 1e-9, 0.1, 2.5, float('inf'), -float('inf')]:
    packed = struct.pack('<e', value)
    print(value, packed, struct.unpack('<e', packed), struct.unpack('<f', struct.pack('<f', value)))
s = struct.Struct('<2h')
print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00'), s.unpack_from(b'xx\x01\x00\x02\x00', 2))
buffer = bytearray(8)
struct.pack_into('<hi', buffer, 1, 7, -1)
print(buffer, list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')), struct.unpack_from('<h', b'\x01\x00\x02\x00', -2))
print(struct.pack('c3x?', b'z', True), struct.unpack('c3x?', b'z\x00\x00\x00\x01'))
