"""finreport: read Chinese department final-accounts reports and check their arithmetic.

The core is pure: :func:`parse` takes the report's text as a ``str`` and returns a
:class:`Report` in which every figure knows its :class:`Span` in that text.
"""

from typing import TYPE_CHECKING, Any

from ._budget_line import BudgetLine, Classification
from ._entries import Change, Entry
from ._errors import ReportError
from ._facts import Basis, Scope
from ._figures import Amount, Count, Figure, Percent, Year
from ._finding import Evidence, Finding, Severity
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
from ._sections import Section, SectionKind
from ._span import Phrase, Span, line_col
from ._tables import TABLE_TITLES, Table, TableKind, TableRow

if TYPE_CHECKING:
    from ._check import check, rules
    from ._html import IndexRow, index_html, to_html
    from ._rules import Rule
    from ._schema import json_schema
    from ._serialize import from_dict, from_json, to_dict, to_json

#: Names loaded on first use, so that ``import finreport`` stays quick: the rules (and
#: babel) for checking, cattrs for serializing.
_LAZY: dict[str, str] = {
    "check": "._check",
    "rules": "._check",
    "Rule": "._rules",
    "json_schema": "._schema",
    "to_html": "._html",
    "index_html": "._html",
    "IndexRow": "._html",
    "from_dict": "._serialize",
    "from_json": "._serialize",
    "to_dict": "._serialize",
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
    return Report.parse(text)
