"""Finding and reading the performance forms of a text (绩效目标表, 绩效目标申报表,
绩效自评表): inside a report's tables or annex, or as a document of their own.

A form written in columns is found by its indicator grid's heading (一级指标 / 二级指标 /
三级指标 / 指标值 …); its head lies above it, back to its title (``…项目绩效目标表``): the
project's name, the units, the money and the goal (:func:`read_head`); the grid is read
by ``read.form_grid``.  A table of forms a project a row is found by its heading line
(``项目名称 … 绩效目标 绩效指标``) and read by ``read.form_cells``.

Reading is skipped at the cost of two substring searches when the text holds no form.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import attrs

from ..model.figures import Amount, Count, Percent, Year, trusted_amount, trusted_percent
from ..model.forms import (
    FormKind,
    FormLayout,
    FormTotal,
    FundColumn,
    FundLine,
    FundSource,
    GridColumn,
    PerformanceForm,
)
from ..model.kinds import ReportKind
from ..model.layout import Region, RegionKind
from ..model.report import Report
from ..model.span import Phrase, Span
from ..templates.forms import (
    DEPARTMENT_NAME_LABEL,
    END_LABELS,
    FORM_DOCUMENT_TITLE,
    FORM_KINDS,
    FORM_TITLE_END,
    FORM_YEAR_LINE,
    FUND_COLUMNS,
    FUND_LABELS,
    GOAL_LABEL_WORDS,
    GOAL_LABELS,
    GRID_WORDS,
    HEAD_LABEL_WORDS,
    HEADING_MARK,
    MONEY_BLOCK,
    NUMBERED_LINE,
    ONE_CELL_HEADER,
    OTHER_HEAD_LABELS,
    PROJECT_LABELS,
    TABLE_NAME_LABEL,
    TABLE_WORD,
    TITLE_AFFIXES,
    TITLE_LAST,
    TOTAL_SCORE_ROW,
    UNIT_LABELS,
)
from ..text.view import Source, TextView
from .form_cells import read_one_cell_table
from .form_grid import (
    Heading,
    find_heading,
    is_heading,
    level_word,
    read_grid,
    repeats_heading,
    value_shaped,
)
from .form_lines import Cell, Line, cells_view, joined, read_lines, split_cell
from .form_values import score

__all__ = ["FormsRead", "form_document", "read_forms"]

#: The shortest line a title broken over lines breaks, in characters.
_BROKEN_TITLE: Final = 12
#: The longest numbered heading around the forms, in characters.
_HEADING_LENGTH: Final = 30
#: How many lines an indicator grid runs over at most.
_GRID_LINES: Final = 150
#: How many lines above its grid a form's head may reach.
_HEAD_LINES: Final = 80
#: An amount cell (``1,384.87``, ``0.00``), a blank amount (``-``) and a rate (``95.0%``).
_AMOUNT: Final = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_BLANK: Final = re.compile(r"[-—–－/]+")
_RATE: Final = re.compile(r"(\d+(?:\.\d+)?)%")
#: A weight or score: up to 100 points, whole or to two decimals.
_POINTS: Final = re.compile(r"(?:100|\d{1,2})(?:\.\d{1,2})?")
#: Underscores the page drew below a title's line (a code's separators).
_UNDERSCORES: Final = re.compile(r"_+")


@attrs.frozen
class FormsRead:
    """The forms of a text, the totals of its tables of forms, and the regions they
    take (kept out of the narrative)."""

    forms: tuple[PerformanceForm, ...] = ()
    totals: tuple[FormTotal, ...] = ()
    regions: tuple[Region, ...] = ()


def read_forms(source: str, layout: Sequence[Region] = ()) -> FormsRead:
    """Every performance form of *source*, in text order; the page marks of its *layout*
    (page numbers, running headers) are passed over."""
    first = _first_heading(source)
    if first < 0:
        return FormsRead()
    text = source if isinstance(source, Source) else Source(source)
    marked = {(r.span.start, r.span.end) for r in layout if r.kind is RegionKind.PAGE_MARK}
    # the lines from as far above the first heading as a form's head reaches
    start = first
    for _ in range(_HEAD_LINES + 3):
        start = text.rfind("\n", 0, max(start - 1, 0)) + 1
        if start == 0:
            break
    every = list(read_lines(text, start, len(text)))
    lines = [line for k, line in enumerate(every) if (line.start, line.end) not in marked
             and not _page_number(every, k)]
    lines = [attrs.evolve(line, index=k) for k, line in enumerate(lines)]
    forms: list[PerformanceForm] = []
    totals: list[FormTotal] = []
    regions: list[Region] = []
    taken = 0  # lines before this one belong to a form read
    k = 0
    while k < len(lines):
        line = lines[k]
        if k >= taken and TABLE_WORD in line.text and ONE_CELL_HEADER.search(line.text):
            end, table_forms, table_totals = _table(text, lines, k, taken)
            forms.extend(table_forms)
            totals.extend(table_totals)
            if table_forms:
                regions.append(Region(RegionKind.TABLE, Span(lines[max(taken, k - 3)].start,
                                                             lines[end - 1].end)))
            taken = k = max(end, k + 1)
            continue
        if k >= taken and any(w in line.text for w in GRID_WORDS) and is_heading(line):
            form, first, end = _form(text, lines, k, taken)
            if form.indicators or form.funds:  # else a heading's words, and no form
                forms.append(form)
                regions.append(Region(RegionKind.TABLE, Span(lines[first].start,
                                                             lines[end - 1].end)))
                taken = k = end
                continue
        k += 1
    return FormsRead(tuple(forms), tuple(totals), tuple(regions))


def _first_heading(source: str) -> int:
    """Where the first line of *source* that heads an indicator grid or a table of forms
    starts, or -1.  Every such heading writes a word ending in ``指标`` (三级指标, 二级指标,
    绩效指标): one substring search finds a text without it (most texts), and only the
    lines where such a word stands are read as cells."""
    mark = HEADING_MARK
    starts = tuple(word[:-len(mark)] for word in (*GRID_WORDS, TABLE_WORD))
    at = source.find(mark)
    while at >= 0:
        if source[max(0, at - 2):at] in starts:
            first = source.rfind("\n", 0, at) + 1
            stop = source.find("\n", at)
            stop = len(source) if stop < 0 else stop
            line = next(read_lines(source, first, stop), None)
            if line is not None and (is_heading(line) or (
                    ONE_CELL_HEADER.search(line.text) is not None)):
                return first
            at = source.find(mark, stop)
        else:
            at = source.find(mark, at + len(mark))
    return -1


def form_document(source: str, layout: tuple[Region, ...], read: FormsRead) -> Report:
    """The report of a document that is only performance forms: its department and year
    from its title (``某某局2026年项目支出绩效目标表``) or its 部门名称 line, and its forms."""
    organization = year = None
    head = list(itertools.islice(read_lines(source, 0, min(len(source), 2000)), 2))
    for line in head:
        # the title, or the line under it that gives the year alone (项目支出绩效自评表 /
        # （2025年度）, the national template's)
        view = TextView(source, line.start, line.end)
        m = FORM_DOCUMENT_TITLE.search(view.text) if line is head[0] else (
            FORM_YEAR_LINE.fullmatch(view.text))
        if m is not None:
            if "org" in m.groupdict() and m.group("org"):
                organization = view.phrase(m.start("org"), m.end("org"))
            year = Year(int(m.group("year")), view.span(m.start("year"), m.end("year") + 1))
            break
    if organization is None:
        for line in read_lines(source, 0, min(len(source), 2000)):
            if DEPARTMENT_NAME_LABEL.match(line.text):
                label = DEPARTMENT_NAME_LABEL.match(line.text)
                assert label is not None
                cell = line.cells[0]
                if label.end() < len(cell.text):
                    organization = cell.sub(source, label.end(), len(cell.text))
                elif len(line.cells) > 1:
                    organization = line.cells[1].phrase(source)
                break
    departments = {form.department.text for form in read.forms if form.department is not None}
    if organization is None and len(departments) == 1:
        # every form's 主管部门 is one department: the document's
        organization = next(form.department for form in read.forms
                            if form.department is not None)
    regions = tuple(sorted((*layout, *read.regions), key=lambda r: (r.span.start, r.span.end)))
    return Report(organization=organization, fiscal_year=year,
                  kind=ReportKind.PERFORMANCE_FORM, layout=regions,
                  performance_forms=read.forms, form_totals=read.totals)


def _page_number(lines: list[Line], k: int) -> bool:
    """True for a line holding only a page's number, at the page's foot or head."""
    line = lines[k]
    if len(line.cells) != 1 or not line.cells[0].text.isdigit() or len(line.cells[0].text) > 4:
        return False
    return line.page_break or k + 1 == len(lines) or lines[k + 1].page_break


# -- a form in columns ---------------------------------------------------------------------------


def _form(source: str, lines: list[Line], k: int, taken: int,
          ) -> tuple[PerformanceForm, int, int]:
    """The form whose grid heading is ``lines[k]``: the form, its first line and the
    line after it."""
    heading = find_heading(source, lines, k)
    first = _head_start(lines, heading.first, taken)
    grid_end, end = _grid_end(lines, heading.last + 1, heading)
    grid = read_grid(source, [line for line in lines[heading.last + 1:grid_end]
                              if not repeats_heading(line, heading)], heading)
    head = read_head(source, lines[first:heading.first])
    kind = head.kind
    if kind is None:
        kind = FormKind.DEPARTMENT_TARGETS if head.department_form else FormKind.PROJECT_TARGETS
    if not kind.is_evaluation and (GridColumn.ACTUAL in heading.columns
                                   or GridColumn.SCORE in heading.columns):
        kind = (FormKind.DEPARTMENT_EVALUATION if kind is FormKind.DEPARTMENT_TARGETS
                else FormKind.PROJECT_EVALUATION)
    span = Span(lines[first].start, lines[end - 1].end)
    form = PerformanceForm(
        kind, FormLayout.COLUMNS, span, title=head.title, name=head.name, unit=head.unit,
        department=head.department, funds=head.funds, goal=head.goal,
        indicators=grid.indicators, execution_weight=head.execution_weight,
        execution_rate=head.execution_rate, execution_score=head.execution_score,
        indicator_weight=heading.weight, total_weight=grid.total_weight,
        total_score=grid.total_score)
    return form, first, end


def _title_line(line: Line) -> bool:
    text = line.text
    return FORM_TITLE_END.search(text) is not None and NUMBERED_LINE.match(text) is None


def _head_start(lines: list[Line], heading: int, taken: int) -> int:
    """The first line of the form whose grid heading starts at ``lines[heading]``: its
    title (a title broken over lines starts on the first), else the first line of its
    head after a numbered heading."""
    low = max(taken, heading - _HEAD_LINES)
    for n in range(heading - 1, low - 1, -1):
        line = lines[n]
        if _numbered_heading(line) or _grid_line_before(lines, n):
            return n + 1
        first = _title_at(lines, n, low) if TITLE_LAST.search(line.text) else None
        if first is not None:
            return first
    return low


def _title_at(lines: list[Line], last: int, low: int = 0) -> int | None:
    """The first line of a form's title that ends on ``lines[last]``, or None.  A title
    breaks over three lines at most; a line it breaks is long (or only the underscores
    the page drew below it), and it may start a page but not go on past one."""
    if _numbered_heading(lines[last]) or END_LABELS.match(lines[last].text) is not None:
        return None
    found = None
    for first in range(last, max(low, last - 2) - 1, -1):
        line = lines[first]
        if first < last and (not _title_part(line) or lines[first + 1].page_break or any(
                value_shaped(c.text) or level_word(c.text) for c in line.cells) or not (
                len(line.text) >= _BROKEN_TITLE or _UNDERSCORES.fullmatch(line.text))):
            break
        joined = "".join(ln.text for ln in lines[first:last + 1]
                         if _UNDERSCORES.fullmatch(ln.text) is None)
        if FORM_TITLE_END.search(joined) is not None and NUMBERED_LINE.match(joined) is None:
            found = first
    return found


def _numbered_heading(line: Line) -> bool:
    """A numbered heading of the text around the forms (``1.项目支出绩效目标表``), not a
    numbered sentence of a goal."""
    text = line.text
    return NUMBERED_LINE.match(text) is not None and len(text) <= _HEADING_LENGTH and (
        "。" not in text)


def _title_part(line: Line) -> bool:
    """True for a line that may begin a title broken over lines: one cell of words, no
    sentence end, no label of a form's head."""
    text = line.text
    return (len(line.cells) <= 3 and not text.endswith(("。", ":", "："))
            and NUMBERED_LINE.match(text) is None and FORM_TITLE_END.search(text) is None
            and not any(p.search(text) for _, p in FUND_LABELS)
            and END_LABELS.match(text) is None and len(text) <= 40)


