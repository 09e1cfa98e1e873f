"""The report and the parts of it that docs/domain.md's anatomy names."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, cast

import attrs

from .budget_lines import BudgetLine
from .entries import Entry
from .figures import Amount, Count, Figure, Percent, Year
from .forms import FormTotal, PerformanceForm
from .indicators import ProjectPerformanceTable
from .kinds import Consolidation, ReportKind
from .layout import Region
from .named_lists import NamedList
from .projects import KeyProject
from .reasons import Reason
from .sections import Section
from .span import Phrase, Span
from .tables import Table

if TYPE_CHECKING:
    from .findings import Finding

__all__ = [
    "UNRECOGNIZED_REASONS",
    "Annex",
    "Assets",
    "BasicExpenditure",
    "Breakdown",
    "FundBudget",
    "GeneralBudget",
    "GlossaryEntry",
    "Institutions",
    "PerformanceManagement",
    "Procurement",
    "Report",
    "ReportKind",
    "ThreePublicExpenses",
    "Unrecognized",
    "holds_quantity",
    "iter_figures",
]


@attrs.frozen
class Unrecognized:
    """A figure of the narrative that the parser read but could not attribute for sure.

    ``reason`` says why (:data:`UNRECOGNIZED_REASONS`); ``text`` is the figure as written.
    No rule raises an error on it.
    """

    span: Span
    reason: str
    text: str


#: Why a figure is in :attr:`Report.unrecognized`.
UNRECOGNIZED_REASONS: dict[str, str] = {
    "unattributed": "the sentence names no quantity the report kind knows",
    "explanation": "the figure explains a change (主要原因是…) and is not the quantity itself",
    "detached": "the figure stands apart from its sentence (moved by text extraction)",
    "qualifier": "the amount qualifies a subject (单价100万元以上) and is part of its name",
    "number_list": "the last of numbers written with one unit after them all (分别为900.00、"
                   "100.00万元): which name each is of is not read",
    "repeated": "the section states this quantity again with a figure no field keeps",
    "another_report": "another report begins here (its title's line): the text holds more "
                      "than one report, and finreport.parse_all reads each",
}


@attrs.frozen
class Breakdown:
    """A total and the parts the text lists after it (``其中：…``), each with its share.
    ``partial`` when the items may be some of the total's parts only (a part's own list
    ran to the end of the sentence, and what follows it is not surely the total's)."""

    total: Entry | None = None
    items: tuple[Entry, ...] = ()
    partial: bool = False


@attrs.frozen
class GeneralBudget:
    """General public budget expenditure from fiscal appropriation (section 五).

    ``total`` carries the amount, its share of all expenditure and the change against the
    prior year; ``classes`` the structure by functional class (类) with shares, headed by
    ``structure_total``; ``execution`` the budget execution of the whole (年初预算, 决算,
    完成预算); ``lines`` the detail lines (类/款/项), ``lines_partial`` when the text says
    it lists only some of them (``支出金额较大的项目如下``).
    """

    total: Entry | None = None
    structure_total: Entry | None = None
    classes: tuple[Entry, ...] = ()
    execution: Entry | None = None
    lines: tuple[BudgetLine, ...] = ()
    lines_partial: bool = False


@attrs.frozen
class BasicExpenditure:
    """Basic expenditure (基本支出) = personnel (人员经费) + public expenses (公用经费)."""

    total: Entry | None = None
    personnel: Entry | None = None
    public: Entry | None = None


