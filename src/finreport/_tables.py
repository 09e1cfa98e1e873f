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

import enum
import re
import unicodedata
from bisect import bisect_right
from decimal import Decimal
from typing import Final

import attrs

from ._budget_line import BudgetLine, Classification
from ._figures import Amount, trusted_amount, written_decimals
from ._regex import any_of
from ._span import Phrase, Span, trusted_span
from ._view import fold, fold_range

__all__ = ["TABLE_TITLES", "Table", "TableKind", "TableRow", "listed_tables", "read_tables",
           "table_kind"]


class TableKind(enum.Enum):
    """The standard tables of final accounts and budgets (the university editions too)."""

    SUMMARY = "summary"  # 收入支出决算总表, 收支预算总表
    INCOME = "income"  # 收入决算表, 收入预算(总)表
    EXPENDITURE = "expenditure"  # 支出决算表, 支出预算(总)表
    FISCAL_SUMMARY = "fiscal_summary"  # 财政拨款收入支出决算总表, 财政拨款收支预算总表
    FISCAL_EXPENDITURE = "fiscal_expenditure"  # 财政拨款支出预算表
    FISCAL_BASIC = "fiscal_basic"  # 财政拨款基本支出预算表
    GENERAL_BUDGET = "general_budget"  # 一般公共预算(财政拨款)支出决算表/预算表
    GENERAL_BUDGET_BASIC = "general_budget_basic"  # 一般公共预算(财政拨款)基本支出…表
    THREE_PUBLIC = "three_public"  # (财政拨款)“三公”经费支出决算表/预算表
    GOVERNMENT_FUND = "government_fund"  # 政府性基金预算财政拨款…表
    STATE_CAPITAL = "state_capital"  # 国有资本经营预算财政拨款…表
    OPERATING_COSTS = "operating_costs"  # 一般公共预算机关运行经费支出预算表
    PROCUREMENT = "procurement"  # 政府采购(支出)预算表


K = TableKind

#: Standard table titles, first match wins (the more specific first).  A title is a
#: short line ending in 决算表/预算表 (or 总表) that one of these patterns matches.
TABLE_TITLES: Final[tuple[tuple[TableKind, re.Pattern[str]], ...]] = (
    (K.THREE_PUBLIC, re.compile(r'三公"?经费')),
    (K.GOVERNMENT_FUND, re.compile(r"政府性基金")),
    (K.STATE_CAPITAL, re.compile(r"国有资本经营")),
    (K.OPERATING_COSTS, re.compile(r"机关运行经费")),
    (K.PROCUREMENT, re.compile(r"政府采购")),
    (K.FISCAL_SUMMARY, re.compile(r"财政拨款收(?:入)?支(?:出)?(?:决算|预算)?总表")),
    (K.GENERAL_BUDGET_BASIC, re.compile(r"一般公共预算.*基本支出")),
    (K.GENERAL_BUDGET, re.compile(r"一般公共预算.*支出")),
    (K.FISCAL_BASIC, re.compile(r"财政拨款.*基本支出")),
    (K.FISCAL_EXPENDITURE, re.compile(r"财政拨款.*支出")),
    (K.SUMMARY, re.compile(r"收(?:入)?支(?:出)?(?:决算|预算)?总表")),
    (K.INCOME, re.compile(r"收入(?:决算|预算)")),
    (K.EXPENDITURE, re.compile(r"支出(?:决算|预算)")),
)


