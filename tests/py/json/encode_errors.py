# json.dumps errors: CPython's exception types and messages.
import json

def attempt(label, function):
    try:
        print(label, function())
    except (TypeError, ValueError, RecursionError) as error:
        print(label, type(error).__name__ + ":", error)

class Thing:
    pass

attempt("object", lambda: json.dumps(Thing()))
attempt("bytes", lambda: json.dumps(b"x"))
attempt("set", lambda: json.dumps({1, 2}))
attempt("complex", lambda: json.dumps([1, 2j]))
attempt("tuple key", lambda: json.dumps({(1, 2): 3}))
attempt("object key", lambda: json.dumps({Thing(): 3}))
attempt("nan not allowed", lambda: json.dumps(float("nan"), allow_nan=False))
attempt("inf not allowed", lambda: json.dumps([float("inf")], allow_nan=False))
attempt("inf key not allowed", lambda: json.dumps({float("inf"): 1}, allow_nan=False))
attempt("mixed keys sorted", lambda: json.dumps({1: 1, "a": 2}, sort_keys=True))
looping = []
looping.append(looping)
attempt("circular list", lambda: json.dumps(looping))
cycle = {}
cycle["self"] = cycle
attempt("circular dict", lambda: json.dumps(cycle))
attempt("default returns itself", lambda: json.dumps(Thing(), default=lambda o: o))
attempt("default raises", lambda: json.dumps([Thing()], default=lambda o: 1 / 0 if False else str(type(o).__name__)))
shared = [1]
attempt("shared is not circular", lambda: json.dumps([shared, shared, {"x": shared}]))
attempt("bad indent separators", lambda: json.dumps([1], separators=(",",)))
