# Reading standard input in threads (input() and sys.stdin.readline release the GIL while
# they wait): the lines arrive in order and the main thread goes on meanwhile.
import sys
import threading

lines = []


def read_with_input():
    lines.append(("input", input()))
    lines.append(("input", input("prompt> ")))


def read_with_readline():
    lines.append(("readline", sys.stdin.readline()))


first = threading.Thread(target=read_with_input)
first.start()
first.join()
second = threading.Thread(target=read_with_readline)
second.start()
total = sum(range(1000))
second.join()
print()
print(lines, total)
print(repr(sys.stdin.read()))
