# Binary trees (after the Computer Language Benchmarks Game): allocate perfect binary trees of
# many depths as nested tuples, walk them to count their nodes, and keep one long-lived tree
# alive throughout.
#
# Allocation and garbage collection of millions of short-lived objects, plus recursion. Every
# count must equal 2^(depth+1) - 1 per tree.
import sys

MAX_DEPTH = 16
MIN_DEPTH = 4


def make_tree(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tree(depth), make_tree(depth))


def check_tree(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


def main():
    stretch = MAX_DEPTH + 1
    stretch_check = check_tree(make_tree(stretch))
    if stretch_check != 2 ** (stretch + 1) - 1:
        sys.exit(f"binary_trees: stretch tree counted {stretch_check}")
    print(f"stretch tree of depth {stretch}\t check: {stretch_check}")

    long_lived = make_tree(MAX_DEPTH)
    for depth in range(MIN_DEPTH, MAX_DEPTH + 1, 2):
        iterations = 2 ** (MAX_DEPTH - depth + MIN_DEPTH)
        total = 0
        for _ in range(iterations):
            total += check_tree(make_tree(depth))
        if total != iterations * (2 ** (depth + 1) - 1):
            sys.exit(f"binary_trees: {iterations} trees of depth {depth} counted {total}")
        print(f"{iterations}\t trees of depth {depth}\t check: {total}")

    long_check = check_tree(long_lived)
    if long_check != 2 ** (MAX_DEPTH + 1) - 1:
        sys.exit(f"binary_trees: long lived tree counted {long_check}")
    print(f"long lived tree of depth {MAX_DEPTH}\t check: {long_check}")


main()
