# Descriptors: __get__/__set__/__delete__/__set_name__, properties with and without
# setter/deleter, and which of instance dict and descriptor wins.


class Logged:
    def __set_name__(self, owner, name):
        self.name = name
        print("set_name", owner.__name__, name)

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance.__dict__.get("_" + self.name, "unset")

    def __set__(self, instance, value):
        print("set", self.name, value)
        instance.__dict__["_" + self.name] = value

    def __delete__(self, instance):
        print("delete", self.name)
        instance.__dict__.pop("_" + self.name, None)


class SetOnly:
    def __get__(self, instance, owner=None):
        return "got"

    def __set__(self, instance, value):
        print("set only", value)


class NonData:
    def __get__(self, instance, owner=None):
        return "non-data"


class Holder:
    logged = Logged()
    set_only = SetOnly()
    non_data = NonData()

    def __init__(self):
        self._value = 1

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, new):
        self._value = new

    @value.deleter
    def value(self):
        print("deleting value")

    @property
    def read_only(self):
        return "ro"


holder = Holder()
print(holder.logged, isinstance(Holder.logged, Logged))
holder.logged = 5
print(holder.logged)
del holder.logged
print(holder.logged)
holder.set_only = 3
try:
    del holder.set_only
except AttributeError as error:
    print("AttributeError:", error)
print(holder.non_data)
holder.non_data = "shadowed"
print(holder.non_data)
del holder.non_data
print(holder.non_data)
holder.value = 10
print(holder.value)
del holder.value
for action in (lambda: setattr(holder, "read_only", 1), lambda: delattr(holder, "read_only")):
    try:
        action()
    except AttributeError as error:
        print("AttributeError:", error)
print(Holder.value.fget.__name__, Holder.read_only.fset, Holder.value.__isabstractmethod__)
