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
sentences (a name has no ``。`` or ``；``): it is passed over, as are a page mark and the
header written again atop the next page.  A name's lines never run across another amount
line, nor across more lines of other columns in a row than stand among a name's.  Each
way to read the name (the cell on the amount line with the *n* lines above and the *n*
below it, for every *n* the lines allow) is kept, as a :class:`~finreport.Phrase` whose
span runs from the first line's cell to the last's: which lines are the name is not
certain.  The readings with one line more on one side are kept too, as evidence only.

:func:`bind_key_projects` binds each key project to the row of the project table that
its name certainly reads as (``KeyProject.row``), or says why not (``unbound``); the
table's names are read only around the rows whose lines a key project's name writes.
Reading is linear in the lines: each amount line looks at most :data:`_MOST_LINES` name
lines each way, each line is looked at once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Final

import attrs

from ..model.figures import trusted_amount, written_decimals
from ..model.interval import interval_of
from ..model.projects import KeyProject
from ..model.sections import Section, SectionKind
from ..model.span import Phrase, Span, trusted_span
from ..model.tables import Table, TableRow
from ..templates.tables import (
    CELL,
    COLUMN_UNIT,
    KEY_PROJECT_AMOUNT,
    KEY_PROJECT_HEADER,
    NAME_YEAR,
    NUMBER_GOES_ON,
    PROJECT_ROWS_TITLE,
    UNIT,
)
from ..text.view import display_width, fold
from .tables import table_lines

__all__ = ["MANY_PROJECTS", "NO_ROW", "OTHER_PROJECT", "READ_OTHERWISE", "UNIT_ROW",
           "bind_key_projects", "key_projects", "name_readings", "read_key_projects"]

#: A line: its start and end in the source, and its text.
Line = tuple[int, int, str]

#: A cell of a line: words apart by single spaces, cells by two or more.
_CELL: Final = re.compile(r"\S+(?:[ \t]\S+)*")
_DIGIT: Final = re.compile(r"\d")
#: What ends a cell: two spaces or more (or a tab).
_CELL_GAP: Final = re.compile(r"[ \t]{2,}|\t")
#: The first characters of a number written as a cell.
_NUMBER_START: Final = frozenset("-0123456789")
#: The most lines a name takes on each side of its amount line.
_MOST_LINES: Final = 4
#: How many places on each side of the bisection's are looked at.
_MOST_LOOKS: Final = 64
#: The most lines of other columns (a goal's text) that stand in a row among a name's
#: lines, or between the amount's line and the name's nearest.
_MOST_BETWEEN: Final = 6
#: How much wider than the widest name cell of the table (in display columns) a name's
#: line may be, and the least width allowed (fourteen CJK characters: a goal's lines are
#: wider; few amount lines may write a name cell).
_SLACK: Final = 4
_NARROWEST: Final = 28
#: A reading shorter than this many CJK characters is no name to match by.
_SHORTEST: Final = 4
#: A reading with at least :data:`_SHORTEST` CJK characters.
_NAMED: Final = re.compile(rf"(?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){{{_SHORTEST}}}")
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
                  passed: frozenset[int] = frozenset(),
                  wanted: Callable[[str], bool] | None = None,
                  lopsided: dict[int, tuple[Phrase, ...]] | None = None,
                  repeated: frozenset[str] = frozenset(),
                  ) -> dict[int, tuple[Phrase, ...]]:
    """For each amount line (``owns``: its index in *lines* → the name cell written on it,
    as offsets in *source*, or None), the readings of its name; *passed* are lines that are
    no line of a name but a name runs on across (a page mark, the header written again at
    the top of a page).  With *wanted*, only the readings whose every line (folded) it
    accepts are made: the others can be no name looked for.  Into *lopsided*, when given,
    go the readings of a name not centred on its amount's line (one line more above it
    than below, or below than above).  A line whose words (white space left out) are one
    of *repeated* (a table's header, written again atop each page) is passed over too."""
    widest = max((display_width(source[a:b]) for a, b in (c for c in owns.values() if c)),
                 default=0)
    widest = max(widest + _SLACK, _NARROWEST)
    # what each line is to a name, looked at once when a walk first meets it: a line of it
    # (its first cell, folded, and whether it is wanted), a line passed over (True) or one
    # a name never runs across (False)
    kinds: list[tuple[int, int, str, bool] | bool | None] = [None] * len(lines)
    over = set(passed)  # the lines passed over that are no other column's

    def kind(j: int) -> tuple[int, int, str, bool] | bool:
        known = kinds[j]
        if known is not None:
            return known
        start, _, text = lines[j]
        made: tuple[int, int, str, bool] | bool
        if repeated and j not in owns and "".join(text.split()) in repeated:
            over.add(j)
        if j in owns or j in over:
            made = j not in owns
        elif (cell := _first_cell(text)) is None:
            made = True
        elif (written := text[cell[0]:cell[1]])[0] in _NUMBER_START and CELL.fullmatch(
                written) is not None:
            made = False  # a number: a line of amounts of its own
        elif _fits(written, widest) and not _GOAL_MARK.search(written):
            folded = _folded(written)
            made = (start + cell[0], start + cell[1], folded, wanted is None or wanted(folded))
        else:
            made = True
        kinds[j] = made
        return made

    found: dict[int, tuple[Phrase, ...]] = {}
    for k, own in owns.items():
        mine: list[tuple[int, int, str, bool]] = []
        if own:
            folded = _folded(source[own[0]:own[1]])
            if wanted is not None and not wanted(folded):
                found[k] = ()  # every reading has the line's own cell
                continue
            mine.append((own[0], own[1], folded, True))
        below = _name_lines(kind, len(lines), k, 1, over)
        above = _name_lines(kind, len(lines), k, -1, over) if below or mine else []
        above.reverse()
        found[k] = _joined(above, mine, below, 0)
        if lopsided is not None:
            lopsided[k] = _joined(above, mine, below, 1) + _joined(above, mine, below, -1)
    return found


