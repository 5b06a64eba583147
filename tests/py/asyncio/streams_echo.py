# TCP streams over loopback: start_server / open_connection, StreamReader methods,
# StreamWriter write/drain/close/wait_closed, Server lifetime (async with, serve_forever).
import asyncio

log = []


async def echo_upper(reader, writer):
    peer = writer.get_extra_info("peername")
    log.append(f"server: peer host {peer[0]}")
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    log.append(f"server: at_eof {reader.at_eof()}")
    writer.close()
    await writer.wait_closed()
    log.append("server: handler done")


async def fixed_replies(reader, writer):
    try:
        header = await reader.readexactly(4)
    except asyncio.IncompleteReadError as exc:
        writer.write(b"short: " + exc.partial)
    else:
        body = await reader.readuntil(b";")
        rest = await reader.read()
        writer.write(b"header=" + header + b" body=" + body + b" rest=" + rest)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, messages):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for message in messages:
        writer.write(message)
        await writer.drain()
        replies.append(await reader.readline())
    writer.write(b"no newline")
    writer.write_eof()
    replies.append(await reader.read())
    print("client at_eof:", reader.at_eof())
    writer.close()
    await writer.wait_closed()
    return replies


async def main():
    server = await asyncio.start_server(echo_upper, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    print("serving on", host, "port > 0:", port > 0, "is_serving:", server.is_serving())
    async with server:
        print(await client(port, [b"hello\n", b"world\n"]))
        results = await asyncio.gather(client(port, [b"a\n"]), client(port, [b"b\n", b"c\n"]))
        print(results)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        peer = writer.get_extra_info("peername")
        print("client peer:", peer == ("127.0.0.1", port), writer.get_extra_info("nothing", "default"))
        writer.writelines([b"line ", b"by ", b"line\n"])
        async for line in reader:
            print("async for:", line)
            writer.close()
        await writer.wait_closed()
    print("server closed; is_serving:", server.is_serving())
    await asyncio.sleep(0.01)
    print(sorted(set(log)))

    server = await asyncio.start_server(fixed_replies, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"HEADbody;tail")
    writer.write_eof()
    print(await reader.read())
    writer.close()
    await writer.wait_closed()

    # readexactly at EOF raises IncompleteReadError with what was read.
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"AB")
    writer.write_eof()
    data = await reader.read()
    print("short request reply:", data)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

    # serve_forever in a task, stopped by cancelling it.
    server = await asyncio.start_server(echo_upper, "127.0.0.1", 0, start_serving=False)
    port = server.sockets[0].getsockname()[1]
    serving = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)
    print(await client(port, [b"forever\n"]))
    serving.cancel()
    try:
        await serving
    except asyncio.CancelledError:
        print("serve_forever cancelled; is_serving:", server.is_serving())
    await server.wait_closed()

    # Nothing listens on a closed port.
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as exc:
        print("ConnectionRefusedError", exc.errno)

    reader = asyncio.StreamReader()
    reader.feed_data(b"one\ntwo")
    reader.feed_eof()
    print(await reader.readline(), await reader.readline(), await reader.readline())
    reader = asyncio.StreamReader()
    reader.feed_data(b"abc")
    reader.feed_eof()
    try:
        await reader.readexactly(5)
    except asyncio.IncompleteReadError as exc:
        print("IncompleteReadError:", exc, exc.partial, exc.expected)
    reader = asyncio.StreamReader(limit=4)
    reader.feed_data(b"toolongline\n")
    try:
        await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError as exc:
        print("LimitOverrunError:", exc, exc.consumed)


asyncio.run(main())
