# An uncaught exception at module level: output so far is kept, the traceback goes to stderr, status 1.
print("before the error")
values = [1, 2, 0, 4]
for v in values:
    print(10 // v)
print("never printed")
