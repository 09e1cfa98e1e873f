"""finreport: read Chinese department final-accounts reports and check their arithmetic.

The core is pure: :func:`parse` takes the report's text as a ``str`` and returns a
:class:`Report` in which every figure knows its :class:`Span` in that text.
"""

from __future__ import annotations

#: False at run time, true for type checkers (mypy reads any ``TYPE_CHECKING`` so): the
#: package does not import ``typing`` either, which alone costs more than the rest of
#: ``import finreport``.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .checks.registry import Rule
    from .checks.running import audit, check, rules
    from .model.budget_lines import BudgetLine, Classification
    from .model.checks import Audit, Check, Outcome
    from .model.entries import Change, Entry
    from .model.errors import ReportError
    from .model.facts import Basis, Scope
    from .model.figures import Amount, Count, Figure, Percent, Year
    from .model.findings import Evidence, Finding, Severity
    from .model.forms import (
        FormKind,
        FormLayout,
        FormTotal,
        FundLine,
        FundSource,
        PerformanceForm,
    )
    from .model.indicators import (
        Comparator,
        PerformanceIndicator,
        ProjectPerformanceTable,
        Target,
        Verdict,
    )
    from .model.kinds import Consolidation, ReportKind
    from .model.layout import Region, RegionKind
    from .model.named_lists import NamedList
    from .model.problems import NOTICES, PROBLEMS, Problem
    from .model.projects import KeyProject
    from .model.reasons import Reason
    from .model.report import (
        UNRECOGNIZED_REASONS,
        Annex,
        Assets,
        BasicExpenditure,
        Breakdown,
        FundBudget,
        GeneralBudget,
        GlossaryEntry,
        Institutions,
        PerformanceManagement,
        Procurement,
        Report,
        ThreePublicExpenses,
        Unrecognized,
    )
    from .model.sections import Section, SectionKind
    from .model.span import Phrase, Span, line_col
    from .model.tables import Table, TableKind, TableRow
    from .output.fingerprint import fingerprints
    from .output.html import IndexRow, index_html, to_html
    from .output.schema import json_schema
    from .output.serialize import from_dict, from_json, to_dict, to_json
    from .read.identity import detect_kind
    from .templates.profiles import PROFILES, Profile
    from .templates.tables import TABLE_TITLES

