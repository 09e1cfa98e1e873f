"""Named lists: a count and the names listed after it, read from the narrative."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ..model.named_lists import NamedList
from ..model.numerals import numeral_value
from ..templates.lists import (
    COUNTED_LIST,
    COUNTED_LIST_JOIN,
    COUNTED_LIST_OPEN,
    LIST_HEADING,
    NOT_NAMES,
)
from ..text.view import TextView

__all__ = ["find_named_lists"]

#: Where a list of names ends: its sentence's or list item's end, or a clause after it
#: (``…编研科，负责…``, ``…，另设机关党委``); searched with brackets blanked.
_END: Final = re.compile(r"[。;；，,]")
#: A bracket with no bracket inside it (removed from the inside out to find the names):
#: ``（审批管理处、行政复议室）``, ``【加挂…牌子】`` (folded to ``[…]``).
_BRACKET: Final = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
#: Where the sentence or list item a list stands in ends.
_SENTENCE_END: Final = re.compile(r"[。;；]")
#: One name of a list: what stands between two 、 (brackets blanked).
_NAME: Final = re.compile(r"[^、]+")
#: A name longer than this, or a list of more names, is no list of names.
_LONGEST_NAME: Final = 30
_MOST_NAMES: Final = 60


def _counted_lists(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`COUNTED_LIST` in *text*, looked for only before each ``个``
    (a count has at most three characters; most places of a text hold none)."""
    at = text.find("个")
    while at >= 0:
        for start in range(max(0, at - 3), at):
            if (m := COUNTED_LIST.match(text, start)) is not None:
                yield m
                break
        at = text.find("个", at + 1)


def find_named_lists(view: TextView) -> list[NamedList]:
    """Every count in the view followed by the names of what it counts (see
    :class:`~finreport.NamedList`)."""
    text = view.text
    found = []
    for m in _counted_lists(text):
        value = numeral_value(m.group("count"))
        if value is None:
            continue
        end = _SENTENCE_END.search(text, m.end())
        stop = end.start() if end is not None else len(text)
        bare = text[m.end():stop]
        while (inner := _BRACKET.sub(lambda b: "\x00" * len(b.group()), bare)) != bare:
            bare = inner  # brackets blanked (same length: offsets stay the body's)
        if (cut := _END.search(bare)) is not None:
            bare = bare[:cut.start()]
        body = text[m.end():m.end() + len(bare)]
        items = tuple(view.phrase(m.end() + part.start(), m.end() + part.end())
                      for part in _NAME.finditer(bare))
        pieces = [p.replace("\x00", "") for p in bare.split("、")]
        written = view.span(m.end(), m.end() + len(bare)) if bare else None
        joined = bool(pieces and COUNTED_LIST_JOIN.search(pieces[-1]))
        # one name only: a list split by ，/； (not read as names) unless it counts one
        single = len(items) < 2 and value > (2 if joined else 1)
        is_open = single or bool(COUNTED_LIST_OPEN.search(body)) or any(
            not p or len(p) > _LONGEST_NAME or NOT_NAMES.search(p) for p in pieces) or len(
            pieces) > _MOST_NAMES or (written is not None and LIST_HEADING.search(
                view.source, written.start, written.end) is not None)
        found.append(NamedList(
            count=view.phrase(m.start("count"), m.end("count") + 1),
            value=value,
            noun=view.phrase(m.start("noun"), m.end("noun")),
            items=items,
            joined=joined,
            open=is_open,
        ))
    return found
