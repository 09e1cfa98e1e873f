"""The tables part: each 决算表/预算表 as a :class:`Table` of :class:`TableRow` s.

Tables are read from layout text (``finreport.pdf.extract_text`` or ``pdftotext -layout``):
a table row is one line, its cells apart by white space.  A table starts at its title,
recognised from :data:`TABLE_TITLES` (a table of title patterns, first match wins); its
unit is the ``单位：万元`` line; lines without a number before the first row are its
header; a row is an optional classification code (``2040501`` or ``201 06 01``), a name,
and the amounts written on the line, left to right.  A blank cell writes nothing, so a
row's ``cells`` are the amounts it writes; ``columns`` gives where each ends on the line
(in display columns, a full-width character counting two), for rules that must know
which cells stand in one column.  Summary tables written in two halves (收入 | 支出) give
one row per half: ``side`` is the half's place on the line.

Reading is linear in the length of the text: one pass over the lines of the tables part,
one bounded pattern per line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal
from typing import Final

import attrs

from ..model.figures import Amount, trusted_amount, written_decimals
from ..model.span import Phrase, Span, trusted_span
from ..model.tables import Table, TableKind, TableRow
from ..templates.layout import LISTED_TITLE_LEADERS, PART_MARK
from ..templates.tables import (
    CELL,
    COLUMN_NUMBERS,
    LEADING_NUMBER,
    LINE_NUMBER_COLUMN,
    NUMBER_IN_TITLE,
    PLACED_TITLE_END,
    PRINTED_NUMBER,
    TABLE_TITLES,
    TITLE_END,
    UNIT,
)
from ..text.regex import any_of
from ..text.view import display_width, fold, fold_range

__all__ = ["TABLE_TITLES", "Table", "TableKind", "TableRow", "is_table_title", "listed_tables",
           "read_tables", "table_kind", "table_lines"]




#: A classification code at the start of a row: ``2040501`` or ``201 06 01``.
_CODE = re.compile(r"^\s*(\d{3}(?:[ \t]{1,12}\d{2}){1,2}|\d{3}(?:\d{2}){0,2})(?=\s|$)")
_LONGEST_TITLE: Final = 80
#: The most a wrapped title carries over to its second line (``出预算表``).
_WRAPPED_TAIL: Final = 10


def read_tables(source: str, start: int, end: int,
                skip: tuple[Span, ...] = ()) -> tuple[Table, ...]:
    """The tables written in ``source[start:end]`` (the tables part), in text order;
    lines inside the *skip* spans (page marks) are left out."""
    marks = sorted(skip, key=lambda s: s.start)
    starts = [s.start for s in marks]

    def skipped(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and pos < marks[k].end

    lines = [line for line in table_lines(source, start, end)
             if line[2].strip() and not skipped(line[0])]
    titles: list[int] = []
    k = 0
    while k < len(lines):
        text = lines[k][2]
        if k + 1 < len(lines) and _wrapped_title(text, lines[k + 1][2]):
            # a title wrapped over two lines (…支出预 / 算表): one line of the table
            lines[k : k + 2] = [(lines[k][0], lines[k + 1][1],
                                 source[lines[k][0] : lines[k + 1][1]])]
        if _is_title(lines[k][2]) or _titles_a_unit(lines, k):
            titles.append(k)
        k += 1
    # a title followed at once by another is no table (a part heading's second line)
    titles = [k for n, k in enumerate(titles) if n + 1 == len(titles) or titles[n + 1] > k + 1]
    tables = []
    for n, k in enumerate(titles):
        stop = titles[n + 1] if n + 1 < len(titles) else len(lines)
        tables.append(_table(source, lines[k:stop]))
    return tuple(_one_title_each(tables))


def _one_title_each(tables: list[Table]) -> list[Table]:
    """The tables, a title written twice for one table read once: a title with no row
    before another of the same kind is the part heading above the table's own title
    (``十、…“三公”经费支出预算表`` / ``2026年度…三公经费支出预算表``), and one with no row
    after a table of its kind is that table's title repeated on its next page."""
    kept: list[Table] = []
    for n, table in enumerate(tables):
        heading = n + 1 < len(tables) and tables[n + 1].kind is table.kind
        repeated = bool(kept) and kept[-1].kind is table.kind and bool(kept[-1].rows)
        if table.rows or table.kind is None or not (heading or repeated):
            kept.append(table)
    return kept


