"""Property tests of the performance forms: generated consistent forms, written as layout
text (tests/form_layout.py), read back exactly and give no finding; changing any amount,
rate, weight, score or target gives a finding whose spans include it."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import finreport
from finreport.model.report import iter_figures

from ..form_layout import Placed, centred, render, width, wrap

_COLUMNS = {"l1": (0, 10), "l2": (14, 14), "name": (32, 16), "target": (52, 14),
            "actual": (70, 12), "weight": (86, 6), "score": (96, 6)}
_HEADINGS = {"l1": "一级指标", "l2": "二级指标", "name": "三级指标", "target": "年度指标值",
             "actual": "实际完成值", "weight": "分值", "score": "得分"}
_MONEY = [("项目资金（万元）", 0), ("年初预算数", 22), ("全年预算数", 36), ("全年执行数", 50),
          ("分值", 64), ("执行率", 72), ("得分", 84)]
_LEVELS = [("产出指标", "数量指标", "个"), ("产出指标", "质量指标", "%"),
           ("效益指标", "社会效益指标", "人次"), ("满意度指标", "服务对象满意度指标", "%"),
           ("成本指标", "经济成本指标", "万元")]
_NAMES = ["完成项目数量", "验收合格率", "受益群众人数", "服务对象满意度", "单位成本控制额"]


def _money(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f}"


@st.composite
def evaluations(draw: st.DrawFn) -> str:
    """A consistent project self-evaluation: sources adding up in every column, the rate
    of execution at one decimal, weights adding to 100 and scores to the total."""
    fiscal = [draw(st.integers(1000, 90000)) for _ in range(3)]
    other = [draw(st.integers(100, 9000)) for _ in range(3)]
    fiscal[2] = min(fiscal[2], fiscal[1])  # execution within the budget
    other[2] = min(other[2], other[1])
    total = [f + o for f, o in zip(fiscal, other, strict=True)]
    rate = (Decimal(total[2]) / Decimal(total[1]) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    execution_score = (rate / 10).quantize(Decimal("0.1"), ROUND_HALF_UP)
    count = draw(st.integers(3, 5))  # 产出, 效益 at least (FR620)
    cuts = sorted(draw(st.lists(st.integers(1, 89), min_size=count - 1, max_size=count - 1,
                                unique=True)))
    weights = [b - a for a, b in zip([0, *cuts], [*cuts, 90], strict=True)]
    rows = []
    for k in range(count):
        level1, level2, unit = _LEVELS[k]
        target = draw(st.integers(1, 80))
        actual = target + draw(st.integers(0, 15))
        comparator = "≤" if level1 == "成本指标" else "≥"
        if comparator == "≤":
            target, actual = actual, target
        rows.append({"l1": level1, "l2": level2, "name": _NAMES[k],
                     "target": f"{comparator}{target}{unit}", "actual": f"{actual}{unit}",
                     "weight": str(weights[k]), "score": str(weights[k])})
    placed = [Placed(0, 30, "某某局2025年度项目支出绩效自评表"), Placed(1, 0, "项目名称"),
              Placed(1, 20, "某某项目")]
    placed += [Placed(2, x, t) for t, x in _MONEY]
    lines = [("年度资金总额", *map(_money, total), "10", f"{rate}%", str(execution_score)),
             ("其中：财政拨款", *map(_money, fiscal), "—", "—", "—"),
             ("其他资金", *map(_money, other), "—", "—", "—")]
    line = 3
    for label, *cells in lines:
        placed.append(Placed(line, 0, label))
        for (heading, x), value in zip(_MONEY[1:], cells, strict=True):
            placed.append(Placed(line, x + width(heading) - width(value), value))
        line += 1
    placed += [Placed(line, x + (w - width(_HEADINGS[k])) // 2, _HEADINGS[k])
               for k, (x, w) in _COLUMNS.items()]
    line += 1
    for row in rows:
        cells = {k: wrap(v, _COLUMNS[k][1]) for k, v in row.items()}
        height = max(len(v) for v in cells.values())
        for key, texts in cells.items():
            x, w = _COLUMNS[key]
            placed += centred(texts, line, height, x, w, "centre")
        line += height
    score = execution_score + sum(Decimal(w) for w in weights)
    placed += [Placed(line, 0, "总分"), Placed(line, 88, "100"), Placed(line, 97, str(score))]
    return render(placed)


_SETTINGS = settings(max_examples=40, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(evaluations())
def test_generated_evaluations_read_back_and_are_consistent(text: str) -> None:
    report = finreport.parse(text)
    (form,) = report.performance_forms
    assert form.kind is finreport.FormKind.PROJECT_EVALUATION
    assert [f.source.value for f in form.funds] == ["total", "fiscal", "other"]
    assert form.total_weight is not None and form.total_weight.value == 100
    assert all(i.actual is not None and i.weight is not None and i.score is not None
               for i in form.indicators)
    assert [i.verdict().value for i in form.indicators] == ["met"] * len(form.indicators)
    assert finreport.check(report) == []


#: The first digit of a number's integer part.
_DIGIT = re.compile(r"\d")


def _bumped(text: str, span: finreport.Span) -> tuple[int, str]:
    """*text* with the first digit of the figure at *span* raised by one (9 becomes 1):
    the figure moves by a unit of its integer part or more, more than its rounding."""
    digit = _DIGIT.search(text, span.start, span.end)
    assert digit is not None
    at = digit.start()
    return at, text[:at] + str(int(text[at]) % 9 + 1) + text[at + 1:]


@_SETTINGS
@given(evaluations(), st.data())
def test_a_changed_figure_is_found(text: str, data: st.DataObject) -> None:
    report = finreport.parse(text)
    (form,) = report.performance_forms
    figures = [f for f in iter_figures(form) if f.value != 0]
    figure = data.draw(st.sampled_from(figures))
    at, changed = _bumped(text, figure.span)
    findings = finreport.check(finreport.parse(changed))
    assert any(s.start <= at < s.end for f in findings for s in f.spans), (
        figure, [f.message for f in findings])


@_SETTINGS
@given(evaluations(), st.data())
def test_a_target_raised_past_its_actual_is_found(text: str, data: st.DataObject) -> None:
    report = finreport.parse(text)
    (form,) = report.performance_forms
    indicator = data.draw(st.sampled_from(form.indicators))
    target, actual = indicator.target, indicator.actual
    assert actual is not None and actual.value is not None and target.value is not None
    missed = actual.value + 1 if target.comparator is finreport.Comparator.GE else max(
        actual.value - 1, Decimal(0))
    if missed == actual.value:
        return  # a cost of 0 cannot be undercut
    number = re.search(r"\d+", text[target.text.span.start:target.text.span.end])
    assert number is not None
    start = target.text.span.start + number.start()
    changed = text[:start] + str(missed) + text[target.text.span.start + number.end():]
    findings = finreport.check(finreport.parse(changed))
    assert any(f.code == "FR617" and f.severity is finreport.Severity.ERROR
               and any(s.start <= start < s.end for s in f.spans) for f in findings)


@st.composite
def tables(draw: st.DrawFn) -> str:
    """A consistent table of forms a project a row: projects under one unit adding up to
    the unit's row and the 合计."""
    count = draw(st.integers(1, 4))
    amounts = [draw(st.integers(100, 500000)) for _ in range(count)]
    title = "某某局2026年项目支出绩效目标表"
    placed = [Placed(0, 50, title), Placed(1, 0, "项目名称（资金使用单位）"), Placed(1, 30, "总计"),
              Placed(1, 42, "财政拨款"), Placed(1, 100, "绩效目标"), Placed(1, 150, "绩效指标")]
    total = _money(sum(amounts))
    for line, name in ((2, "合计"), (3, "某某局")):
        placed += [Placed(line, 0, name), Placed(line, 38 - width(total), total),
                   Placed(line, 52 - width(total), total)]
    line = 4
    for k, cents in enumerate(amounts):
        money = _money(cents)
        period = draw(st.integers(5, 60))
        year = draw(st.integers(1, period))
        text = (f"1.1－产出指标，11－数量指标，完成任务数量；实施周期指标值：≥{period}个，"
                f"年度指标值：≥{year}个；2、2－效益指标，22－社会效益，群众满意率；实施周期指标值："
                f"≥90%，年度指标值：≥90%；")
        lines = wrap(text, 46)
        placed += [Placed(line + n, 132, t) for n, t in enumerate(lines)]
        placed += centred(wrap("按计划完成年度任务，提升服务水平。", 44), line, len(lines), 86, 44)
        placed += centred([f"第{k + 1}号项目"], line, len(lines), 0, 24, "centre")
        middle = line + len(lines) // 2
        placed += [Placed(middle, 38 - width(money), money),
                   Placed(middle, 52 - width(money), money)]
        line += len(lines)
    return render(placed)


