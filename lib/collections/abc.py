"""The abstract base classes of containers (Iterable, Mapping, Sequence, ...); they live in
_collections_abc so that collections can use them while it is being imported."""

from _collections_abc import *
from _collections_abc import __all__
