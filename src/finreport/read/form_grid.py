"""The indicator grid of a form written in columns: 一级指标 / 二级指标 / 三级指标 / 指标值,
perhaps a target for the whole period, the actual value, the weight (分值), the score
(得分) and the reason for a deviation (偏差原因).

Layout text writes each row of the grid on one or more lines: the value cells stand on
the row's middle line, a name too long for its cell wraps above and below it, and a
level's name stands once, in the middle of the rows it covers (often broken over lines:
``产出指`` / ``标``, or a character a line).  The reader

1. gives each cell of a line its column: level names by their words (a name broken over
   lines is joined until it makes one of the level words), the other cells by their words
   and their places, measured from a cell whose column is certain;
2. makes a row of every line that starts a value (a target, an actual value, a weight or a
   score); a value too long for its cell goes on in the lines below;
3. gives the name's lines to the rows, each name centred on its row, and each level's
   name to the run of rows it stands in the middle of.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import attrs

from ..model.figures import Count
from ..model.forms import GridColumn
from ..model.indicators import PerformanceIndicator, Target
from ..model.span import Phrase, Span
from ..templates.forms import (
    GRID_COLUMNS,
    HEADER_FRAGMENTS,
    HEADER_WEIGHT,
    LEVEL1_OF_LEVEL2,
    LEVEL1_WORDS,
    LEVEL2_WORDS,
    OUTER_WORDS,
    TOTAL_SCORE_ROW,
    VALUE_SHAPES,
)
from .form_lines import MARKS_ONLY, Cell, Line, cells_view, joined
from .form_values import form_target, score

__all__ = [
    "GridReading",
    "Heading",
    "find_heading",
    "is_heading",
    "level_word",
    "read_grid",
    "repeats_heading",
    "value_shaped",
]

_VALUES: Final = (GridColumn.PERIOD_TARGET, GridColumn.TARGET, GridColumn.ACTUAL)
_SCORES: Final = (GridColumn.WEIGHT, GridColumn.SCORE)
#: Columns whose cells start a row.
_ROW_COLUMNS: Final = frozenset((*_VALUES, *_SCORES))
#: Columns whose text wraps over lines and is given to the rows as a whole.
_TEXT_COLUMNS: Final = (GridColumn.NAME, GridColumn.REASON, GridColumn.REMARK)
_LEVELS: Final = ("outer", "level1", "level2")
_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "outer": OUTER_WORDS, "level1": LEVEL1_WORDS, "level2": LEVEL2_WORDS}
#: A value cell that writes a bound and words but not yet its number.
_OPEN_BOUND: Final = re.compile(r"[≥≤<>=≧≦][^\d]*")
#: A value cell that writes only a unit.
_UNIT_ONLY: Final = re.compile(r"[^\d≥≤<>=≧≦.,;，；。]{1,4}")
#: The widest gap, in display columns, inside one cell that a mark drawn apart leaves.
_NARROW: Final = 3
#: The longest piece of a level's name that, left alone, is taken for a line of a name.
_STRAY_PIECE: Final = 2
#: What a lone line's words gain by going on with a column's full line above them.
_GOES_ON: Final = 2.0
#: The most rows one level's name stands for.
_WIDEST_LEVEL: Final = 12
#: What a level's name that stands for no row costs.
_NO_ROWS: Final = 6.0
#: The most lines one name or reason is written over.
_LONGEST: Final = 16
#: What a first level costs on a row whose second level belongs to another.
_MISMATCH: Final = 1.5
#: What a lone line gains more when the line above stops on a comma.
_SURER: Final = 1.0
#: Marks a cell's line stops on when its words go on in the next line.
_UNFINISHED: Final = frozenset("，、,；;：:（(“")
#: What leaving a cell of a line out of the grid costs, against placing it badly.
_SKIP: Final = 4.0
#: Characters a wrapped cell's line may fall short of the column's widest by and be full.
_FULL: Final = 3


@attrs.frozen
class Heading:
    """The grid's heading: its columns in order, the middle of each (display columns of
    the heading line, None when the heading broke that label onto another line), the
    weight it gives all indicators (``分值（90）``) and the lines it takes."""

    columns: tuple[GridColumn, ...]
    centers: tuple[float | None, ...]
    weight: Count | None
    first: int
    last: int


@attrs.frozen
class GridReading:
    """What a grid holds: its indicators, and the weight and score of its total row."""

    indicators: tuple[PerformanceIndicator, ...]
    total_weight: Count | None = None
    total_score: Count | None = None


def _column_of(text: str) -> GridColumn | None:
    return next((column for column, pattern in GRID_COLUMNS if pattern.search(text)), None)


def repeats_heading(line: Line, heading: Heading) -> bool:
    """True for a line that writes the grid's heading again (a table's heading row
    repeated at the top of its next page): a heading line naming only the grid's own
    columns."""
    found = {_column_of(cell.text) for cell in line.cells} - {None}
    return is_heading(line) and len(found) >= 3 and found <= set(heading.columns)


def is_heading(line: Line) -> bool:
    """True for the grid's heading line: it names the third level, or the second level
    and a value column."""
    found = {_column_of(cell.text) for cell in line.cells}
    return (GridColumn.NAME in found and len(found - {None}) >= 2) or (
        GridColumn.LEVEL2 in found and bool(found & _ROW_COLUMNS))


def _fragment(text: str, above: bool) -> bool:
    """A piece of a heading label broken over lines: its start on a line above the
    heading's main line, its end on a line below (or a weight in brackets)."""
    if not text:
        return False
    if HEADER_WEIGHT.fullmatch(text) is not None or _column_of(text) is not None:
        return True
    words = _HEADING_WORDS
    return any(w.startswith(text) for w in words) if above else any(
        w.endswith(text) for w in words)


