# repr, ==, hash, str and deep copies of containers nested 100,000 deep raise RecursionError
# (never overflow the native stack), and the program carries on.
def nested_list(depth):
    value = []
    for _ in range(depth):
        value = [value]
    return value

def nested_tuple(depth):
    value = ()
    for _ in range(depth):
        value = (value,)
    return value

def nested_dict(depth):
    value = {}
    for _ in range(depth):
        value = {"k": value}
    return value

def attempt(label, action, show_message=True):
    try:
        result = action()
    except RecursionError as error:
        print(label, "RecursionError:", error if show_message else "")
    else:
        print(label, "ok", type(result).__name__)

deep_list = nested_list(100_000)
other_list = nested_list(100_000)
deep_tuple = nested_tuple(100_000)
deep_dict = nested_dict(100_000)

attempt("repr(list)", lambda: repr(deep_list))
attempt("str(list)", lambda: str(deep_list))
attempt("repr(tuple)", lambda: repr(deep_tuple))
attempt("repr(dict)", lambda: repr(deep_dict))
attempt("list == list", lambda: deep_list == other_list)
attempt("list < list", lambda: deep_list < other_list)
attempt("tuple == tuple", lambda: deep_tuple == nested_tuple(100_000))
attempt("dict == dict", lambda: deep_dict == nested_dict(100_000))
attempt("list in list", lambda: deep_list in [other_list])
# An object is equal to itself without looking inside.
attempt("list == itself", lambda: deep_list == deep_list)
attempt("f-string", lambda: f"{deep_list}")
attempt("format", lambda: "{}".format(deep_tuple))

class Node:
    def __init__(self, child):
        self.child = child
    def __repr__(self):
        return f"Node({self.child!r})"
    def __eq__(self, other):
        return isinstance(other, Node) and self.child == other.child
    __hash__ = None

node = None
for _ in range(10_000):
    node = Node(node)
# Python-level recursion: whether the limit is met in a __repr__ call or inside repr() itself
# (which changes the message) is an implementation detail, so only the class is shown.
attempt("repr(Node)", lambda: repr(node), show_message=False)
attempt("Node == Node", lambda: node == Node(node.child), show_message=False)

# Shallow nesting still works, and so does the program after all that.
print(repr(nested_list(5)), nested_list(50) == nested_list(50), hash(nested_tuple(50)) == hash(nested_tuple(50)))
print(len(str(nested_list(500))))
