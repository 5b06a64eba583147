"""Low-level networking: BSD sockets over the native `_socket` module.

The system calls are `_socket` (runtime/src/modules/socket.rs); this module gives them
CPython's `socket.socket` class and functions. Covered: stream and datagram sockets for
AF_INET, AF_INET6 and AF_UNIX — `bind`, `listen`, `accept`, `connect`/`connect_ex`,
`send`/`sendall`/`recv`/`recv_into`, `shutdown`, `close`/`detach`, `fileno`,
`getsockname`/`getpeername`, `setsockopt`/`getsockopt` (integer options), blocking and
timeouts (`setblocking`, `settimeout`), context management; `socketpair`, `getaddrinfo`,
`create_connection`, `create_server`, `gethostname`, `gaierror`. Host names are resolved with
`getaddrinfo` before `bind`/`connect`. Not covered: `makefile`, `sendto`/`recvfrom`,
`dup`, ancillary data, `sendfile`, and the finalizer's ResourceWarning for unclosed sockets.
"""

import _socket
from enum import IntEnum

# The constants (AF_INET, SOL_SOCKET, ...) with the platform's values.
globals().update({name: value for name, value in vars(_socket).items() if name.isupper()})

__all__ = [
    "socket", "socketpair", "getaddrinfo", "create_connection", "create_server",
    "gethostname", "gaierror", "herror", "timeout", "error", "getdefaulttimeout",
    "setdefaulttimeout", "has_ipv6", "AddressFamily", "SocketKind",
]

error = OSError
timeout = TimeoutError
has_ipv6 = True


class herror(OSError):
    pass


class gaierror(OSError):
    pass


class AddressFamily(IntEnum):
    AF_UNSPEC = _socket.AF_UNSPEC
    AF_INET = _socket.AF_INET
    AF_INET6 = _socket.AF_INET6
    AF_UNIX = _socket.AF_UNIX


class SocketKind(IntEnum):
    SOCK_STREAM = _socket.SOCK_STREAM
    SOCK_DGRAM = _socket.SOCK_DGRAM
    SOCK_RAW = _socket.SOCK_RAW


AF_UNSPEC = AddressFamily.AF_UNSPEC
AF_INET = AddressFamily.AF_INET
AF_INET6 = AddressFamily.AF_INET6
AF_UNIX = AddressFamily.AF_UNIX
SOCK_STREAM = SocketKind.SOCK_STREAM
SOCK_DGRAM = SocketKind.SOCK_DGRAM
SOCK_RAW = SocketKind.SOCK_RAW

_default_timeout = None


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(value):
    global _default_timeout
    _default_timeout = _check_timeout(value)


def _check_timeout(value):
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise TypeError("Timeout value must be int, float or None") from None
    if value != value:
        raise ValueError("Invalid value NaN (not a number)")
    if value < 0:
        raise ValueError("Timeout value out of range")
    return value


