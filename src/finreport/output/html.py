"""The audit page: one self-contained HTML file showing a report's text with every figure
read and every finding's evidence marked in place.

:func:`to_html` is pure: it takes the text (and, when the caller has them, the parsed
report and its findings) and returns the page as a ``str``; writing it is the caller's
business.  The page needs nothing from the network: its style and script are inline.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import cache
from itertools import pairwise
from typing import Any, Final, cast

import attrs

from ..model.budget_lines import BudgetLine
from ..model.checks import Check, Outcome
from ..model.entries import Change, Entry
from ..model.figures import Amount, Count, Percent, Year
from ..model.findings import Finding, Severity
from ..model.forms import FormTotal, FundLine, PerformanceForm
from ..model.indicators import PerformanceIndicator
from ..model.problems import NOTICES, PROBLEMS
from ..model.report import Report
from ..model.span import Phrase, Span, line_index
from ..model.tables import Table, TableRow
from ..templates.resources import package_text
from .coverage import figures_read, notices

__all__ = ["IndexRow", "index_html", "to_html"]

_ORDER: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

#: Labels of the page in each language.
_WORDS: Final[dict[str, dict[str, str]]] = {
    "zh": {
        "lang": "zh-CN", "findings": "问题", "error": "错误", "warning": "警告",
        "info": "提示", "figures": "已读数字", "unrecognized": "未归属数字",
        "all_rules": "全部规则",
        "stated": "所述", "expected": "应为", "difference": "差额", "tolerance": "容差",
        "none": "未发现问题。", "kind": "类型", "year": "年度", "report": "报告",
        "not_read": "未归属", "verified": "已核对", "index": "报告一览", "file": "文件",
        "organization": "单位", "unit_final_accounts": "单位决算", "unit_budget": "单位预算",
        "problem": "无法检查", "final_accounts": "部门决算", "budget": "部门预算",
        "university_final_accounts": "高校决算", "university_budget": "高校预算",
        "performance_form": "绩效表",
        "amount": "金额", "share": "占比", "change": "增减", "budget_field": "年初预算数",
        "adjusted": "调整预算数", "execution": "执行数", "completion": "完成率",
        "counts": "数量", "percent": "百分比", "restated": "重述", "cells": "单元格",
        "final": "决算数", "planned": "预算数", "evidence": "依据",
        "notes": "提示", "total": "合计", "flagged": "需留意",
        "font": "本页的中文需要中文字体，而这台电脑似乎没有安装：文字会显示为方框。"
                "请安装一种中文字体（Debian/Ubuntu：sudo apt-get install fonts-noto-cjk；"
                "Fedora：google-noto-sans-cjk-fonts；Windows、macOS 已自带）。",
    },
    "en": {
        "lang": "en", "findings": "Findings", "error": "error", "warning": "warning",
        "info": "info", "figures": "figures read", "unrecognized": "not attributed",
        "all_rules": "all rules", "stated": "stated", "expected": "expected",
        "difference": "difference", "tolerance": "tolerance", "none": "No findings.",
        "kind": "kind", "year": "year", "report": "report", "not_read": "not attributed",
        "verified": "verified by",
        "index": "Reports", "file": "file", "organization": "organization",
        "problem": "could not check", "final_accounts": "final accounts",
        "budget": "budget", "university_final_accounts": "university final accounts",
        "university_budget": "university budget", "amount": "amount", "share": "share",
        "unit_final_accounts": "unit final accounts", "unit_budget": "unit budget",
        "performance_form": "performance forms",
        "change": "change", "budget_field": "initial budget", "adjusted": "adjusted budget",
        "execution": "execution", "completion": "completion rate", "counts": "count",
        "percent": "percent", "restated": "restated", "cells": "cell", "final": "final",
        "planned": "budget", "evidence": "evidence", "notes": "notes", "total": "total",
        "flagged": "to look at",
        "font": "This page's Chinese text needs a Chinese font, and this computer seems to "
                "have none: the text shows as boxes. Install one (Debian/Ubuntu: sudo "
                "apt-get install fonts-noto-cjk; Fedora: google-noto-sans-cjk-fonts; "
                "Windows and macOS have one).",
    },
}


def _words(locale: str) -> dict[str, str]:
    return _WORDS["zh" if locale.lower().startswith("zh") else "en"]


def to_html(text: str, report: Report | None = None,
            findings: Sequence[Finding] | None = None, *, locale: str = "zh_CN",
            title: str | None = None, checks: Sequence[Check] | None = None) -> str:
    """The audit page of a report as one self-contained HTML document.

    *text* is the exact string that was parsed; *report* and *findings* are parsed and
    checked from it when not given (pass them when you have them: the findings shown are
    the ones given, e.g. after ``select``).  Every figure the parser read is lightly
    underlined (hovering shows what it was read as), every finding's figures are
    highlighted by severity with a numbered mark, and a panel lists the findings with
    their evidence; clicking one scrolls to its figures.  Every figure a check compared
    and found to agree (*checks*, as :func:`finreport.audit` gives them; audited here when
    not given) is marked as verified, with the rules that verified it.  *locale* chooses
    the page's language (``zh_CN`` or ``en``; the findings' messages are in the language
    they were checked in).
    """
    from ..checks.registry import message_locale

    locale = message_locale(locale)
    if report is None:
        report = Report.parse(text)
    if findings is None or checks is None:
        from ..checks.running import audit

        audited = audit(report, locale=locale)
        findings = audited.findings if findings is None else findings
        checks = audited.checks if checks is None else checks
    words = _words(locale)
    ordered = sorted(findings, key=lambda f: (f.span.start, _ORDER[f.severity], f.code))
    labels = _figure_labels(report, words)
    body = _marked_text(text, labels, report, ordered, words, _verified(checks, words))
    heading = title or _heading(report, words)
    counts = {s: sum(1 for f in ordered if f.severity is s) for s in Severity}
    codes = sorted({f.code for f in ordered})
    header = (
        f"<header><h1>{_e(heading)}</h1><p class='meta'>"
        f"{_e(words['kind'])}: {_e(words.get(report.kind.value, report.kind.value))} · "
        f"{_e(words['year'])}: {report.fiscal_year.value if report.fiscal_year else '—'} · "
        + " · ".join(f"<span class='count sev-{s.value}'>{_e(words[s.value])} "
                     f"<b>{counts[s]}</b></span>" for s in Severity)
        + f" · {_e(words['figures'])} <b>{figures_read(report)}</b> · "
        f"{_e(words['unrecognized'])} <b>{len(report.unrecognized)}</b></p>"
        f"{_notices(report, text, words)}"
        f"<p id='font-notice' class='notice' role='alert' hidden>{_e(words['font'])}</p>"
        "</header>")
    filters = (
        "<div class='filters'>"
        + "".join(f"<label><input type='checkbox' class='sev' value='{s.value}' checked> "
                  f"{_e(words[s.value])}</label>" for s in Severity)
        + f"<select id='rule'><option value=''>{_e(words['all_rules'])}</option>"
        + "".join(f"<option>{_e(c)}</option>" for c in codes) + "</select></div>")
    where = line_index(text)
    items = "".join(_finding_item(n, f, text, words, where)
                    for n, f in enumerate(ordered, 1))
    panel = (f"<aside><h2>{_e(words['findings'])} ({len(ordered)})</h2>{filters}"
             f"<ol id='findings'>{items}</ol>"
             + ("" if ordered else f"<p class='none'>{_e(words['none'])}</p>") + "</aside>")
    return (f"<!DOCTYPE html><html lang='{words['lang']}'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{_e(heading)}</title><style>{_asset('page.css')}</style></head><body>{header}"
            f"<main><pre id='text'>{body}</pre>{panel}</main>"
            f"<script>{_asset('fonts.js')}{_asset('page.js')}</script></body></html>\n")


def _notices(report: Report, text: str, words: dict[str, str]) -> str:
    """The notice box of the page: what a reader must know before trusting it (nothing
    or little was read, the report was not identified), or nothing."""
    codes = ([] if figures_read(report) else ["nothing_read"]) + list(notices(report, text))
    if not codes:
        return ""
    chinese = words is _WORDS["zh"]
    items = "".join(
        f"<li data-code='{code}'><b>{_e(title)}</b>: {_e(hint)} <code>{code}</code></li>"
        for code in codes
        for title, hint in [(PROBLEMS.get(code) or NOTICES[code]).words(chinese)])
    return f"<ul id='notices' class='notice' role='alert'>{items}</ul>"


def _heading(report: Report, words: dict[str, str]) -> str:
    name = report.organization.text if report.organization else words["report"]
    year = f" {report.fiscal_year.value}" if report.fiscal_year else ""
    return f"{name}{year}"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _number(value: Decimal | None) -> str:
    """A number of the evidence at a readable precision (at most 4 decimals)."""
    if value is None:
        return "—"
    if value == value.to_integral_value():
        return f"{value.quantize(Decimal(1)):,}"
    rounded = value.quantize(Decimal("0.0001")).normalize()
    exponent = rounded.as_tuple().exponent
    return f"{rounded:,}" if isinstance(exponent, int) and exponent < 0 else f"{rounded:,.1f}"


def _finding_item(n: int, finding: Finding, text: str, words: dict[str, str],
                  where: Callable[[int], tuple[int, int]]) -> str:
    ev = finding.evidence
    unit = ev.unit or ""
    parts = []
    if ev.stated is not None:
        parts.append(f"{_e(words['stated'])} {_number(ev.stated)}{_e(unit)}")
    if ev.expected_low is not None and ev.expected_high is not None:
        low, high = _number(ev.expected_low), _number(ev.expected_high)
        expected = low if low == high else f"[{low}, {high}]"
        parts.append(f"{_e(words['expected'])} {expected}{_e(unit)}")
    if ev.difference is not None:
        parts.append(f"{_e(words['difference'])} {_number(ev.difference)}{_e(unit)}")
    if ev.tolerance is not None:
        parts.append(f"{_e(words['tolerance'])} ±{_number(ev.tolerance)}{_e(unit)}")
    quotes = " · ".join(f"<q>{_e(span.of(text))}</q> {':'.join(map(str, where(span.start)))}"
                        for span in finding.spans)
    evidence = (f"<div class='evidence'>{' · '.join(parts)}</div>" if parts else "")
    return (f"<li id='f-{n}' class='finding sev-{finding.severity.value}' data-f='{n}' "
            f"data-code='{_e(finding.code)}' data-severity='{finding.severity.value}' "
            f"tabindex='0'><span class='num'>{n}</span> <b>{_e(finding.code)}</b> "
            f"<span class='sev'>{_e(words[finding.severity.value])}</span>"
            f"<div class='message'>{_e(finding.message)}</div>{evidence}"
            f"<div class='quotes'>{quotes}</div></li>")


# ---------------------------------------------------------------------------------------
# What each figure was read as


_ROLES: Final[dict[str, str]] = {
    "amount": "amount", "share": "share", "budget": "budget_field", "adjusted": "adjusted",
    "execution": "execution", "completion": "completion", "counts": "counts",
    "percent": "percent", "restated": "restated", "cells": "cells",
    # a performance form's money
    "initial": "budget_field", "planned": "planned", "executed": "execution",
}


def _figure_labels(report: Report, words: dict[str, str]) -> dict[Span, str]:
    """For each figure the report's fields hold, what it was read as: the quantity (the
    entry, line, table row or field), its period and its role (amount, share, change …)."""
    basis = words["planned"] if report.kind.is_budget else words["final"]
    chinese = words is _WORDS["zh"]
    labels: dict[Span, str] = {}

    def role_of(field: str, figure: object) -> str:
        if field == "change":
            return words["change"] + (" %" if isinstance(figure, Percent) else "")
        role = words.get(_ROLES.get(field, ""), field)
        if field in ("amount", "cells") and isinstance(figure, Amount):
            return f"{role}（{basis}）" if chinese else f"{role} ({basis})"
        return role

    def visit(obj: object, where: str, field: str) -> None:
        if isinstance(obj, (Amount, Percent, Count)):
            if field not in _ROLES and field != "change":
                label = f"{where}.{field}"  # a field of the model: Institutions.total
            else:
                role = role_of(field, obj)
                label = f"{where} · {role}" if where else role
            labels.setdefault(obj.span, label)
            return
        if isinstance(obj, tuple):
            for item in obj:
                visit(item, where, field)
            return
        if isinstance(obj, (Phrase, Span, Year, enum.Enum)) or not attrs.has(type(obj)):
            return
        inner = where
        if isinstance(obj, Entry):
            inner = obj.name.text + (f"（{obj.period.text}）" if obj.period else "")
        elif isinstance(obj, BudgetLine):
            c = obj.classification
            inner = "".join(p.text for p in (c.category, c.group, c.item) if p is not None)
        elif isinstance(obj, Table):
            inner = obj.title.text
        elif isinstance(obj, TableRow):
            inner = f"{where} · {obj.code + ' ' if obj.code else ''}{obj.name.text}"
        elif (named := _form_place(obj, where)) is not None:
            inner = named
        elif not where and not isinstance(obj, Report):
            inner = type(obj).__name__
        for attribute in attrs.fields(cast(Any, type(obj))):
            if attribute.name in _NOT_FIGURES:
                continue
            value = getattr(obj, attribute.name)
            if value is None or isinstance(value, (str, int, Decimal)):
                continue
            visit(value, inner, "change" if isinstance(obj, Change) else attribute.name)

    visit(report, "", "")
    return labels


def _form_place(obj: object, where: str) -> str | None:
    """What a performance form's part is called on the page: the form by its project,
    a money line or an indicator by its name within the form, a total row by its name."""
    if isinstance(obj, (PerformanceForm, FormTotal)):
        return obj.name.text if obj.name is not None else type(obj).__name__
    if isinstance(obj, FundLine):
        return f"{where} · {obj.name.text}" if obj.name.text else where
    if isinstance(obj, PerformanceIndicator):
        name = obj.level3 or obj.level2 or obj.level1
        return f"{where} · {name.text}" if name is not None else where
    return None


_NOT_FIGURES: Final = frozenset({"unrecognized", "layout", "sections", "listed_tables",
                                 "residue", "name_variants", "glossary"})


# ---------------------------------------------------------------------------------------
# The text with its marks


def _verified(checks: Sequence[Check], words: dict[str, str]) -> dict[Span, str]:
    """The spans of the figures checks found to agree, each with the rules that did."""
    codes: dict[Span, list[str]] = {}
    for check in checks:
        if check.outcome is Outcome.HOLDS:
            for span in check.spans:
                found = codes.setdefault(span, [])
                if check.code not in found:
                    found.append(check.code)
    return {span: f"{words['verified']}: {', '.join(found)}" for span, found in codes.items()}


def _marked_text(text: str, labels: dict[Span, str], report: Report,
                 findings: Sequence[Finding], words: dict[str, str],
                 verified: dict[Span, str] | None = None) -> str:
    """The text, escaped, with a ``<span>`` around every stretch a figure or a finding
    covers; a numbered mark before the first figure of each finding; a figure a check
    verified has the class ``ok``."""
    starts: dict[int, list[tuple[str, object]]] = {}
    ends: dict[int, list[tuple[str, object]]] = {}

    def add(span: Span, item: tuple[str, object]) -> None:
        if span.end > span.start:
            starts.setdefault(span.start, []).append(item)
            ends.setdefault(span.end, []).append(item)

    for span, label in labels.items():
        add(span, ("fig", label))
    for unrecognized in report.unrecognized:
        add(unrecognized.span, ("unk", f"{words['not_read']}: {unrecognized.reason}"))
    for span, label in (verified or {}).items():
        add(span, ("ok", label))
    marks: dict[int, list[tuple[int, Finding]]] = {}
    for n, finding in enumerate(findings, 1):
        for k, span in enumerate(finding.spans):
            add(span, ("f", (n, finding)))
            if k == 0:
                marks.setdefault(span.start, []).append((n, finding))
    points = sorted({0, len(text), *starts, *ends})
    active: dict[tuple[str, object], int] = {}
    out: list[str] = []
    for a, b in pairwise(points):
        for item in ends.get(a, ()):
            active[item] -= 1
            if not active[item]:
                del active[item]
        for item in starts.get(a, ()):
            active[item] = active.get(item, 0) + 1
        for n, finding in marks.get(a, ()):
            out.append(f"<a class='mark sev-{finding.severity.value}' href='#f-{n}' "
                       f"data-f='{n}' id='m-{n}'>{n}</a>")
        piece = _e(text[a:b])
        if not active:
            out.append(piece)
            continue
        classes: list[str] = []
        titles: list[str] = []
        numbers: list[str] = []
        worst: Severity | None = None
        for (kind, value) in active:
            if kind == "fig":
                classes.append("fig")
                titles.append(str(value))
            elif kind == "unk":
                classes.append("unk")
                titles.append(str(value))
            elif kind == "ok":
                classes.append("ok")
                titles.append(str(value))
            else:
                n, finding = value  # type: ignore[misc]
                numbers.append(str(n))
                if worst is None or _ORDER[finding.severity] < _ORDER[worst]:
                    worst = finding.severity
        if worst is not None:
            classes.append(f"hit sev-{worst.value}")
        data = f" data-f='{' '.join(sorted(set(numbers), key=int))}'" if numbers else ""
        title = f" title='{_e(chr(10).join(dict.fromkeys(titles)))}'" if titles else ""
        out.append(f"<span class='{' '.join(dict.fromkeys(classes))}'{data}{title}>"
                   f"{piece}</span>")
    return "".join(out)


# ---------------------------------------------------------------------------------------
# The index of a folder


@attrs.frozen
class IndexRow:
    """One report of :func:`index_html`: its page, file, organization, year, kind, the
    findings by severity, figures read and unrecognized, the problem that stopped it (or,
    for ``nothing_read``, that it read nothing) with its code, and its notices."""

    page: str | None
    file: str
    organization: str | None = None
    year: int | None = None
    kind: str | None = None
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    figures: int = 0
    unrecognized: int = 0
    problem: str | None = None
    problem_code: str | None = None
    notices: tuple[str, ...] = ()

    @property
    def flags(self) -> tuple[str, ...]:
        """The codes that single this report out: its problem's and its notices."""
        return (*([self.problem_code or "internal_error"] if self.problem else []),
                *self.notices)


