"""A table of forms written a project a row (layout ``one_cell``): the project's name, its
money by source, its goal in words, and every indicator as one run of text in the last
cell (``1.1－产出指标，11－数量指标，name；实施周期指标值：≥90%，年度指标值：≥90%；2、…``).

Layout text writes such a row over many lines: the indicator cell is the tallest, the
name, the amounts and the goal stand in its middle, and the goal's lines and the
indicators' lines share text lines, often without a gap between them.  The reader sorts
each line's cells into the four columns (name, amounts, goal, indicators) by their
words, their place and their width, cuts a goal line from the indicator line written
against it at the goal column's width, then reads each row: its indicator text starts at
an indicator numbered 1 at the head of a line (``1.1－产出指标``, ``1、1-产出指标``), and its
amounts line lies inside it.  A row of amounts with no indicator text is a total: the
table's 合计, or the subtotal of the unit (资金使用单位) whose projects follow.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from statistics import median
from typing import Final

import attrs

from ..model.figures import Amount, trusted_amount
from ..model.forms import FormKind, FormLayout, FormTotal, FundLine, FundSource, PerformanceForm
from ..model.indicators import PerformanceIndicator
from ..model.span import Phrase, Span
from ..templates.forms import (
    AMOUNT_LABEL_START,
    CELL_START,
    FUND_LABELS,
    LEVEL_CODE,
    PERIOD_VALUE_LABEL,
    TOTAL_ROW,
    YEAR_VALUE_LABEL,
)
from ..text.view import TextView
from .form_lines import MARKS_ONLY, Cell, Line, cells_view, display_width, joined, split_cell
from .form_values import form_target, level_phrase

__all__ = ["read_one_cell_table"]

#: Amounts at the head of a cell, with two decimals (``238.00``, ``86,246.64``); written
#: against each other (``86,246.6486,246.64``) they are read one after the other.
_AMOUNT: Final = re.compile(
    r"(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}(?=$|(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}|[^\d%.,;:，；：。、)）\u4e07\u5143])")
_NUMBERISH: Final = frozenset("0123456789.,%")
#: Quotation marks, which the page may draw apart from their words.
_QUOTES: Final = frozenset("\"'“”‘’")
#: The widest gap, in display columns, inside one cell that a mark drawn apart leaves.
_NARROW: Final = 4
#: Characters a line never starts with (they close the line before).
_CLOSING: Final = frozenset("，。；;：:、）)”》,.")
#: Indicator text: a level code or a value label.
_MARKED: Final = (LEVEL_CODE, PERIOD_VALUE_LABEL, YEAR_VALUE_LABEL)
#: How far below its amounts line, as a share of the lines above it, a cell runs at least.
_BELOW: Final = 0.6
#: The order of the amount columns when the heading does not show their places.
_SOURCES: Final = (FundSource.TOTAL, FundSource.FISCAL, FundSource.SPECIAL_ACCOUNT,
                   FundSource.OTHER)


@attrs.frozen
class _Piece:
    kind: str  # "name", "amount", "goal", "ind" or "text" (goal or indicator: decided later)
    cell: Cell
    line: int


@attrs.frozen
class _Geometry:
    name_width: int
    goal_width: int
    ind_width: int
    pitch: int
    glued: int


def _marked(text: str) -> bool:
    return any(p.search(text) is not None for p in _MARKED)


def read_one_cell_table(source: str, lines: Sequence[Line], heading: Sequence[Line],
                        title: Phrase | None, unit: str | None,
                        ) -> tuple[list[PerformanceForm], list[FormTotal]]:
    """The forms and totals of a one-cell table: *lines* are its body (page headings left
    out), *heading* the lines of its column heading."""
    columns = _amount_columns(heading)
    geometry = _geometry(heading, lines)
    pieces: list[_Piece] = []
    before = ""
    for line in lines:
        found = _classify(source, line, geometry, before)
        pieces.extend(found)
        for piece in found:
            if piece.kind in ("ind", "text"):
                before = (before + piece.cell.text)[-24:]
    _decide(pieces, geometry)
    return _rows(source, pieces, columns, title, unit, heading)


def _amount_columns(heading: Sequence[Line]) -> tuple[FundSource, ...]:
    """The amount columns the heading names, in the template's order."""
    words = "".join(line.text for line in heading)
    found = []
    for source in _SOURCES:
        pattern = next(p for s, p in FUND_LABELS if s is source)
        # the heading may break a label over two lines: look for its first characters
        label = {FundSource.TOTAL: ("总计", "合计"), FundSource.FISCAL: ("财政拨款",),
                 FundSource.SPECIAL_ACCOUNT: ("财政专",), FundSource.OTHER: ("其他资", "其它资")}
        if any(w in words for w in label[source]) or pattern.search(words):
            found.append(source)
    return tuple(found) or _SOURCES


