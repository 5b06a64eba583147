# staticmethod, classmethod and property.
class Temperature:
    scale = "C"
    def __init__(self, celsius):
        self._celsius = celsius
    @property
    def celsius(self):
        return self._celsius
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value
    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
    @staticmethod
    def describe(value):
        return f"{value:.1f} degrees"
t = Temperature(100)
print(t.celsius, t.fahrenheit, Temperature.describe(t.celsius), t.describe(3))
t.celsius = 37
print(t.celsius, round(t.fahrenheit, 1))
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
u = Temperature.from_fahrenheit(212)
print(type(u).__name__, u.celsius)
class Kelvin(Temperature):
    scale = "K"
k = Kelvin.from_fahrenheit(32)
print(type(k).__name__, k.celsius, k.scale)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError raised")
class Registry:
    count = 0
    @classmethod
    def make(cls):
        cls.count += 1
        return cls.count
print(Registry.make(), Registry.make(), Registry().make(), Registry.count)