def _grid_line_before(lines: list[Line], n: int) -> bool:
    return END_LABELS.match(lines[n].text) is not None


def _grid_end(lines: list[Line], start: int, heading: Heading) -> tuple[int, int]:
    """The line after the grid that starts at ``lines[start]``, and the line after its
    form: at the form's notes (备注, the form's last line), the next form's title or
    head, a numbered heading, or running text; a grid runs over so many lines at most
    (the longest of the field's takes about forty).  The grid's heading written again
    (at the top of the next page) does not end it."""
    limit = min(len(lines), start + _GRID_LINES)
    for n in range(start, limit):
        line = lines[n]
        text = line.text
        if END_LABELS.match(text) is not None:
            return n, n + 1
        if n > start and repeats_heading(line, heading):
            continue
        if _title_line(line) or _numbered_heading(line) or is_heading(line):
            return n, n
        if any(last < len(lines) and TITLE_LAST.search(lines[last].text) is not None
               and _title_at(lines, last, n) == n for last in (n + 1, n + 2)):
            return n, n  # the next form's title, broken over lines
        first = line.cells[0].text
        if TOTAL_SCORE_ROW.match(first) and len(line.cells) > 1 and (
                GridColumn.SCORE in heading.columns or GridColumn.WEIGHT in heading.columns):
            continue  # 合计 under a grid of weights and scores: its total row
        if PROJECT_LABELS.match(first) or DEPARTMENT_NAME_LABEL.match(first) or any(
                p.match(first) for s, p in FUND_LABELS if s is FundSource.TOTAL):
            return n, n
        if len(line.cells) == 1 and len(text) >= 24 and text.endswith("。"):
            return n, n
    return limit, limit