@attrs.frozen(repr=False)
class TableRow:
    """One row of a table: its classification ``code`` when printed (digits only:
    ``201 06 01`` is ``2010601``), its ``name`` as written, and the amounts it writes,
    left to right (``cells``), each with its span and the unit of the table's 单位 line
    (written there, not beside the number); ``columns`` holds where each cell ends
    on its line (display columns).  ``side`` is 0, or the half of a two-sided summary
    table the row belongs to (1 for the second)."""

    name: Phrase
    cells: tuple[Amount, ...] = ()
    code: str | None = None
    code_span: Span | None = None
    columns: tuple[int, ...] = ()
    side: int = 0

    @property
    def level(self) -> str | None:
        """类, 款 or 项 from the code's length (3, 5, 7 digits), else None."""
        return {3: "类", 5: "款", 7: "项"}.get(len(self.code or ""))

    @property
    def is_total(self) -> bool:
        """True for the table's total row (合计, 总计)."""
        return self.code is None and self.name.text in _TOTAL_NAMES

    def __repr__(self) -> str:
        code = f"{self.code} " if self.code else ""
        cells = ", ".join(str(c.value) for c in self.cells)
        return f"TableRow({code}{self.name.text} [{cells}] @{self.name.span.start})"


@attrs.frozen(repr=False)
class Table:
    """A table of the tables part: its ``title`` as written, its standard ``kind`` (None
    when the title is not one of :data:`TABLE_TITLES`), the ``number`` printed before the
    title (``一、``) or after it (``公开01表``), the ``unit`` of its amounts (``万元``,
    ``元``), its ``header`` lines, its ``rows`` and the ``span`` it takes."""

    title: Phrase
    kind: TableKind | None
    span: Span
    number: Phrase | None = None
    unit: str | None = None
    header: tuple[Phrase, ...] = ()
    rows: tuple[TableRow, ...] = ()

    @property
    def total(self) -> TableRow | None:
        """The first total row (合计, 总计), if the table has one."""
        return next((row for row in self.rows if row.is_total), None)

    def budget_lines(self) -> tuple[BudgetLine, ...]:
        """The rows of functional classification (codes 2xx) of an expenditure table
        (支出决算表, 一般公共预算…支出表, 财政拨款支出表) as :class:`~finreport.BudgetLine` s:
        the code and its level from the row, the names of its 类 and 款 from the rows of
        those codes above it, ``amount`` its first amount column (the year's total: 决算数
        in final accounts, this year's budget in a budget).  Other tables give none."""
        if self.kind not in _EXPENDITURE_TABLES:
            return ()
        names: dict[str, Phrase] = {}
        lines = []
        for row in self.rows:
            code = row.code
            if code is None or row.side != 0 or not code.startswith("2"):
                continue
            names[code] = row.name
            first = row.code_span or row.name.span
            span = first.cover(row.cells[-1].span) if row.cells else first.cover(row.name.span)
            code_phrase = Phrase(code, row.code_span or row.name.span)
            path = [names.get(code[:n]) for n in (3, 5, 7) if n <= len(code)]
            path += [None] * (3 - len(path))
            lines.append(BudgetLine(Classification(path[0], path[1], path[2], code_phrase),
                                    span, amount=row.cells[0] if row.cells else None))
        return tuple(lines)

    def __repr__(self) -> str:
        kind = self.kind.value if self.kind is not None else None
        return (f"Table({self.title.text!r}, {kind}, {len(self.rows)} rows "
                f"@{self.span.start}:{self.span.end})")


_TOTAL_NAMES: Final[frozenset[str]] = frozenset({"合计", "总计"})
_EXPENDITURE_TABLES: Final = frozenset({TableKind.EXPENDITURE, TableKind.GENERAL_BUDGET,
                                        TableKind.FISCAL_EXPENDITURE})
_TITLE_END = re.compile(
    r"(?:(?:决算|预算)(?:总)?表|总表)(?:\((?:公开\d+表|[^()]{1,8}科目|[^()]{1,8}分类)\))?$")
_TITLE_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])")
_PRINTED_NUMBER = re.compile(r"\(?(?:公开|部门)?\d{1,2}表\)?$|^表\d{1,2}")
_UNIT = re.compile(r"单位[:：]\s*(万元|元|亿元|千元)")
#: A number standing alone between white space (a cell): ``33,172.15``, ``-0.5``; never
#: with a leading zero (``06``, ``01`` are the 款 and 项 of a code written in columns),
#: never a date's number (``2018 年``).
_CELL = re.compile(r"(?<![\S])-?(?:[1-9]\d{0,2}(?:,\d{3})+|0|[1-9]\d*)(?:\.\d+)?(?![\S])"
                   r"(?![ \t]{0,3}[年月日])")
