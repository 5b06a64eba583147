import enum
from enum import Enum, Flag, IntEnum, IntFlag, StrEnum, auto, unique


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, type(Color.RED).__name__)
print(list(Color), len(Color), Color(1), Color["GREEN"], Color(3) is Color.BLUE)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color.RED, Color.RED != Color.BLUE)
print(Color.RED in Color, isinstance(Color.RED, Color), repr(Color), str(Color), Color.__name__)
print(f"{Color.RED}", format(Color.RED), "%s" % Color.GREEN, str(Color.BLUE), f"{Color.RED!r}")
print(list(Color.__members__), list(Color.__members__.items())[0], hash(Color.RED) == hash(Color.RED))
print({Color.RED: "r", Color.GREEN: "g"}[Color.GREEN], sorted(Color, key=lambda c: -c.value))
show("bad value", lambda: Color(4))
show("bad name", lambda: Color["PURPLE"])
show("compare", lambda: Color.RED < Color.GREEN)
show("set attr", lambda: setattr(Color.RED, "value", 5))
show("reassign member", lambda: setattr(Color, "RED", 5))


def extend_color():
    class More(Color):
        PINK = 4


show("subclass", extend_color)
print(Color.RED.__class__ is Color, getattr(Color, "GREEN"), Color._member_names_)


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2


print(list(Shape), Shape.ALIAS_FOR_SQUARE, Shape(2), Shape["ALIAS_FOR_SQUARE"] is Shape.SQUARE)
print(list(Shape.__members__), [name for name, m in Shape.__members__.items() if m.name != name])
show("unique", lambda: unique(Shape))


@unique
class Mistake(Enum):
    ONE = 1
    TWO = 2


print(list(Mistake))
show("duplicate key", lambda: Enum("Dup", [("A", 1), ("A", 2)]))


class Ordinal(Enum):
    FIRST = auto()
    SECOND = auto()
    THIRD = auto()


print(list(Ordinal), [o.value for o in Ordinal])


class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    NORTH = auto()
    SOUTH = auto()


print(list(Named), Named("north"))


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)

    def describe(self):
        return f"{self.name} has mass {self.mass}"

    @classmethod
    def heaviest(cls):
        return max(cls, key=lambda p: p.mass)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3))
print(Planet.MERCURY.describe(), Planet.heaviest(), Planet((5.976e+24, 6.37814e6)))


class Mood(Enum):
    FUNKY = 1
    HAPPY = 3

    def describe(self):
        return self.name, self.value

    def __str__(self):
        return f"my custom str! {self.value}"

    @classmethod
    def favorite_mood(cls):
        return cls.HAPPY


print(Mood.favorite_mood(), Mood.HAPPY.describe(), str(Mood.FUNKY), repr(Mood.FUNKY))


class Missing(Enum):
    A = "a"
    B = "b"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
        return None


print(Missing("A"), Missing("b"))
show("missing none", lambda: Missing(3))

Animal = Enum("Animal", "ANT BEE CAT DOG")
print(list(Animal), Animal.ANT.value, Animal(4), repr(Animal))
Pets = Enum("Pets", ["CAT", "DOG"], start=10)
print(list(Pets), Enum("Pairs", [("X", 5), ("Y", 7)]).Y, Enum("D", {"P": "p"}).P.value)


class Number(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3


print(Number.ONE, repr(Number.ONE), str(Number.TWO), f"{Number.THREE}", format(Number.ONE, "03d"))
print(Number.ONE == 1, Number.ONE < Number.TWO, Number.TWO + 1, Number.THREE * 2, [1, 2, 3][Number.ONE])
print(sorted([Number.THREE, Number.ONE]), Number(2), int(Number.THREE), isinstance(Number.ONE, int))
print(hash(Number.ONE) == hash(1), {1: "one"}[Number.ONE], max(Number), Number.TWO.name)


class Letter(StrEnum):
    A = auto()
    B = "bee"


print(Letter.A, repr(Letter.A), Letter.B.upper(), Letter.A == "a", f"{Letter.B}", list(Letter))


class Mixed(str, Enum):
    X = "x"
    Y = "y"


print(Mixed.X, repr(Mixed.X), Mixed.X == "x", Mixed("y"), Mixed.X.upper(), f"{Mixed.Y}")


class Perm(Flag):
    R = 4
    W = 2
    X = 1


RW = Perm.R | Perm.W
print(repr(RW), str(RW), RW.value, RW.name, Perm.R in RW, Perm.X in RW, bool(Perm(0)), repr(Perm(0)))
print(list(Perm), list(RW), len(RW), repr(~Perm.R), repr(RW & Perm.W), repr(RW ^ Perm.R), Perm(7))
print(repr(Perm.R | Perm.W | Perm.X), Perm(6) is RW, Perm(6) == RW, str(Perm(0)), ~Perm(7))
show("flag bad value", lambda: Perm(8))


class Color2(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print([c.value for c in Color2], list(Color2), repr(Color2.WHITE), list(Color2.WHITE), Color2(3))


class Mode(IntFlag):
    R = 4
    W = 2
    X = 1


print(repr(Mode.R | Mode.W), str(Mode.R | Mode.W), Mode.R | 8, repr(Mode.R | 8), Mode.R + 1)
print(Mode.R == 4, repr(Mode(0)), repr(~Mode.R), Mode(7), list(Mode(7)), format(Mode.W, "x"))
print(isinstance(Mode.R, int), repr(Mode(9)), Mode.X in Mode(3))

print(enum.Enum.__name__, type(Color).__name__, issubclass(IntEnum, Enum), isinstance(Color, enum.EnumMeta))
print([m.name for m in reversed(Color)] if hasattr(Color, "__reversed__") else "no reversed")
print(Color.__members__["RED"], dir(Color.RED)[:0], Color.RED._name_, Color.RED._value_)


class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2

    @property
    def is_start(self):
        return self is Weekday.MONDAY


print(Weekday.MONDAY.is_start, Weekday.TUESDAY.is_start)
match Color.GREEN:
    case Color.RED:
        print("matched red")
    case Color.GREEN:
        print("matched green")