# -- the head of a form ----------------------------------------------------------------------------


@attrs.frozen
class Head:
    """What a form's head states."""

    title: Phrase | None = None
    kind: FormKind | None = None
    department_form: bool = False
    name: Phrase | None = None
    unit: Phrase | None = None
    department: Phrase | None = None
    funds: tuple[FundLine, ...] = ()
    goal: Phrase | None = None
    execution_weight: Count | None = None
    execution_rate: Percent | None = None
    execution_score: Count | None = None


def read_head(source: str, lines: Sequence[Line]) -> Head:
    """The title, names, money and goal written in the head of a form (*lines*: from
    its title to the line before its grid)."""
    title_lines: list[Line] = []
    for n in range(min(len(lines), 3)):
        if _title_at(list(lines), n) == 0:
            title_lines = list(lines[:n + 1])
            break
    title_cells = [c for ln in title_lines for c in ln.cells
                   if _UNDERSCORES.fullmatch(c.text) is None]
    title = _joined(source, title_cells)
    kind = None
    if title is not None:
        kind = next((k for k, p in FORM_KINDS if p.search(title.text)), None)
    body = lines[len(title_lines):]
    fields: dict[str, object] = {}
    funds: list[FundLine] = []
    goal_cells: list[Cell] = []
    in_goal = False
    matrix: list[FundColumn | None] | None = None
    matrix_line: Line | None = None
    frame: dict[FundColumn, float] = {}  # where the money columns stand from a row's label
    rest_lines = list(body)
    for n, line in enumerate(rest_lines):
        cells = line.cells
        columns = [next((c for c, p in FUND_COLUMNS if p.match(cell.text)), None)
                   for cell in cells]
        if sum(1 for c in columns if c is not None) >= 2:
            matrix, matrix_line = columns, line
            in_goal = False
            continue
        used = False
        k = 0
        while k < len(cells):
            cell = cells[k]
            label = cell.text
            nxt = cells[k + 1] if k + 1 < len(cells) else None
            if PROJECT_LABELS.match(label) and "name" not in fields:
                value = _value_after(source, rest_lines, n, k,
                                     title.text if title is not None else None)
                if value is not None:
                    fields["name"] = value
                used = True
                in_goal = False
            elif DEPARTMENT_NAME_LABEL.match(label):
                fields["department_form"] = True
                if "name" not in fields:
                    value = _value_after(source, rest_lines, n, k)
                    if value is not None:
                        fields["name"] = value
                used = True
                in_goal = False
            elif UNIT_LABELS.match(label):
                value = _value_after(source, rest_lines, n, k)
                key = "department" if label.startswith("主管") else "unit"
                if value is not None and key not in fields:
                    fields[key] = value
                used = True
                in_goal = False
                k += 1 if value is not None and nxt is not None and nxt.text == value.text else 0
            elif GOAL_LABELS.match(label):
                in_goal = True
                used = True
            else:
                source_ = _fund_source(label)
                if source_ is not None and matrix is None and nxt is not None and (
                        _AMOUNT.fullmatch(nxt.text) or _BLANK.fullmatch(nxt.text)):
                    amount = _amount(source, nxt)
                    funds.append(FundLine(source_, cell.phrase(source), planned=amount))
                    k += 2
                    used = True
                    in_goal = False
                    continue
                if source_ is not None and matrix is not None and matrix_line is not None:
                    row = _matrix_row(source, matrix, matrix_line, cells[k + 1:], frame)
                    funds.append(FundLine(source_, cell.phrase(source), planned=row.budget,
                                          initial=row.initial, executed=row.executed))
                    if source_ is FundSource.TOTAL:
                        fields["execution_weight"] = row.weight
                        fields["execution_rate"] = row.rate
                        fields["execution_score"] = row.score
                    used = True
                    break
            k += 1
        if in_goal:
            goal_cells.extend(_goal_words(source, cells))
        elif not used and funds and not any(_fund_source(c.text) for c in cells):
            # the goal in words below the money, its label written down the side
            goal_cells.extend(c for c in _goal_words(source, cells)
                              if not _AMOUNT.fullmatch(c.text))
        elif used and funds:
            goal_cells.clear()  # words between the money's lines are the money's labels
    goal = _joined(source, goal_cells)
    name = fields.get("name")
    if name is None and title_cells:
        name = _name_from_title(source, title_cells)
    weight, rate, points = (fields.get(key) for key in (
        "execution_weight", "execution_rate", "execution_score"))
    return Head(title=title, kind=kind, department_form=bool(fields.get("department_form")),
                name=name if isinstance(name, Phrase) else None,
                unit=_phrase_field(fields, "unit"), department=_phrase_field(fields, "department"),
                funds=_ordered(funds), goal=goal,
                execution_weight=weight if isinstance(weight, Count) else None,
                execution_rate=rate if isinstance(rate, Percent) else None,
                execution_score=points if isinstance(points, Count) else None)


