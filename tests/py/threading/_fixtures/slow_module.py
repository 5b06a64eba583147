# Imported by several threads at once (concurrent_import.py): its body takes a while and
# sleeps (letting other threads run) before it defines VALUE.
import time

total = 0
for number in range(100_000):
    total += number
time.sleep(0.05)
VALUE = total