def _titles_a_unit(lines: list[tuple[int, int, str]], k: int) -> bool:
    """True when line *k* is the title of a table by its place: a short line ending in
    表 (``…经济分类情况表``, ``财政拨款支出表（功能科目）``), with no cell, whose unit
    line (``单位：万元``) follows within :data:`_TITLE_TO_UNIT` lines.  Its kind may be
    none of the standard ones; it still ends the table before it."""
    text = lines[k][2]
    if "表" not in text:
        return False
    folded = fold(text)
    if not 0 < len(folded) <= _LONGEST_TITLE or PART_MARK.match(folded) is not None or (
            PLACED_TITLE_END.search(folded) is None):
        return False
    if CELL.search(NUMBER_IN_TITLE.sub(" ", text)) is not None:
        return False
    return any(UNIT.search(line[2]) is not None
               for line in lines[k + 1 : k + 1 + _TITLE_TO_UNIT])


#: How many lines a table's unit line may come after its title by place (a second
#: title line, the unit).
_TITLE_TO_UNIT: Final = 2


def _wrapped_title(first: str, second: str) -> bool:
    """True when *first* and *second* are one title wrapped over two lines."""
    if "表" not in first and "表" not in second:
        return False  # a title ends in …表 (TITLE_END); folding makes no 表
    if not 0 < len(fold(second)) <= _WRAPPED_TAIL:
        return False  # the common case, a table's row after a row: decided first
    return (_ANY_TABLE_TITLE.search(fold(first)) is not None and not _is_title(first)
            and _is_title(first + second))


