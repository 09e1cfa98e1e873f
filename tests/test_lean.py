"""What the speed-ups of issue 10 rely on: each shortcut gives what the long way gave.

The golden test (``test_golden.py``) proves the outputs of every report unchanged; these
tests hold the shortcuts to their reasons on inputs no report contains.
"""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import finreport
from finreport.model import interval as _interval
from finreport.model import report as _model
from finreport.model.span import Span
from finreport.read import entries as _entries
from finreport.read import sections as _sections
from finreport.read import tables as _tables
from finreport.templates import profiles as _profiles
from finreport.text import view as _view
from finreport.text.regex import any_of

from .conftest import ROOT

_CJK = st.text(alphabet=st.sampled_from([
    *"一般公共预算财政拨款收入支出决算表总三公经费政府性基金国有资本经营机关运行采购基本",
    *"情况说明名词解释概况部分年度", "\n", " ", "1", "(", ")", '"']), max_size=40)


def test_the_role_window_holds_every_role() -> None:
    # a label's role is searched for in its last _ROLE_WIDTH characters only
    lowest, highest = re.__dict__["_parser"].parse(_entries.ROLE.pattern).getwidth()
    assert lowest >= 1
    assert highest <= _entries.ROLE_WIDTH


@given(_CJK)
def test_any_table_title_is_one_of_the_titles(title: str) -> None:
    assert (_tables._ANY_TABLE_TITLE.search(title) is not None) == (
        _tables.table_kind(title) is not None)


@given(_CJK)
def test_any_part_title_is_one_of_the_part_titles(title: str) -> None:
    found = any(pattern.search(title) for _, pattern in _sections.PART_TITLES)
    assert (_sections._ANY_PART.search(title) is not None) == found


@given(_CJK)
def test_any_section_title_is_one_of_each_tables_titles(title: str) -> None:
    # the section titles of every profile (final accounts, budgets …), tried at once
    for table in {id(p.section_titles): p.section_titles
                  for p in _profiles.PROFILES.values()}.values():
        found = next((kind for kind, pattern, _ in table if pattern.search(title)), None)
        assert _sections._classify_section(title, table) is found


def test_any_of_matches_where_one_of_its_patterns_does() -> None:
    combined = any_of([re.compile(r"决算表"), re.compile(r"(预算|决算)情况"), re.compile("^附件")])
    assert [bool(combined.search(t)) for t in ("收入决算表", "预算情况说明", "见附件", "附件1")] == [
        True, True, False, True]
    assert combined.flags == re.compile("").flags


def test_any_of_refuses_patterns_it_would_change() -> None:
    with pytest.raises(ValueError, match="different flags"):
        any_of([re.compile("a"), re.compile("b", re.IGNORECASE)])
    with pytest.raises(ValueError, match="refers to a group"):
        any_of([re.compile(r"(a)\1"), re.compile("b")])
    with pytest.raises(ValueError, match="refers to a group"):
        any_of([re.compile(r"(?P<x>a)(?P=x)")])


def test_display_width_asks_unicodedata_once_a_character() -> None:
    assert _view.display_width("合计 1,234.56") == 13
    assert _view.display_width("ab") == 2
    assert _view.display_width("é合") == 3
    assert _view.display_width("ＡＢ") == 4  # full-width forms count two
    assert _view._WIDE["合"] == 1 and _view._WIDE["é"] == 0


def test_figures_are_found_through_the_fields_that_may_hold_them() -> None:
    # the walk skips fields whose annotation names no class that can hold a figure
    assert _model._figure_fields(finreport.TableRow) == ("cells",)
    assert _model._figure_fields(finreport.Table) == ("rows",)
    assert _model._figure_fields(finreport.Span) == ()
    assert "sections" not in _model._figure_fields(finreport.Report)
    assert "layout" not in _model._figure_fields(finreport.Report)
    assert "tables" in _model._figure_fields(finreport.Report)


def test_resolved_annotations_walk_the_same_fields() -> None:
    # cattrs resolves the annotations of the classes it structures: the walk stays the same
    classes = [finreport.TableRow, finreport.Table, finreport.Report, finreport.Entry,
               finreport.BudgetLine, finreport.Change, finreport.ProjectPerformanceTable]
    before = {kind: _model._figure_fields(kind) for kind in classes}
    for kind in classes:
        attrs.resolve_types(kind)
    assert _model._annotation(attrs.fields(finreport.TableRow).code.type) == "str | None"
    assert {kind: _model._figure_fields(kind) for kind in classes} == before