def _geometry(heading: Sequence[Line], lines: Sequence[Line]) -> _Geometry:
    """The widths of the name and goal columns and the pitch from goal to indicators."""
    name_width = heading[0].cells[0].width if heading and heading[0].cells else 24
    pitches: Counter[int] = Counter()
    goals: list[int] = []
    marked: list[int] = []
    for line in lines:
        cells = line.cells
        for cell in cells:
            if _marked(cell.text):
                marked.append(cell.width)
        for first, second in itertools.pairwise(cells):
            if (_marked(second.text) and not _marked(first.text)
                    and first.width > name_width and _AMOUNT.match(first.text) is None):
                pitches[second.column - first.column] += 1
                goals.append(first.width)
    ind = Counter(marked).most_common(1)[0][0] if marked else 46
    pitch = pitches.most_common(1)[0][0] if pitches else ind
    fitting = sorted(w for w in goals if w <= pitch)
    goal_width = fitting[int(len(fitting) * 0.9)] if fitting else pitch - 2
    ind_width = max((w for w in marked if w <= ind + 3), default=ind)
    return _Geometry(name_width, goal_width, ind_width, pitch, max(goal_width, ind) + 6)


def _classify(source: str, line: Line, geometry: _Geometry, before: str) -> list[_Piece]:
    """The cells of *line* as name, amounts, goal and indicator pieces ("text" when a
    lone cell may be either of the last two); *before* is the indicator text read so far."""
    out: list[_Piece] = []
    cells = list(line.cells)
    k = 0
    zone = 0  # 0 name, 1 amounts, 2 goal, 3 indicators
    cells = _mended(source, [c for c in cells if MARKS_ONLY.fullmatch(c.text) is None],
                    geometry)
    while k < len(cells):
        cell = cells[k]
        nxt = cells[k + 1] if k + 1 < len(cells) else None
        head = _AMOUNT.match(cell.text) if zone <= 1 else None
        if head is not None:
            while head is not None:
                piece, cell = split_cell(source, cell, head.end())
                out.append(_Piece("amount", piece, line.index))
                if not cell.text:
                    break
                head = _AMOUNT.match(cell.text)
            zone = 1
            if not cell.text:
                k += 1
                continue
            zone = 2
            cells[k] = cell
            nxt = cells[k + 1] if k + 1 < len(cells) else None
        if zone == 0 and k == 0 and cell.width <= geometry.name_width + 1 and not _marked(
                cell.text) and (_name_like(cell.text) or (nxt is not None and (
                _AMOUNT.match(nxt.text) is not None))):
            out.append(_Piece("name", cell, line.index))
            zone = 1
            k += 1
            continue
        zone = max(zone, 2)
        if cell.width > geometry.glued:
            goal, ind = _cut(source, cell, geometry, before)
            out.append(_Piece("goal", goal, line.index))
            out.append(_Piece("ind", ind, line.index))
            zone = 3
        elif nxt is not None and zone == 2:
            out.append(_Piece("goal", cell, line.index))
            zone = 3
        elif _marked(cell.text) or zone == 3:
            out.append(_Piece("ind", cell, line.index))
            zone = 3
        else:
            out.append(_Piece("text", cell, line.index))
        k += 1
    return out