def _int_enum(enum_class, value):
    try:
        return enum_class(value)
    except ValueError:
        return value


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Resolves host and port to a list of (family, type, proto, canonname, sockaddr)."""
    if isinstance(host, str):
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    elif isinstance(host, (bytes, bytearray)):
        host = bytes(host).decode("ascii")
    elif host is not None:
        raise TypeError("getaddrinfo() argument 1 must be string or None")
    if isinstance(port, int):
        port = str(port)
    elif isinstance(port, (bytes, bytearray)):
        port = bytes(port).decode("ascii")
    elif port is not None and not isinstance(port, str):
        raise OSError("Int or String expected")
    result = _socket.getaddrinfo(host, port, int(family), int(type), int(proto), int(flags))
    if isinstance(result, tuple):
        raise gaierror(result[0], result[1])
    return [
        (_int_enum(AddressFamily, af), _int_enum(SocketKind, kind), protocol, canonical, address)
        for af, kind, protocol, canonical, address in result
    ]


def gethostname():
    return _socket.gethostname()


def _is_numeric_host(family, host):
    if host in ("", "<broadcast>"):
        return True
    if family == AF_INET:
        parts = host.split(".")
        return len(parts) == 4 and all(part.isdigit() and int(part) < 256 for part in parts)
    if family == AF_INET6:
        return ":" in host and "%" not in host
    return False


class socket:
    """A socket: a file descriptor plus its family, type, protocol and timeout."""

    __slots__ = ("_fd", "_family", "_type", "_proto", "_timeout", "__weakref__")

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
            self._fd = _socket.socket(int(family), int(type), int(proto))
        else:
            if not isinstance(fileno, int):
                fileno = fileno.fileno() if hasattr(fileno, "fileno") else fileno
            if not isinstance(fileno, int):
                raise TypeError("an integer is required")
            if fileno < 0:
                raise ValueError("negative file descriptor")
            known_family, known_type, known_proto = _socket.socket_info(fileno)
            if family == -1:
                family = known_family
            if type == -1:
                type = known_type
            if proto == -1:
                proto = known_proto
            self._fd = fileno
        self._family = int(family)
        self._type = int(type) & ~(_socket.SOCK_NONBLOCK | _socket.SOCK_CLOEXEC)
        self._proto = int(proto)
        self._timeout = None
        if int(type) & _socket.SOCK_NONBLOCK:
            self._set_timeout(0.0)
        elif _default_timeout is not None:
            self._set_timeout(_default_timeout)

    # ---- identity ----

    @property
    def family(self):
        return _int_enum(AddressFamily, self._family)

    @property
    def type(self):
        return _int_enum(SocketKind, self._type)

    @property
    def proto(self):
        return self._proto

    def fileno(self):
        return self._fd

    def __repr__(self):
        closed = self._fd == -1
        text = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            type(self).__module__, type(self).__qualname__,
            " [closed]" if closed else "", self._fd,
            self.family, self.type, self._proto)
        if not closed:
            try:
                local = self.getsockname()
                if local:
                    text += ", laddr=%s" % (local,)
            except OSError:
                pass
            try:
                remote = self.getpeername()
                if remote:
                    text += ", raddr=%s" % (remote,)
            except OSError:
                pass
        return text + ">"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if self._fd != -1:
            self.close()

    def close(self):
        fd = self._fd
        if fd != -1:
            self._fd = -1
            _socket.close(fd)

    def detach(self):
        fd = self._fd
        self._fd = -1
        return fd

    # ---- blocking and timeouts ----

    def _set_timeout(self, value):
        self._timeout = value
        if self._fd != -1:
            _socket.set_blocking(self._fd, value is None)

    def settimeout(self, value):
        self._set_timeout(_check_timeout(value))

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self._set_timeout(None if flag else 0.0)

    def getblocking(self):
        return self._timeout != 0.0

    # ---- addresses ----

    def _address(self, address, what):
        family = self._family
        if family in (AF_INET, AF_INET6):
            if not isinstance(address, tuple):
                if family == AF_INET:
                    raise TypeError(f"{what}(): AF_INET address must be tuple, not "
                                    f"{type(address).__name__}")
                raise TypeError(f"{what}(): AF_INET6 address must be tuple, not "
                                f"{type(address).__name__}")
            host = address[0] if address else None
            if isinstance(host, (bytes, bytearray)):
                host = bytes(host).decode("ascii")
                address = (host,) + address[1:]
            if len(address) >= 2 and isinstance(address[1], int) \
                    and not 0 <= address[1] <= 65535:
                raise OverflowError(f"{what}(): port must be 0-65535.")
            if isinstance(host, str) and not _is_numeric_host(family, host):
                port = address[1] if len(address) > 1 else 0
                infos = getaddrinfo(host, port, family, self._type)
                resolved = infos[0][4]
                address = (resolved[0],) + tuple(address[1:])
        elif family == AF_UNIX and hasattr(address, "__fspath__"):
            address = address.__fspath__()
        return address

    def bind(self, address):
        _socket.bind(self._fd, self._family, self._address(address, "bind"))

    def listen(self, backlog=None):
        if backlog is None:
            backlog = min(_socket.SOMAXCONN, 128)
        _socket.listen(self._fd, backlog)

    def getsockname(self):
        return _socket.getsockname(self._fd)

    def getpeername(self):
        return _socket.getpeername(self._fd)

    # ---- connections ----

    def _accept(self):
        return _socket.accept(self._fd, self._timeout)

    def accept(self):
        fd, address = _socket.accept(self._fd, self._timeout)
        connection = socket(self._family, self._type, self._proto, fileno=fd)
        if _default_timeout is None and self._timeout:
            connection.setblocking(True)
        return connection, address

    def connect(self, address):
        _socket.connect(self._fd, self._family, self._address(address, "connect"),
                        self._timeout, True)

    def connect_ex(self, address):
        return _socket.connect(self._fd, self._family, self._address(address, "connect"),
                               self._timeout, False)

    def shutdown(self, how):
        _socket.shutdown(self._fd, how)

    # ---- data ----

    def send(self, data, flags=0):
        return _socket.send(self._fd, data, flags, self._timeout)

    def sendall(self, data, flags=0):
        data = data if isinstance(data, bytes) else bytes(data)
        total = len(data)
        sent = _socket.send(self._fd, data, flags, self._timeout)
        while sent < total:
            sent += _socket.send(self._fd, data[sent:], flags, self._timeout)
        return None

    def recv(self, bufsize, flags=0):
        return _socket.recv(self._fd, bufsize, flags, self._timeout)

    def recv_into(self, buffer, nbytes=0, flags=0):
        if nbytes < 0:
            raise ValueError("negative buffersize in recv_into")
        if nbytes == 0:
            nbytes = len(buffer)
        data = _socket.recv(self._fd, nbytes, flags, self._timeout)
        buffer[:len(data)] = data
        return len(data)

    # ---- options ----

    def setsockopt(self, level, optname, value, optlen=None):
        if value is None:
            value = bytes(optlen or 0)
        _socket.setsockopt(self._fd, level, optname, value)

    def getsockopt(self, level, optname, buflen=None):
        return _socket.getsockopt(self._fd, level, optname)


SocketType = socket


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """A pair of connected sockets (AF_UNIX by default)."""
    if family is None:
        family = AF_UNIX
    first, second = _socket.socketpair(int(family), int(type), int(proto))
    return (socket(family, type, proto, fileno=first),
            socket(family, type, proto, fileno=second))


def fromfd(fd, family, type, proto=0):
    import os
    return socket(family, type, proto, fileno=os.dup(fd))


_GLOBAL_DEFAULT_TIMEOUT = object()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None):
    """Connects to (host, port), trying each address getaddrinfo gives."""
    host, port = address
    errors = []
    for family, kind, proto, _canonical, sockaddr in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(family, kind, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            errors.append(exc)
            if sock is not None:
                sock.close()
    if errors:
        raise errors[0]
    raise OSError("getaddrinfo returns an empty list")


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A listening TCP socket bound to address."""
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6 and not dualstack_ipv6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 1)
        sock.bind(address)
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except OSError:
        sock.close()
        raise
