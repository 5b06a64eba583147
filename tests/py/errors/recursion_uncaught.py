# Unbounded recursion that is not caught ends with RecursionError.
def forever(n):
    return forever(n + 1) + 1
print("starting")
forever(0)