def _goal_label(text: str) -> bool:
    """True for the goal's label or a piece of it (``项目实施期``, ``目标``, ``年``)."""
    return GOAL_LABELS.match(text) is not None or text in GOAL_LABEL_WORDS or (
        len(text) <= 5 and any(text in word for word in GOAL_LABEL_WORDS))


def _goal_words(source: str, cells: Sequence[Cell]) -> list[Cell]:
    """The cells of a goal's line that are the goal's words: its labels left out, and a
    label written against the words cut from them (``年度总体目标为辖区内…``)."""
    out = []
    for cell in cells:
        if _goal_label(cell.text):
            continue
        label = next((w for w in GOAL_LABEL_WORDS if cell.text.startswith(w)), None)
        if label is not None:
            cell = split_cell(source, cell, len(label))[1]
        out.append(cell)
    return out


def _phrase_field(fields: dict[str, object], key: str) -> Phrase | None:
    value = fields.get(key)
    return value if isinstance(value, Phrase) else None


def _ordered(funds: list[FundLine]) -> tuple[FundLine, ...]:
    """The fund lines, total first, each source once (the first written)."""
    seen: set[FundSource] = set()
    out = []
    for line in sorted(funds, key=lambda f: f.source is not FundSource.TOTAL):
        if line.source not in seen:
            seen.add(line.source)
            out.append(line)
    return tuple(out)