def table_lines(source: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The lines of ``source[start:end]``, each ``(start, stop, text)``; a line after a
    form feed starts after it."""
    found = []
    pos = start
    while pos < end:
        stop = source.find("\n", pos, end)
        stop = end if stop < 0 else stop
        first = pos
        while first < stop and source[first] == "\f":
            first += 1  # a page's first line follows the form feed
        found.append((first, stop, source[first:stop]))
        pos = stop + 1
    return found


def is_table_title(line: str) -> bool:
    """True when *line* is the title of a standard table (``2026年预算单位收入预算总表``):
    a short line ending as a table's title does, with no cell in it, that names one of
    :data:`TABLE_TITLES`."""
    return _is_title(line) and table_kind(fold(line)) is not None


def _is_title(line: str) -> bool:
    if "表" not in line:
        return False  # a title ends in …表 (TITLE_END); folding makes no 表
    folded = fold(line)
    return 0 < len(folded) <= _LONGEST_TITLE and TITLE_END.search(folded) is not None and (
        CELL.search(NUMBER_IN_TITLE.sub(" ", line)) is None) and PART_MARK.match(folded) is None


#: Where any of :data:`TABLE_TITLES` matches (one search instead of one per row).
_ANY_TABLE_TITLE = any_of(pattern for _, pattern in TABLE_TITLES)


def table_kind(title: str) -> TableKind | None:
    """The standard kind of a table from its (folded) title, by :data:`TABLE_TITLES`."""
    for kind, pattern in TABLE_TITLES:
        if pattern.search(title):
            return kind
    return None


def _phrase(source: str, start: int, stop: int) -> Phrase:
    """The words of ``source[start:stop]`` without surrounding white space."""
    text = source[start:stop]
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    return Phrase(fold_range(source, start, stop),
                  trusted_span(start + lead, start + max(lead, trail)))


def _row_number(written: str) -> bool:
    """Whether a cell is written as a whole number of one to three digits, not zero (a
    row's number, a mark)."""
    return len(written) <= 3 and written.isdigit() and written[0] != "0"


#: White space wide enough to stand for a blank cell between two labels of a row.
_WIDE_GAP: Final = re.compile(r"[ \t\u3000]{6,}")
#: A row's label: three characters or more, the first and last not white space.
_LABEL: Final = re.compile(r"\s*\S.+\S\s*")
#: Cells left blank, or written as a dash (``-``, ``—``): no words, no amount.
_BLANK_CELLS: Final = re.compile(r"(?:\s|(?<!\S)[-—－–]{1,2}(?!\S))*")
def _has_words(cells: str) -> bool:
    """Whether a stretch of a row holds words: neither blank nor dashes only."""
    written = cells.strip()
    return bool(written) and (written[0] not in _DASHES or _BLANK_CELLS.fullmatch(cells) is None)


_DASHES: Final = "-—－–"
#: A line holding a whole number of one to three digits only (a page's number).
_BARE_MARK: Final = re.compile(r"\s*\d{1,3}\s*")


def _table(source: str, lines: list[tuple[int, int, str]]) -> Table:
    start, stop, text = lines[0]
    title = _phrase(source, start, stop)
    folded = title.text
    number = None
    if m := LEADING_NUMBER.match(folded):
        number = _phrase(source, start, start + len(text) - len(text.lstrip()) + m.end())
    elif m := PRINTED_NUMBER.search(folded):
        number = Phrase(m.group(), title.span)
    unit = None
    header: list[Phrase] = []
    rows: list[TableRow] = []
    # a name fragment written on the line before its row (where it stands: its words are
    # made only when a row takes them)
    pending: tuple[int, int] | None = None
    orphan: TableRow | None = None  # a coded row whose name went to other lines
    alone: list[int] = []  # rows written alone on their line: which half is theirs?
    halves: dict[int, list[int]] = {}  # where each half's first cell ends, on full lines
    with_decimals = whole = False  # an amount written with decimals, one without, so far
    numbered: bool | None = None  # a 行次 column in the header (known at the first row)
    for line_start, line_stop, line in lines[1:]:
        if not line.strip():
            continue
        if unit is None and (u := UNIT.search(line)):
            unit = u.group(1)
            continue
        code = _CODE.match(line)
        cells = list(CELL.finditer(line, code.end() if code is not None else 0))
        if numbered is None and cells and not COLUMN_NUMBERS.match(line):
            numbered = any(LINE_NUMBER_COLUMN.search(h.text) for h in header)
        if numbered and any(_row_number(c.group()) for c in cells):
            # 行次 in the header: a row's whole number of one to three digits is its line
            # number, blanked (no amount, no part of the name before it)
            for c in cells:
                if _row_number(c.group()):
                    line = line[:c.start()] + " " * (c.end() - c.start()) + line[c.end():]
            cells = [c for c in cells if not _row_number(c.group())]
            if not cells:
                continue
        if not rows and COLUMN_NUMBERS.match(line):
            cells = []  # 栏次 1 2 3: the columns' numbers, part of the header
        if not cells:
            if orphan is not None:
                words = _phrase(source, line_start, line_stop)
                rows[-1] = attrs.evolve(orphan, name=_join(orphan.name, words))
                orphan = None
            elif not rows:
                header.append(_phrase(source, line_start, line_stop))
            else:
                pending = (line_start, line_stop)
            continue
        if code is None and with_decimals and len(line) - len(line.lstrip()) + 3 >= len(
                line.rstrip()) and _BARE_MARK.fullmatch(line):
            # a page number between rows of a table whose amounts have decimals: no row
            continue
        if with_decimals and not whole and any(c.end() - c.start() <= 3 for c in cells):
            # a whole number of one to three digits among amounts all written with
            # decimals: a row's number (行次) or a mark, no amount
            cells = [c for c in cells if not _row_number(c.group())]
            if not cells:
                continue
        row_parts = _row(source, line_start, line, cells, code, unit)
        for part in row_parts:
            if part.cells:  # (the rows' first cells tell how the table writes its amounts)
                with_decimals = with_decimals or part.cells[0].decimals > 0
                whole = whole or part.cells[0].decimals == 0
        orphan = None
        if len(row_parts) == 1 and code is None:
            alone.append(len(rows))
        else:
            for part in row_parts:
                if part.columns:
                    halves.setdefault(part.side, []).append(part.columns[0])
        for part in row_parts:
            if part.code is not None and not part.name.text:
                if pending is not None:
                    part = attrs.evolve(part, name=_phrase(source, *pending))
                orphan = part  # its name may go on, on the next line
            rows.append(part)
        pending = None
    _place_halves(rows, alone, halves)
    end = lines[-1][1]
    return Table(title, table_kind(folded), trusted_span(start, max(start, end)), number, unit,
                 tuple(header), tuple(rows))


def _place_halves(rows: list[TableRow], alone: list[int],
                  halves: dict[int, list[int]]) -> None:
    """Give a row written alone on its line the half of the table its first cell stands
    under (a line of a two-sided table that writes only its second half)."""
    if len(halves) < 2:
        return
    typical = {side: sorted(ends)[len(ends) // 2] for side, ends in halves.items()}
    for k in alone:
        row = rows[k]
        if row.columns:
            side = min(typical, key=lambda s: (abs(typical[s] - row.columns[0]), s))
            if side != row.side:
                rows[k] = attrs.evolve(row, side=side)


def _join(first: Phrase, second: Phrase) -> Phrase:
    return Phrase(first.text + second.text, first.span.cover(second.span))


def _row(source: str, line_start: int, line: str, cells: list[re.Match[str]],
         code: re.Match[str] | None, unit: str | None) -> list[TableRow]:
    """The row (or, in a two-sided table, the rows) a line writes."""
    rows: list[TableRow] = []
    label_from = code.end() if code is not None else 0
    side = 0
    amounts: list[Amount] = []
    columns: list[int] = []
    name_span = (label_from, label_from)
    width, measured = 0, 0  # display width of line[:measured]
    for k, cell in enumerate(cells):
        between = line[label_from : cell.start()]
        if (amounts or k > 0) and _has_words(between):
            # words after amounts: the second half of a two-sided table
            rows.append(_make(source, line_start, line, code if side == 0 else None, name_span,
                              amounts, columns, side))
            side += 1
            amounts, columns = [], []
            name_span = (label_from, cell.start())
        elif k == 0:
            name_span = (label_from, cell.start())
            label = line[label_from:cell.start()]
            gap = _WIDE_GAP.search(line, label_from, cell.start()) if (
                "      " in label or "\t" in label or "\u3000" in label) else None
            if gap is not None and _LABEL.fullmatch(line, label_from, gap.start()) and (
                    _LABEL.fullmatch(line, gap.end(), cell.start())):
                # 二、政府性基金预算拨款收入      二、社会保障和就业支出  40.00: the first
                # half's row left blank, the amount the second half's
                rows.append(_make(source, line_start, line, code, (label_from, gap.start()),
                                  [], [], side))
                side += 1
                name_span = (gap.end(), cell.start())
        written = cell.group()
        amounts.append(trusted_amount(Decimal(written.replace(",", "")), unit,
                                      trusted_span(line_start + cell.start(),
                                                   line_start + cell.end()),
                                      decimals=written_decimals(written)))
        width += display_width(line[measured : cell.end()])
        measured = cell.end()
        columns.append(width)
        label_from = cell.end()
    rows.append(_make(source, line_start, line, code if side == 0 else None, name_span,
                      amounts, columns, side))
    tail = line[label_from:]
    if _has_words(tail):
        # a last label with no amount (the other half's row left blank)
        rows.append(_make(source, line_start, line, None, (label_from, len(line)), [], [],
                          side + 1))
    return rows


def _make(source: str, line_start: int, line: str, code: re.Match[str] | None,
          name_span: tuple[int, int], amounts: list[Amount], columns: list[int],
          side: int) -> TableRow:
    a, b = name_span
    label = line[a:b]  # (a line number blanked before or after the name: no part of it)
    b = a + len(label.rstrip())
    a = b - len(label.strip())
    name = _phrase(source, line_start + a, line_start + b)
    digits = "".join(code.group(1).split()) if code is not None else None
    code_span = (trusted_span(line_start + code.start(1), line_start + code.end(1))
                 if code is not None else None)
    return TableRow(name, tuple(amounts), digits, code_span, tuple(columns), side)


def listed_tables(source: str, start: int, end: int) -> tuple[Phrase, ...]:
    """The table titles a table of contents (``source[start:end]``) lists, in order: each
    a line that reads as a table title once its dot leaders and page number are cut,
    a title wrapped over two lines joined (``…会议费、培训费支`` / ``出预算表``)."""
    lines = [(first, first + len(LISTED_TITLE_LEADERS.sub("", text)),
              LISTED_TITLE_LEADERS.sub("", text))
             for first, _, text in table_lines(source, start, end)]
    lines = [line for line in lines if line[2].strip()]
    found: list[Phrase] = []
    k = 0
    while k < len(lines):
        first, stop, text = lines[k]
        if k + 1 < len(lines) and _wrapped_title(text, lines[k + 1][2]):
            found.append(_join(_phrase(source, first, stop),
                               _phrase(source, lines[k + 1][0], lines[k + 1][1])))
            k += 2
            continue
        if _is_title(text):
            found.append(_phrase(source, first, stop))
        k += 1
    return tuple(found)
