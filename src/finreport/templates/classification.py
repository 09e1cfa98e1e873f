"""Functional classification (支出功能分类) reference data: categories (类) and their names
over the years, loaded from ``categories.dat`` beside this module, and the way the reports
write a category's name (``一般公共服务（类）支出``)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

import attrs

from .resources import package_text

__all__ = ["Category", "categories", "category_key", "category_of", "current_name", "lookup"]


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