def _mended(source: str, cells: list[Cell], geometry: _Geometry) -> list[Cell]:
    """Cells of one indicator line that a quotation mark drawn apart split in two, joined
    again: a narrow gap, and a mark at the cut or indicator words on both sides that fit
    the indicator column together."""
    out: list[Cell] = []
    for cell in cells:
        if out:
            last = out[-1]
            gap = cell.column - last.right
            quoted = last.text[-1:] in _QUOTES or cell.text[:1] in _QUOTES
            fits = last.width + gap + cell.width <= geometry.ind_width + 2
            if gap <= _NARROW and fits and (quoted or _marked(last.text)) and (
                    _AMOUNT.match(cell.text) is None):
                out[-1] = Cell(last.start, cell.end, last.text + cell.text, last.column,
                               cell.right - last.column)
                continue
        out.append(cell)
    return out


def _name_like(text: str) -> bool:
    """Words that may be a line of a project's name: no sentence punctuation, no value."""
    return not any(c in text for c in "。；;:%≥≤，,") and _AMOUNT.match(text) is None and (
        not text.isdigit())


def _cut(source: str, cell: Cell, geometry: _Geometry, before: str) -> tuple[Cell, Cell]:
    """A goal line and the indicator line written against it.  The cut lies where the
    goal line is full (its width, less a character or two: widths are estimates) and
    the indicator line no wider than its column; among those places, the one where the
    indicator text read so far (*before*) goes on as indicator text does (a level code,
    a value's label, a number kept whole, a line not started by a closing mark), else
    the goal line nearest its usual width."""
    written = [c for c in source[cell.start:cell.end] if not c.isspace()]
    widths = [0]
    for char in written:
        widths.append(widths[-1] + display_width(char))
    total = widths[-1]
    low = max(geometry.goal_width - 5, total - geometry.ind_width - 1)
    high = geometry.goal_width + 2
    places = [at for at in range(1, len(written)) if low <= widths[at] <= high]
    if not places:
        places = [max((at for at in range(1, len(written))
                       if widths[at] <= geometry.goal_width), default=1)]
    tail = before[-12:]
    text = cell.text

    def score(at: int) -> tuple[int, int]:
        joined = tail + text[at:at + 14]
        cut = len(tail)
        # words running across the cut count twice, words starting at it once
        hits = sum(2 if m.start() < cut else 1 for pattern in _MARKED
                   for m in pattern.finditer(joined) if m.start() < cut < m.end()
                   or m.start() == cut)
        whole = 0 if (text[at - 1] in _NUMBERISH and text[at] in _NUMBERISH) else 1
        opening = 0 if text[at] in _CLOSING else 1  # a line seldom starts with a mark
        return hits * 4 + whole * 2 + opening, -abs(widths[at] - geometry.goal_width)

    at = max(places, key=score)
    return split_cell(source, cell, at)


def _decide(pieces: list[_Piece], geometry: _Geometry) -> None:
    """Lone cells that may be goal or indicators.  Indicator lines are wider than the
    goal's and write the separators and units of values (``；``, ``：``, ``%``); a goal
    line between two indicator lines that make a level code or a value label only
    without it is the goal's."""
    following: list[str] = [""] * len(pieces)  # the next indicator (or lone) cell's words
    after = ""
    for k in range(len(pieces) - 1, -1, -1):
        following[k] = after
        if pieces[k].kind in ("ind", "text"):
            after = pieces[k].cell.text
    before = ""  # the last indicator cell's words
    for k, piece in enumerate(pieces):
        if piece.kind == "text":
            pieces[k] = piece = attrs.evolve(
                piece, kind="ind" if _indicator_words(piece, before, following[k], geometry)
                else "goal")
        if piece.kind == "ind":
            before = piece.cell.text


