"""Secure hashes: md5, sha1, sha224, sha256, sha384, sha512 (native, RustCrypto).

new(name) accepts those names in any case; the others CPython offers through OpenSSL
(sha3_*, blake2*, shake_*) are not available.
"""

import _hashlib

__all__ = (
    "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "new", "algorithms_guaranteed",
    "algorithms_available", "file_digest",
)

_SIZES = {
    "md5": (16, 64), "sha1": (20, 64), "sha224": (28, 64), "sha256": (32, 64),
    "sha384": (48, 128), "sha512": (64, 128),
}

algorithms_guaranteed = frozenset(_SIZES)
algorithms_available = frozenset(_SIZES)


class _Hash:
    """A hash object: feed it with update(), read it with digest() or hexdigest()."""

    def __init__(self, name, state):
        self.name = name
        self._state = state
        self.digest_size, self.block_size = _SIZES[name]

    def update(self, data):
        self._state.update(data)

    def digest(self):
        return self._state.digest()

    def hexdigest(self):
        return self._state.digest().hex()

    def copy(self):
        return _Hash(self.name, self._state.copy())

    def __repr__(self):
        return "<%s _hashlib.HASH object @ %s>" % (self.name, hex(id(self)))


_Hash.__name__ = _Hash.__qualname__ = "HASH"
_Hash.__module__ = "_hashlib"


def new(name, data=b"", *, usedforsecurity=True):
    if not isinstance(name, str):
        raise TypeError(f"new() argument 'name' must be str, not {type(name).__name__}")
    lowered = name.lower()
    state = _hashlib.new(lowered)
    if state is None:
        raise ValueError("unsupported hash type " + name)
    hash_object = _Hash(lowered, state)
    if data:
        hash_object.update(data)
    elif isinstance(data, str):
        hash_object.update(data)
    return hash_object


def _constructor(name):
    def construct(string=b"", *, usedforsecurity=True):
        return new(name, string)
    construct.__name__ = "openssl_" + name
    construct.__qualname__ = "openssl_" + name
    return construct


md5 = _constructor("md5")
sha1 = _constructor("sha1")
sha224 = _constructor("sha224")
sha256 = _constructor("sha256")
sha384 = _constructor("sha384")
sha512 = _constructor("sha512")


def file_digest(fileobj, digest, /, *, _bufsize=2 ** 18):
    hash_object = new(digest) if isinstance(digest, str) else digest()
    while True:
        data = fileobj.read(_bufsize)
        if not data:
            break
        hash_object.update(data)
    return hash_object
