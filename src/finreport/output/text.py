"""Rendering a report, its findings and the rule catalogue as text: strings in, strings out.

Nothing here reads a file or writes to a terminal; the command line (:mod:`finreport.cli`)
decides where the text goes.  Columns are aligned by display width, so a table mixing
Chinese (two columns per character) and Latin text lines up in a terminal.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Final, TypeVar

from ..checks import Rule
from ..model.budget_lines import BudgetLine
from ..model.checks import Audit, Outcome
from ..model.entries import Change, Entry
from ..model.figures import Amount, Count, Percent
from ..model.findings import Finding, Severity
from ..model.forms import FundLine
from ..model.indicators import ProjectPerformanceTable, Verdict
from ..model.kinds import ReportKind
from ..model.report import Breakdown, FundBudget, Report
from ..model.span import Phrase
from .coverage import figures_read

__all__ = [
    "computed_share",
    "display_width",
    "finding_line",
    "format_change",
    "format_figure",
    "pad",
    "render_report",
    "render_rules",
    "severity_counts",
    "severity_summary",
    "table",
]

_DASH = "—"
_HUNDRED = Decimal(100)

_T = TypeVar("_T")


def display_width(text: str) -> int:
    """Columns *text* takes in a terminal: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, width: int, *, right: bool = False) -> str:
    """*text* padded with spaces to *width* display columns (right-aligned if *right*)."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], *,
          right: Iterable[int] = (), indent: str = "  ") -> str:
    """A plain-text table: a header row, a rule, then *rows*, columns aligned by display
    width.  Columns whose index is in *right* are right-aligned (numbers)."""
    body = [list(row) for row in rows]
    aligned_right = set(right)
    widths = [display_width(h) for h in headers]
    for row in body:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))

    def line(cells: Sequence[str]) -> str:
        padded = [pad(cell, widths[i], right=i in aligned_right) for i, cell in enumerate(cells)]
        return (indent + "  ".join(padded)).rstrip()

    out = [line(headers), indent + "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in body)
    return "\n".join(out)


# ---------------------------------------------------------------------------------------
# Figures


def format_figure(figure: Amount | Percent | Count | None) -> str:
    """A figure as the report wrote it (value at its written precision, then its unit);
    ``—`` for none.  ``余`` marks an approximate figure (``13万余元`` → ``13余万元``)."""
    if figure is None:
        return _DASH
    approx = "余" if isinstance(figure, Amount | Count) and figure.approximate else ""
    if isinstance(figure, Amount):
        return f"{figure.value}{approx}{figure.unit or ''}"
    if isinstance(figure, Percent):
        return f"{figure.value}{'%' if figure.sign else ''}"
    return f"{figure.value}{approx}{figure.unit}"


def format_change(change: Change | None, *, chinese: bool = True) -> str:
    """A change as stated: ``增加24.13万元，增长8.28%（与2020年相比）``; ``—`` for none.
    With ``chinese=False``: ``增加24.13万元, 增长8.28% (compared with 2020)``."""
    if change is None:
        return _DASH
    parts = []
    if change.amount is not None:
        parts.append(_words(change.direction) + format_figure(change.amount))
    if change.percent is not None:
        parts.append(_words(change.percent_direction) + format_figure(change.percent))
    if not parts and change.flat:
        parts.append("持平")
    text = ("，" if chinese else ", ").join(parts) or _DASH
    if change.compared_year is not None:
        year = change.compared_year.value
        text += f"（与{year}年相比）" if chinese else f" (compared with {year})"
    return text


def _words(phrase: Phrase | None) -> str:
    return phrase.text if phrase is not None else ""


def computed_share(part: Amount | None, whole: Amount | None,
                   decimals: int = 2) -> str:
    """``part / whole`` in percent at *decimals* decimals (``—`` when either is missing
    or the whole is zero).  Decimal arithmetic throughout."""
    if part is None or whole is None or whole.wan == 0:
        return _DASH
    try:
        value = (part.wan / whole.wan * _HUNDRED).quantize(Decimal(1).scaleb(-decimals))
    except InvalidOperation:
        return _DASH
    return f"{value}%"


def _ratio_decimals(stated: Percent | None) -> int:
    return max(2, stated.decimals) if stated is not None else 2


# ---------------------------------------------------------------------------------------
# Findings


def finding_line(path: str, line: int, col: int, finding: Finding) -> str:
    """A finding as one line, linter style: ``path:line:col: FR101 error message``.

    *line* and *col* are 1-based: where the finding's first span starts, as
    ``finding.span.line_col(text)`` gives them.
    """
    return f"{path}:{line}:{col}: {finding.code} {finding.severity.value} {finding.message}"


def severity_counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings there are of each severity (every severity present, 0 if none)."""
    counted = Counter(f.severity for f in findings)
    return {severity: counted.get(severity, 0) for severity in Severity}