def test_every_figure_of_a_report_is_walked() -> None:
    # the same figures as walking every field of every attrs object
    text = (ROOT / "examples" / "data" / "sample_tables.txt").read_text(encoding="utf-8")
    report = finreport.parse(text)

    def every(obj: object) -> list[object]:
        if isinstance(obj, finreport.Amount | finreport.Percent | finreport.Count):
            return [obj]
        if isinstance(obj, finreport.Entry):
            return list(obj.figures())
        if isinstance(obj, tuple | list):
            return [f for item in obj for f in every(item)]
        if hasattr(type(obj), "__attrs_attrs__"):
            return [f for a in type(obj).__attrs_attrs__ for f in every(getattr(obj, a.name))]
        return []

    walked = sorted((f.span.start, f.span.end) for f in report.figures())
    assert walked == sorted((f.span.start, f.span.end) for f in every(report))  # type: ignore[attr-defined]
    assert len(walked) == 125


@given(st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=2,
                   allow_nan=False, allow_infinity=False),
       st.integers(min_value=0, max_value=6), st.sampled_from([None, "万元", "元", "亿元"]))
def test_kept_intervals_are_the_ones_computed(value: Decimal, places: int,
                                              unit: str | None) -> None:
    amount = finreport.Amount(value, unit, Span(0, 1))
    got = _interval.interval_of(amount, places)
    width = max(amount.decimals, places)
    want = _interval.Interval.rounded(value, width)
    if value == 0 and amount.decimals == 0:
        want = _interval.Interval.exact(Decimal(0))
    elif unit not in (None, "万元"):
        want = want.scale(finreport.Amount(Decimal(1), unit, Span(0, 1)).wan)
    assert (got.low, got.high) == (want.low, want.high)
    assert (str(got.low), str(got.high)) == (str(want.low), str(want.high))


