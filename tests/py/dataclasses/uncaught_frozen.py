# An uncaught FrozenInstanceError is named with its module, as CPython prints it.
from dataclasses import dataclass

@dataclass(frozen=True)
class Settings:
    name: str
    retries: int = 3

settings = Settings("prod")
print(settings, hash(settings) == hash(Settings("prod")))
settings.retries = 5