def severity_summary(counts: Mapping[Severity, int]) -> str:
    """``3 errors, 1 warning, 0 info`` for a mapping from severity to count."""
    errors = counts.get(Severity.ERROR, 0)
    warnings = counts.get(Severity.WARNING, 0)
    infos = counts.get(Severity.INFO, 0)
    return (f"{errors} error{'' if errors == 1 else 's'}, "
            f"{warnings} warning{'' if warnings == 1 else 's'}, {infos} info")


def render_rules(rules: Sequence[Rule], *, locale: str = "zh_CN") -> str:
    """The rule catalogue as a table: code, name (``--select`` and ``--ignore`` take
    codes, prefixes and names), severity, title (Chinese titles for a ``zh`` locale,
    English ones otherwise)."""
    chinese = locale.lower().startswith("zh")
    rows = [(r.code, r.name, r.severity.value, r.title_zh if chinese else r.title)
            for r in rules]
    return table(("code", "name", "severity", "title"), rows, indent="")


# ---------------------------------------------------------------------------------------
# The report

#: Labels of :func:`render_report`: key → (Chinese, English).
_LABELS: dict[str, tuple[str, str]] = {
    "final_accounts": ("部门决算", "final accounts"),
    "budget": ("部门预算", "budget"),
    "university_final_accounts": ("高等学校部门决算", "university final accounts"),
    "university_budget": ("高等学校部门预算", "university budget"),
    "unit_final_accounts": ("单位决算", "unit final accounts"),
    "unit_budget": ("单位预算", "unit budget"),
    "checks": ("核对", "checks made"),
    "holds": ("相符", "held"),
    "fails": ("不符", "failed"),
    "abstained": ("未核对", "not made"),
    "performance_form": ("绩效表", "performance forms"),
    "meetings": ("会议费（不属“三公”）", "meetings (not a public expense)"),
    "training": ("培训费（不属“三公”）", "training (not a public expense)"),
    "statements": ("其他陈述", "other statements"),
    "explanations": ("说明变动原因的金额", "amounts explaining a change"),
    "unknown_org": ("（未识别单位名称）", "(organization not found)"),
    "unknown_year": ("（未识别年度）", "(fiscal year not found)"),
    "figures": ("读取数字", "figures read"),
    "institutions": ("机构设置", "Institutions"),
    "grand_total": ("收、支总计", "Grand total of income and expenditure"),
    "income": ("收入决算", "Income"),
    "expenditure": ("支出决算", "Expenditure"),
    "fiscal_appropriation": ("财政拨款收、支总计", "Fiscal appropriation"),
    "general_budget": ("一般公共预算财政拨款支出", "General public budget expenditure"),
    "execution": ("预算执行", "Budget execution"),
    "executed": ("执行", "executed"),
    "classes": ("按功能分类（类）", "By functional class (类)"),
    "lines": ("明细科目（类/款/项）", "Detail lines (类/款/项)"),
    "basic": ("一般公共预算财政拨款基本支出", "Basic expenditure"),
    "three_public": ("“三公”经费", "Three public expenses"),
    "government_fund": ("政府性基金预算支出", "Government fund budget"),
    "state_capital": ("国有资本经营预算支出", "State capital operations budget"),
    "operating_costs": ("机关运行经费", "Agency operating costs"),
    "procurement": ("政府采购", "Government procurement"),
    "assets": ("国有资产", "State assets"),
    "performance": ("预算绩效管理", "Performance management"),
    "projects": ("项目绩效目标完成情况表", "Project performance tables"),
    "annexes": ("附件", "Annexes"),
    "glossary": ("名词解释", "Glossary"),
    "residue": ("模板残留", "Template residue"),
    "unrecognized": ("未识别的数字", "Unrecognized figures"),
    "not_stated": ("未说明", "not stated"),
    "entries": ("条", "entries"),
    "item": ("项目", "item"),
    "amount": ("金额", "amount"),
    "share": ("占比", "share"),
    "computed": ("计算占比", "computed"),
    "final": ("决算", "final"),
    "budget_col": ("预算", "budget"),
    "completion": ("完成率", "completion"),
    "computed_completion": ("计算完成率", "computed"),
    "comparison": ("比较", "comparison"),
    "change": ("变动", "change"),
    "classification": ("科目", "classification"),
    "no": ("序号", "no."),
    "counts": ("数量", "counts"),
    "total": ("合计", "total"),
    "personnel": ("人员经费", "personnel"),
    "public": ("公用经费", "public expenses"),
    "overseas": ("因公出国（境）费", "overseas travel"),
    "vehicles": ("公务用车购置及运行维护费", "official vehicles"),
    "vehicle_purchase": ("公务用车购置费", "vehicle purchase"),
    "vehicle_operation": ("公务用车运行维护费", "vehicle operation"),
    "reception": ("公务接待费", "official reception"),
    "domestic": ("国内公务接待", "domestic reception"),
    "foreign": ("外事接待", "foreign reception"),
    "overseas_groups": ("出国（境）团组", "overseas groups"),
    "overseas_persons": ("出国（境）人次", "overseas persons"),
    "vehicles_bought": ("购置公务用车", "vehicles bought"),
    "fleet": ("公务用车保有量", "fleet"),
    "domestic_batches": ("国内接待批次", "domestic batches"),
    "domestic_visitors": ("国内接待人次", "domestic visitors"),
    "foreign_batches": ("外事接待批次", "foreign batches"),
    "foreign_visitors": ("外事接待人次", "foreign visitors"),
    "goods": ("货物", "goods"),
    "works": ("工程", "works"),
    "services": ("服务", "services"),
    "sme": ("授予中小企业", "awarded to SMEs"),
    "small_micro": ("授予小微企业", "awarded to micro/small firms"),
    "asset_vehicles": ("车辆", "vehicles"),
    "equipment": ("大型设备", "large equipment"),
    "goals_set": ("编制绩效目标的项目", "projects with goals"),
    "monitored": ("绩效监控的项目", "projects monitored"),
    "self_evaluated": ("绩效自评的项目", "projects self-evaluated"),
    "evaluated": ("部门评价的项目", "projects evaluated"),
    "project": ("项目", "project"),
    "budget_unit": ("预算单位", "budget unit"),
    "fiscal": ("其中财政拨款", "of which fiscal"),
    "other_funds": ("其它资金", "other funds"),
    "goal": ("预期目标", "goal"),
    "goal_achieved": ("实际完成目标", "achieved"),
    "level1": ("一级指标", "level 1"),
    "level2": ("二级指标", "level 2"),
    "level3": ("三级指标", "level 3"),
    "target": ("预期指标值", "target"),
    "actual": ("实际完成值", "actual"),
    "verdict": ("结论", "verdict"),
    "forms": ("绩效表", "Performance forms"),
    "form_totals": ("绩效表合计行", "Totals of the tables of forms"),
    "project_targets": ("项目支出绩效目标表", "project targets"),
    "department_targets": ("部门整体绩效目标表", "department targets"),
    "project_evaluation": ("项目支出绩效自评表", "project self-evaluation"),
    "department_evaluation": ("部门整体支出绩效自评表", "department self-evaluation"),
    "fund_total": ("资金总额", "total"),
    "fund_fiscal": ("财政拨款", "fiscal appropriation"),
    "fund_special_account": ("财政专户", "special account"),
    "fund_carried_over": ("上年结转", "carried over"),
    "fund_other": ("其他资金", "other funds"),
    "fund_basic": ("基本支出", "basic expenditure"),
    "fund_project": ("项目支出", "project expenditure"),
    "initial": ("年初预算数", "initial budget"),
    "full_year": ("全年预算数", "full-year budget"),
    "execution_rate": ("执行率", "execution rate"),
    "period_target": ("实施周期指标值", "period target"),
    "year_target": ("年度指标值", "year target"),
    "weight": ("分值", "weight"),
    "score": ("得分", "score"),
    "total_score": ("总分", "total score"),
    Verdict.MET.value: ("达成", "met"),
    Verdict.NOT_MET.value: ("未达成", "not met"),
    Verdict.UNKNOWN.value: ("无法判断", "cannot tell"),
}