@_SETTINGS
@given(tables())
def test_generated_tables_read_back_and_are_consistent(text: str) -> None:
    report = finreport.parse(text)
    assert report.kind is finreport.ReportKind.PERFORMANCE_FORM
    assert all(len(f.indicators) == 2 for f in report.performance_forms)
    assert [t.name.text for t in report.form_totals] == ["合计", "某某局"]
    assert finreport.check(report) == []


@_SETTINGS
@given(tables(), st.data())
def test_a_changed_amount_or_target_of_a_table_is_found(text: str, data: st.DataObject) -> None:
    report = finreport.parse(text)
    amounts = [f for f in iter_figures(report.performance_forms) if f.value != 0]
    amounts += [f for f in iter_figures(report.form_totals) if f.value != 0]
    figure = data.draw(st.sampled_from(amounts))
    at, changed = _bumped(text, figure.span)
    findings = finreport.check(finreport.parse(changed))
    assert any(s.start <= at < s.end for f in findings for s in f.spans)
    # a year's target raised past its period's is found too
    form = data.draw(st.sampled_from(report.performance_forms))
    quantity = form.indicators[0]
    assert quantity.period_target is not None and quantity.period_target.value is not None
    span = quantity.target.text.span
    raised = text[:span.start] + f"≥{quantity.period_target.value + 1}个" + text[span.end:]
    findings = finreport.check(finreport.parse(raised))
    assert any(f.code == "FR619" and any(s.start == span.start for s in f.spans)
               for f in findings)


_FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "performance_forms")
                   .glob("*.txt"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_FIXTURES), st.data())
def test_a_mangled_form_never_raises(path: Path, data: st.DataObject) -> None:
    """Lines lost, repeated or cut short, characters dropped: the reader reads what it
    can, or the text is refused with a ReportError, never a traceback."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for _ in range(data.draw(st.integers(1, 6))):
        if not lines:
            break
        k = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "repeat", "cut", "join", "noise"]))
        if action == "drop":
            del lines[k]
        elif action == "repeat":
            lines.insert(k, lines[k])
        elif action == "cut":
            lines[k] = lines[k][:data.draw(st.integers(0, max(0, len(lines[k]) - 1)))]
        elif action == "join" and k + 1 < len(lines):
            lines[k:k + 2] = [lines[k] + lines[k + 1]]
        else:
            lines[k] = data.draw(st.text(alphabet="产出指标效益满意度≥≤%0123456789.、，；:（） \t",
                                         max_size=40))
    text = "\n".join(lines)
    try:
        report = finreport.parse(text)
    except finreport.ReportError:
        return
    finreport.check(report)
