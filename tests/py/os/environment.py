import os

os.environ["KRAIT_SAMPLE"] = "value one"
print(os.environ["KRAIT_SAMPLE"], os.getenv("KRAIT_SAMPLE"), "KRAIT_SAMPLE" in os.environ)
print(os.getenv("KRAIT_SURELY_UNSET"), os.getenv("KRAIT_SURELY_UNSET", "fallback"))
print(os.environ.get("KRAIT_SURELY_UNSET", 5))
del os.environ["KRAIT_SAMPLE"]
print("KRAIT_SAMPLE" in os.environ, os.getenv("KRAIT_SAMPLE"))
try:
    os.environ["KRAIT_SURELY_UNSET"]
except KeyError as error:
    print("KeyError:", error)
try:
    os.environ["X"] = 1
except TypeError as error:
    print("TypeError:", error)
os.environ.setdefault("KRAIT_DEFAULT", "d")
print(os.environ["KRAIT_DEFAULT"], isinstance(os.environ.copy(), dict))
print(type(os.getpid()).__name__, os.getpid() > 0, os.getppid() > 0, os.cpu_count() >= 1)
print(len(os.urandom(16)), type(os.urandom(3)).__name__)
print(os.strerror(2), "|", os.strerror(13))
print(isinstance(os.listdir(), list), os.path.exists(os.getcwd()))
import random
print(isinstance(random.SystemRandom().random(), float), 0 <= random.SystemRandom().randrange(10) < 10)