#: Labels that name a report kind: never reworded.
_KIND_KEYS: Final[frozenset[str]] = frozenset(
    {"final_accounts", "budget", "university_final_accounts", "university_budget",
     "unit_final_accounts", "unit_budget", "performance_form"})


class _Writer:
    """Collects the lines of :func:`render_report` in one language."""

    def __init__(self, chinese: bool, budget: bool = False) -> None:
        self.chinese = chinese
        self.budget = budget
        self.lines: list[str] = []

    def label(self, key: str) -> str:
        zh, en = _LABELS[key]
        if self.budget:
            # a budget report states budgets where final accounts state final amounts
            zh = zh.replace("决算", "预算") if key not in _KIND_KEYS else zh
            en = "budget" if key == "final" else en
        return zh if self.chinese else en

    @property
    def comma(self) -> str:
        return "，" if self.chinese else ", "

    @property
    def semicolon(self) -> str:
        return "；" if self.chinese else "; "

    @property
    def listing(self) -> str:
        return "、" if self.chinese else ", "

    def paren(self, text: str) -> str:
        """*text* in brackets, as the language writes them after a word."""
        return f"（{text}）" if self.chinese else f" ({text})"

    def labels(self, *keys: str) -> tuple[str, ...]:
        return tuple(self.label(key) for key in keys)

    def heading(self, key: str) -> None:
        if self.lines:
            self.lines.append("")
        self.lines.append(f"== {self.label(key)} ==")

    def section(self, key: str, content: _T | None) -> _T | None:
        """Head section *key*; say it is not stated when *content* is None.  Returns
        *content*, so the caller goes on only with a stated part."""
        self.heading(key)
        if content is None:
            self.not_stated()
        return content

    def add(self, text: str) -> None:
        self.lines.append(text)

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]],
              right: Iterable[int] = ()) -> None:
        if rows:
            self.lines.append(table(headers, rows, right=right))

    def not_stated(self) -> None:
        self.lines.append("  " + self.label("not_stated"))