def _fund_source(label: str) -> FundSource | None:
    """The source a money line's label names; the money block's label may stand against
    it (``项目资金（万元）其中：当年财政拨款``)."""
    found = next((s for s, p in FUND_LABELS if p.match(label)), None)
    if found is None and (block := MONEY_BLOCK.match(label)) is not None and block.end():
        rest = label[block.end():]
        found = next((s for s, p in FUND_LABELS if p.match(rest)), None) if rest else None
    return found


def _amount(source: str, cell: Cell) -> Amount | None:
    if _AMOUNT.fullmatch(cell.text) is None:
        return None
    return trusted_amount(Decimal(cell.text.replace(",", "")), None, Span(cell.start, cell.end))


@attrs.frozen
class _MoneyRow:
    """A money row of a self-evaluation, by column."""

    initial: Amount | None = None
    budget: Amount | None = None
    executed: Amount | None = None
    weight: Count | None = None
    rate: Percent | None = None
    score: Count | None = None


def _matrix_row(source: str, columns: list[FundColumn | None], heading: Line,
                cells: Sequence[Cell], frame: dict[FundColumn, float]) -> _MoneyRow:
    """The cells of a money row under the self-evaluation's money columns.  A row that
    writes every column (a blank one as ``-``) gives one cell a column, and shows where
    each column stands from the row's label (*frame*, kept for the rows below); a row
    that leaves some blank puts each cell under the column standing nearest it in that
    frame, or, before any full row, under the heading's label it fits best."""
    known = [(c, col) for c, col in zip(heading.cells, columns, strict=True) if col is not None]
    if not known:
        return _MoneyRow()
    if len(cells) == len(known):
        pairs = list(zip(cells, [col for _, col in known], strict=True))
        frame.update({col: cell.center for cell, col in pairs})
    elif frame:
        pairs = _nearest(cells, frame)
    else:
        pairs = _placed_under(cells, known)
    row = _MoneyRow()
    for cell, col in pairs:
        if col is FundColumn.WEIGHT:
            row = attrs.evolve(row, weight=score(cell.phrase(source)))
        elif col is FundColumn.SCORE:
            row = attrs.evolve(row, score=score(cell.phrase(source)))
        elif col is FundColumn.RATE:
            m = _RATE.fullmatch(cell.text)
            if m is not None:
                row = attrs.evolve(row, rate=trusted_percent(Decimal(m.group(1)),
                                                             Span(cell.start, cell.end)))
        elif col is FundColumn.INITIAL:
            row = attrs.evolve(row, initial=_amount(source, cell))
        elif col is FundColumn.BUDGET:
            row = attrs.evolve(row, budget=_amount(source, cell))
        elif col is FundColumn.EXECUTED:
            row = attrs.evolve(row, executed=_amount(source, cell))
    return row


