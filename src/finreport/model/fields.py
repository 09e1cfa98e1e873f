"""Tables that name fields of the model are checked against the model when imported.

A table such as :data:`finreport._parser.THREE_PUBLIC_FIELDS` says which field an entry
fills; a misspelt name must fail at once, at import, not when a report happens to use it.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["check_fields"]


def check_fields(cls: type, names: Iterable[str], table: str) -> frozenset[str]:
    """The field names of the attrs class *cls*; raises TypeError naming *table* when one
    of *names* is not among them."""
    fields = frozenset(f.name for f in attrs.fields(cls))
    unknown = sorted(set(names) - fields)
    if unknown:
        raise TypeError(f"{table} names fields {unknown} that {cls.__name__} does not have")
    return fields