def _indicator_words(piece: _Piece, before: str, after: str, geometry: _Geometry) -> bool:
    text = piece.cell.text
    ind = 0
    if any(c in text for c in ";:%≥≤<>"):
        ind += 2
    if piece.cell.width > geometry.goal_width + 1:
        ind += 2
    elif piece.cell.width >= geometry.goal_width - 3 and (
            geometry.ind_width - geometry.goal_width >= 6):
        ind -= 2
    if before[-1:] in _NUMBERISH and text[:1] in _NUMBERISH:
        ind += 2
    if _crossing(before, after):
        ind -= 3
    if _crossing(before, text) or _crossing(text, after):
        ind += 3
    if text.endswith("。") and piece.cell.width < geometry.goal_width - 4:
        ind -= 1
    return ind > 0


def _crossing(first: str, second: str) -> bool:
    """True when indicator words run across the end of *first* into *second*."""
    joined = first[-12:] + second[:14]
    cut = min(len(first), 12)
    return any(m.start() < cut < m.end() for pattern in _MARKED
               for m in pattern.finditer(joined))


def _closed(text: str) -> bool:
    """True when an indicator line ends its indicator (``；``, ``。``)."""
    return text[-1:] in (";", "。", "；")


@attrs.frozen
class _Row:
    start: int  # first line
    end: int  # last line
    inds: list[_Piece]


def _rows(source: str, pieces: list[_Piece], columns: tuple[FundSource, ...],
          title: Phrase | None, unit: str | None, heading: Sequence[Line] = (),
          ) -> tuple[list[PerformanceForm], list[FormTotal]]:
    amount_lines: dict[int, list[_Piece]] = {}
    names: dict[int, list[_Piece]] = {}
    goals: dict[int, list[_Piece]] = {}
    for piece in pieces:
        if piece.kind == "amount":
            amount_lines.setdefault(piece.line, []).append(piece)
        elif piece.kind == "name":
            names.setdefault(piece.line, []).append(piece)
        elif piece.kind == "goal":
            goals.setdefault(piece.line, []).append(piece)
    cells = _cells(pieces, sorted(amount_lines))
    spans = [(c[0].line, c[-1].line) for c in cells]  # in order, apart
    starts = [a for a, _ in spans]
    ends = [b for _, b in spans]
    # each amounts line belongs to the indicator cell whose lines hold it, else it is a total
    owner: dict[int, int] = {}
    owned_cells: set[int] = set()
    for line in sorted(amount_lines):
        k = bisect_right(starts, line) - 1
        if k >= 0 and line <= ends[k] and k not in owned_cells:
            owner[line] = k
            owned_cells.add(k)
    forms: list[PerformanceForm] = []
    totals: list[tuple[Phrase, int, int, tuple[FundLine, ...], bool]] = []
    ordered = sorted(amount_lines)
    used_names: set[int] = set()
    last_line = max(p.line for p in pieces)
    frame = _frame(heading, columns)
    for position, line in enumerate(ordered):
        owned = owner.get(line)
        funds = _funds(source, amount_lines[line], columns, frame)
        if owned is None:
            # a total's lines: from the cell or amounts above it to those below it
            before = bisect_left(ends, line) - 1
            after = bisect_right(starts, line)
            low = max(ends[before] if before >= 0 else -1,
                      ordered[position - 1] if position else -1) + 1
            high = min(starts[after] if after < len(starts) else last_line + 1,
                       ordered[position + 1] if position + 1 < len(ordered)
                       else last_line + 1) - 1
            name = _trim_colon(source, _joined(source, [
                p for n in range(low, high + 1) for p in names.get(n, ()) if n not in used_names]))
            used_names.update(range(low, high + 1))
            if name is None:
                continue
            totals.append((name, line, high, funds, TOTAL_ROW.match(name.text) is not None))
            continue
        k = owned
        a, b = spans[k]
        name = _joined(source, [p for n in range(a, b + 1) if n not in used_names
                                for p in names.get(n, ())])
        used_names.update(range(a, b + 1))
        goal = _joined(source, [p for n in range(a, b + 1) for p in goals.get(n, ())])
        indicators = _indicators(source, cells[k])
        first, last = cells[k][0].cell.start, cells[k][-1].cell.end
        form_span = Span(min(first, amount_lines[line][0].cell.start),
                         max(last, amount_lines[line][-1].cell.end))
        forms.append(PerformanceForm(FormKind.PROJECT_TARGETS, FormLayout.ONE_CELL, form_span,
                                     title=title, name=name, unit=None, funds=funds, goal=goal,
                                     indicators=tuple(indicators)))
    return _grouped(forms, totals)


