# A script in the style of real ones, using many library modules together.
from __future__ import annotations
import argparse, json, sys, warnings, atexit
from collections import Counter, defaultdict, OrderedDict, deque, namedtuple
from dataclasses import dataclass, field, asdict
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, ROUND_HALF_UP
from enum import Enum, auto
from functools import lru_cache, reduce, partial
from itertools import groupby, chain, islice, accumulate
from typing import Dict, List, Optional, Iterator
import heapq, bisect, pprint, textwrap, statistics, calendar, copy
from urllib.parse import urlencode, urlparse

class Category(Enum):
    TOOLS = auto()
    FOOD = auto()

@dataclass(order=True)
class Item:
    price: Decimal
    name: str = field(compare=False)
    category: Category = field(compare=False, default=Category.TOOLS)
    tags: List[str] = field(default_factory=list, compare=False)
    added: Optional[date] = field(default=None, compare=False)

def load(text: str) -> Iterator[Item]:
    for row in json.loads(text, parse_float=Decimal):
        yield Item(Decimal(str(row["price"])), row["name"], Category[row["category"]], row.get("tags", []),
                   date.fromisoformat(row["added"]) if "added" in row else None)

DATA = json.dumps([
    {"name": "hammer", "price": 12.5, "category": "TOOLS", "tags": ["steel"], "added": "2024-01-15"},
    {"name": "apple", "price": 0.35, "category": "FOOD", "added": "2024-02-29"},
    {"name": "saw", "price": 23.99, "category": "TOOLS", "tags": ["steel", "sharp"]},
    {"name": "bread", "price": 2.2, "category": "FOOD"},
])

def main(argv=None):
    parser = argparse.ArgumentParser(prog="inventory")
    parser.add_argument("--top", type=int, default=2)
    parser.add_argument("--format", choices=["json", "text"], default="text")
    args = parser.parse_args(argv)
    items = sorted(load(DATA))
    by_category = defaultdict(list)
    for item in items:
        by_category[item.category.name].append(item.name)
    print(dict(by_category))
    total = sum((item.price for item in items), Decimal(0))
    print("total", total, total.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    print(heapq.nlargest(args.top, items, key=lambda i: i.price))
    tags = Counter(chain.from_iterable(item.tags for item in items))
    print(tags.most_common())
    if args.format == "json":
        print(json.dumps([asdict(item) for item in items], default=str, indent=2))
    pprint.pprint({item.name: (item.price, item.added) for item in items}, width=60)
    print(statistics.mean(float(i.price) for i in items), statistics.median([float(i.price) for i in items]))
    print(textwrap.fill("This inventory report lists every item with its price and category, sorted by price.", 40))
    due = datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc) + timedelta(days=30)
    print(due.isoformat(), due.strftime("%A %d %B %Y"), calendar.monthrange(due.year, due.month))
    print(urlencode({"q": "steel tools", "page": 2}), urlparse("https://shop.example/items?id=3").query)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn("prices are estimates")
    print([str(w.message) for w in caught])
    atexit.register(print, "report done")
    Point = namedtuple("Point", "x y")
    print(Point(1, 2)._replace(y=5), list(accumulate([1, 2, 3])), reduce(lambda a, b: a * b, range(1, 6)))
    print(copy.deepcopy(items[0]) == items[0], bisect.bisect([1, 3, 5], 4))

@lru_cache(maxsize=None)
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)

main(["--top", "3", "--format", "json"])
print(fib(80), fib.cache_info())
