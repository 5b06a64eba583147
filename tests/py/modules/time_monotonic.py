# time: only booleans are printed, never timings.
import time
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
total = 0
for i in range(100000):
    total += i
time.sleep(0.01)
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
print(total)
print(isinstance(t0, float), t0 > 1_600_000_000, t1 >= t0)
print(isinstance(p0, float), p1 > p0, p1 - p0 >= 0.005, p1 - p0 < 60)
print(m1 >= m0)
print(isinstance(time.time_ns(), int), time.time_ns() > 1_600_000_000 * 10 ** 9)
