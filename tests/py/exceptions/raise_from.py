# Re-raising, raise ... from ..., implicit context, and assert.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"could not parse {text!r}") from e
try:
    parse("abc")
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")
try:
    implicit()
except KeyError as e:
    print(repr(e), "context:", type(e.__context__).__name__, e.__cause__)
def reraise():
    try:
        [].pop()
    except IndexError:
        print("logging and re-raising")
        raise
try:
    reraise()
except IndexError as e:
    print("re-raised:", e)
try:
    raise ValueError("original") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(e))
class RetryError(Exception):
    def __init__(self, attempts):
        super().__init__(f"gave up after {attempts} attempts")
        self.attempts = attempts
def retry(n):
    for attempt in range(1, n + 1):
        try:
            if attempt < 10:
                raise ConnectionError(f"attempt {attempt}")
        except ConnectionError as e:
            print("failed:", e)
    raise RetryError(n)
try:
    retry(3)
except RetryError as e:
    print(e, e.attempts)
e = Exception("a", "b")
print(e.args, str(e))
err = ValueError("kept")
try:
    raise err
except ValueError as caught:
    print(caught is err)
