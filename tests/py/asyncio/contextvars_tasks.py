# Tasks and callbacks run in a copy of the context they were created in.
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="none")
counter = contextvars.ContextVar("counter")


async def handler(name):
    request.set(name)
    await asyncio.sleep(0)
    print(name, "sees", request.get())
    await nested()
    return request.get()


async def nested():
    print("  nested sees", request.get())


async def main():
    print("main sees", request.get())
    request.set("main")
    results = await asyncio.gather(handler("a"), handler("b"))
    print(results, "main still sees", request.get())

    loop = asyncio.get_running_loop()
    ctx = contextvars.copy_context()
    request.set("changed after copy")
    loop.call_soon(lambda: print("callback with ctx sees", request.get()), context=ctx)
    loop.call_soon(lambda: print("callback without ctx sees", request.get()))
    await asyncio.sleep(0)

    custom = contextvars.Context()
    task = asyncio.create_task(handler("custom"), context=custom)
    print(await task, "custom has", custom.get(request))

    try:
        counter.get()
    except LookupError:
        print("LookupError for unset var")
    token = counter.set(1)
    print(counter.get(), token.var is counter, token.old_value is contextvars.Token.MISSING)
    counter.reset(token)
    print(counter.get("reset"))
    try:
        counter.reset(token)
    except RuntimeError:
        print("token used twice")


asyncio.run(main())

ctx = contextvars.copy_context()
print(request in ctx, ctx.get(request), len(ctx) >= 0)
print(ctx.run(lambda: request.get()))


def inside():
    request.set("inside run")
    return request.get()


print(ctx.run(inside), request.get(), ctx[request])
print(request.name, counter.get(42))
