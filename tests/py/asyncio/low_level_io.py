# The loop's low-level I/O: sock_* coroutines, add_reader/add_writer, protocols and
# transports from create_connection/create_server, and the exception handler.
import asyncio
import socket


class Collect(asyncio.Protocol):
    def __init__(self, events, done, reply=False):
        self.events = events
        self.done = done
        self.reply = reply
        self.eof = done.get_loop().create_future()

    def connection_made(self, transport):
        self.transport = transport
        self.events.append("made")

    def data_received(self, data):
        self.events.append(("data", data))
        if self.reply and data.endswith(b"."):
            self.transport.write(b"ack " + data)
            self.transport.write_eof()

    def eof_received(self):
        self.events.append("eof")
        self.eof.set_result(None)
        # The client keeps its half-closed transport open; the server closes its own.
        return not self.reply

    def connection_lost(self, exc):
        self.events.append(("lost", exc))
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    port = listener.getsockname()[1]
    client = socket.socket()
    client.setblocking(False)
    accepted, (conn, address) = await asyncio.gather(
        loop.sock_connect(client, ("127.0.0.1", port)), loop.sock_accept(listener))
    print("sock_connect:", accepted, "peer host:", address[0], conn.getblocking())
    await loop.sock_sendall(client, b"x" * 100_000)
    received = 0
    while received < 100_000:
        received += len(await loop.sock_recv(conn, 65536))
    print("received", received)
    buffer = bytearray(4)
    await loop.sock_sendall(conn, b"into")
    print(await loop.sock_recv_into(client, buffer), buffer)
    for s in (client, conn, listener):
        s.close()

    # add_reader: a callback each time the descriptor is readable.
    reader_sock, writer_sock = socket.socketpair()
    reader_sock.setblocking(False)
    got = loop.create_future()

    def on_readable():
        data = reader_sock.recv(100)
        loop.remove_reader(reader_sock)
        got.set_result(data)

    loop.add_reader(reader_sock, on_readable)
    writer_sock.send(b"ping")
    print("add_reader got", await got)
    print("remove again:", loop.remove_reader(reader_sock))
    writable = loop.create_future()
    loop.add_writer(writer_sock, lambda: writable.done() or writable.set_result("writable"))
    print(await writable, loop.remove_writer(writer_sock))
    reader_sock.close()
    writer_sock.close()

    # Protocols and transports.
    server_events = []
    server_done = loop.create_future()
    server = await loop.create_server(lambda: Collect(server_events, server_done, reply=True),
                                      "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client_events = []
    client_done = loop.create_future()
    transport, protocol = await loop.create_connection(
        lambda: Collect(client_events, client_done), "127.0.0.1", port)
    print("client transport peer:", transport.get_extra_info("peername") == ("127.0.0.1", port))
    print("can_write_eof:", transport.can_write_eof(), "closing:", transport.is_closing())
    transport.write(b"hello.")
    await protocol.eof
    transport.close()
    await client_done
    await server_done
    print("client:", client_events)
    print("server:", server_events)
    server.close()
    await server.wait_closed()

    # Exceptions in callbacks go to the exception handler; the loop keeps running.
    contexts = []
    loop.set_exception_handler(lambda loop, context: contexts.append(context))

    def broken():
        raise ValueError("in callback")

    loop.call_soon(broken)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(sorted(contexts[0]), contexts[0]["message"].startswith("Exception in callback"),
          repr(contexts[0]["exception"]))
    print("handler:", loop.get_exception_handler() is not None)
    loop.set_exception_handler(None)
    try:
        loop.set_exception_handler(42)
    except TypeError as exc:
        print("TypeError:", exc)


asyncio.run(main())
