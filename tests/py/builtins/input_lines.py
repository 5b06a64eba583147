# input() reads lines from stdin (this case has an .in file); EOF raises EOFError.
name = input()
print("Hello,", name)
count = int(input("How many numbers? "))
numbers = []
for _ in range(count):
    numbers.append(int(input()))
print("numbers:", numbers, "sum:", sum(numbers))
words = input().split()
print(len(words), "words, longest:", max(words, key=len))
print(repr(input()))
print(repr(input()))
while True:
    try:
        line = input()
    except EOFError as e:
        print("EOFError:", repr(str(e)))
        break
    print("rest:", repr(line))