def _nearest(cells: Sequence[Cell], frame: dict[FundColumn, float],
             ) -> list[tuple[Cell, FundColumn]]:
    """Each cell under a column of *frame*, in order, an amount under a column of money,
    a rate under 执行率, a bare number under 分值 or 得分.  The row's line may start
    elsewhere than a full row's (a label of the money block written against it), so the
    row is shifted to fit: the fit that needs the least shift and leaves the least gap."""
    if not cells:
        return []
    columns = sorted(frame, key=frame.__getitem__)
    best: tuple[float, tuple[FundColumn, ...]] | None = None
    for chosen in itertools.combinations(columns, len(cells)):
        if not all(_fits(cell.text, col) for cell, col in zip(cells, chosen, strict=True)):
            continue
        shifts = sorted(frame[col] - cell.center for cell, col in zip(cells, chosen, strict=True))
        shift = shifts[len(shifts) // 2]
        cost = sum(abs(frame[col] - cell.center - shift)
                   for cell, col in zip(cells, chosen, strict=True)) + abs(shift) / 4
        if best is None or cost < best[0]:
            best = (cost, chosen)
    if best is None:
        return []
    return list(zip(cells, best[1], strict=True))


def _fits(text: str, column: FundColumn) -> bool:
    if column is FundColumn.RATE:
        return _RATE.fullmatch(text) is not None
    if column in (FundColumn.WEIGHT, FundColumn.SCORE):
        return _POINTS.fullmatch(text) is not None
    return _AMOUNT.fullmatch(text) is not None


def _placed_under(cells: Sequence[Cell], known: Sequence[tuple[Cell, FundColumn]],
                  ) -> list[tuple[Cell, FundColumn]]:
    """The cells of a money row that leaves some columns blank, each under a column of
    the heading.  The row's line starts at its first character, wherever that stands, so
    the row is shifted to fit the heading best: every shift that puts a cell's middle
    under a label's is tried, each cell then goes under the nearest label."""
    if not cells:
        return []
    best: tuple[float, list[tuple[Cell, FundColumn]]] | None = None
    for cell in cells:
        for label, _ in known:
            shift = label.center - cell.center
            pairs = [(c, min(known, key=lambda h: abs(h[0].center - c.center - shift)))
                     for c in cells]
            columns = [h[1] for _, h in pairs]
            if len(set(columns)) < len(columns):
                continue  # two cells under one column
            cost = sum(abs(h[0].center - c.center - shift) for c, h in pairs)
            if best is None or cost < best[0]:
                best = (cost, [(c, h[1]) for c, h in pairs])
    return best[1] if best is not None else []


def _value_after(source: str, lines: Sequence[Line], n: int, k: int,
                 title: str | None = None) -> Phrase | None:
    """The words a label of line *n*, cell *k*, names: the cells after it on its line, up
    to the next label, and the line below when it goes on with them (pieces of the
    labels left out: ``项目名`` / ``称``): when the form's *title* writes them together,
    or, without a title, when the label too goes on in that line; else a line just
    above and just below holding only the value's pieces (a value broken around its
    label)."""
    cells = lines[n].cells
    parts: list[Cell] = []
    for cell in cells[k + 1:]:
        if _is_label(cell.text):
            break
        parts.append(cell)
    if parts:
        if n + 1 < len(lines):
            below = [c for c in lines[n + 1].cells if not _label_piece(c.text)]
            words = "".join(c.text for c in parts + below)
            if below and len(below) <= 2 and not any(_is_label(c.text) for c in below) and (
                    words in title if title is not None
                    else len(below) < len(lines[n + 1].cells)):
                parts.extend(below)
        return _joined(source, parts)
    for m in (n - 1, n + 1):
        if 0 <= m < len(lines):
            pieces = [c for c in lines[m].cells if not _label_piece(c.text)]
            if len(pieces) == 1 and not _is_label(pieces[0].text) and len(lines[m].cells) <= 2:
                parts.append(pieces[0])
    return _joined(source, parts) if parts else None


def _label_piece(text: str) -> bool:
    """A piece of a head label broken over lines (``称``, ``主管部``, ``门``)."""
    return len(text) <= 6 and any(
        text in word and (len(text) > 1 or word.startswith(text) or word.endswith(text))
        for word in HEAD_LABEL_WORDS)


def _is_label(text: str) -> bool:
    return bool(PROJECT_LABELS.match(text) or UNIT_LABELS.match(text)
                or DEPARTMENT_NAME_LABEL.match(text) or GOAL_LABELS.match(text)
                or OTHER_HEAD_LABELS.match(text)
                or _fund_source(text) is not None or _AMOUNT.fullmatch(text))


def _joined(source: str, cells: Sequence[Cell]) -> Phrase | None:
    return joined(source, cells)


def _name_from_title(source: str, cells: Sequence[Cell]) -> Phrase | None:
    """The project's name in its form's title, without the unit's code and name in front
    and the form's name behind (``301007_某分局_修缮项目绩效目标表`` → ``修缮``)."""
    view = cells_view(source, cells)
    start, end = 0, len(view.text)
    for pattern in TITLE_AFFIXES:
        m = pattern.search(view.text, start, end)
        if m is None:
            continue
        if m.start() == start:
            start = m.end()
        elif m.end() == end:
            end = m.start()
    return view.phrase(start, end) if end > start else None


# -- a table of forms, a project a row -------------------------------------------------------------


def _table(source: str, lines: list[Line], k: int, taken: int,
           ) -> tuple[int, list[PerformanceForm], list[FormTotal]]:
    """The table of forms whose heading's main line is ``lines[k]``: the line after it,
    its forms and its totals."""
    first = k
    if not TABLE_NAME_LABEL.match(lines[k].text) and k - 1 >= taken and TABLE_NAME_LABEL.match(
            lines[k - 1].text):
        first = k - 1  # the heading's first line: 项目名称 over two lines, labels cut
    last = k
    if k + 1 < len(lines) and all(len(c.text) <= 6 for c in lines[k + 1].cells) and not any(
            c.text[:1].isdigit() for c in lines[k + 1].cells):
        last = k + 1
    heading = lines[first:last + 1]
    top = first
    while top - 1 >= max(taken, first - 3) and (_title_line(lines[top - 1]) or (
            DEPARTMENT_NAME_LABEL.match(lines[top - 1].text) is not None)):
        top -= 1
    title_line = next((ln for ln in lines[top:first] if _title_line(ln)), None)
    title = _joined(source, title_line.cells) if title_line is not None else None
    unit = next((ln for ln in lines[top:first] if DEPARTMENT_NAME_LABEL.match(ln.text)), None)
    repeated = {ln.text for ln in lines[top:last + 1]}
    body: list[Line] = []
    end = len(lines)
    for n in range(last + 1, len(lines)):
        line = lines[n]
        if line.text in repeated:
            continue
        if (_title_line(line) and (title is None or line.text != title_line.text if title_line
                                  else True)) or is_heading(line):
            end = n
            break
        body.append(line)
    forms, totals = read_one_cell_table(source, body, heading, title,
                                        unit.text if unit is not None else None)
    return end, forms, totals


_ = Heading  # re-exported type of find_heading's result
