# Single inheritance, overriding, super() and method lookup.
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} the {self.kind} says {self.speak()}"
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return "Woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (squeaky)"
    def describe(self):
        return Animal.describe(self) + f", age {self.age}"
class Cat(Animal):
    kind = "cat"
    def speak(self):
        return "Meow"
for pet in [Animal("Generic"), Dog("Rex"), Puppy("Bit", 1), Cat("Tom")]:
    print(pet.describe())
p = Puppy("Nib", 2)
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Cat), isinstance(p, object))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog), issubclass(Cat, (Dog, Animal)))
print(Puppy.__bases__ == (Dog,), Puppy.__name__, Dog.kind, Puppy.kind)
print([cls.__name__ for cls in Puppy.__mro__])
class Base:
    def __init__(self):
        self.log = ["Base"]
    def hook(self):
        return "base hook"
    def run(self):
        return self.hook()
class Derived(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Derived")
    def hook(self):
        return "derived hook"
d = Derived()
print(d.log, d.run(), Base().run())
class Shape:
    def area(self):
        raise NotImplementedError("subclasses implement area")
class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(Square(5).area())
