import _fixtures.selfref as parent

try:
    parent.child
except AttributeError as error:
    print("while importing:", error)
