# Attributes of exception instances go through the attribute caches (and so the compiled
# code's fast paths) like those of plain instances, except the exception's own fields (args,
# __cause__, __context__, __traceback__, errno…), which must keep their meaning. Each loop is
# long enough to be compiled before the odd cases arrive.


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key
        self.hint = "missing"


class Rewrites(AppError):
    def __init__(self, value):
        self.args = ("rewritten", value)
        self.value = value


class Chained(AppError):
    def __init__(self, cause):
        super().__init__("chained")
        self.__cause__ = cause
        self.extra = 1


class Logged(AppError):
    def __setattr__(self, name, value):
        object.__setattr__(self, name, ("logged", value))

    def __init__(self, key):
        self.key = key


def raise_and_read(n):
    total = 0
    hints = 0
    for i in range(n):
        try:
            raise NotFound(i)
        except NotFound as error:
            total += error.key
            hints += len(error.hint)
            if i == n - 3:
                del error.key
                error.key = -1000
                total += error.key
            if i == n - 2:
                error.__dict__["key"] = 5
                total += error.key
    return total, hints


def args_and_fields(n):
    out = []
    for i in range(n):
        error = Rewrites(i)
        out.append((error.args, error.value))
        chained = Chained(error)
        out.append((chained.__cause__ is error, chained.extra, chained.args))
    return out[-4:]


def logged(n):
    out = None
    for i in range(n):
        out = Logged(i).key
    return out


def disk(n):
    out = None
    for i in range(n):
        error = OSError(2, "No such file")
        error.path = f"/tmp/{i}"
        out = (error.errno, error.strerror, error.filename, error.path, str(error))
    return out


def stop_values(n):
    total = 0
    for i in range(n):
        error = StopIteration(i)
        error.note = i
        total += error.value + error.note
    return total


print(raise_and_read(2000))
print(args_and_fields(2000))
print(logged(2000))
print(disk(2000))
print(stop_values(2000))


def traceback_attributes(n):
    depth = 0
    for i in range(n):
        try:
            raise NotFound(i)
        except NotFound as error:
            error.__traceback__ = None
            depth += error.__traceback__ is None
            error.__context__ = ValueError(i)
            depth += error.__context__.args[0] == i
    return depth


print(traceback_attributes(2000))