#: The labels of a heading, whole, for :func:`_fragment`.
_HEADING_WORDS: Final = tuple(w for w in HEADER_FRAGMENTS.split("|") if w)


def find_heading(source: str, lines: Sequence[Line], k: int) -> Heading:
    """The heading whose main line is ``lines[k]``, with the lines around it that hold
    only pieces of its labels."""
    first = last = k
    while first > 0 and k - first < 2 and all(_fragment(c.text, True)
                                               for c in lines[first - 1].cells):
        first -= 1
    while last + 1 < len(lines) and last - k < 2 and all(
            _fragment(c.text, False) for c in lines[last + 1].cells):
        last += 1
    columns: list[GridColumn] = []
    centers: list[float | None] = []
    for cell in lines[k].cells:
        column = _column_of(cell.text)
        if column is not None and column not in columns:
            columns.append(column)
            centers.append(cell.center)
    around = "".join(c.text for n in range(first, last + 1) if n != k for c in lines[n].cells)
    if GridColumn.LEVEL1 not in columns and "一级" in around:
        columns.insert(0, GridColumn.LEVEL1)
        centers.insert(0, None)
    if GridColumn.WEIGHT not in columns and "分值" in around:
        columns.append(GridColumn.WEIGHT)
        centers.append(None)
    weight = None
    for n in range(first, last + 1):
        for cell in lines[n].cells:
            m = HEADER_WEIGHT.search(cell.text)
            if m is not None:
                phrase = cell.sub(source, m.start(1), m.end(1))
                weight = score(phrase)
    return Heading(tuple(columns), tuple(centers), weight, first, last)


# -- cells to columns ----------------------------------------------------------------------------


@attrs.frozen
class _Placed:
    cell: Cell
    line: int
    column: GridColumn | str  # a GridColumn, or "outer" / "level1" / "level2"
    new: bool = True


def value_shaped(text: str) -> bool:
    """True for a cell written as a target or actual value (``≥90%``, ``是``, ``年底前``)."""
    return any(p.search(text) is not None for p in VALUE_SHAPES)


def _number(text: str) -> bool:
    return score(Phrase(text, Span(0, 0))) is not None


def _content_cost(cell: Cell, column: GridColumn) -> float:
    text = cell.text
    value = value_shaped(text)
    number = _number(text)
    if column in _VALUES:
        return 0.0 if value else 1.5
    if column in _SCORES:
        return 0.0 if number else 9.0
    if column is GridColumn.NAME:
        return 4.0 if value and not level_word(text) else 0.0
    if column in (GridColumn.REASON, GridColumn.REMARK):
        return 3.0 if value else 0.5
    return 9.0


def level_word(text: str) -> bool:
    """True for a level's name (产出指标, 数量指标, 绩效指标 …)."""
    return any(text in words for words in _WORDS.values())


