# Sockets over 127.0.0.1: blocking and non-blocking calls, timeouts, errors with errno,
# select.select, select.epoll, selectors.DefaultSelector, socketpair, getaddrinfo.
import errno
import select
import selectors
import socket

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print("SO_REUSEADDR:", server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
server.bind(("127.0.0.1", 0))
server.listen()
host, port = server.getsockname()
print(host, port > 0, server.family, server.type, repr(server.family), server.proto)
print("fileno is int:", isinstance(server.fileno(), int), "timeout:", server.gettimeout())

client = socket.socket()
print("connect_ex:", client.connect_ex(("127.0.0.1", port)))
conn, address = server.accept()
print("accepted from", address[0], "peer matches:", conn.getpeername() == client.getsockname())
client.sendall(b"hello " * 3)
print(conn.recv(100))
conn.sendall(bytearray(b"reply"))
print(client.recv(2), client.recv(100))

conn.setblocking(False)
print("blocking:", conn.getblocking(), conn.gettimeout())
try:
    conn.recv(10)
except BlockingIOError as exc:
    print("BlockingIOError", exc.errno == errno.EAGAIN)
conn.settimeout(0.01)
try:
    conn.recv(10)
except TimeoutError as exc:
    print("timeout:", exc, isinstance(exc, socket.timeout), isinstance(exc, OSError))
conn.settimeout(None)

# select.select reports the readable socket, in the order given.
print(select.select([conn, server], [], [], 0))
client.send(b"x")
readable, writable, _ = select.select([server, conn], [client], [], 1)
print([s is conn for s in readable], [s is client for s in writable])
print(conn.recv(1))

# epoll
ep = select.epoll()
ep.register(conn.fileno(), select.EPOLLIN)
print("epoll idle:", ep.poll(0))
client.send(b"y")
print("epoll ready:", [(fd == conn.fileno(), events == select.EPOLLIN) for fd, events in ep.poll(1)])
ep.unregister(conn.fileno())
try:
    ep.unregister(conn.fileno())
except FileNotFoundError as exc:
    print("unregister twice:", exc.errno == errno.ENOENT)
ep.close()
print("epoll closed:", ep.closed)
try:
    ep.poll(0)
except ValueError as exc:
    print("ValueError:", exc)
print(conn.recv(1))

# poll
poller = select.poll()
poller.register(conn, select.POLLIN)
client.send(b"z")
print("poll:", [(fd == conn.fileno(), bool(ev & select.POLLIN)) for fd, ev in poller.poll(1000)])
print(conn.recv(1))

# selectors
with selectors.DefaultSelector() as selector:
    print(type(selector).__name__)
    key = selector.register(conn, selectors.EVENT_READ, data="conn data")
    print(key.fd == conn.fileno(), key.events, key.data, len(selector.get_map()))
    print("nothing yet:", selector.select(0))
    client.send(b"!")
    print([(k.data, mask) for k, mask in selector.select(1)])
    try:
        selector.register(conn, selectors.EVENT_READ)
    except KeyError:
        print("KeyError: already registered")
    selector.modify(conn, selectors.EVENT_READ | selectors.EVENT_WRITE, "both")
    print(sorted(mask for _, mask in selector.select(1)))
    selector.unregister(conn)
    try:
        selector.get_key(conn)
    except KeyError:
        print("KeyError: not registered")
    print(conn.recv(1))

# End of stream, shutdown, close.
client.shutdown(socket.SHUT_WR)
print("eof:", conn.recv(10))
client.close()
conn.close()
print(conn.fileno())
try:
    conn.recv(1)
except OSError as exc:
    print(type(exc).__name__, exc.errno == errno.EBADF)
server.close()

# Nobody listens on the port now.
refused = socket.socket()
try:
    refused.connect(("127.0.0.1", port))
except ConnectionRefusedError as exc:
    print("ConnectionRefusedError", exc.errno, exc.strerror)
print("connect_ex:", refused.connect_ex(("127.0.0.1", port)) == errno.ECONNREFUSED)
refused.close()

with socket.socket() as busy:
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    other = socket.socket()
    try:
        other.bind(busy.getsockname())
    except OSError as exc:
        print("bind:", type(exc).__name__, exc.errno == errno.EADDRINUSE)
    other.close()

a, b = socket.socketpair()
a.sendall(b"pair")
print(b.recv(10), a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
a.close()
print(b.recv(10))
b.close()

print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("localhost", "80", socket.AF_INET, socket.SOCK_STREAM)[0][4])
try:
    socket.getaddrinfo("name.invalid", 80)
except socket.gaierror as exc:
    print("gaierror", isinstance(exc, OSError))
try:
    socket.socket().bind(("127.0.0.1", 70000))
except OverflowError as exc:
    print("OverflowError:", exc)

with socket.create_server(("127.0.0.1", 0)) as listener:
    with socket.create_connection(listener.getsockname(), timeout=5) as c:
        accepted, _ = listener.accept()
        c.sendall(b"via create_connection")
        print(accepted.recv(100), c.gettimeout())
        accepted.close()
