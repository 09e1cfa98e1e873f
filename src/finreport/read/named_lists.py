"""Named lists: a count and the names listed after it, read from the narrative."""

from __future__ import annotations

import re
from typing import Final

from ..model.named_lists import NamedList
from ..model.numerals import numeral_value
from ..templates.lists import COUNTED_LIST, COUNTED_LIST_JOIN, COUNTED_LIST_OPEN
from ..text.view import TextView

__all__ = ["find_named_lists"]

#: Where a list of names ends: its sentence's or list item's end.
_END: Final = re.compile(r"[。;]")
#: A bracket with no bracket inside it (removed from the inside out to find the names).
_BRACKET: Final = re.compile(r"\([^()]*\)")
#: One name of a list: what stands between two 、 (brackets blanked).
_NAME: Final = re.compile(r"[^、]+")
#: A name longer than this, or a list of more names, is no list of names.
_LONGEST_NAME: Final = 30
_MOST_NAMES: Final = 60


def find_named_lists(view: TextView) -> list[NamedList]:
    """Every count in the view followed by the names of what it counts (see
    :class:`~finreport.NamedList`)."""
    text = view.text
    found = []
    for m in COUNTED_LIST.finditer(text):
        value = numeral_value(m.group("count"))
        if value is None:
            continue
        end = _END.search(text, m.end())
        stop = end.start() if end is not None else len(text)
        body = text[m.end():stop]
        bare = body
        while (inner := _BRACKET.sub(lambda b: "\x00" * len(b.group()), bare)) != bare:
            bare = inner  # brackets blanked (same length: offsets stay the body's)
        items = tuple(view.phrase(m.end() + part.start(), m.end() + part.end())
                      for part in _NAME.finditer(bare))
        pieces = [p.replace("\x00", "") for p in bare.split("、")]
        is_open = bool(COUNTED_LIST_OPEN.search(body)) or any(
            not p or len(p) > _LONGEST_NAME for p in pieces) or len(pieces) > _MOST_NAMES
        found.append(NamedList(
            count=view.phrase(m.start("count"), m.end("count") + 1),
            value=value,
            noun=view.phrase(m.start("noun"), m.end("noun")),
            items=items,
            joined=bool(pieces and COUNTED_LIST_JOIN.search(pieces[-1])),
            open=is_open,
        ))
    return found
