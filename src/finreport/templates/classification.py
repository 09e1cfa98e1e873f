"""Functional classification (支出功能分类) reference data: categories (类) and their names
over the years, loaded from ``categories.dat`` beside this module, and the way the reports
write a category's name (``一般公共服务（类）支出``) and a line's path through the
classification (``X（类）Y（款）Z（项）``, ``2080505机关事业单位…``).

The path patterns are matched against folded text (``text.view.fold``)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final

import attrs

from .resources import package_text

__all__ = ["BELOW_CLASS", "CLASSIFICATION", "CODED_ITEM", "CODE_LED", "FUNCTIONAL_CODE", "LEVEL_MARK", "NAME_MARKS",
           "NUMBER_BEFORE_CODE", "Category",
           "categories", "category_key", "category_of", "current_name", "lookup"]


#: The classification path as the reports write it: ``X（类）Y（款）Z（项）``, the class
#: perhaps led by its code (``201一般公共服务（类）…``).
CLASSIFICATION: Final[re.Pattern[str]] = re.compile(
    r"(?P<code>\d{3,7})?(?P<category>[^()\d。;,，:.、\"]{2,24}?"
    r"(?:\([^()。;,，:]{1,4}\)[^()\d。;,，:.、\"]{0,20}?)?)\(类\)"
    r"(?:(?P<group>[^()\d。;,，:.、\"]{1,30}?(?:\([^()。;,，:]{1,4}\)[^()\d。;,，:.、\"]{0,20}?)?)"
    r"\(款\))?"
    r"(?:(?P<item>[^()。;,，:.、\"]{1,40}?(?:\([^()。;,，:]{1,4}\)[^()。;,，:.、\"]{0,20}?)?)"
    r"\(项\))?"
)
#: A line below a class heading: ``X（款）Y（项）`` or ``Y（项）`` (the class is the heading's).
BELOW_CLASS: Final[re.Pattern[str]] = re.compile(
    r"(?:(?P<group>[^()\d。;,，:.、\"]{1,30}?(?:\([^()。;,，:]{1,4}\)[^()。;,，:.、\"]{0,20}?)?)"
    r"\(款\))?"
    r"(?P<item>[^()。;,，:.、\"]{1,40}?(?:\([^()。;,，:]{1,4}\)[^()。;,，:.、\"]{0,20}?)?)\(项\)"
    r"|(?P<group_only>[^()\d。;,，:.、\"]{1,30}?)\(款\)"
)
#: A line led by its functional code: ``2080505机关事业单位基本养老保险缴费支出：…``.
CODE_LED: Final[re.Pattern[str]] = re.compile(
    r"(?P<code>2\d{2}(?:\d{2}){0,2})(?!\d)(?P<name>[^\d:;,，。:(]{2,40}?)"
    r"(?=[:,，;。]|支出决算|决算数|预算数|年初预算|为|\d|$)")

#: An item number before a line's code (``1.2080505机关事业单位…``, ``1.201一般公共服务…``:
#: a class's or group's code followed by a name, not a unit), as a pattern's text.
NUMBER_BEFORE_CODE: Final[str] = (r"\d{1,2}[.．](?=2\d{6}(?!\d)|2\d{2}(?:\d{2})?"
                                  r"(?![\d.,，%万元亿千个人辆台亩吨米次项])[\u4e00-\u9fff])")
#: A functional classification code (支出功能分类): 类 ``201``, 款 ``20101``, 项
#: ``2010101`` (economic codes begin with 3, units' codes are of other lengths).
FUNCTIONAL_CODE: Final[re.Pattern[str]] = re.compile(r"2\d{2}(?:\d{2}){0,2}")

#: A list item led by its line's code, a dash, its name and its amount (``（一）2040201-
#: 行政运行22431.07万元。主要用于…``), from the item's first character after its number.
CODED_ITEM: Final[re.Pattern[str]] = re.compile(
    r"\s*(?P<code>2\d{2}(?:\d{2}){0,2})(?!\d)\s*[-－—–]\s*(?P<name>[^\d:：;；,，。(]{2,40}?)"
    r"(?=[:：,，;；。]|为|\s*\d)")

_LEVEL: Final = r"\((?:类|款|项)\)"
#: The level a name is written with: ``（类）``, ``（款）``, ``（项）``.
LEVEL_MARK: Final[re.Pattern[str]] = re.compile(_LEVEL)
#: What a line's name carries beside its words: its level, or ``其中：`` before it
#: (``其中：行政运行（项）``).
NAME_MARKS: Final[re.Pattern[str]] = re.compile(_LEVEL + r"|^其中[:：]")


@attrs.frozen
class Category:
    """A category (类) name valid from ``since`` to ``until`` (inclusive, None = open)."""

    code: str
    name: str
    since: int | None
    until: int | None

    def valid_in(self, year: int | None) -> bool:
        """True when the name is in use in *year* (any year when None)."""
        if year is None:
            return True
        return (self.since is None or year >= self.since) and (
            self.until is None or year <= self.until)


@cache
def categories() -> tuple[Category, ...]:
    """Every category name in the reference data."""
    text = package_text("templates", "categories.dat")
    out = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        code, name, *years = line.split()
        since = until = None
        if years:
            first, _, last = years[0].partition("-")
            since = int(first) if first else None
            until = int(last) if last else None
        out.append(Category(code, name, since, until))
    return tuple(out)


@cache
def _by_name() -> dict[str, Category]:
    return {c.name: c for c in categories()}


def lookup(name: str, year: int | None = None) -> Category | None:
    """The category a name (without ``（类）``/``支出``) refers to, whatever the year."""
    found = _by_name().get(name)
    if found is None and name.endswith("支出"):
        found = _by_name().get(name[:-2])
    return found


def current_name(category: Category, year: int | None) -> str | None:
    """The name the category has in *year*, when the given name is not valid then."""
    for other in categories():
        if other.code == category.code and other.valid_in(year):
            return other.name
    return None


@lru_cache(maxsize=4096)
def category_key(name: str) -> str:
    """A category name in the form used for matching: no ``(类)``, ``支出`` or ``类``
    (kept per name: the rules ask for the same names many times)."""
    name = _CLASS_MARK.sub("", name)
    name = _LEADING_NUMBER.sub("", name)
    for suffix in ("支出", "类"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
    return name


_CLASS_MARK = re.compile(r"\(类\)|（类）")
_LEADING_NUMBER = re.compile(r"^\d+[.、]?")


def category_of(name: str, year: int | None = None) -> Category | None:
    """The functional category (类) a name as written denotes (``一般公共服务（类）支出``,
    ``2.教育支出``), or None when it names none."""
    return lookup(category_key(name), year)