def _python(code: str) -> str:
    """What a fresh interpreter prints running *code*."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout


def test_import_finreport_loads_nothing_until_used() -> None:
    code = ("import sys, finreport; "
            "print(sorted(m for m in sys.modules if m.startswith(('finreport', 'attr', "
            "'typing', 're', 'decimal'))))")
    out = _python(code)
    assert out.strip() == "['finreport']"


def test_every_public_name_resolves() -> None:
    code = ("import finreport; "
            "missing = [n for n in finreport.__all__ if getattr(finreport, n, None) is None]; "
            "print(missing, sorted(set(finreport.__all__) - set(dir(finreport))))")
    out = _python(code)
    assert out.strip() == "[] []"
    assert finreport.Report.__module__ == "finreport.model.report"
    assert finreport.parse.__module__ == "finreport"


def test_the_lazy_table_is_what_type_checkers_import() -> None:
    # the package names each public name twice: in _LAZY (where it is loaded from at run
    # time) and in the TYPE_CHECKING imports (what mypy sees); they must agree
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(finreport))
    block = next(node for node in tree.body if isinstance(node, ast.If)
                 and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
    imported = {alias.name: "." + (node.module or "") for node in block.body
                if isinstance(node, ast.ImportFrom) and node.level == 1
                for alias in node.names}
    assert imported == finreport._LAZY


@given(st.from_regex(r"\A(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,6})?\Z"))
def test_decimals_as_written_are_the_values_decimals(written: str) -> None:
    from finreport.model.figures import decimals_of, written_decimals

    assert written_decimals(written) == decimals_of(Decimal(written.replace(",", "")))


@given(st.text(alphabet=st.sampled_from([*"第附件表一二三四五六七八九十部分()、.,0123456789",
                                         *"情况说明收入支出决算", " "]), max_size=12))
def test_numbered_headings_start_with_a_numbering_character(line: str) -> None:
    # _heading_of tries the numbering patterns only on lines starting with one of these
    numbered = any(marker.match(line) for _, marker in _sections._HEADING_MARKERS)
    if numbered:
        assert line[0] in _sections._NUMBERING_STARTS


def test_preload_loads_the_parser_and_the_rules() -> None:
    code = ("import sys, finreport; finreport.preload(); "
            "print(all(m in sys.modules for m in ('finreport.read.report', 'finreport.checks.running', "
            "'finreport.checks.sums', 'finreport.model.report')))")
    out = _python(code)
    assert out.strip() == "True"


@settings(max_examples=500)
@example("a\r\n", [2])  # between the \r and the \n of a \r\n
@given(st.lists(st.sampled_from(["a", "合", "\n", "\n", "\r", "\r\n", "\u2028", " "]),
                max_size=30).map("".join),
       st.lists(st.integers(min_value=-2, max_value=45), max_size=8))
def test_line_index_places_offsets_as_line_col(text: str, offsets: list[int]) -> None:
    from finreport.model.span import line_col, line_index

    where = line_index(text)
    assert [where(o) for o in offsets] == [line_col(text, o) for o in offsets]


@given(st.text(alphabet=st.sampled_from([*"决算预算总表公开科目分类()（）0123456789 ", "\n"]),
               max_size=20))
def test_a_table_title_holds_the_character_biao(line: str) -> None:
    # _is_title and _wrapped_title skip lines without 表 before folding them
    from finreport.templates.tables import TITLE_END
    from finreport.text.view import fold

    if TITLE_END.search(fold(line)) is not None:
        assert "表" in line


@given(st.text(alphabet=st.sampled_from([*"图构成表情况预算决算结构:：12 收入"]), max_size=30))
def test_a_caption_holds_tu_or_goucheng(line: str) -> None:
    from finreport.text.layout import LINE_SHAPES, _caption

    assert _caption(line) == (LINE_SHAPES["caption"].fullmatch(line) is not None)


@given(st.lists(st.sampled_from([*" \t\r\f\v\u3000\u00a0\u200b\ufeffab合１２,.%（", "12", "3.5"]),
                max_size=10).map("".join), st.booleans())
def test_a_line_phrase_is_the_views_phrase(words: str, folded_first: bool) -> None:
    from finreport.text.view import Source, TextView, line_phrase

    text = "前\n" + words + "\n后"
    source = Source(text) if folded_first else text
    view = TextView(source, 2, 2 + len(words))
    want = view.phrase(0, len(view.text))
    got = line_phrase(source, 2, 2 + len(words))
    assert (got.text, got.span) == (want.text, want.span)


def test_the_command_line_loads_the_model_and_rules_only_for_a_command() -> None:
    # finreport --version and --help start without the parser, the model or the rules
    out = _python("import sys, finreport.cli; "
                  "print(sorted(m for m in sys.modules if m.startswith('finreport')))")
    assert out.strip() == ("['finreport', 'finreport.batch', 'finreport.cli', 'finreport.model', "
                           "'finreport.model.errors', "
                           "'finreport.model.findings', 'finreport.model.span']")


def _layout_page_the_long_way(chars: list[tuple[str, float, float, float, float]]) -> str:
    """The page layout as it was written before issue 10 (the rows' boxes in a list,
    the characters sorted by their negated middles)."""
    from statistics import median

    if not chars:
        return ""
    height = median(top - bottom for _, _, bottom, _, top in chars) or 1.0
    column = height / 2
    rows: list[list[tuple[str, float, float, float, float]]] = []
    boxes: list[tuple[float, float]] = []
    for char in sorted(chars, key=lambda c: -(c[2] + c[4]) / 2):
        middle = (char[2] + char[4]) / 2
        if rows and (boxes[-1][0] <= middle <= boxes[-1][1]
                     or abs((boxes[-1][0] + boxes[-1][1]) / 2 - middle) <= height / 2):
            rows[-1].append(char)
            if char[2] - char[4] != 0 and char[4] - char[2] >= height / 2:
                boxes[-1] = (min(boxes[-1][0], char[2]), max(boxes[-1][1], char[4]))
        else:
            rows.append([char])
            boxes.append((char[2], char[4]) if char[4] - char[2] >= height / 2
                         else (middle - height / 2, middle + height / 2))
    lines = []
    for row in rows:
        row.sort(key=lambda c: c[1])
        text: list[str] = []
        cursor: float | None = None
        for ch, left, _, right, _ in row:
            if cursor is not None:
                gap = (left - cursor) / column
                if gap >= 2.5:
                    text.append(" " * round(gap))
            text.append(ch)
            cursor = right
        lines.append("".join(text))
    return "\n".join(lines) + "\n"


# characters on a coarse grid, so that middles tie and rows overlap often
_COORDINATE = st.integers(0, 60).map(lambda n: n * 2.5)


@st.composite
def _page_characters(draw: st.DrawFn) -> list[tuple[str, float, float, float, float]]:
    chars = []
    for ch in draw(st.lists(st.sampled_from("收入合计12.,%"), max_size=40)):
        left, bottom = draw(_COORDINATE), draw(_COORDINATE)
        width, height = draw(st.sampled_from([0.0, 2.5, 5.0])), draw(
            st.sampled_from([0.0, 1.25, 5.0, 10.0]))
        chars.append((ch, left, bottom, left + width, bottom + height))
    return chars


@settings(max_examples=300)
@given(_page_characters())
def test_page_layout_is_the_long_ways(chars: list[tuple[str, float, float, float, float]]
                                      ) -> None:
    from finreport.pdf import layout_page

    assert layout_page(chars) == _layout_page_the_long_way(chars)