#: Where each public name is defined.  Every name is loaded on first use (PEP 562), so
#: that ``import finreport`` costs next to nothing: an audit system that imports the
#: package to register it, or a command that only prints its version, pays for the
#: parser's regular expressions, the model's classes, the rules, babel and cattrs only
#: when it first touches them.
_LAZY: dict[str, str] = {
    "Amount": ".model.figures",
    "Annex": ".model.report",
    "Assets": ".model.report",
    "Audit": ".model.checks",
    "BasicExpenditure": ".model.report",
    "Basis": ".model.facts",
    "Breakdown": ".model.report",
    "BudgetLine": ".model.budget_lines",
    "Change": ".model.entries",
    "Check": ".model.checks",
    "Classification": ".model.budget_lines",
    "Comparator": ".model.indicators",
    "Consolidation": ".model.kinds",
    "Count": ".model.figures",
    "Entry": ".model.entries",
    "Evidence": ".model.findings",
    "Figure": ".model.figures",
    "Finding": ".model.findings",
    "FormKind": ".model.forms",
    "FormLayout": ".model.forms",
    "FormTotal": ".model.forms",
    "FundBudget": ".model.report",
    "FundLine": ".model.forms",
    "FundSource": ".model.forms",
    "GeneralBudget": ".model.report",
    "GlossaryEntry": ".model.report",
    "IndexRow": ".output.html",
    "KeyProject": ".model.projects",
    "NOTICES": ".model.problems",
    "Institutions": ".model.report",
    "NamedList": ".model.named_lists",
    "Outcome": ".model.checks",
    "PROBLEMS": ".model.problems",
    "PROFILES": ".templates.profiles",
    "Percent": ".model.figures",
    "PerformanceForm": ".model.forms",
    "PerformanceIndicator": ".model.indicators",
    "PerformanceManagement": ".model.report",
    "Phrase": ".model.span",
    "Problem": ".model.problems",
    "Reason": ".model.reasons",
    "Procurement": ".model.report",
    "Profile": ".templates.profiles",
    "ProjectPerformanceTable": ".model.indicators",
    "Region": ".model.layout",
    "RegionKind": ".model.layout",
    "Report": ".model.report",
    "ReportError": ".model.errors",
    "ReportKind": ".model.kinds",
    "Rule": ".checks.registry",
    "Scope": ".model.facts",
    "Section": ".model.sections",
    "SectionKind": ".model.sections",
    "Severity": ".model.findings",
    "Span": ".model.span",
    "TABLE_TITLES": ".templates.tables",
    "Table": ".model.tables",
    "TableKind": ".model.tables",
    "TableRow": ".model.tables",
    "Target": ".model.indicators",
    "ThreePublicExpenses": ".model.report",
    "UNRECOGNIZED_REASONS": ".model.report",
    "Unrecognized": ".model.report",
    "Verdict": ".model.indicators",
    "Year": ".model.figures",
    "audit": ".checks.running",
    "check": ".checks.running",
    "detect_kind": ".read.identity",
    "fingerprints": ".output.fingerprint",
    "from_dict": ".output.serialize",
    "from_json": ".output.serialize",
    "index_html": ".output.html",
    "json_schema": ".output.schema",
    "line_col": ".model.span",
    "rules": ".checks.running",
    "to_dict": ".output.serialize",
    "to_html": ".output.html",
    "to_json": ".output.serialize",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'finreport' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__version__ = "0.1.0"

__all__ = [
    "NOTICES",
    "PROBLEMS",
    "PROFILES",
    "TABLE_TITLES",
    "UNRECOGNIZED_REASONS",
    "Amount",
    "Annex",
    "Assets",
    "Audit",
    "BasicExpenditure",
    "Basis",
    "Breakdown",
    "BudgetLine",
    "Change",
    "Check",
    "Classification",
    "Comparator",
    "Consolidation",
    "Count",
    "Entry",
    "Evidence",
    "Figure",
    "Finding",
    "FormKind",
    "FormLayout",
    "FormTotal",
    "FundBudget",
    "FundLine",
    "FundSource",
    "GeneralBudget",
    "GlossaryEntry",
    "IndexRow",
    "Institutions",
    "KeyProject",
    "NamedList",
    "Outcome",
    "Percent",
    "PerformanceForm",
    "PerformanceIndicator",
    "PerformanceManagement",
    "Phrase",
    "Problem",
    "Procurement",
    "Profile",
    "ProjectPerformanceTable",
    "Reason",
    "Region",
    "RegionKind",
    "Report",
    "ReportError",
    "ReportKind",
    "Rule",
    "Scope",
    "Section",
    "SectionKind",
    "Severity",
    "Span",
    "Table",
    "TableKind",
    "TableRow",
    "Target",
    "ThreePublicExpenses",
    "Unrecognized",
    "Verdict",
    "Year",
    "audit",
    "check",
    "detect_kind",
    "fingerprints",
    "from_dict",
    "from_json",
    "index_html",
    "json_schema",
    "line_col",
    "parse",
    "parse_all",
    "preload",
    "rules",
    "to_dict",
    "to_html",
    "to_json",
]


def parse(text: str) -> Report:
    """Read a department final-accounts (or budget) report from its text.

    Pure: no files, network or global state.  Raises :class:`ReportError` when *text* is
    not a department report at all (empty, binary noise, unrelated prose).  A report
    with unrecognised or missing parts still parses; ``report.unrecognized`` lists the
    spans of narrative figures that no field took.

    >>> report = parse(SAMPLE)  # doctest: +SKIP
    """
    from .read.report import parse_report

    return parse_report(text)


def parse_all(text: str) -> tuple[Report, ...]:
    """Every report *text* holds, in text order: a crawler's file may bind several (a
    department's consolidated budget and each unit's, two departments', a budget and its
    final accounts).  :func:`parse` reads the first and lists where the next begins in
    ``report.unrecognized`` (reason ``another_report``); this reads each, every span
    pointing into *text* as given.  A text of one report gives one.

    Raises :class:`ReportError` as :func:`parse` does for the first report; a later piece
    that reads as no report ends the list (the report before it names where it begins).
    Each report is read over the whole text with those before it blanked out, so the
    time grows with the number of reports times the text's length.
    """
    from .read.report import parse_reports

    return parse_reports(text)


def preload() -> None:
    """Load now what :func:`parse` and :func:`check` load on first use: the parser with
    its regular expressions and the rules.

    ``import finreport`` loads nothing else (every public name is loaded when first
    touched), so a command or a service that only imports the package starts at once.  A
    server that forks its workers calls this first, so that the workers share what was
    loaded instead of each loading it again; a service that must answer its first request
    as fast as the others calls it at start-up.
    """
    from .checks import running
    from .read import report  # noqa: F401 - imported for its effect

    running.rules()
