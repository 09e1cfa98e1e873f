"""Performance forms written as layout text, the way ``finreport.pdf.extract_text`` writes a
page: each visual line on one text line, its cells apart by white space in proportion to
the gap (two display columns or more), cells closer than that written against each other,
and every line starting at its first character.

The tests build their forms here (the fixtures under ``tests/fixtures/performance_forms/``
were written with it, then checked by hand), so a form's cells are placed as a PDF places
them: text wrapped at its column's width, vertically centred in its row.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import attrs

__all__ = ["Placed", "centred", "render", "width", "wrap"]


def width(text: str) -> int:
    """Display columns of *text*: two for a full-width character, one for the others."""
    return sum(2 if unicodedata.east_asian_width(c) in "FWA" else 1 for c in text)


#: Marks a line does not start with: they stay at the end of the line before.
_CLOSING = frozenset("，。；、：）”》")


def wrap(text: str, columns: int) -> list[str]:
    """*text* broken into lines no wider than *columns* (a closing mark stays on the
    line before, a character past the width)."""
    lines: list[str] = []
    line = ""
    for char in text:
        if line and width(line + char) > columns and char not in _CLOSING:
            lines.append(line)
            line = ""
        line += char
    if line:
        lines.append(line)
    return lines or [""]


@attrs.frozen
class Placed:
    """Text placed on a line of the page, starting at display column *x*."""

    line: int
    x: int
    text: str


def centred(lines: Sequence[str], first: int, rows: int, x: int, columns: int,
            align: str = "left") -> list[Placed]:
    """The lines of a cell of *columns* display columns at *x*, centred vertically in a
    row of *rows* lines starting at line *first* (and horizontally when *align* says)."""
    top = first + (rows - len(lines)) // 2
    out = []
    for k, text in enumerate(lines):
        shift = 0
        if align == "centre":
            shift = (columns - width(text)) // 2
        elif align == "right":
            shift = columns - width(text)
        out.append(Placed(top + k, x + shift, text))
    return out


def render(placed: Sequence[Placed]) -> str:
    """The lines of the page: each line's texts left to right, a gap of three display
    columns or more written as that many spaces, a narrower one closed up, and the line
    starting at its first character."""
    by_line: dict[int, list[Placed]] = {}
    for item in placed:
        by_line.setdefault(item.line, []).append(item)
    out = []
    for line in sorted(by_line):
        items = sorted(by_line[line], key=lambda p: p.x)
        text = ""
        cursor: int | None = None
        for item in items:
            if cursor is not None:
                gap = item.x - cursor
                if gap >= 3:
                    text += " " * gap
            text += item.text
            cursor = item.x + width(item.text)
        out.append(text)
    return "\n".join(out) + "\n"
