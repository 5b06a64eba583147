# contextlib asynchronous managers: asynccontextmanager, AsyncExitStack, aclosing,
# nullcontext with async with; run without an event loop (nothing real is awaited).
import contextlib

def run(coroutine):
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("the coroutine awaited something real")

@contextlib.asynccontextmanager
async def resource(name, log):
    log.append(f"open {name}")
    try:
        yield name.upper()
    finally:
        log.append(f"close {name}")

async def main():
    log = []
    async with resource("db", log) as handle:
        log.append(f"use {handle}")
    try:
        async with resource("file", log):
            raise ValueError("inside")
    except ValueError as error:
        log.append(f"caught {error}")
    async with contextlib.AsyncExitStack() as stack:
        first = await stack.enter_async_context(resource("a", log))
        second = await stack.enter_async_context(resource("b", log))
        stack.callback(log.append, "sync callback")
        async def async_callback(text):
            log.append(text)
        stack.push_async_callback(async_callback, "async callback")
        log.append(f"inside stack {first} {second}")
    class Closable:
        async def aclose(self):
            log.append("aclosed")
    async with contextlib.aclosing(Closable()):
        log.append("in aclosing")
    @resource("decorated", log)
    async def decorated(x):
        log.append(f"decorated body {x}")
        return x * 2
    log.append(await decorated(21))
    async with contextlib.nullcontext(5) as value:
        log.append(f"null {value}")
    return log

for line in run(main()):
    print(line)
print(isinstance(resource("x", []), contextlib.AbstractAsyncContextManager))
