# aiter() and anext(), with and without a default, driven by send() (no event loop).


async def numbers(count):
    for index in range(count):
        yield index


class Countdown:
    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        self.current -= 1
        return self.current


async def main():
    iterator = aiter(numbers(2))
    print(await anext(iterator), await anext(iterator), await anext(iterator, "done"))
    try:
        await anext(iterator)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    countdown = Countdown(2)
    print(aiter(countdown) is countdown)
    print(await anext(countdown), await anext(countdown), await anext(countdown, None))
    print([value async for value in Countdown(3)])
    for bad in (lambda: aiter(1), lambda: anext(1), lambda: anext([])):
        try:
            bad()
        except TypeError as error:
            print("TypeError:", error)


def run(coroutine):
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value


run(main())
print(type(anext(numbers(1))).__name__)
