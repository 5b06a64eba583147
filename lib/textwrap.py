"""Text wrapping and filling: wrap, fill, shorten, dedent, indent and TextWrapper.

Text is cut into chunks (runs of whitespace, words, the pieces of hyphenated words, em-dashes)
and the chunks are laid greedily onto lines. The chunking rules are CPython's: a word splits
after a hyphen that follows two letters (or letter-hyphen-letter) and precedes a letter, and a
run of two or more hyphens between a word and a letter stands alone.
"""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

# Only ASCII whitespace counts: a no-break space is part of a word.
_whitespace = "\t\n\x0b\x0c\r "
_whitespace_set = frozenset(_whitespace)


def _is_word_char(c):
    return c.isalnum() or c == "_"


def _is_letter(c):
    return _is_word_char(c) and not c.isdecimal()


def _is_word_punct(c):
    return _is_word_char(c) or c in "!\"'&.,?"


def _dash_run(text, i):
    """Length of the run of hyphens starting at i."""
    j = i
    n = len(text)
    while j < n and text[j] == "-":
        j += 1
    return j - i


def _split_hyphenated(text):
    """Cut text into chunks, breaking words after hyphens and around em-dashes."""
    chunks = []
    n = len(text)
    i = 0

    def letter_at(k):
        return 0 <= k < n and _is_letter(text[k])

    while i < n:
        if text[i] in _whitespace_set:
            j = i + 1
            while j < n and text[j] in _whitespace_set:
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        # An em-dash after a word, before a word character.
        if i > 0 and text[i] == "-" and _is_word_punct(text[i - 1]):
            run = _dash_run(text, i)
            if run >= 2 and i + run < n and _is_word_char(text[i + run]):
                chunks.append(text[i:i + run])
                i += run
                continue
        # A word: the shortest run of non-whitespace that ends at a split point.
        p = i + 1
        while True:
            if p < n and text[p] == "-":
                # A hyphen ending "xy-" or "x-y-", followed by "z" then "w" or "-w".
                behind = (letter_at(p - 2) and letter_at(p - 1)) or (
                    letter_at(p - 3) and p - 2 >= 0 and text[p - 2] == "-"
                    and letter_at(p - 1))
                ahead = letter_at(p + 1) and (
                    letter_at(p + 2)
                    or (p + 2 < n and text[p + 2] == "-" and letter_at(p + 3)))
                if behind and ahead:
                    chunks.append(text[i:p + 1])
                    i = p + 1
                    break
            if p >= n or text[p] in _whitespace_set:
                chunks.append(text[i:p])
                i = p
                break
            if _is_word_punct(text[p - 1]) and text[p] == "-":
                run = _dash_run(text, p)
                if run >= 2 and p + run < n and _is_word_char(text[p + run]):
                    chunks.append(text[i:p])
                    i = p
                    break
            p += 1
    return chunks


def _split_simple(text):
    """Cut text into runs of whitespace and runs of everything else."""
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        space = text[i] in _whitespace_set
        j = i + 1
        while j < n and (text[j] in _whitespace_set) == space:
            j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _ends_sentence(chunk):
    """A lowercase letter, then ., ! or ?, then perhaps a closing quote, at the end."""
    if chunk and chunk[-1] in "\"'":
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in ".!?" and "a" <= chunk[-2] <= "z"


class TextWrapper:
    """Wraps and fills paragraphs: the constructor's keywords (width, indents, tab and
    whitespace handling, hyphen and long-word breaking, max_lines and placeholder) are
    attributes that wrap() and fill() read."""

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(" "))

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False,
                 break_long_words=True, drop_whitespace=True, break_on_hyphens=True,
                 tabsize=8, *, max_lines=None, placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        """Expand tabs and turn every whitespace character into a space."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """Split the text into indivisible chunks."""
        if self.break_on_hyphens is True:
            return _split_hyphenated(text)
        return _split_simple(text)

    def _fix_sentence_endings(self, chunks):
        """Make sure that a sentence-ending chunk is followed by two spaces."""
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Put (part of) a chunk longer than the line on the current line."""
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            chunk = reversed_chunks[-1]
            end = space_left
            if self.break_on_hyphens and len(chunk) > space_left:
                # Prefer breaking after the last hyphen that fits, unless only hyphens
                # precede it.
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            # The word goes alone on an overlong line.
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """Lay the chunks onto lines no longer than self.width."""
        if self.width <= 0:
            raise ValueError(f"invalid width {self.width!r} (must be > 0)")
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        lines = []
        pending = chunks[::-1]  # the next chunk is at the end
        while pending:
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            # Whitespace at the start of a line other than the first goes.
            if self.drop_whitespace and lines and pending[-1].strip() == "":
                pending.pop()
            line = []
            length = 0
            while pending and length + len(pending[-1]) <= width:
                chunk = pending.pop()
                line.append(chunk)
                length += len(chunk)
            if pending and len(pending[-1]) > width:
                self._handle_long_word(pending, line, length, width)
                length = sum(map(len, line))
            if self.drop_whitespace and line and line[-1].strip() == "":
                length -= len(line[-1])
                line.pop()
            if not line:
                continue
            fits = (self.max_lines is None or len(lines) + 1 < self.max_lines
                    or ((not pending or (self.drop_whitespace and len(pending) == 1
                                         and not pending[0].strip()))
                        and length <= width))
            if fits:
                lines.append(indent + "".join(line))
                continue
            # The last allowed line: end it with the placeholder, dropping chunks until it
            # fits, or else put the placeholder on the previous line.
            while line:
                if line[-1].strip() and length + len(self.placeholder) <= width:
                    line.append(self.placeholder)
                    lines.append(indent + "".join(line))
                    break
                length -= len(line[-1])
                line.pop()
            else:
                if lines:
                    previous = lines[-1].rstrip()
                    if len(previous) + len(self.placeholder) <= self.width:
                        lines[-1] = previous + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """The lines of the paragraph `text` wrapped to at most self.width columns."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The paragraph `text` wrapped to self.width columns, as one string of lines."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """The lines of `text` wrapped to `width` columns (keyword arguments as for TextWrapper)."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """`text` wrapped to `width` columns, as one string (keyword arguments as for TextWrapper)."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse the whitespace of `text` and, if it does not fit in `width`, cut it at a word
    boundary and append the placeholder."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


def dedent(text):
    """Remove the leading whitespace that all non-blank lines of `text` share; lines of only
    spaces and tabs become empty."""
    lines = text.split("\n")
    margin = None
    for index, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        if not stripped:
            lines[index] = ""
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            for i, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:i]
                    break
    if margin:
        cut = len(margin)
        lines = [line[cut:] if line.startswith(margin) else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """Put `prefix` before each line of `text` for which predicate(line) is true (by default,
    lines that are not all whitespace)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return "".join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
