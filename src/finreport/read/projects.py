"""Tables of projects whose names wrap: the project table of the tables part (项目支出及其他
支出预算表: a row per unit, then a row per project) and the table of key projects in a
budget's narrative (重点项目预算绩效目标情况: ``项目 | 预算数（单位：万元） | 绩效目标``).

The text layer writes a long name over several lines of its column and the line with the
project's amounts at their middle: as many of the name's lines above it as below, the
middle one on the amount line itself when their number is odd::

    辅助人员补助经费-拱
    7,672.50     7,672.50     7,672.50      0.00 …
    北海关

A line of another column (a goal's text) that stands alone starts at the margin too, so
it is told from a name's line by its width (wider than the table's widest name cell, the
cells written on amount lines, by more than two characters) or the marks that end its
sentences (a name has no ``。`` or ``；``): it is passed over.  A name's
lines never run across another amount line.  Each way
to read the name (the cell on the amount line with the *n* lines above and the *n* below
it, for every *n* the lines allow; a page mark and the header written again at the top
of the next page passed over) is kept, as a :class:`~finreport.Phrase` whose span
runs from the first line's cell to the last's: a goal's short last line (``质。``) may
sit among the name's lines, and which lines are the name is not certain.  A rule compares
two tables by a reading they share (:mod:`finreport.checks.key_projects`).

Reading is linear in the lines of the table: each amount line looks at most
:data:`_MOST_LINES` name lines each way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from ..model.figures import trusted_amount, written_decimals
from ..model.projects import KeyProject
from ..model.sections import Section, SectionKind
from ..model.span import Phrase, Span, trusted_span
from ..templates.tables import CELL, KEY_PROJECT_AMOUNT, KEY_PROJECT_HEADER, NUMBER_GOES_ON, UNIT
from ..text.view import display_width, fold

__all__ = ["key_projects", "name_readings", "read_key_projects"]

#: A line: its start and end in the source, and its text.
Line = tuple[int, int, str]

#: A cell of a line: words apart by single spaces, cells by two or more.
_CELL: Final = re.compile(r"\S+(?:[ \t]\S+)*")
#: The most lines a name takes on each side of its amount line.
_MOST_LINES: Final = 4
#: The farthest a name's line stands from its amount line (goal lines between).
_FARTHEST: Final = 40
#: How much wider than the widest name cell of the table (in display columns) a name's
#: line may be, and the least width allowed (fourteen CJK characters: a goal's lines are
#: wider; few amount lines may write a name cell).
_SLACK: Final = 4
_NARROWEST: Final = 28
#: A reading shorter than this many CJK characters is no name to match by.
_SHORTEST: Final = 4
_CJK: Final = re.compile(r"[\u4e00-\u9fff]")
#: A hyphen at a line's end as some text layers write it (U+FFFE).
_HYPHEN: Final = str.maketrans({"\ufffe": "-"})
#: The last character of a name an amount may be written on to.
_NAME_END: Final = re.compile(r"[\u4e00-\u9fff）)]")
#: A whole number that may be a year.
_YEAR_LIKE: Final = re.compile(r"(?:19|20)\d{2}")
#: A mark that ends a sentence or clause: a line of words with one before a number is
#: a goal's, and the number no project's amount.
_SENTENCE_MARK: Final = re.compile(r"[，,。：:；;！？]")
#: A mark that ends a sentence: a goal's line, never a name's (which may have a comma:
#: ``增加安居集团资本金，用于…项目``).
_GOAL_MARK: Final = re.compile(r"[。；;！？]")


def name_readings(source: str, lines: Sequence[Line], owns: dict[int, tuple[int, int] | None],
                  passed: frozenset[int] = frozenset()) -> dict[int, tuple[Phrase, ...]]:
    """For each amount line (``owns``: its index in *lines* → the name cell written on it,
    as offsets in *source*, or None), the readings of its name; *passed* are lines that are
    no line of a name but a name runs on across (a page mark, the header written again at
    the top of a page)."""
    widest = max((display_width(source[a:b]) + _SLACK for a, b in (c for c in owns.values() if c)),
                 default=_NARROWEST)
    widest = max(widest, _NARROWEST)
    found: dict[int, tuple[Phrase, ...]] = {}
    for k, own in owns.items():
        above = _name_lines(source, lines, owns, passed, k, -1, widest)
        below = _name_lines(source, lines, owns, passed, k, 1, widest)
        above.reverse()
        readings: list[Phrase] = []
        for n in range(min(len(above), len(below)) + 1):
            parts = [*above[len(above) - n:], *([own] if own else []), *below[:n]]
            if not parts:
                continue
            text = "".join(fold(source[a:b]) for a, b in parts).translate(_HYPHEN)
            if len(_CJK.findall(text)) >= _SHORTEST:
                readings.append(Phrase(text, trusted_span(parts[0][0], parts[-1][1])))
        found[k] = tuple(readings)
    return found


def _name_lines(source: str, lines: Sequence[Line], owns: dict[int, tuple[int, int] | None],
                passed: frozenset[int], k: int, step: int, widest: int) -> list[tuple[int, int]]:
    """The first cells of the lines next to line *k* (going by *step*) that may be lines of
    its name, nearest first."""
    found: list[tuple[int, int]] = []
    j = k + step
    while 0 <= j < len(lines) and len(found) < _MOST_LINES and j not in owns and (
            abs(j - k) <= _FARTHEST):
        start, _, text = lines[j]
        cell = _CELL.search(text) if j not in passed else None
        j += step
        if cell is None:
            continue
        if CELL.fullmatch(cell.group()) is not None:
            break  # a number: a line of amounts of its own
        if display_width(cell.group()) <= widest and not _GOAL_MARK.search(cell.group()):
            found.append((start + cell.start(), start + cell.end()))
    return found


def read_key_projects(source: str, sections: Sequence[Section],
                      skip: Sequence[Span] = ()) -> tuple[KeyProject, ...]:
    """The key projects of every table of key projects in the report's *sections* but its
    tables part and contents: each table runs from its header to the end of the section it
    stands in (the deepest whose span holds the header; sections opened by lines of the
    goals' text, ``1.…``, are inside it)."""
    found: list[KeyProject] = []
    for root in sections:
        if root.kind in (SectionKind.TABLES, SectionKind.CONTENTS):
            continue
        at = root.span.start
        while (header := KEY_PROJECT_HEADER.search(source, at, root.span.end)) is not None:
            where = header.start()
            end = min((s.span.end for s in root.walk() if s.span.start <= where < s.span.end),
                      default=root.span.end)
            found.extend(key_projects(source, where, end, skip))
            at = max(end, header.end())
    return tuple(found)


def key_projects(source: str, start: int, end: int,
                 skip: Sequence[Span] = ()) -> tuple[KeyProject, ...]:
    """The key projects of the tables headed ``项目 | 预算数（单位：万元） | 绩效目标`` in
    ``source[start:end]`` (the narrative section the table stands in); a name runs on
    across the lines inside the *skip* spans (page marks) and the header written again.
    A table whose header states no unit is not read: its amounts could not be bound."""
    header = KEY_PROJECT_HEADER.search(source, start, end)
    if header is None:
        return ()
    unit = UNIT.search(header.group())
    if unit is None:
        return ()
    marks = sorted((s.start, s.end) for s in skip if start <= s.start < end)
    lines: list[Line] = []
    passed: set[int] = set()
    at = source.find("\n", header.end(), end) + 1 if header.end() < end else end
    while 0 < at < end:
        stop = source.find("\n", at, end)
        stop = end if stop < 0 else stop
        if any(a <= at < b for a, b in marks) or KEY_PROJECT_HEADER.fullmatch(
                source, at, stop) is not None:
            passed.add(len(lines))
        lines.append((at, stop, source[at:stop]))
        at = stop + 1
    owns: dict[int, tuple[int, int] | None] = {}
    amounts: dict[int, tuple[int, int]] = {}
    for k, (line_start, _, text) in enumerate(lines):
        if k in passed:
            continue
        placed = _amount_of(text, lines[k + 1][2] if k + 1 < len(lines) else "")
        if placed is not None:
            own, amount = placed
            owns[k] = (line_start + own[0], line_start + own[1]) if own else None
            amounts[k] = (line_start + amount[0], line_start + amount[1])
    readings = name_readings(source, lines, owns, frozenset(passed))
    projects: list[KeyProject] = []
    for k, (a, b) in amounts.items():
        written = source[a:b]
        projects.append(KeyProject(
            trusted_amount(Decimal(written.replace(",", "")), unit.group(1), trusted_span(a, b),
                           decimals=written_decimals(written)), readings[k]))
    return tuple(projects)


def _amount_of(line: str, after: str) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """Where a line of a key-project table writes a project's amount, and the name cell
    before it (None when the amount is the line's first cell); None for a line that
    writes none (a name's or a goal's line).  A whole number written on to words and
    ending the line is an amount only when it is not a year's, the words list nothing
    (``、``) and the line *after* does not go on with its unit (``…每公里成本不超过8000``
    / ``元``: a goal's number)."""
    cells = list(_CELL.finditer(line))
    if not cells:
        return None
    first = cells[0]
    if KEY_PROJECT_AMOUNT.fullmatch(first.group()) is not None:
        return None, (first.start(), first.end())
    glued = KEY_PROJECT_AMOUNT.search(first.group())
    name_end = glued.start() if glued is not None else len(first.group())
    if _SENTENCE_MARK.search(first.group(), 0, name_end):
        return None  # a goal's line: a number in it is no project's amount
    if len(cells) >= 2 and KEY_PROJECT_AMOUNT.fullmatch(cells[1].group()) is not None:
        return (first.start(), first.end()), (cells[1].start(), cells[1].end())
    if glued is not None and glued.start() > 0 and _NAME_END.match(
            first.group(), glued.start() - 1) and ("." in glued.group() or len(cells) >= 2 or not (
            _YEAR_LIKE.fullmatch(glued.group()) or NUMBER_GOES_ON.match(after.lstrip())
            or "、" in first.group())):
        return ((first.start(), first.start() + glued.start()),
                (first.start() + glued.start(), first.end()))
    return None
