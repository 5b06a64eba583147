# Objects that survive many collections keep their values while lots of garbage is made and
# freed around them, and slots freed by one collection are reused by the next objects.
import gc

survivors = {}
generation = []
checksum = 0
for step in range(4000):
    item = (step, str(step), [step, step + 1])
    if step % 200 == 0:
        survivors[step] = item
        generation.append({"step": step, "items": [item] * 3})
    checksum += len(item[1]) + item[2][1]
    if step % 1000 == 999:
        print("collected something:", gc.collect() >= 0)

print(checksum)
print(len(survivors), survivors[0], survivors[3800])
print(all(entry["items"][2] is survivors[entry["step"]] for entry in generation))
print(sum(len(value[1]) for value in survivors.values()))

# Collections at a growing live size: the live list grows while garbage churns.
live = []
for i in range(5000):
    live.append((i, i * i))
    _ = [i, i, i]
    _ = {"k": i}
print(len(live), live[1234], sum(pair[0] for pair in live))
del live
gc.collect()
print(len(survivors))