@attrs.define
class _Labels:
    """The level columns' names being read: per column the pieces of the name not yet a
    whole word, and the names read so far (pieces, joined word)."""

    open: dict[str, list[tuple[Cell, int]]] = attrs.Factory(dict)
    names: dict[str, list[tuple[list[tuple[Cell, int]], str]]] = attrs.Factory(dict)

    def accepts(self, level: str, text: str) -> bool:
        """True when *text* begins a name of *level* or goes on with the one open."""
        words = _WORDS[level]
        pieces = self.open.get(level)
        if pieces:
            joined = "".join(c.text for c, _ in pieces) + text
            if any(w.startswith(joined) for w in words):
                return True
        return any(w.startswith(text) for w in words)

    def add(self, level: str, cell: Cell, line: int) -> None:
        words = _WORDS[level]
        pieces = self.open.get(level) or []
        joined = "".join(c.text for c, _ in pieces) + cell.text
        if pieces and any(w.startswith(joined) for w in words):
            pieces.append((cell, line))
        else:
            pieces = [(cell, line)]
            joined = cell.text
        self.open[level] = pieces
        names = self.names.setdefault(level, [])
        if names and names[-1][0] is pieces:
            names[-1] = (pieces, joined)
        else:
            names.append((pieces, joined))
        if joined in words and not any(w != joined and w.startswith(joined) for w in words):
            self.open[level] = []


def _left_labels(cells: Sequence[Cell], labels: _Labels, columns: Sequence[GridColumn],
                 ) -> list[tuple[Cell, str]]:
    """The cells at the head of a line that are level names (or pieces of them), each
    with its level, in column order."""
    out: list[tuple[Cell, str]] = []
    levels = list(_LEVELS)
    at = 0
    for cell in cells:
        level = next((lv for lv in levels[at:] if labels.accepts(lv, cell.text)), None)
        if level is None or (value_shaped(cell.text) and not level_word(cell.text)):
            break
        # a whole first-level word that is also a second-level word is the first level's
        # unless a second-level word follows it on the line
        out.append((cell, level))
        at = levels.index(level) + 1
    return out


