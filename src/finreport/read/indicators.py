"""Performance indicators and the project performance table (项目绩效目标完成情况表)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from ..model.errors import ReportError
from ..model.figures import Amount, decimals_of
from ..model.indicators import (
    Comparator,
    PerformanceIndicator,
    ProjectPerformanceTable,
    Target,
)
from ..model.span import Phrase, Span
from ..templates.indicators import (
    AMOUNT_CELL,
    BRACKETED_LINE,
    COMPARATORS,
    DEADLINE_WORDS,
    FORM_TITLE,
    TARGET_DATE,
    TARGET_VALUE,
)
from ..text.view import fold, line_phrase, tab_cells

__all__ = ["COMPARATORS", "indicator_from_row", "parse_indicator", "parse_project_tables",
           "parse_target"]


def parse_target(text: str, span: Span | None = None) -> Target:
    """A target cell such as ``帮扶困难职工户数≥6户``, ``95%`` or ``2020年12月底`` (see
    :meth:`finreport.Target.parse`)."""
    folded = fold(text)
    phrase = Phrase(folded, span if span is not None else Span(0, len(text)))
    comparator = None
    for kind, pattern in COMPARATORS:
        if pattern.search(folded):
            comparator = kind
            break
    if d := TARGET_DATE.search(folded):
        return Target(phrase, comparator if comparator in (Comparator.LE, Comparator.LT)
                      else (Comparator.LE if d.group(4) in DEADLINE_WORDS else None),
                      year=int(d.group(1)), month=int(d.group(2)),
                      day=int(d.group(3)) if d.group(3) else None)
    for v in TARGET_VALUE.finditer(folded):
        if v.group(2) is None and not folded.endswith(v.group(0)):
            continue
        value = Decimal(v.group(1).replace(",", ""))
        return Target(phrase, comparator, value, v.group(2), decimals_of(value))
    return Target(phrase)


#: A cell of an indicator row written as text: words apart from the next cell by a tab,
#: a ``|`` or two spaces or more.
_CELL = re.compile(r"[^\s|](?:[^\t|\n ]| (?! ))*")


def parse_indicator(row: str) -> PerformanceIndicator:
    """An indicator from one row of text (see :meth:`finreport.PerformanceIndicator.parse`)."""
    if not isinstance(row, str):
        raise ReportError(f"expected an indicator row as str, got {type(row).__name__}")
    cells = [(m.start(), m.group()) for m in _CELL.finditer(row)]
    if len(cells) != 5:
        raise ReportError(f"not a performance indicator row: {len(cells)} cells, "
                          f"expected 5 (level 1, 2, 3, target, actual): {row!r:.80}")
    names = [Phrase(fold(text), Span(start, start + len(text))) for start, text in cells[:3]]
    if not names[0].text.endswith("指标"):
        raise ReportError(f"not a performance indicator row: {names[0].text!r} is no "
                          f"level-1 indicator (产出指标, 效益指标, 满意度指标 …)")
    target, actual = (parse_target(text, Span(start, start + len(text)))
                      for start, text in cells[3:])
    for what, value in (("target", target), ("actual value", actual)):
        if not (value.is_numeric or value.is_date):
            raise ReportError(f"not a performance indicator row: the {what} "
                              f"{value.text.text!r} is neither a number nor a date")
    return PerformanceIndicator(names[0], names[1], names[2], target, actual)


def indicator_from_row(cells: Sequence[str], above: PerformanceIndicator | None = None,
                       ) -> PerformanceIndicator:
    """An indicator from its five cells (see :meth:`finreport.PerformanceIndicator.from_row`)."""
    padded = list(cells) + [""] * (5 - len(cells))
    names: list[Phrase | None] = []
    for i, cell in enumerate(padded[:3]):
        if fold(cell):
            names.append(Phrase(fold(cell), Span(0, len(cell))))
        else:
            names.append(getattr(above, f"level{i + 1}") if above is not None else None)
    return PerformanceIndicator(names[0], names[1], names[2], parse_target(padded[3]),
                                parse_target(padded[4]))


@attrs.frozen
class _Cell:
    text: str
    phrase: Phrase


def _rows(source: str, start: int, end: int) -> tuple[list[list[_Cell]], int]:
    """Rows of tab-indented cells from *start*; returns the rows and where the table ends."""
    rows: list[list[_Cell]] = []
    row: list[_Cell] = []
    pos = start
    table_end = start
    while pos < end:
        stop = source.find("\n", pos, end)
        stop = end if stop < 0 else stop
        line = source[pos:stop]
        if line.startswith("\t"):
            words = line_phrase(source, pos, stop)
            row.append(_Cell(words.text, words))
            table_end = stop
        elif not line.strip():
            if row:
                rows.append(row)
                row = []
        elif BRACKETED_LINE.fullmatch(line):
            pass
        else:
            break
        pos = stop + 1
    if row:
        rows.append(row)
    return rows, table_end


def _amount(cell: _Cell) -> Amount | None:
    m = AMOUNT_CELL.fullmatch(cell.text)
    if m is None:
        return None
    return Amount(Decimal(m.group(1).replace(",", "")), m.group(2), cell.phrase.span)


def _pairs(row: list[_Cell]) -> list[tuple[str, Amount | None]]:
    cells = [c for c in row if c.text]
    out = []
    i = 0
    while i < len(cells):
        label = cells[i].text
        value = cells[i + 1] if i + 1 < len(cells) else None
        if value is not None and AMOUNT_CELL.fullmatch(value.text):
            out.append((label, _amount(value)))
            i += 2
        else:
            out.append((label, None))
            i += 1
    return out


def parse_project_tables(source: str, start: int, end: int,
                         ) -> list[tuple[ProjectPerformanceTable, Span]]:
    """The project performance tables in ``source[start:end]``, with the spans they take."""
    found = []
    pos = start
    while pos < end:
        stop = source.find("\n", pos, end)
        stop = end if stop < 0 else stop
        line = source[pos:stop]
        if line.startswith("\t") and FORM_TITLE.search(fold(line)) and tab_cells(source):
            table, table_end = _table(source, pos, end)
            found.append((table, Span(pos, table_end)))
            pos = table_end + 1
            continue
        pos = stop + 1
    return found


def _table(source: str, start: int, end: int) -> tuple[ProjectPerformanceTable, int]:
    rows, table_end = _rows(source, start, end)
    fields: dict[str, Any] = {}
    indicators: list[PerformanceIndicator] = []
    section = ""
    for row in rows[1:]:
        head = row[0].text if row else ""
        if head:
            section = head
        rest = row[1:]
        if head.startswith("项目名称") and rest:
            fields["name"] = rest[0].phrase
        elif head.startswith("预算单位") and rest:
            fields["unit"] = rest[0].phrase
        elif section.startswith("预算执行情况"):
            for position, (label, amount) in enumerate(_pairs(rest)[:2]):
                prefix = ("fiscal_" if "财政" in label else "other_" if "其它" in label
                          or "其他" in label else "")
                kind = ("budget" if "预算" in label else "execution" if "执行" in label
                        else ("budget", "execution")[position])
                if amount is not None:
                    fields.setdefault(prefix + kind, amount)
        elif section.startswith("年度目标"):
            cells = [c for c in rest if c.text]
            if cells and cells[0].text not in ("预期目标",):
                fields["goal"] = cells[0].phrase
                if len(cells) > 1:
                    fields["goal_achieved"] = cells[1].phrase
        elif section.startswith("绩效指标") and not head and any(c.text for c in rest[1:]):
            texts = [c.text for c in rest]
            above = indicators[-1] if indicators else None
            indicator = PerformanceIndicator.from_row(texts, above)
            spans = [c.phrase for c in rest] + [None] * 5
            indicator = attrs.evolve(
                indicator,
                level1=_placed(indicator.level1, spans[0]),
                level2=_placed(indicator.level2, spans[1]),
                level3=_placed(indicator.level3, spans[2]),
                target=_placed_target(indicator.target, spans[3]),
                actual=_placed_target(indicator.actual, spans[4])
                if indicator.actual is not None else None,
            )
            indicators.append(indicator)
    table = attrs.evolve(ProjectPerformanceTable(span=Span(start, table_end)),
                         indicators=tuple(indicators), **fields)
    return table, table_end


def _placed(name: Phrase | None, cell: Phrase | None) -> Phrase | None:
    if name is None or cell is None or not cell.text:
        return name
    return cell


def _placed_target(target: Target, cell: Phrase | None) -> Target:
    if cell is None:
        return target
    return attrs.evolve(target, text=cell)