@attrs.frozen
class ThreePublicExpenses:
    """The three public expenses (“三公”经费) and their parts.

    ``total`` holds the total's amount, budget, completion, change and comparison words.
    ``overseas`` (因公出国（境）) with ``overseas_groups`` (团组) and ``overseas_persons``;
    ``vehicles`` (公务用车购置及运行维护) = ``vehicle_purchase`` + ``vehicle_operation``,
    with ``vehicles_bought`` (count of cars bought) and ``fleet`` (保有量);
    ``reception`` (公务接待) = ``domestic`` + ``foreign``, with batches (批次) and visitors
    (人次) of each.  ``absent`` is the sentence saying there were none.  ``meetings``
    (会议费) and ``training`` (培训费), which budgets report in the same section, are
    fields of their own and never parts of the total.
    """

    total: Entry | None = None
    overseas: Entry | None = None
    overseas_groups: Count | None = None
    overseas_persons: Count | None = None
    vehicles: Entry | None = None
    vehicle_purchase: Entry | None = None
    vehicle_operation: Entry | None = None
    vehicles_bought: Count | None = None
    vehicles_bought_by_kind: tuple[Entry, ...] = ()
    fleet: Count | None = None
    fleet_by_kind: tuple[Entry, ...] = ()
    reception: Entry | None = None
    domestic: Entry | None = None
    domestic_batches: Count | None = None
    domestic_visitors: Count | None = None
    foreign: Entry | None = None
    foreign_batches: Count | None = None
    foreign_visitors: Count | None = None
    absent: Phrase | None = None
    meetings: Entry | None = None
    training: Entry | None = None

    def parts(self) -> tuple[Entry | None, Entry | None, Entry | None]:
        """Overseas travel, vehicles and reception, in that order."""
        return self.overseas, self.vehicles, self.reception


@attrs.frozen
class FundBudget:
    """Government fund (政府性基金) or state capital (国有资本经营) budget expenditure."""

    total: Entry | None = None
    income: Entry | None = None
    lines: tuple[BudgetLine, ...] = ()
    absent: Phrase | None = None


@attrs.frozen
class Procurement:
    """Government procurement (政府采购): total, goods, works, services, and SME awards."""

    total: Entry | None = None
    goods: Entry | None = None
    works: Entry | None = None
    services: Entry | None = None
    sme: Entry | None = None
    small_micro: Entry | None = None
    entries: tuple[Entry, ...] = ()


@attrs.frozen
class Assets:
    """State assets (国有资产): vehicles by kind and large equipment."""

    vehicles: Count | None = None
    vehicles_by_kind: tuple[Entry, ...] = ()
    equipment: tuple[Entry, ...] = ()


@attrs.frozen
class Institutions:
    """Institution setup (机构设置): subordinate units and how many of each kind."""

    total: Count | None = None
    by_kind: tuple[Entry, ...] = ()
    total_name: Phrase | None = None


@attrs.frozen
class PerformanceManagement:
    """Performance management (预算绩效管理): project counts, narrative figures, tables.

    ``goals_set``: projects with performance goals; ``monitored``: projects monitored;
    ``self_evaluated``: projects self-evaluated; ``evaluated``: projects evaluated by the
    department; ``entries``: every other statement of the section, as read; ``lists``:
    amounts listed after 其中 under an amount of the same sentence.
    """

    goals_set: Count | None = None
    monitored: Count | None = None
    self_evaluated: Count | None = None
    evaluated: Count | None = None
    entries: tuple[Entry, ...] = ()
    tables: tuple[ProjectPerformanceTable, ...] = ()
    lists: tuple[Breakdown, ...] = ()


@attrs.frozen
class Annex:
    """An annex (附件): its title, every statement in it, (for the department-wide
    evaluation) its income and expenditure breakdowns, and ``lists``: amounts listed
    after 其中 under an amount of the same sentence."""

    number: Phrase | None
    title: Phrase
    span: Span
    entries: tuple[Entry, ...] = ()
    income: Breakdown | None = None
    expenditure: Breakdown | None = None
    lists: tuple[Breakdown, ...] = ()


@attrs.frozen
class GlossaryEntry:
    """A glossary entry (名词解释): the term and its definition."""

    term: Phrase
    definition: Phrase