def _joined(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _name(entry: Entry | None) -> str:
    return entry.name.text if entry is not None and entry.name.text else _DASH


def _amount(entry: Entry | None) -> Amount | None:
    return entry.amount if entry is not None else None


def _stated(parts: Iterable[tuple[str, _T | None]]) -> list[tuple[str, _T]]:
    """The ``(key, part)`` pairs of *parts* whose part is stated (not None)."""
    return [(key, part) for key, part in parts if part is not None]


def _entry_summary(entry: Entry, chinese: bool = True) -> str:
    """``名称 315.40万元，占97.82%，增加…`` — what an entry states, on one line."""
    parts = [_joined(_name(entry), format_figure(entry.amount) if entry.amount is not None else "")]
    if entry.share is not None:
        parts.append(f"占{format_figure(entry.share)}" if chinese
                     else f"share {format_figure(entry.share)}")
    if entry.change is not None:
        parts.append(format_change(entry.change, chinese=chinese))
    if entry.absent is not None:
        parts.append(entry.absent.text)
    return ("，" if chinese else ", ").join(parts)


def _add_summary(w: _Writer, entry: Entry | None) -> None:
    """The one-line summary of *entry*, if there is one."""
    if entry is not None:
        w.add("  " + _entry_summary(entry, w.chinese))


def _share_row(label: str, entry: Entry, whole: Amount | None, *,
               computed: bool = True) -> tuple[str, str, str, str]:
    """Label, amount, stated share and the share computed of *whole* (blank unless
    *computed*), at the decimals of the stated share."""
    return (label, format_figure(entry.amount), format_figure(entry.share),
            computed_share(entry.amount, whole, _ratio_decimals(entry.share)) if computed else "")


def _share_table(w: _Writer, rows: Sequence[tuple[str, str, str, str]]) -> None:
    w.table(w.labels("item", "amount", "share", "computed"), rows, right=(1, 2, 3))


def _breakdown(w: _Writer, key: str, breakdown: Breakdown | None) -> None:
    breakdown = w.section(key, breakdown)
    if breakdown is None:
        return
    _add_summary(w, breakdown.total)
    whole = _amount(breakdown.total)
    _share_table(w, [_share_row(_name(item), item, whole) for item in breakdown.items])


def _single(w: _Writer, key: str, entry: Entry | None) -> None:
    _add_summary(w, w.section(key, entry))


def _completion(line: BudgetLine | Entry) -> str:
    amount = line.amount
    budget = line.budget
    return computed_share(amount, budget, _ratio_decimals(line.completion))


def _classification(line: BudgetLine) -> str:
    c = line.classification
    names = [p.text for p in (c.category, c.group, c.item) if p is not None]
    code = f"{c.code.text} " if c.code is not None else ""
    return code + "/".join(names)


def _general_budget(w: _Writer, report: Report) -> None:
    gb = w.section("general_budget", report.general_budget)
    if gb is None:
        return
    _add_summary(w, gb.total)
    if gb.execution is not None:
        ex = gb.execution
        w.add(f"  {w.label('execution')}: {w.label('budget_col')} {format_figure(ex.budget)}"
              f"{w.comma}{w.label('final')} {format_figure(ex.amount)}{w.comma}"
              f"{w.label('completion')} {format_figure(ex.completion)}"
              + w.paren(f"{w.label('computed_completion')} {_completion(ex)}"))
    if gb.classes:
        whole = _amount(gb.structure_total or gb.total)
        w.add(f"  {w.label('classes')}:")
        _share_table(w, [_share_row(_name(c), c, whole) for c in gb.classes])
    if gb.lines:
        w.add(f"  {w.label('lines')}:")
        _budget_lines(w, gb.lines)


def _budget_lines(w: _Writer, lines: Sequence[BudgetLine]) -> None:
    rows = [(line.number.text if line.number is not None else "", _classification(line),
             format_figure(line.amount), format_figure(line.budget),
             format_figure(line.completion), _completion(line),
             line.comparison.text if line.comparison is not None else _DASH)
            for line in lines]
    w.table(w.labels("no", "classification", "final", "budget_col", "completion",
                     "computed_completion", "comparison"), rows, right=(2, 3, 4, 5))


def _basic(w: _Writer, report: Report) -> None:
    basic = w.section("basic", report.basic_expenditure)
    if basic is None:
        return
    whole = _amount(basic.total)
    parts = (("total", basic.total), ("personnel", basic.personnel), ("public", basic.public))
    rows = [(w.label(key), _name(entry), format_figure(entry.amount),
             computed_share(entry.amount, whole) if key != "total" else "")
            for key, entry in _stated(parts)]
    w.table((w.label("item"), "", w.label("amount"), w.label("computed")), rows, right=(2, 3))


def _three_public(w: _Writer, report: Report) -> None:
    tp = w.section("three_public", report.three_public)
    if tp is None:
        return
    if tp.absent is not None:
        w.add("  " + tp.absent.text)
    parts = (("total", tp.total), ("overseas", tp.overseas), ("vehicles", tp.vehicles),
             ("vehicle_purchase", tp.vehicle_purchase),
             ("vehicle_operation", tp.vehicle_operation), ("reception", tp.reception),
             ("domestic", tp.domestic), ("foreign", tp.foreign),
             ("meetings", tp.meetings), ("training", tp.training))
    rows = [(w.label(key), format_figure(entry.amount), format_figure(entry.share),
             format_figure(entry.budget), format_figure(entry.completion),
             format_change(entry.change, chinese=w.chinese))
            for key, entry in _stated(parts)]
    w.table(w.labels("item", "final", "share", "budget_col", "completion", "change"), rows,
            right=(1, 2, 3, 4))
    counts = (("overseas_groups", tp.overseas_groups), ("overseas_persons", tp.overseas_persons),
              ("vehicles_bought", tp.vehicles_bought), ("fleet", tp.fleet),
              ("domestic_batches", tp.domestic_batches),
              ("domestic_visitors", tp.domestic_visitors),
              ("foreign_batches", tp.foreign_batches), ("foreign_visitors", tp.foreign_visitors))
    stated = [(w.label(key), format_figure(count)) for key, count in _stated(counts)]
    if stated:
        w.add(f"  {w.label('counts')}: " + w.semicolon.join(f"{k} {v}" for k, v in stated))
    for key, kinds in (("vehicles_bought", tp.vehicles_bought_by_kind),
                       ("fleet", tp.fleet_by_kind)):
        if kinds:
            w.add(f"  {w.label(key)}: " + _kinds(kinds, w.semicolon))


def _kinds(entries: Sequence[Entry], separator: str = "；") -> str:
    out = []
    for entry in entries:
        figures = [format_figure(c) for c in entry.counts]
        if entry.amount is not None:
            figures.append(format_figure(entry.amount))
        out.append(f"{_name(entry)} {' '.join(figures) or _DASH}")
    return separator.join(out)


def _fund(w: _Writer, key: str, fund: FundBudget | None) -> None:
    fund = w.section(key, fund)
    if fund is None:
        return
    entries = [entry for entry in (fund.total, fund.income) if entry is not None]
    if fund.absent is not None and not any(entry.absent for entry in entries):
        w.add("  " + fund.absent.text)
    for entry in entries:
        _add_summary(w, entry)
    if fund.lines:
        _budget_lines(w, fund.lines)


def _procurement(w: _Writer, report: Report) -> None:
    pr = w.section("procurement", report.procurement)
    if pr is None:
        return
    whole = _amount(pr.total)
    parts = (("total", pr.total), ("goods", pr.goods), ("works", pr.works),
             ("services", pr.services), ("sme", pr.sme), ("small_micro", pr.small_micro))
    _share_table(w, [_share_row(w.label(key), entry, whole, computed=key != "total")
                     for key, entry in _stated(parts)])


def _assets(w: _Writer, report: Report) -> None:
    assets = w.section("assets", report.assets)
    if assets is None:
        return
    w.add(f"  {w.label('asset_vehicles')}: {format_figure(assets.vehicles)}"
          + (w.paren(_kinds(assets.vehicles_by_kind, w.semicolon))
             if assets.vehicles_by_kind else ""))
    if assets.equipment:
        w.add(f"  {w.label('equipment')}: {_kinds(assets.equipment, w.semicolon)}")


def _performance(w: _Writer, report: Report) -> None:
    perf = w.section("performance", report.performance)
    if perf is None:
        return
    for key, count in (("goals_set", perf.goals_set), ("monitored", perf.monitored),
                       ("self_evaluated", perf.self_evaluated), ("evaluated", perf.evaluated)):
        w.add(f"  {w.label(key)}: {format_figure(count)}")
    w.heading("projects")
    if not perf.tables:
        w.not_stated()
    for table_ in perf.tables:
        _project(w, table_)


def _project(w: _Writer, project: ProjectPerformanceTable) -> None:
    w.add(f"  {w.label('project')}: {_words(project.name) or _DASH}"
          + w.paren(f"{w.label('budget_unit')}: {_words(project.unit) or _DASH}"))
    w.add(f"  {w.label('budget_col')} {format_figure(project.budget)}{w.comma}"
          f"{w.label('executed')} {format_figure(project.execution)}{w.semicolon}"
          f"{w.label('fiscal')} {format_figure(project.fiscal_budget)} / "
          f"{format_figure(project.fiscal_execution)}{w.semicolon}"
          f"{w.label('other_funds')} {format_figure(project.other_budget)} / "
          f"{format_figure(project.other_execution)}")
    if project.goal is not None:
        w.add(f"  {w.label('goal')}: {project.goal.text}")
    if project.goal_achieved is not None:
        w.add(f"  {w.label('goal_achieved')}: {project.goal_achieved.text}")
    verdicts = [indicator.verdict() for indicator in project.indicators]
    rows = [(_words(i.level1), _words(i.level2), _words(i.level3), i.target.text.text,
             i.actual.text.text if i.actual is not None else "", w.label(v.value))
            for i, v in zip(project.indicators, verdicts, strict=True)]
    w.table(w.labels("level1", "level2", "level3", "target", "actual", "verdict"), rows)
    tally = Counter(verdicts)
    w.add("  " + w.comma.join(f"{w.label(v.value)} {tally.get(v, 0)}" for v in Verdict))


def _forms(w: _Writer, report: Report) -> None:
    """The performance forms, when the report holds any: each form's kind, project,
    money and indicators (targets, actual values, weights, scores, verdicts), and the
    totals of a table of forms."""
    if not report.performance_forms and not report.form_totals:
        return
    w.heading("forms")
    for total in report.form_totals:
        w.add(f"  {w.label('form_totals')}: {total.name.text}  " + _fund_words(w, total.funds))
    for form in report.performance_forms:
        unit = w.paren(form.unit.text) if form.unit is not None else ""
        w.add(f"  [{w.label(form.kind.value)}] {_words(form.name) or _DASH}{unit}")
        if form.funds:
            w.add("    " + _fund_words(w, form.funds))
        if form.execution_rate is not None or form.execution_score is not None:
            w.add(f"    {w.label('execution_rate')} {format_figure(form.execution_rate)}"
                  f"{w.comma}{w.label('weight')} {format_figure(form.execution_weight)}"
                  f"{w.comma}{w.label('score')} {format_figure(form.execution_score)}")
        if form.total_score is not None or form.total_weight is not None:
            w.add(f"    {w.label('total_score')} {format_figure(form.total_score)} / "
                  f"{format_figure(form.total_weight)}")
        evaluation = form.kind.is_evaluation
        rows = [(_words(i.level1), _words(i.level2), _words(i.level3),
                 i.period_target.text.text if i.period_target is not None else "",
                 i.target.text.text, i.actual.text.text if i.actual is not None else "",
                 format_figure(i.weight) if i.weight is not None else "",
                 format_figure(i.score) if i.score is not None else "",
                 w.label(i.verdict().value) if evaluation else "")
                for i in form.indicators]
        keys = ("level1", "level2", "level3", "period_target", "year_target", "actual",
                "weight", "score", "verdict")
        kept = [k for k in range(len(keys)) if any(row[k] for row in rows)]
        w.table([w.label(keys[k]) for k in kept], [[row[k] for k in kept] for row in rows])


def _fund_words(w: _Writer, funds: Sequence[FundLine]) -> str:
    """A form's money, line by line: ``资金总额 120.00万元；财政拨款 100.00万元`` (a
    self-evaluation's three columns apart by ``/``)."""
    parts = []
    for line in funds:
        values = [a for a in (line.initial, line.planned, line.executed) if a is not None]
        parts.append(f"{w.label('fund_' + line.source.value)} "
                     + " / ".join(format_figure(a) for a in values))
    return w.semicolon.join(parts)


def render_report(report: Report, *, locale: str = "zh_CN", audit: Audit | None = None,
                  ) -> str:
    """What the parser understood of *report*, as readable text tables.

    Organization, year and kind; grand total and change; income and expenditure with
    stated and computed shares; the general budget (total, classes, detail lines with
    budget, final, completion and comparison words); basic expenditure; the three public
    expenses with every part and count; fund budgets; operating costs; procurement;
    assets; performance management with each project table and the verdict of each
    indicator; and counts of annexes, glossary entries, template residue and
    unrecognized figures; with *audit* (:func:`finreport.audit`), the checks the rules
    made, by rule: how many held, failed and were not made.  Labels are Chinese for a
    ``zh`` locale, English otherwise.
    """
    w = _Writer(locale.lower().startswith("zh"), report.kind.is_budget)
    org = report.organization.text if report.organization is not None else w.label("unknown_org")
    year = (str(report.fiscal_year.value) if report.fiscal_year is not None
            else w.label("unknown_year"))
    kind = w.label(report.kind.value)
    w.add(f"{org}  {year}  {kind}")
    w.add(f"{w.label('figures')}: {figures_read(report)}")
    if report.kind is ReportKind.PERFORMANCE_FORM:  # a document that is only forms
        _forms(w, report)
        if audit is not None:
            _checks(w, audit)
        return "\n".join(w.lines) + "\n"

    w.heading("institutions")
    inst = report.institutions
    if inst is None or (inst.total is None and not inst.by_kind):
        w.not_stated()
    else:
        kinds = w.paren(_kinds(inst.by_kind, w.semicolon)) if inst.by_kind else ""
        w.add("  " + _joined(_words(inst.total_name), format_figure(inst.total) + kinds))

    _single(w, "grand_total", report.grand_total)
    _breakdown(w, "income", report.income)
    _breakdown(w, "expenditure", report.expenditure)
    _single(w, "fiscal_appropriation", report.fiscal_appropriation)
    _general_budget(w, report)
    _basic(w, report)
    _three_public(w, report)
    _fund(w, "government_fund", report.government_fund)
    _fund(w, "state_capital", report.state_capital)
    _single(w, "operating_costs", report.operating_costs)
    _procurement(w, report)
    _assets(w, report)
    _performance(w, report)
    _forms(w, report)

    w.heading("annexes")
    if not report.annexes:
        w.not_stated()
    for annex in report.annexes:
        w.add("  " + _joined(_words(annex.number), annex.title.text)
              + f": {len(annex.entries)} {w.label('entries')}")
    w.add("")
    w.add(f"{w.label('glossary')}: {len(report.glossary)}")
    w.add(f"{w.label('residue')}: {len(report.residue)}"
          + (w.paren(w.listing.join(p.text for p in report.residue)) if report.residue
             else ""))
    w.add(f"{w.label('statements')}: {len(report.statements)}")
    w.add(f"{w.label('explanations')}: {len(report.explanations)}")
    reasons: dict[str, int] = {}
    for item in report.unrecognized:
        reasons[item.reason] = reasons.get(item.reason, 0) + 1
    w.add(f"{w.label('unrecognized')}: {len(report.unrecognized)}"
          + (w.paren(w.listing.join(f'{k} {v}' for k, v in sorted(reasons.items())))
             if reasons else ""))
    if audit is not None:
        _checks(w, audit)
    return "\n".join(w.lines) + "\n"


def _checks(w: _Writer, audit: Audit) -> None:
    """The checks made, by rule: held, failed, not made."""
    w.heading("checks")
    by_rule: dict[str, dict[Outcome, int]] = {}
    for check in audit.checks:
        counts = by_rule.setdefault(check.code, dict.fromkeys(Outcome, 0))
        counts[check.outcome] += 1
    if not by_rule:
        w.not_stated()
    rows = [[code, *(str(counts[o]) for o in Outcome)]
            for code, counts in sorted(by_rule.items())]
    totals = audit.counts()
    rows.append(["", *(str(totals[o]) for o in Outcome)])
    for line in table(["", *(w.label(o.value) for o in Outcome)], rows,
                      right=range(1, 4)).splitlines():
        w.add(line)