def _cells(pieces: list[_Piece], amount_lines: list[int]) -> list[list[_Piece]]:
    """The indicator pieces by cell.  A cell starts at an indicator numbered 1 at the head
    of a line of the indicator column; the row's amounts stand in its middle, so a cell
    that has passed its amounts line runs on as far below it as it began above, and an
    indicator numbered 1 before that point starts again inside the same cell."""
    cells: list[list[_Piece]] = []
    start = 0
    for k, piece in enumerate(pieces):
        if piece.kind != "ind":
            continue
        # the first indicator's number may stand at the end of the goal's line before it
        lead = pieces[k - 1].cell.text[-2:] if k and pieces[k - 1].line == piece.line else ""
        if cells and (CELL_START.match(piece.cell.text) is not None or (
                CELL_START.match(lead + piece.cell.text) is not None)):
            middle = next((a for a in amount_lines if a >= start), None)
            if middle is None or (piece.line > middle and (
                    piece.line - middle) >= _BELOW * (middle - start)):
                cells.append([piece])
                start = piece.line
                continue
        if not cells:
            cells.append([piece])
            start = piece.line
        else:
            cells[-1].append(piece)
    return cells


def _grouped(forms: list[PerformanceForm],
             totals: list[tuple[Phrase, int, int, tuple[FundLine, ...], bool]],
             ) -> tuple[list[PerformanceForm], list[FormTotal]]:
    """Each unit's subtotal spans its projects (to the next subtotal); the 合计 spans the
    rows after it, to the next 合计; each form names the unit it is listed under."""
    out: list[FormTotal] = []
    units = [t for t in totals if not t[4]]
    grand = [t for t in totals if t[4]]
    form_starts = [f.span.start for f in forms]  # in text order
    end_of_all = max((f.span.end for f in forms), default=0)
    unit_spans: list[tuple[Phrase, Span]] = []
    for k, (name, _line, _high, funds, _) in enumerate(units):
        start = name.span.start
        nxt = units[k + 1][0].span.start if k + 1 < len(units) else None
        first = bisect_right(form_starts, start)
        last = bisect_left(form_starts, nxt) if nxt is not None else len(forms)
        end = max((f.span.end for f in forms[first:last]), default=name.span.end)
        span = Span(min(start, _first(funds, start)), max(end, name.span.end))
        unit_spans.append((name, span))
        out.append(FormTotal(name, span, False, funds))
    placed: list[PerformanceForm] = []
    unit_starts = [span.start for _, span in unit_spans]
    for form in forms:
        k = bisect_right(unit_starts, form.span.start) - 1
        if k >= 0 and form.span.start < unit_spans[k][1].end:
            placed.append(attrs.evolve(form, unit=unit_spans[k][0]))
        else:
            placed.append(form)
    # a 合计 totals the rows after it, up to the next table's 合计
    for k, (name, _line, _high, funds, _) in enumerate(grand):
        start = min(name.span.start, _first(funds, name.span.start))
        end = end_of_all
        if k + 1 < len(grand):
            last = bisect_left(form_starts, grand[k + 1][0].span.start) - 1
            end = forms[last].span.end if last >= 0 else name.span.end
        out.append(FormTotal(name, Span(start, max(end, name.span.end)), True, funds))
    out.sort(key=lambda t: t.span.start)
    return placed, out


def _first(funds: tuple[FundLine, ...], default: int) -> int:
    return min((f.planned.span.start for f in funds if f.planned is not None), default=default)


def _trim_colon(source: str, name: Phrase | None) -> Phrase | None:
    """A total's name without the colon written after it (``合计：``)."""
    if name is None or not name.text.endswith(":"):
        return name
    end = source.rfind(source[name.span.end - 1], name.span.start, name.span.end)
    return Phrase(name.text[:-1], Span(name.span.start, end)) if end > name.span.start else name


