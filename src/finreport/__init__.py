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

    from ._budget_line import BudgetLine, Classification
    from ._check import check, rules
    from ._entries import Change, Entry
    from ._errors import ReportError
    from ._facts import Basis, Scope
    from ._figures import Amount, Count, Figure, Percent, Year
    from ._finding import Evidence, Finding, Severity
    from ._html import IndexRow, index_html, to_html
    from ._indicators import (
        Comparator,
        PerformanceIndicator,
        ProjectPerformanceTable,
        Target,
        Verdict,
    )
    from ._layout import Region, RegionKind
    from ._model import (
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
        ReportKind,
        ThreePublicExpenses,
        Unrecognized,
    )
    from ._profiles import PROFILES, Profile, detect_kind
    from ._rules import Rule
    from ._schema import json_schema
    from ._sections import Section, SectionKind
    from ._serialize import from_dict, from_json, to_dict, to_json
    from ._span import Phrase, Span, line_col
    from ._tables import TABLE_TITLES, Table, TableKind, TableRow

#: Where each public name is defined.  Every name is loaded on first use (PEP 562), so
#: that ``import finreport`` costs next to nothing: an audit system that imports the
#: package to register it, or a command that only prints its version, pays for the
#: parser's regular expressions, the model's classes, the rules, babel and cattrs only
#: when it first touches them.
_LAZY: dict[str, str] = {
    "Amount": "._figures",
    "Annex": "._model",
    "Assets": "._model",
    "BasicExpenditure": "._model",
    "Basis": "._facts",
    "Breakdown": "._model",
    "BudgetLine": "._budget_line",
    "Change": "._entries",
    "Classification": "._budget_line",
    "Comparator": "._indicators",
    "Count": "._figures",
    "Entry": "._entries",
    "Evidence": "._finding",
    "Figure": "._figures",
    "Finding": "._finding",
    "FundBudget": "._model",
    "GeneralBudget": "._model",
    "GlossaryEntry": "._model",
    "IndexRow": "._html",
    "Institutions": "._model",
    "PROFILES": "._profiles",
    "Percent": "._figures",
    "PerformanceIndicator": "._indicators",
    "PerformanceManagement": "._model",
    "Phrase": "._span",
    "Procurement": "._model",
    "Profile": "._profiles",
    "ProjectPerformanceTable": "._indicators",
    "Region": "._layout",
    "RegionKind": "._layout",
    "Report": "._model",
    "ReportError": "._errors",
    "ReportKind": "._model",
    "Rule": "._rules",
    "Scope": "._facts",
    "Section": "._sections",
    "SectionKind": "._sections",
    "Severity": "._finding",
    "Span": "._span",
    "TABLE_TITLES": "._tables",
    "Table": "._tables",
    "TableKind": "._tables",
    "TableRow": "._tables",
    "Target": "._indicators",
    "ThreePublicExpenses": "._model",
    "UNRECOGNIZED_REASONS": "._model",
    "Unrecognized": "._model",
    "Verdict": "._indicators",
    "Year": "._figures",
    "check": "._check",
    "detect_kind": "._profiles",
    "from_dict": "._serialize",
    "from_json": "._serialize",
    "index_html": "._html",
    "json_schema": "._schema",
    "line_col": "._span",
    "rules": "._check",
    "to_dict": "._serialize",
    "to_html": "._html",
    "to_json": "._serialize",
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
    "PROFILES",
    "TABLE_TITLES",
    "UNRECOGNIZED_REASONS",
    "Amount",
    "Annex",
    "Assets",
    "BasicExpenditure",
    "Basis",
    "Breakdown",
    "BudgetLine",
    "Change",
    "Classification",
    "Comparator",
    "Count",
    "Entry",
    "Evidence",
    "Figure",
    "Finding",
    "FundBudget",
    "GeneralBudget",
    "GlossaryEntry",
    "IndexRow",
    "Institutions",
    "Percent",
    "PerformanceIndicator",
    "PerformanceManagement",
    "Phrase",
    "Procurement",
    "Profile",
    "ProjectPerformanceTable",
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
    "check",
    "detect_kind",
    "from_dict",
    "from_json",
    "index_html",
    "json_schema",
    "line_col",
    "parse",
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
    from ._parser import parse_report

    return parse_report(text)


def preload() -> None:
    """Load now what :func:`parse` and :func:`check` load on first use: the parser with
    its regular expressions and the rules.

    ``import finreport`` loads nothing else (every public name is loaded when first
    touched), so a command or a service that only imports the package starts at once.  A
    server that forks its workers calls this first, so that the workers share what was
    loaded instead of each loading it again; a service that must answer its first request
    as fast as the others calls it at start-up.
    """
    from . import _check, _parser  # noqa: F401 - imported for their effect

    _check.rules()