def _joined(above: list[tuple[int, int, str, bool]], mine: list[tuple[int, int, str, bool]],
            below: list[tuple[int, int, str, bool]], shift: int) -> tuple[Phrase, ...]:
    """The readings of *n* lines above and *n* + *shift* below (the line's own cell
    between), for every *n* the lines allow."""
    readings: list[Phrase] = []
    for n in range(max(0, -shift), min(len(above), len(below) - shift) + 1):
        parts = [*above[len(above) - n:], *mine, *below[:n + shift]]
        if not parts:
            continue
        text = "".join([part[2] for part in parts])
        if _NAMED.match(text) is not None:
            readings.append(Phrase(text, trusted_span(parts[0][0], parts[-1][1])))
    return tuple(readings)


def _name_lines(kind: Callable[[int], tuple[int, int, str, bool] | bool], count: int, k: int,
                step: int, passed: set[int]) -> list[tuple[int, int, str, bool]]:
    """The lines next to line *k* of *count* (going by *step*) that may be lines of its
    name, nearest first: up to a line no name looked for has (no reading goes past it),
    or more lines of other columns in a row than stand among a name's."""
    found: list[tuple[int, int, str, bool]] = []
    j = k + step
    others = 0  # lines of other columns since the last of the name's
    while 0 <= j < count and len(found) < _MOST_LINES and others <= _MOST_BETWEEN:
        line = kind(j)
        if line is False:
            break
        if line is True:
            others += j not in passed
        else:
            if not line[3]:
                break
            found.append(line)
            others = 0
        j += step
    return found


def _first_cell(line: str) -> tuple[int, int] | None:
    """Where the first cell of *line* is (words apart by single spaces; two or more end
    it), or None for a blank line."""
    lead = len(line) - len(line.lstrip())
    if lead == len(line):
        return None
    gap = _CELL_GAP.search(line, lead)
    return lead, gap.start() if gap is not None else len(line.rstrip())


def _folded(cell: str) -> str:
    """A line's part of a name as names are compared: folded, a line-end hyphen as ``-``."""
    folded = fold(cell)
    return folded.translate(_HYPHEN) if "\ufffe" in folded else folded


def _fits(cell: str, widest: int) -> bool:
    """True when *cell* is no wider than *widest* display columns (a character takes one
    or two: its length decides when it can, and the columns are counted only when not)."""
    if 2 * len(cell) <= widest:
        return True
    return len(cell) <= widest and display_width(cell) <= widest