def _fit(cells: Sequence[Cell], columns: Sequence[GridColumn],
         centers: dict[GridColumn, float], offset: float | None, spacing: float,
         open_columns: dict[GridColumn, tuple[int, int]]) -> list[GridColumn | None]:
    """The columns of the cells right of the levels: the monotone choice of columns that
    best fits their words and, where the heading gives places, their places.  A cell no
    column fits (a piece of a level's name the levels did not take) is left out (None)."""
    if not cells:
        return []
    best: tuple[float, list[GridColumn | None]] | None = None
    n = len(cells)
    for kept in range(min(n, len(columns)), 0, -1):
        if best is not None and _SKIP * (n - kept) - _GOES_ON - _SURER >= best[0]:
            break
        for keep in itertools.combinations(range(n), kept):
            for chosen in itertools.combinations(columns, kept):
                cost = _SKIP * (n - kept)
                pairs = [(cells[i], col) for i, col in zip(keep, chosen, strict=True)]
                cost += sum(_content_cost(c, col) for c, col in pairs)
                if n == 1 and offset is None and chosen[0] in open_columns and not (
                        value_shaped(cells[0].text)):
                    width, sure = open_columns[chosen[0]]
                    if cells[0].width <= width + _FULL:
                        # a line no wider than the column's lines
                        cost -= _GOES_ON + (_SURER if sure > 1 else 0.0)
                placed = [(c.center, centers[col]) for c, col in pairs if col in centers]
                shift = offset
                if shift is None and len(placed) >= 2:
                    shifts = sorted(h - x for x, h in placed)
                    shift = shifts[len(shifts) // 2]
                if shift is not None:
                    cost += sum(abs(x + shift - h) for x, h in placed) / spacing
                if best is None or cost < best[0] - 1e-9:
                    out: list[GridColumn | None] = [None] * n
                    for i, col in zip(keep, chosen, strict=True):
                        out[i] = col
                    best = (cost, out)
    return best[1] if best is not None else [None] * n


def _place(source: str, lines: Sequence[Line], heading: Heading,
           ) -> tuple[list[_Placed], _Labels, list[Line]]:
    """Every cell of the grid with its column; the level names read; the total rows."""
    columns = [c for c in heading.columns
               if c not in (GridColumn.LEVEL1, GridColumn.LEVEL2)]
    centers = {col: c for col, c in zip(heading.columns, heading.centers, strict=True)
               if c is not None}
    known = sorted(centers.values())
    spacing = max(4.0, min((b - a for a, b in itertools.pairwise(known)),
                           default=16.0) / 2)
    labels = _Labels()
    placed: list[_Placed] = []
    totals: list[Line] = []
    widest: dict[GridColumn, int] = {}
    last: dict[GridColumn, _Placed] = {}
    for line in lines:
        cells = [c for c in line.cells if MARKS_ONLY.fullmatch(c.text) is None]
        if cells and TOTAL_SCORE_ROW.fullmatch(cells[0].text) is not None:
            totals.append(line)
            continue
        left = _left_labels(cells, labels, heading.columns)
        for cell, level in left:
            labels.add(level, cell, line.index)
        offset = None
        for cell, level in left:
            if level != "outer" and GridColumn(level) in centers:
                offset = centers[GridColumn(level)] - cell.center
                break
        rest = _mended(cells[len(left):])
        open_columns = {col: (max(p.cell.width, widest.get(col, 0)), sure)
                        for col, p in last.items() if (sure := _open(p, col, line.index, widest))}
        chosen = _fit(rest, columns, centers, offset, spacing, open_columns)
        for cell, column in zip(rest, chosen, strict=True):
            if column is None:
                continue
            previous = last.get(column)
            new = True
            if column not in (GridColumn.WEIGHT, GridColumn.SCORE) and previous is not None and (
                    previous.line >= line.index - 2 and column in open_columns
                    and not (column in _VALUES and value_shaped(cell.text))):
                new = False
            elif column in _VALUES and previous is not None and (
                    previous.line >= line.index - 2) and _OPEN_BOUND.fullmatch(
                    previous.cell.text) is not None and cell.text[:1].isdigit():
                new = False  # ``=按计划开展`` / ``100%``: a bound's words, then its number
            elif column in _VALUES and previous is not None and (
                    previous.line >= line.index - 2) and previous.cell.text[-1:].isdigit() and (
                    _UNIT_ONLY.fullmatch(cell.text) is not None):
                new = False  # ``≥1050000`` / ``人次``: a number, then its unit
            item = _Placed(cell, line.index, column, new)
            placed.append(item)
            last[column] = item
            widest[column] = max(widest.get(column, 0), cell.width)
    # a piece that began a level's name no other piece went on with was a line of a name
    # that happened to start like one (``数`` of ``…完成数``)
    for level, names in labels.names.items():
        for pieces, word in list(names):
            if len(pieces) == 1 and word not in _WORDS[level] and len(word) <= _STRAY_PIECE:
                names.remove((pieces, word))
                cell, index = pieces[0]
                placed.append(_Placed(cell, index, GridColumn.NAME))
    placed.sort(key=lambda item: (item.line, item.cell.start))
    return placed, labels, totals


def _mended(cells: list[Cell]) -> list[Cell]:
    """Words of one cell that a mark drawn apart cut in two (a narrow gap between two
    cells of words, neither a value, the first not ending a sentence) joined again."""
    out: list[Cell] = []
    for cell in cells:
        if out and cell.column - out[-1].right <= _NARROW and not value_shaped(cell.text) and (
                not value_shaped(out[-1].text)) and not out[-1].text.endswith("。"):
            last = out[-1]
            out[-1] = Cell(last.start, cell.end, last.text + cell.text, last.column,
                           cell.right - last.column)
            continue
        out.append(cell)
    return out


def _open(item: _Placed, column: GridColumn, line: int, widest: dict[GridColumn, int]) -> int:
    """How surely the column's last cell goes on in the next line (0: it does not): a
    line or two up, as wide as the column's widest and (a value) not a whole number with
    its unit; surer when it stops on a comma (``…距离较远，``), never when on a full stop."""
    width = widest.get(column, 0)
    text = item.cell.text
    if item.line < line - 2 or width < 6 or text.endswith("。"):
        return 0
    if text[-1:] in _UNFINISHED:
        return 2
    if item.cell.width < width - _FULL:
        return 0
    return 1 if column not in _VALUES or _OPEN_BOUND.fullmatch(text) is not None or not (
        value_shaped(text)) else 0


# -- rows --------------------------------------------------------------------------------------


def read_grid(source: str, lines: Sequence[Line], heading: Heading) -> GridReading:
    """The indicators of the grid written in *lines* (the lines below its heading)."""
    placed, labels, totals = _place(source, lines, heading)
    anchors: list[int] = []
    for item in placed:
        if item.new and item.column in _ROW_COLUMNS and item.line not in anchors:
            anchors.append(item.line)
    anchors = _merged(anchors, placed)
    if not anchors:
        return GridReading(())
    values: list[dict[GridColumn, list[_Placed]]] = [{} for _ in anchors]
    row_of_line = {line: k for k, line in enumerate(anchors)}
    current: dict[GridColumn, int] = {}
    fragments: dict[GridColumn, list[_Placed]] = {c: [] for c in _TEXT_COLUMNS}
    for item in placed:
        column = item.column
        if not isinstance(column, GridColumn):
            continue
        if column in _TEXT_COLUMNS and not (column is not GridColumn.NAME and not item.new
                                            and column in current):
            fragments[column].append(item)
            continue
        row = row_of_line.get(item.line)
        if row is None or not item.new:
            row = current.get(column, row)
        if row is None:
            continue
        values[row].setdefault(column, []).append(item)
        current[column] = row
    extents = [[line, line] for line in anchors]
    texts: dict[GridColumn, list[list[_Placed]]] = {}
    for column, items in fragments.items():
        widest = max((i.cell.width for i in items), default=0)
        groups = _to_rows(items, anchors, widest, column is GridColumn.NAME)
        texts[column] = groups
        for k, group in enumerate(groups):
            for item in group:
                extents[k][0] = min(extents[k][0], item.line)
                extents[k][1] = max(extents[k][1], item.line)
    level2 = _levels(source, labels.names.get("level2", []), extents, None)
    level1 = _levels(source, labels.names.get("level1", []), extents, level2)
    indicators = []
    for k in range(len(anchors)):
        cells = values[k]
        name = _phrase(source, texts.get(GridColumn.NAME, [[]] * len(anchors))[k])
        target = _target(source, cells.get(GridColumn.TARGET))
        period = _target(source, cells.get(GridColumn.PERIOD_TARGET))
        actual = _target(source, cells.get(GridColumn.ACTUAL))
        if target is None:
            target = period or Target(Phrase("", Span(name.span.end, name.span.end))
                                      if name is not None else Phrase("", Span(0, 0)))
            period = None if period is target else period
        weight = _score(source, cells.get(GridColumn.WEIGHT))
        points = _score(source, cells.get(GridColumn.SCORE))
        reason = _phrase(source, texts.get(GridColumn.REASON, [[]] * len(anchors))[k])
        indicators.append(PerformanceIndicator(
            level1[k], level2[k], name, target, actual, period_target=period, weight=weight,
            score=points, reason=reason))
    total_weight = total_score = None
    for line in totals:
        numbers = [c for c in line.cells[1:] if _number(c.text)]
        if heading.columns.count(GridColumn.WEIGHT) and numbers:
            total_weight = score(numbers[0].phrase(source))
        if GridColumn.SCORE in heading.columns and len(numbers) >= 2:
            total_score = score(numbers[-1].phrase(source))
        elif GridColumn.SCORE in heading.columns and GridColumn.WEIGHT not in heading.columns:
            total_score = score(numbers[0].phrase(source)) if numbers else None
    return GridReading(tuple(indicators), total_weight, total_score)


def _merged(anchors: list[int], placed: list[_Placed]) -> list[int]:
    """Row lines with the line after them when that one only adds the columns the first
    left empty (a score set a line lower than its target)."""
    columns: dict[int, set[GridColumn | str]] = {}
    for item in placed:
        if item.new and item.column in _ROW_COLUMNS:
            columns.setdefault(item.line, set()).add(item.column)
    out: list[int] = []
    for line in sorted(anchors):
        if out and line == out[-1] + 1 and not (columns[line] & columns[out[-1]]) and (
                columns[line] <= set(_SCORES)):
            columns[out[-1]] |= columns[line]
            for k, item in enumerate(placed):
                if item.line == line and item.column in _ROW_COLUMNS:
                    placed[k] = attrs.evolve(item, line=out[-1])
            continue
        out.append(line)
    return out


def _to_rows(items: list[_Placed], anchors: list[int], widest: int,
             every: bool) -> list[list[_Placed]]:
    """The lines of a wrapped column (the names, the reasons) given to the rows:
    contiguous groups, each centred on its row's line; a line on a row's own line is that
    row's; a line short of the column's width ends its text; a text spans a bounded
    number of lines.  When *every* row has one (the names), a row left without costs
    more."""
    n, m = len(anchors), len(items)
    if m == 0:
        return [[] for _ in anchors]
    rows_at = set(anchors)
    short = [item.cell.width < widest - _FULL for item in items]
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    empty = 3.0 if every else 0.0
    for j in range(1, n + 1):
        anchor = anchors[j - 1]
        for i in range(m + 1):
            if best[i][j - 1] + empty < best[i][j]:  # the row takes no line
                best[i][j] = best[i][j - 1] + empty
                back[i][j] = i
            if i == 0:
                continue
            bottom = items[i - 1].line
            penalty = 0.0  # short lines before the last, gaps, lines of other rows
            for start in range(i - 1, max(-1, i - 1 - _LONGEST), -1):
                item = items[start]
                if item.line in rows_at and item.line != anchor:
                    break  # a line on another row's own line is that row's
                if start < i - 1:
                    penalty += short[start] + (3.0 if items[start + 1].line - item.line > 2
                                               else 0.0)
                if best[start][j - 1] == inf:
                    continue
                top = item.line
                cost = abs((top + bottom) / 2 - anchor) + penalty
                if not top - 1 <= anchor <= bottom + 1:
                    cost += 2.0
                if best[start][j - 1] + cost < best[i][j]:
                    best[i][j] = best[start][j - 1] + cost
                    back[i][j] = start
    groups: list[list[_Placed]] = [[] for _ in anchors]
    i = m
    for j in range(n, 0, -1):
        start = back[i][j]
        groups[j - 1] = items[start:i]
        i = start
    return groups


def _levels(source: str, names: list[tuple[list[tuple[Cell, int]], str]],
            extents: list[list[int]], below: list[Phrase | None] | None,
            ) -> list[Phrase | None]:
    """Each level name given to the run of rows it stands in the middle of."""
    n = len(extents)
    if not names or n == 0:
        return [None] * n
    k = len(names)
    centers = [(pieces[0][1] + pieces[-1][1]) / 2 for pieces, _ in names]
    middles = [(a + b) / 2 for a, b in extents]  # in order
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(k + 1)]
    back = [[0] * (n + 1) for _ in range(k + 1)]
    best[0][0] = 0.0
    for j in range(1, k + 1):
        word = names[j - 1][1]
        # rows before each row whose second level belongs to another first level
        wrong = [0]
        for r in range(n):
            wrong.append(wrong[-1] + (below is not None and _mismatch(below[r], word)))
        for e in range(n + 1):  # a name that stands for no row
            if best[j - 1][e] + _NO_ROWS < best[j][e]:
                best[j][e] = best[j - 1][e] + _NO_ROWS
                back[j][e] = e
        # the rows a name stands for lie around it: only runs near it are weighed
        near = bisect_left(middles, centers[j - 1])
        for e in range(max(1, near - _WIDEST_LEVEL), min(n, near + _WIDEST_LEVEL) + 1):
            for s in range(e - 1, max(-1, e - 1 - _WIDEST_LEVEL, near - 1 - _WIDEST_LEVEL), -1):
                if best[j - 1][s] == inf:
                    continue
                middle = (extents[s][0] + extents[e - 1][1]) / 2
                cost = abs(middle - centers[j - 1])
                if not extents[s][0] - 1 <= centers[j - 1] <= extents[e - 1][1] + 1:
                    cost += 3.0
                cost += _MISMATCH * (wrong[e] - wrong[s])
                if best[j - 1][s] + cost < best[j][e]:
                    best[j][e] = best[j - 1][s] + cost
                    back[j][e] = s
    out: list[Phrase | None] = [None] * n
    e = n
    for j in range(k, 0, -1):
        s = back[j][e]
        phrase = _label_phrase(source, names[j - 1][0])
        for r in range(s, e):
            out[r] = phrase
        e = s
    return out


def _mismatch(level2: Phrase | None, level1: str) -> bool:
    """True when a row's second level belongs to another first level than *level1*."""
    return level2 is not None and LEVEL1_OF_LEVEL2.get(level2.text, level1) != level1


def _label_phrase(source: str, pieces: list[tuple[Cell, int]]) -> Phrase | None:
    return joined(source, [c for c, _ in pieces])


def _phrase(source: str, items: list[_Placed] | None) -> Phrase | None:
    return joined(source, [i.cell for i in items]) if items else None


def _target(source: str, items: list[_Placed] | None) -> Target | None:
    if not items:
        return None
    view = cells_view(source, [i.cell for i in items])
    return form_target(view, 0, len(view.text)) if view.text else None


def _score(source: str, items: list[_Placed] | None) -> Count | None:
    if not items:
        return None
    return score(items[0].cell.phrase(source))


_ = Decimal  # scores are Decimal counts (form_values.score)
