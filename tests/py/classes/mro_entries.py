# PEP 560: a base that is not a class is replaced by what its __mro_entries__ returns, and
# the class keeps the original bases in __orig_bases__.
class Entry:
    def __mro_entries__(self, bases):
        print('entries for', len(bases))
        return (dict, list) if False else (dict,)
class Bad:
    def __mro_entries__(self, bases):
        return [dict]
class C(Entry(), int.__class__.__mro__[-1]): pass
print(C.__mro__, len(C.__orig_bases__), type(C.__orig_bases__[1]).__name__)
class D(Entry()): pass
print(D.__bases__, '__orig_bases__' in D.__dict__)
try:
    class E(Bad()): pass
except TypeError as e: print(e)
class F(dict): pass
print('__orig_bases__' in F.__dict__)