_NUMBERS: Final = ("errors", "warnings", "infos", "figures", "unrecognized")


def index_html(rows: Sequence[IndexRow], *, locale: str = "zh_CN") -> str:
    """The index page of a folder of audit pages: a table of reports, sortable by any
    column, linking to each report's page.  A report with a problem or a notice (nothing
    or little read, not identified) is flagged, with the codes in its last column; the
    last row totals the findings, figures and flagged reports."""
    words = _words(locale)
    chinese = words is _WORDS["zh"]
    head = "".join(f"<th data-k='{k}'>{_e(label)}</th>" for k, label in (
        ("s", words["file"]), ("s", words["organization"]), ("n", words["year"]),
        ("s", words["kind"]), ("n", words["error"]), ("n", words["warning"]),
        ("n", words["info"]), ("n", words["figures"]), ("n", words["unrecognized"]),
        ("s", words["notes"])))
    body = []
    for row in rows:
        name = (f"<a href='{_e(row.page)}'>{_e(row.file)}</a>" if row.page
                else _e(row.file))
        flags = "".join(
            f"<span class='flag' data-code='{code}' title='{_e(title)}'>⚠ {code}</span> "
            for code in row.flags
            for title in [(PROBLEMS.get(code) or NOTICES[code]).words(chinese)[0]])
        flagged = " class='flagged'" if row.flags else ""
        if row.problem is not None and row.page is None:
            body.append(f"<tr class='problem flagged'><td>{name}</td><td colspan='8'>"
                        f"{_e(words['problem'])}: {_e(row.problem)}</td><td>{flags}</td></tr>")
            continue
        cells = [row.organization or "—", row.year or "", words.get(row.kind or "", "—"),
                 row.errors, row.warnings, row.infos, row.figures, row.unrecognized]
        body.append(f"<tr{flagged}><td>{name}</td>"
                    + "".join(f"<td>{_e(c)}</td>" for c in cells) + f"<td>{flags}</td></tr>")
    totals = [sum(getattr(row, key) for row in rows) for key in _NUMBERS]
    flagged_count = sum(1 for row in rows if row.flags)
    foot = (f"<tr id='totals'><td>{_e(words['total'])} ({len(rows)})</td><td></td><td></td>"
            "<td></td>" + "".join(f"<td>{n}</td>" for n in totals)
            + f"<td>{_e(words['flagged'])}: {flagged_count}</td></tr>")
    return (f"<!DOCTYPE html><html lang='{words['lang']}'><head><meta charset='utf-8'>"
            f"<title>{_e(words['index'])}</title><style>{_asset('page.css')}</style></head><body>"
            f"<header><h1>{_e(words['index'])} ({len(rows)})</h1>"
            f"<p id='font-notice' class='notice' role='alert' hidden>{_e(words['font'])}</p>"
            f"</header><table id='index'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}"
            f"</tbody><tfoot>{foot}</tfoot></table>"
            f"<script>{_asset('fonts.js')}{_asset('index.js')}</script></body></html>\n")


@cache
def _asset(name: str) -> str:
    """A style sheet or script of the page, from the package's data."""
    return package_text("data", name)