def _joined(source: str, pieces: list[_Piece]) -> Phrase | None:
    """The words of *pieces*, in order, as one phrase spanning from the first to the last."""
    return joined(source, [p.cell for p in pieces])


def _frame(heading: Sequence[Line], columns: tuple[FundSource, ...]) -> list[float] | None:
    """Where the heading writes each amount column's label (the middle of the label, in
    display columns), when it writes them all on one line; else None."""
    for line in heading:
        found = [next((c.center for c in line.cells
                       if AMOUNT_LABEL_START[source].match(c.text)), None) for source in columns]
        if all(f is not None for f in found):
            return [f for f in found if f is not None]
    return None


def _funds(source: str, amounts: list[_Piece], columns: tuple[FundSource, ...],
           frame: list[float] | None) -> tuple[FundLine, ...]:
    """The amounts of a row by column: the first is the total, the others the sources in
    the heading's order, a gap twice the usual skipping a column.  A row of a total and
    one source (a project paid from 其他资金 or 财政专户 alone) has no gap to compare: its
    source is the column whose label stands as far from the total's label as the amount
    from the total (:func:`_frame`), and without the labels' places only its total is
    certain."""
    figures = [_amount(source, p.cell) for p in amounts]
    if not figures:
        return ()
    places = [p.cell.right for p in amounts]
    chosen: list[FundSource] = [columns[0]]
    if len(figures) == len(columns):
        chosen = list(columns)
    elif len(figures) == 2 and len(columns) > 2:
        if frame is not None:
            offset = amounts[1].cell.center - amounts[0].cell.center
            chosen.append(columns[min(range(1, len(frame)),
                                      key=lambda c: abs(frame[c] - frame[0] - offset))])
    elif len(figures) > 1:
        gaps = [b - a for a, b in itertools.pairwise(places)]
        step = min(gaps) if gaps else 1
        index = 0
        for gap in gaps:
            index += max(1, round(gap / step)) if step > 0 else 1
            chosen.append(columns[min(index, len(columns) - 1)])
    return tuple(FundLine(source_, Phrase("", figure.span), planned=figure)
                 for source_, figure in zip(chosen, figures, strict=False))


def _amount(source: str, cell: Cell) -> Amount:
    value = Decimal(cell.text.replace(",", ""))
    return trusted_amount(value, None, Span(cell.start, cell.end))


def _indicators(source: str, cell: list[_Piece]) -> list[PerformanceIndicator]:
    """The indicators of one cell's text, each from its level code to the next."""
    view = cells_view(source, [p.cell for p in cell])
    text = view.text
    starts = [m for m in LEVEL_CODE.finditer(text)]
    out: list[PerformanceIndicator] = []
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(text)
        period = PERIOD_VALUE_LABEL.search(text, m.end(), end)
        year = YEAR_VALUE_LABEL.search(text, period.end() if period else m.end(), end)
        name_end = period.start() if period else (year.start() if year else end)
        level1 = level_phrase(view, m.start("level1"), m.end("level1"))
        level2 = (level_phrase(view, m.start("level2"), m.end("level2"))
                  if m.group("level2") else None)
        name = _trimmed(view, m.end(), name_end)
        period_target = (form_target(view, *_bounds(text, period.end(),
                                                    year.start() if year else end))
                         if period else None)
        target_bounds = _bounds(text, year.end(), end) if year else None
        target = (form_target(view, *target_bounds) if target_bounds is not None
                  else form_target(view, name_end, name_end))
        out.append(PerformanceIndicator(level1, level2, name, target,
                                        period_target=period_target))
    return out


def _bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the separators around it."""
    while start < end and text[start] in ",;，；:。 ":
        start += 1
    while end > start and text[end - 1] in ",;，；:。 ":
        end -= 1
    return start, end


def _trimmed(view: TextView, start: int, end: int) -> Phrase | None:
    a, b = _bounds(view.text, start, end)
    return view.phrase(a, b) if b > a else None


_ = median  # kept for the geometry's estimates