def bind_key_projects(source: str, keys: Sequence[KeyProject], tables: Sequence[Table],
                      skip: Sequence[Span] = (),
                      organization: str | None = None) -> tuple[KeyProject, ...]:
    """*keys* bound to the rows of the report's project tables (a title naming 项目支出
    and no 分类 or 科目, :data:`~finreport.templates.tables.PROJECT_ROWS_TITLE`) that their
    names read as: a key project is a row's when the longest reading the two share (a
    leading year left aside; a narrative's ``名称（单位）`` with the unit's row above the
    project's) is shared with that one row and no other key project, is the row's longest
    reading shared with the key projects, the row is no unit's (the *organization*'s, or a
    row two or more rows after it add up to), and no reading of the name with one line
    more is another project's.  Otherwise ``unbound`` says why.  A table with an amount
    below zero binds nothing (its units cannot be told by sums).  The
    lines inside the *skip* spans (page marks) are left out, as the table reader leaves
    them; a table's names are read only from lines that a key project's name writes."""
    if not keys:
        return ()
    named: dict[str, list[int]] = {}  # each reading of a key project (its year left aside)
    for k, key in enumerate(keys):
        for name in {_name(r.text) for r in key.readings}:
            named.setdefault(name, []).append(k)
    others = {_name(r.text) for key in keys for r in key.other_readings}
    words = "\n".join((*named, *others, organization or ""))

    def wanted(line: str) -> bool:  # a line of a name looked for is written in one of them
        return _name(line) in words

    # a project named with its unit (名称（单位）): the name and the unit such a reading
    # may be made of
    with_unit: dict[str, list[tuple[str, str]]] = {}
    for name in named:
        if name.endswith(")"):
            at = name.find("(")
            while at > 0:
                with_unit.setdefault(name[:at], []).append((name[at + 1:-1], name))
                at = name.find("(", at + 1)
    rows: dict[str, list[tuple[int, int]]] = {}  # reading → the rows that have it
    names_of: dict[tuple[int, int], set[str]] = {}
    units: set[tuple[int, int]] = set()
    marks = sorted((s.start, s.end) for s in skip)
    starts = [a for a, _ in marks]
    for t, table in enumerate(tables):
        if table.unit not in (None, "万元", "元") or not PROJECT_ROWS_TITLE.search(
                table.title.text):
            continue
        listed = [r for r, row in enumerate(table.rows) if row.cells]
        if any(table.rows[r].cells[0].wan < 0 for r in listed):
            continue  # its units cannot be told by what their rows add up to
        readings = _row_readings(source, table, marks, starts, wanted)
        here = {listed[i] for i in _unit_rows([table.rows[r] for r in listed],
                                              [readings.get(r, ()) for r in listed],
                                              organization)}
        units.update((t, r) for r in here)
        unit: set[str] = set()
        for r in listed:
            names = {_name(p.text) for p in readings.get(r, ())}
            if r in here:
                unit = {p.text for p in readings.get(r, ())}
            else:
                names |= {whole for name in names for part, whole in with_unit.get(name, ())
                          if part in unit}
            names_of[t, r] = names
            for name in names:
                rows.setdefault(name, []).append((t, r))
    bound: list[KeyProject] = []
    for k, key in enumerate(keys):
        shared = [n for n in {_name(r.text) for r in key.readings} if n in rows]
        if not shared:
            bound.append(attrs.evolve(key, unbound=NO_ROW))
            continue
        name = max(shared, key=lambda n: (len(n), n))
        if len(rows[name]) != 1 or named[name] != [k]:
            bound.append(attrs.evolve(key, unbound=MANY_PROJECTS))
            continue
        place = rows[name][0]
        back = max((n for n in names_of[place] if n in named), key=lambda n: (len(n), n))
        # the name read with one line more (above or below) is another project's
        elsewhere = any(other != place and other not in units
                        for r in key.other_readings if len(longer := _name(r.text)) > len(name)
                        for other in rows.get(longer, ()))
        reason = (OTHER_PROJECT if back != name else UNIT_ROW if place in units
                  else READ_OTHERWISE if elsewhere else None)
        reading = next(r for r in key.readings if _name(r.text) == name)
        bound.append(attrs.evolve(key, name=reading, row=place, unbound=reason))
    return tuple(bound)


#: Why a key project is not bound to a row of the project table.
NO_ROW: Final = "no row of the project table reads as its name"
MANY_PROJECTS: Final = "the name reads as more than one project"
OTHER_PROJECT: Final = "the row's name reads otherwise as another key project"
UNIT_ROW: Final = "the row is a unit's, not a project's"
READ_OTHERWISE: Final = "the name, read with one more line, is another project's"


def _name(reading: str) -> str:
    """A reading as names are compared: without the year it may begin with."""
    return NAME_YEAR.sub("", reading, count=1)


def _row_readings(source: str, table: Table, marks: list[tuple[int, int]], starts: list[int],
                  wanted: Callable[[str], bool]) -> dict[int, tuple[Phrase, ...]]:
    """The readings of the names of a project table's rows that write amounts (by the
    row's index; the first row of each line) that a name looked for may be."""
    lines: list[Line] = []
    for line in table_lines(source, table.span.start, table.span.end):
        k = bisect_right(starts, line[0]) - 1
        if line[2] and not line[2].isspace() and not (k >= 0 and line[0] < marks[k][1]):
            lines.append(line)
    line_starts = [line[0] for line in lines]
    on_line: dict[int, int] = {}  # the line of each row that writes amounts (its first)
    for r, row in enumerate(table.rows):
        if row.cells and row.side == 0:
            on_line.setdefault(bisect_right(line_starts, row.cells[0].span.start) - 1, r)
    header = {"".join(source[p.span.start:p.span.end].split()) for p in table.header}
    readings = name_readings(source, lines, {
        k: (table.rows[r].name.span.start, table.rows[r].name.span.end)
        if table.rows[r].name.text else None for k, r in on_line.items()}, frozenset(),
        wanted, repeated=frozenset(header))
    return {r: readings[k] for k, r in on_line.items()}


