# Sorting with key functions: records (tuples and small objects) drawn from a deterministic
# generator are sorted by lambdas, tuple keys, bound methods and in reverse, and merged.
#
# list.sort / sorted with key= (a Python call per element), tuple comparison, and stability.
# Every result is checked for order with a pairwise scan, and stability is checked by carrying
# each record's original position.
import sys

RECORDS = 60000
ROUNDS = 3


class Person:
    def __init__(self, name, age, score, index):
        self.name = name
        self.age = age
        self.score = score
        self.index = index

    def sort_key(self):
        return (self.age, -self.score)


def make_records(n, seed):
    letters = "abcdefghijklmnopqrstuvwxyz"
    people = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        name = letters[seed % 26] + letters[(seed >> 5) % 26] + letters[(seed >> 10) % 26]
        age = 18 + (seed >> 15) % 60
        score = ((seed >> 7) % 10000) / 100.0
        people.append(Person(name, age, score, i))
    return people


def check_sorted(items, key, what):
    for a, b in zip(items, items[1:]):
        if key(a) > key(b):
            sys.exit(f"sorting: {what} is out of order")


def check_stable(items, key, what):
    for a, b in zip(items, items[1:]):
        if key(a) == key(b) and a.index > b.index:
            sys.exit(f"sorting: {what} is not stable")


def one_round(seed):
    people = make_records(RECORDS, seed)
    checksum = 0

    by_name = sorted(people, key=lambda p: p.name)
    check_sorted(by_name, lambda p: p.name, "by name")
    check_stable(by_name, lambda p: p.name, "by name")
    checksum += by_name[0].index + by_name[-1].index

    by_age_score = sorted(people, key=Person.sort_key)
    check_sorted(by_age_score, Person.sort_key, "by (age, -score)")
    checksum += by_age_score[RECORDS // 2].index

    oldest_first = sorted(people, key=lambda p: p.age, reverse=True)
    check_sorted(oldest_first, lambda p: -p.age, "by age, reversed")
    check_stable(oldest_first, lambda p: p.age, "by age, reversed")
    checksum += oldest_first[0].index

    tuples = [(p.score, p.name, p.index) for p in people]
    tuples.sort()
    check_sorted(tuples, lambda t: t, "tuples")
    checksum += tuples[-1][2]

    # Sort twice, the classic multi-key idiom, and compare with the one-pass tuple key.
    two_pass = sorted(people, key=lambda p: p.index % 97)
    two_pass.sort(key=lambda p: p.name[0])
    one_pass = sorted(people, key=lambda p: (p.name[0], p.index % 97))
    if [p.index for p in two_pass] != [p.index for p in one_pass]:
        sys.exit("sorting: two stable passes differ from one tuple key")

    words = sorted({p.name for p in people}, key=len)
    checksum += len(words)
    return checksum


def main():
    total = 0
    for r in range(ROUNDS):
        total += one_round(1000 + r)
    print(f"sorting: {ROUNDS} rounds of {RECORDS} records, checksum {total}")


main()
