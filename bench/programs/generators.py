# A generator pipeline: numbers flow through a chain of generator stages (map, filter, sliding
# window, batching, delegation with `yield from`) and a coroutine that receives values with
# send(); generator expressions feed builtins.
#
# Generator creation, suspension and resumption dominate. Each total is checked against a
# closed-form formula or a plain loop computing the same thing.
import sys

N = 1800000


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(source):
    for x in source:
        yield x * x


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def windows(source, size):
    window = []
    for x in source:
        window.append(x)
        if len(window) == size:
            yield tuple(window)
            window.pop(0)


def batches(source, size):
    batch = []
    for x in source:
        batch.append(x)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def chained(*sources):
    for source in sources:
        yield from source


def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total // count


def main():
    # Sum of the squares of the even numbers below N: 4 * sum(k^2 for k < N/2).
    m = N // 2
    even_squares = sum(evens(squares(numbers(N))))
    if even_squares != 4 * (m - 1) * m * (2 * m - 1) // 6:
        sys.exit(f"generators: even squares {even_squares}")

    # Sliding windows of three consecutive numbers: each sums to 3i + 3.
    window_total = sum(sum(w) for w in windows(numbers(N), 3))
    if window_total != sum(3 * i + 3 for i in range(N - 2)):
        sys.exit(f"generators: windows {window_total}")

    # Batches of seven from two delegated ranges.
    batch_count = 0
    batch_total = 0
    for batch in batches(chained(numbers(N // 2), numbers(N // 2)), 7):
        batch_count += 1
        batch_total += max(batch) - min(batch)
    if batch_count != (N + 6) // 7:
        sys.exit(f"generators: {batch_count} batches")

    # A coroutine: running integer average of the multiples of three.
    avg = averager()
    next(avg)
    last = None
    for x in numbers(N):
        if x % 3 == 0:
            last = avg.send(x)
    expected_last = sum(range(0, N, 3)) // len(range(0, N, 3))
    if last != expected_last:
        sys.exit(f"generators: average {last}, expected {expected_last}")

    print(f"generators: {even_squares} {window_total} {batch_count}/{batch_total} {last}")


main()
