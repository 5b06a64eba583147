# With chained exceptions the last stderr line is the final exception.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("configuration is broken") from e
print(parse("12"))
parse("twelve")
