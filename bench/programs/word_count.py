# Word counting: a deterministic pseudo-random text is assembled from syllables, split into
# words, normalised (case, punctuation) and counted in dicts, then ranked.
#
# String building, str methods (split, lower, strip, join), dict lookups and updates with string
# keys, and a sort with a key function. The counts are made by two independent methods (dict.get
# and membership tests with a second dict of first positions) and must agree; their sum must
# equal the number of words.
import sys

WORDS = 850000
SYLLABLES = ["ka", "ri", "to", "ne", "su", "mo", "la", "vi", "pe", "do", "zu", "shi"]
PUNCTUATION = [",", ".", ";", "!", "?", ""]


def make_text(n):
    seed = 42
    words = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        parts = 1 + seed % 3
        word = ""
        r = seed // 8
        for _ in range(parts):
            word += SYLLABLES[r % len(SYLLABLES)]
            r //= len(SYLLABLES)
        if seed % 7 == 0:
            word = word.capitalize()
        if seed % 5 == 0:
            word += PUNCTUATION[(seed // 5) % len(PUNCTUATION)]
        words.append(word)
        if i % 12 == 11:
            words.append("\n")
    return " ".join(words)


def count_with_get(text):
    counts = {}
    for raw in text.split():
        word = raw.strip(",.;!?").lower()
        counts[word] = counts.get(word, 0) + 1
    return counts


def count_with_membership(text):
    counts = {}
    first_seen = {}
    position = 0
    for line in text.splitlines():
        for raw in line.split(" "):
            if not raw:
                continue
            word = raw.lower().rstrip(",.;!?")
            if word in counts:
                counts[word] += 1
            else:
                counts[word] = 1
                first_seen[word] = position
            position += 1
    return counts, first_seen


def main():
    text = make_text(WORDS)
    counts = count_with_get(text)
    again, first_seen = count_with_membership(text)
    if counts != again:
        sys.exit("word_count: the two counting methods disagree")
    if sum(counts.values()) != WORDS:
        sys.exit(f"word_count: counted {sum(counts.values())} words, made {WORDS}")
    ranked = sorted(counts.items(), key=lambda item: (-item[1], first_seen[item[0]]))
    top = ", ".join(f"{word}={n}" for word, n in ranked[:5])
    print(f"word_count: {len(counts)} distinct words; {top}")


main()