@attrs.frozen(repr=False)
class Report:
    """A department final-accounts (or budget) report, as read from its text.

    Every figure is a value object with its :class:`~finreport.Span` in the text given to
    :meth:`parse`.  Parts the text does not state are ``None`` or empty.  ``residue`` holds
    template text left in the report (``增加/减少``, ``XXX``, bracketed instructions),
    ``other_kind_words`` the places where the report describes its own make-up in the
    other kind's words (a budget's ``本级决算（行政单位）``), ``as_of`` the years of
    ``截至…`` dates, ``name_variants`` the places where the organization's name is
    written with one character changed (``昭化县总工会`` in a report of 昭化区总工会),
    ``reasons`` the reasons it gives for changes (``主要原因是…``, :class:`Reason`),
    ``named_lists`` the counts followed by the names of what they count (``共14个内设机构：
    办公室、…``, :class:`NamedList`),
    ``unrecognized`` the spans of narrative figures no field took, and ``tables`` the
    tables of the tables part (决算表/预算表), read from layout text, and
    ``listed_tables`` the table titles its table of contents (目录) lists.
    ``performance_forms`` holds its performance forms (绩效目标表, 绩效自评表) wherever they
    stand, and ``form_totals`` the total rows of a table of forms (合计, a unit's subtotal).
    ``key_projects`` are the projects a budget's narrative lists with their money in a
    table (重点项目预算绩效目标情况: ``项目 | 预算数 | 绩效目标``, :class:`KeyProject`).
    """

    organization: Phrase | None = None
    fiscal_year: Year | None = None
    kind: ReportKind = ReportKind.FINAL_ACCOUNTS
    consolidation: Consolidation | None = None
    sections: tuple[Section, ...] = ()
    institutions: Institutions | None = None
    grand_total: Entry | None = None
    income: Breakdown | None = None
    expenditure: Breakdown | None = None
    fiscal_appropriation: Entry | None = None
    general_budget: GeneralBudget | None = None
    basic_expenditure: BasicExpenditure | None = None
    three_public: ThreePublicExpenses | None = None
    government_fund: FundBudget | None = None
    state_capital: FundBudget | None = None
    operating_costs: Entry | None = None
    procurement: Procurement | None = None
    assets: Assets | None = None
    performance: PerformanceManagement | None = None
    annexes: tuple[Annex, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    residue: tuple[Phrase, ...] = ()
    other_kind_words: tuple[Phrase, ...] = ()
    as_of: tuple[Year, ...] = ()
    name_variants: tuple[Phrase, ...] = ()
    reasons: tuple[Reason, ...] = ()
    named_lists: tuple[NamedList, ...] = ()
    unrecognized: tuple[Unrecognized, ...] = ()
    layout: tuple[Region, ...] = ()
    statements: tuple[Entry, ...] = ()
    explanations: tuple[Entry, ...] = ()
    enumerations: tuple[Breakdown, ...] = ()
    lists: tuple[Breakdown, ...] = ()
    tables: tuple[Table, ...] = ()
    listed_tables: tuple[Phrase, ...] = ()
    performance_forms: tuple[PerformanceForm, ...] = ()
    form_totals: tuple[FormTotal, ...] = ()
    key_projects: tuple[KeyProject, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Report:
        """Read a report from its text.  Same as :func:`finreport.parse`."""
        from ..read.report import parse_report

        return parse_report(text)

    @classmethod
    def parse_all(cls, text: str) -> tuple[Report, ...]:
        """Every report *text* holds, in text order.  Same as :func:`finreport.parse_all`."""
        from ..read.report import parse_reports

        return parse_reports(text)

    def figures(self) -> Iterator[Figure]:
        """Every figure the report's fields hold, in no particular order."""
        return iter_figures(self)

    def quantities(self) -> Iterator[Figure]:
        """The figures that are quantities of the report: every figure but the
        thresholds that qualify a subject (``单价100万元以上设备``'s 100万元)."""
        return iter_figures(self, thresholds=False)

    def walk_sections(self) -> Iterator[Section]:
        """Every section, in text order."""
        for root in self.sections:
            yield from root.walk()

    @property
    def project_tables(self) -> tuple[ProjectPerformanceTable, ...]:
        """The project performance tables (from performance management)."""
        return self.performance.tables if self.performance is not None else ()

    def check(self, *, select: Sequence[str] | None = None,
              ignore: Sequence[str] | None = None, locale: str = "zh_CN") -> list[Finding]:
        """The consistency findings of this report; see :func:`finreport.check`."""
        from ..checks.running import check

        return check(self, select=select, ignore=ignore, locale=locale)

    def __repr__(self) -> str:
        name = self.organization.text if self.organization is not None else "?"
        year = self.fiscal_year.value if self.fiscal_year is not None else "?"
        figures = len({figure.span for figure in self.figures()})  # each place once
        return (f"Report({name} {year} {self.kind.value}: {figures} figures, "
                f"{len(self.tables)} tables, {len(self.unrecognized)} unrecognized)")


def iter_figures(obj: object, *, thresholds: bool = True) -> Iterator[Figure]:
    """Every figure held anywhere inside an attrs object (report, entry, table …);
    without *thresholds*, an entry's threshold (``Entry.threshold``) is left out."""
    found: list[Figure] = []
    _collect(obj, found, thresholds)
    return iter(found)


def holds_quantity(obj: object) -> bool:
    """True when an attrs object holds a figure that is a quantity (a threshold aside):
    :meth:`Report.quantities` is not empty; the walk stops at the first one."""
    kind = type(obj)
    if kind is Amount or kind is Percent or kind is Count:
        return True
    if kind is Entry:
        entry = cast(Entry, obj)
        return any(f is not entry.threshold for f in entry.figures())
    if kind is tuple or kind is list:
        return any(holds_quantity(item) for item in cast(Sequence[object], obj))
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = _figure_fields(kind)
    return any(holds_quantity(getattr(obj, name)) for name in names)


def _collect(obj: object, found: list[Figure], thresholds: bool) -> None:
    kind = type(obj)
    if kind is Amount or kind is Percent or kind is Count:
        found.append(cast(Figure, obj))
    elif kind is Entry:
        entry = cast(Entry, obj)
        found.extend(entry.figures() if thresholds or entry.threshold is None else
                     (f for f in entry.figures() if f is not entry.threshold))
    elif kind is tuple or kind is list:
        for item in cast(Sequence[object], obj):
            _collect(item, found, thresholds)
    else:
        names = _FIELD_NAMES.get(kind)
        if names is None:
            names = _FIELD_NAMES[kind] = _figure_fields(kind)
        for name in names:
            _collect(getattr(obj, name), found, thresholds)


#: attrs classes that hold no figure (a section's heading, a span, a year …).
_LEAVES = (Section, Span, Phrase, Year, Unrecognized, Region)
#: The fields walked for each class met (none for scalars and leaves).
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
#: Names in a field's annotation that never hold a figure: a field written only with
#: these (``name: Phrase``, ``code: str | None``, ``columns: tuple[int, ...]``) is not
#: walked.  Any other name (a class that may hold figures, or one not listed) is walked.
_NO_FIGURE_NAMES: frozenset[str] = frozenset({
    "None", "NoneType", "Optional", "Union", "str", "int", "bool", "Decimal", "tuple", "list",
    *(leaf.__name__ for leaf in _LEAVES),
    "SectionKind", "TableKind", "ReportKind", "RegionKind", "Basis", "Scope", "Severity",
    "Comparator", "Verdict", "FormKind", "FormLayout", "FundSource"})
_NAME = re.compile(r"[A-Za-z_]\w*")
_MODULE_PATH = re.compile(r"\b[\w.]*\.(?=\w)")


def _figure_fields(kind: type) -> tuple[str, ...]:
    """The fields of an attrs class that may hold a figure, by their annotations: a
    table row's ``cells`` but not its ``name``, ``code`` or ``columns``.  Annotations
    are strings until something resolves them (cattrs does): both read the same."""
    if not attrs.has(kind) or issubclass(kind, _LEAVES):
        return ()
    return tuple(f.name for f in attrs.fields(kind)
                 if not _NO_FIGURE_NAMES.issuperset(_NAME.findall(_annotation(f.type))))


def _annotation(declared: object) -> str:
    """A field's annotation as written, whether a string or resolved (``Phrase | None``
    for ``finreport._span.Phrase | None``)."""
    if isinstance(declared, str):
        return declared
    if isinstance(declared, type):
        return declared.__name__
    return _MODULE_PATH.sub("", str(declared)) if declared is not None else "object"
