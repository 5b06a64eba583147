# A file object that is dropped without close() is flushed and closed when the collector
# frees it (CPython closes it at once; krait when it collects, hence gc.collect()).
import gc
import os
import tempfile

directory = tempfile.mkdtemp()
path = os.path.join(directory, "unclosed.txt")


def write_and_forget(text):
    handle = open(path, "w")
    handle.write(text)


write_and_forget("first line\n")
gc.collect()
with open(path) as handle:
    print(repr(handle.read()))

for i in range(100):
    write_and_forget(f"round {i}\n")
    _ = [str(j) for j in range(50)]
gc.collect()
with open(path) as handle:
    print(repr(handle.read()))

os.remove(path)
os.rmdir(directory)
print("done")
