"""Regular-expression helpers shared by the readers."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["any_of"]


def any_of(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern matching wherever any of *patterns* does.

    A table of title patterns is tried row by row; most lines match none, and for them one
    search of this pattern replaces a search per row.  The patterns must share their flags
    and not refer to their groups by number (each is wrapped as it is, so its groups are
    renumbered); a table that breaks this raises ValueError here, at import.
    """
    patterns = tuple(patterns)
    flags = {p.flags for p in patterns}
    if len(flags) > 1:
        raise ValueError("any_of: the patterns have different flags")
    if any(re.search(r"\\[1-9]|\(\?P=", p.pattern) for p in patterns):
        raise ValueError("any_of: a pattern refers to a group by number or name")
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), flags.pop() if flags
                      else 0)
