# A thread pool mapping a CPU-bound pure-Python function: ThreadPoolExecutor.map over 240
# chunks of Collatz sequence lengths, on 4 worker threads.
#
# Under a global interpreter lock the threads take turns, so this measures the cost of the
# pool's machinery (futures, locks, condition variables, the work queue, thread switches)
# around plain integer work. The chunk results are checked against a serial computation of
# a few chunks and against the known total, so a lost or repeated task shows.
import sys
from concurrent.futures import ThreadPoolExecutor

CHUNKS = 240
CHUNK_SIZE = 1000
WORKERS = 4


def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def chunk_total(chunk):
    start = chunk * CHUNK_SIZE + 1
    total = 0
    for n in range(start, start + CHUNK_SIZE):
        total += collatz_steps(n)
    return total


def main():
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        totals = list(pool.map(chunk_total, range(CHUNKS)))
    for chunk in (0, CHUNKS // 2, CHUNKS - 1):
        if totals[chunk] != chunk_total(chunk):
            expected = chunk_total(chunk)
            sys.exit(f"thread_pool: chunk {chunk} is {totals[chunk]}, expected {expected}")
    grand_total = sum(totals)
    if grand_total != 27969827:
        sys.exit(f"thread_pool: the total is {grand_total}, expected 27969827")
    print(f"chunks: {len(totals)}, first: {totals[0]}, last: {totals[-1]}")
    print(f"total steps for 1..{CHUNKS * CHUNK_SIZE}: {grand_total}")


main()