def _unit_rows(rows: list[TableRow], readings: list[tuple[Phrase, ...]],
               organization: str | None) -> Iterator[int]:
    """The rows of a project table (those that write amounts, with the readings of their
    names) that are units, not projects, by their place in *rows*: the organization's, and
    each row that two or more of the rows after it add up to (its projects), at the
    precision written.  The amounts are none below zero (the caller's test), so the
    running sums only grow and the rows that may add up to a row are found by bisection,
    then the places around it whose sums the rounding may allow."""
    values = [row.cells[0].wan for row in rows]
    radius_of: dict[tuple[int, str | None, bool], Decimal] = {}  # by how the cell is written
    radii = []
    for row in rows:
        cell = row.cells[0]
        written = (cell.decimals, cell.unit, cell.wan == 0)
        if written not in radius_of:
            radius_of[written] = interval_of(cell).radius
        radii.append(radius_of[written])
    sums, spread = [Decimal(0)], [Decimal(0)]  # running sums of the values and their radii
    for value, radius in zip(values, radii, strict=True):
        sums.append(sums[-1] + value)
        spread.append(spread[-1] + radius)
    for k in range(len(rows)):
        if organization is not None and any(r.text == organization for r in readings[k]):
            yield k
            continue
        # the rows k+1 … j-1 add up to sums[j] - sums[k+1]: the j nearest the row's value
        # first, then outwards while the sums are within the most the rounding allows
        target = sums[k + 1] + values[k]
        most = radii[k] + spread[-1] - spread[k + 1]
        at = bisect_left(sums, target, lo=k + 3)
        right = range(at, min(len(sums), at + _MOST_LOOKS))
        left = range(at - 1, max(k + 2, at - 1 - _MOST_LOOKS), -1)
        if any(abs(sums[j] - target) <= radii[k] + spread[j] - spread[k + 1]
               for side in (right, left) for j in _while_near(side, sums, target, most)):
            yield k


def _while_near(places: range, sums: list[Decimal], target: Decimal,
                most: Decimal) -> Iterator[int]:
    """The *places* in order while their sums stay within *most* of *target*."""
    for j in places:
        if abs(sums[j] - target) > most:
            return
        yield j


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
    unit = UNIT.search(header.group()) or COLUMN_UNIT.search(header.group())
    if unit is None:
        return ()  # (预算数（万元）: the unit in brackets after the column's name)
    marks = sorted((s.start, s.end) for s in skip if start <= s.start < end)
    starts = [a for a, _ in marks]
    lines: list[Line] = []
    passed: set[int] = set()
    at = source.find("\n", header.end(), end) + 1 if header.end() < end else end
    while 0 < at < end:
        stop = source.find("\n", at, end)
        stop = end if stop < 0 else stop
        mark = bisect_right(starts, at) - 1
        if (mark >= 0 and at < marks[mark][1]) or ("项目" in source[at:at + 8] and (
                KEY_PROJECT_HEADER.fullmatch(source, at, stop) is not None)):
            passed.add(len(lines))
        lines.append((at, stop, source[at:stop]))
        at = stop + 1
    owns: dict[int, tuple[int, int] | None] = {}
    amounts: dict[int, tuple[int, int]] = {}
    for k, (line_start, _, text) in enumerate(lines):
        if k in passed or _DIGIT.search(text) is None:
            continue  # no digit, no amount
        placed = _amount_of(text, lines[k + 1][2] if k + 1 < len(lines) else "")
        if placed is not None:
            own, amount = placed
            owns[k] = (line_start + own[0], line_start + own[1]) if own else None
            amounts[k] = (line_start + amount[0], line_start + amount[1])
    lopsided: dict[int, tuple[Phrase, ...]] = {}
    readings = name_readings(source, lines, owns, frozenset(passed), lopsided=lopsided)
    projects: list[KeyProject] = []
    for k, (a, b) in amounts.items():
        written = source[a:b]
        projects.append(KeyProject(
            trusted_amount(Decimal(written.replace(",", "")), unit.group(1), trusted_span(a, b),
                           decimals=written_decimals(written)), readings[k],
            other_readings=lopsided[k]))
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