#: A classification code at the start of a row: ``2040501`` or ``201 06 01``.
_CODE = re.compile(r"^\s*(\d{3}(?:[ \t]{1,12}\d{2}){1,2}|\d{3}(?:\d{2}){0,2})(?=\s|$)")
_LONGEST_TITLE: Final = 80
#: The most a wrapped title carries over to its second line (``出预算表``).
_WRAPPED_TAIL: Final = 10
#: A table's printed number or year inside its title line (``公开 10 表``, ``表 3``,
#: ``2017 年``): no cell.
_NUMBERED = re.compile(r"(?:公开|部门)?[ \t]*\d{1,2}[ \t]*表|表[ \t]*\d{1,2}|\d{4}[ \t]*年")
_COLUMN_NUMBERS = re.compile(r"\s*栏\s*次")
_PART = re.compile(r"第[一二三四五六七八九十\d]{1,3}部分")


def read_tables(source: str, start: int, end: int,
                skip: tuple[Span, ...] = ()) -> tuple[Table, ...]:
    """The tables written in ``source[start:end]`` (the tables part), in text order;
    lines inside the *skip* spans (page marks) are left out."""
    marks = sorted(skip, key=lambda s: s.start)
    starts = [s.start for s in marks]

    def skipped(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and pos < marks[k].end

    lines = [line for line in _lines(source, start, end)
             if line[2].strip() and not skipped(line[0])]
    titles: list[int] = []
    k = 0
    while k < len(lines):
        text = lines[k][2]
        if k + 1 < len(lines) and _wrapped_title(text, lines[k + 1][2]):
            # a title wrapped over two lines (…支出预 / 算表): one line of the table
            lines[k : k + 2] = [(lines[k][0], lines[k + 1][1],
                                 source[lines[k][0] : lines[k + 1][1]])]
        if _is_title(lines[k][2]):
            titles.append(k)
        k += 1
    # a title followed at once by another is no table (a part heading's second line)
    titles = [k for n, k in enumerate(titles) if n + 1 == len(titles) or titles[n + 1] > k + 1]
    tables = []
    for n, k in enumerate(titles):
        stop = titles[n + 1] if n + 1 < len(titles) else len(lines)
        tables.append(_table(source, lines[k:stop]))
    return tuple(tables)


def _wrapped_title(first: str, second: str) -> bool:
    """True when *first* and *second* are one title wrapped over two lines."""
    if "表" not in first and "表" not in second:
        return False  # a title ends in …表 (_TITLE_END); folding makes no 表
    if not 0 < len(fold(second)) <= _WRAPPED_TAIL:
        return False  # the common case, a table's row after a row: decided first
    return (_ANY_TABLE_TITLE.search(fold(first)) is not None and not _is_title(first)
            and _is_title(first + second))


def _lines(source: str, start: int, end: int) -> list[tuple[int, int, str]]:
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


def _is_title(line: str) -> bool:
    if "表" not in line:
        return False  # a title ends in …表 (_TITLE_END); folding makes no 表
    folded = fold(line)
    return 0 < len(folded) <= _LONGEST_TITLE and _TITLE_END.search(folded) is not None and (
        _CELL.search(_NUMBERED.sub(" ", line)) is None) and _PART.match(folded) is None


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


def _table(source: str, lines: list[tuple[int, int, str]]) -> Table:
    start, stop, text = lines[0]
    title = _phrase(source, start, stop)
    folded = title.text
    number = None
    if m := _TITLE_NUMBER.match(folded):
        number = _phrase(source, start, start + len(text) - len(text.lstrip()) + m.end())
    elif m := _PRINTED_NUMBER.search(folded):
        number = Phrase(m.group(), title.span)
    unit = None
    header: list[Phrase] = []
    rows: list[TableRow] = []
    pending: Phrase | None = None  # a name fragment written on the line before its row
    orphan: TableRow | None = None  # a coded row whose name went to other lines
    alone: list[int] = []  # rows written alone on their line: which half is theirs?
    halves: dict[int, list[int]] = {}  # where each half's first cell ends, on full lines
    for line_start, line_stop, line in lines[1:]:
        if not line.strip():
            continue
        if unit is None and (u := _UNIT.search(line)):
            unit = u.group(1)
            continue
        code = _CODE.match(line)
        cells = list(_CELL.finditer(line, code.end() if code is not None else 0))
        if not rows and _COLUMN_NUMBERS.match(line):
            cells = []  # 栏次 1 2 3: the columns' numbers, part of the header
        if not cells:
            words = _phrase(source, line_start, line_stop)
            if orphan is not None:
                rows[-1] = attrs.evolve(orphan, name=_join(orphan.name, words))
                orphan = None
            elif not rows:
                header.append(words)
            else:
                pending = words
            continue
        row_parts = _row(source, line_start, line, cells, code, unit)
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
                    part = attrs.evolve(part, name=pending)
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
        if between.strip() and (amounts or k > 0):
            # words after amounts: the second half of a two-sided table
            rows.append(_make(source, line_start, line, code if side == 0 else None, name_span,
                              amounts, columns, side))
            side += 1
            amounts, columns = [], []
            name_span = (label_from, cell.start())
        elif k == 0:
            name_span = (label_from, cell.start())
        written = cell.group()
        amounts.append(trusted_amount(Decimal(written.replace(",", "")), unit,
                                      trusted_span(line_start + cell.start(),
                                                   line_start + cell.end()),
                                      decimals=written_decimals(written)))
        width += _display_width(line[measured : cell.end()])
        measured = cell.end()
        columns.append(width)
        label_from = cell.end()
    rows.append(_make(source, line_start, line, code if side == 0 else None, name_span,
                      amounts, columns, side))
    tail = line[label_from:]
    if tail.strip():
        # a last label with no amount (the other half's row left blank)
        rows.append(_make(source, line_start, line, None, (label_from, len(line)), [], [],
                          side + 1))
    return rows


def _make(source: str, line_start: int, line: str, code: re.Match[str] | None,
          name_span: tuple[int, int], amounts: list[Amount], columns: list[int],
          side: int) -> TableRow:
    name = _phrase(source, line_start + name_span[0], line_start + name_span[1])
    digits = re.sub(r"\s", "", code.group(1)) if code is not None else None
    code_span = (trusted_span(line_start + code.start(1), line_start + code.end(1))
                 if code is not None else None)
    return TableRow(name, tuple(amounts), digits, code_span, tuple(columns), side)


def _display_width(text: str) -> int:
    """Display columns of *text*: a full-width (CJK) character counts two."""
    if text.isascii():
        return len(text)
    # most of a row's characters (digits, commas, spaces) come before the first wide one
    # and are decided without asking unicodedata
    return len(text) + sum(1 for ch in text
                           if ch >= _FIRST_WIDE and unicodedata.east_asian_width(ch) in "WF")


#: The first character unicodedata calls wide or full-width (U+0378 in Unicode 14).
_FIRST_WIDE: Final = chr(next(c for c in range(0x110000)
                              if unicodedata.east_asian_width(chr(c)) in "WF"))


#: Dot leaders and a page number after a title in a table of contents (``…… 3``).
_LEADER = re.compile(r"\s*(?:[.．·…]{2,}\s*)?\d{0,3}\s*$")


def listed_tables(source: str, start: int, end: int) -> tuple[Phrase, ...]:
    """The table titles a table of contents (``source[start:end]``) lists, in order: each
    a line that reads as a table title once its dot leaders and page number are cut,
    a title wrapped over two lines joined (``…会议费、培训费支`` / ``出预算表``)."""
    lines = [(first, first + len(_LEADER.sub("", text)), _LEADER.sub("", text))
             for first, _, text in _lines(source, start, end)]
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
