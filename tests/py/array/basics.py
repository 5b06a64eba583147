from array import array, typecodes

for tc, v in [('b', 200), ('b', -200), ('B', -1), ('B', 256), ('h', 40000), ('H', -1), ('i', 2**31), ('I', -1),
              ('l', 2**63), ('L', -1), ('q', 2**63), ('Q', -1), ('i', 1.5), ('f', 'x'), ('u', 5)]:
    try:
        array(tc, [v])
    except Exception as e:
        print(tc, v, type(e).__name__, e)
try:
    array('z')
except Exception as e:
    print(type(e).__name__, e)
a = array('i', [1, 2, 3])
print(a, repr(array('d')), array('u', 'abc'), a.itemsize, a.typecode, a[1:], a * 2, a + a, a.tobytes(), list(a),
      a == array('i', [1, 2, 3]), a < array('i', [2]), typecodes)
for call in [lambda: a + array('d'), lambda: a.index(9), lambda: a.remove(9), lambda: array('i').pop(), lambda: a[5],
             lambda: a.frombytes(b'abc'), lambda: a.append('x'), lambda: hash(a)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(array('b', b'ab'), array('i', range(3)), array('d', [1, 2.5]), array('f', [0.1])[0])
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
a[1] = 10
del a[2]
print(a, a.pop(), a.pop(0), a.count(10), a.index(4), 4 in a, len(a))
a.reverse()
print(a, a.tolist(), sum(a), max(a))
b = array('h', [1, -2, 300])
raw = b.tobytes()
c = array('h')
c.frombytes(raw)
print(raw, c, c == b)
c.byteswap()
print(c, array('u', 'hé').tounicode(), array('Q', [2**64 - 1]), array('d', [1e300]) * 2)
a[1:3] = array('i', [7, 8, 9])
print(a, a[::-1], sorted(array('i', [3, 1, 2])))
