"""Reading a whole report: sections first, then each section by its kind.

Each section kind has one mapper that turns the section's entries into the report's
fields; which entry becomes which field is decided by the name patterns in the tables
below (:data:`THREE_PUBLIC_FIELDS`, :data:`PROCUREMENT_FIELDS`, …).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import Any, Final

import attrs

from ..model.budget_lines import BudgetLine
from ..model.errors import ReportError
from ..model.facts import scope_of
from ..model.fields import check_fields
from ..model.figures import Count, Figure
from ..model.layout import Region, RegionKind
from ..model.report import (
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
    iter_figures,
)
from ..model.span import OTHER_LINE_BREAKS, Phrase, Span
from ..templates.profiles import PROFILES
from ..text.layout import find_regions, repair_order, subtract
from ..text.view import Source, TextView, tab_cells
from .budget_lines import merge, read_budget_line, split_items
from .entries import ABSENT, Entry, ReadEntry, read_entries_in_context, subject_key
from .identity import detect_kind, read_identity
from .indicators import parse_project_tables
from .residue import find_as_of, find_name_variants, find_residue
from .sections import Section, SectionKind, build_sections
from .tables import listed_tables, read_tables

__all__ = ["parse_report"]

K = SectionKind

_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")

#: Fields of the three public expenses: (field, name pattern), first match wins.
THREE_PUBLIC_FIELDS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("meetings", re.compile(r"会议费")),
    ("training", re.compile(r"培训费")),
    ("domestic", re.compile(r"国内(?:公务)?接待")),
    ("foreign", re.compile(r"外事接待|外宾接待|接待外宾|外事|外宾")),
    ("reception", re.compile(r"公务接待")),
    ("vehicle_purchase", re.compile(r"公务用车购置(?!及)|车辆购置")),
    ("vehicle_operation", re.compile(r"^(?!.*购置).*运行(?:维护)?")),
    ("vehicles", re.compile(r"公务用车")),
    ("overseas", re.compile(r"出国")),
    ("total", re.compile(r"三公")),
)
_OVERSEAS_GROUPS = frozenset({"个", "次", "批次", "批"})
_PERSONS = frozenset({"人", "人次", "名"})
_FLEET = re.compile(r"保有量|共有(?:公务用)?车|保有")
_BOUGHT = re.compile(r"购置(?:公务用车|车辆)|更新")

#: Fields of government procurement: (field, name pattern), first match wins.
PROCUREMENT_FIELDS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("small_micro", re.compile(r"小微企业")),
    ("sme", re.compile(r"中小企业")),
    ("goods", re.compile(r"货物")),
    ("works", re.compile(r"工程")),
    ("services", re.compile(r"服务")),
    ("total", re.compile(r"政府采购")),
)

#: Project counts of performance management, by the words after the count.
PERFORMANCE_COUNTS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("goals_set", re.compile(r"对(?P<n>\d+)个项目编制了?绩效目标"
                             r"|编报绩效目标的\d{4}年度项目(?P<m>\d+)个")),
    ("monitored", re.compile(r"选取(?P<n>\d+)个项目开展绩效监控"
                             r"|绩效跟踪评价的\d{4}年度项目(?P<m>\d+)个"
                             r"|对(?P<k>\d+)个项目开展(?:了)?绩效(?:监控|运行监控)")),
    ("self_evaluated", re.compile(r"对(?P<n>\d+)个项目开展了?绩效目标完成情况自评"
                                  r"|绩效自评的\d{4}年度项目(?P<m>\d+)个")),
    ("evaluated", re.compile(r"自行组织了?(?P<n>\d+)个项目(?:支出)?绩效评价")),
)

check_fields(ThreePublicExpenses, (f for f, _ in THREE_PUBLIC_FIELDS), "THREE_PUBLIC_FIELDS")
check_fields(Procurement, (f for f, _ in PROCUREMENT_FIELDS), "PROCUREMENT_FIELDS")
check_fields(PerformanceManagement, (f for f, _ in PERFORMANCE_COUNTS), "PERFORMANCE_COUNTS")

_PERSONNEL = re.compile(r"人员")
_PUBLIC = re.compile(r"公用")
_ANNEX_INCOME = re.compile(r"收入情况")
_ANNEX_EXPENDITURE = re.compile(r"支出情况")
_GLOSSARY_MARK = re.compile(r"(?:^|(?<=[。;]))(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,3}、)(?=\D)")


@attrs.define
class _Reader:
    """What parsing one text needs to share between the section mappers."""

    source: str
    regions: tuple[Region, ...] = ()
    kind: ReportKind = ReportKind.FINAL_ACCOUNTS
    year: int | None = None
    candidates: list[Span] = attrs.field(factory=list)
    aside: list[tuple[Figure, str]] = attrs.field(factory=list)
    consumed: set[Span] = attrs.field(factory=set)
    reads: list[ReadEntry] = attrs.field(factory=list)
    explanations: list[Entry] = attrs.field(factory=list)
    qualifiers: list[Span] = attrs.field(factory=list)
    _ranges: dict[Span, list[tuple[int, int]]] = attrs.field(factory=dict)

    def table_ranges(self, section: Section) -> list[tuple[int, int]]:
        """The section body without its tab-indented table lines and without the
        non-narrative regions of the text layer."""
        found = self._ranges.get(section.body)
        if found is None:
            found = self._ranges[section.body] = subtract(self._untabbed(section),
                                                          self.regions)
        return list(found)

    def _untabbed(self, section: Section) -> list[tuple[int, int]]:
        start, end = section.body.start, section.body.end
        ranges: list[tuple[int, int]] = []
        pos = start
        cells = tab_cells(self.source)
        while pos < end:
            stop = self.source.find("\n", pos, end)
            stop = end if stop < 0 else stop
            if cells and self.source.startswith("\t", pos):
                pass
            elif not ranges or ranges[-1][1] != pos - 1:
                ranges.append((pos, stop))
            else:
                ranges[-1] = (ranges[-1][0], stop)
            pos = stop + 1
        return ranges

    def read(self, section: Section, *, children: bool = False) -> list[ReadEntry]:
        """The entries of a section's body; with *children*, also of the unclassified
        subsections below it, each read with its heading (``（一）人员经费`` then
        ``9710.42万元。主要包括…``: the heading names the amount)."""
        if not children:
            return self.read_view(self.view(section))
        return self.read_view(self.whole_view(section))

    def whole_view(self, section: Section) -> TextView:
        """The narrative of a section with its unclassified subsections and their titles;
        they all count as read."""
        ranges = self.table_ranges(section)
        self.consumed.add(section.body)
        for child in section.walk():
            if child is section or child.kind is not K.OTHER:
                continue
            self.consumed.add(child.body)
            ranges.append((child.title.span.start, child.title.span.end))
            ranges.extend(self.table_ranges(child))
        return TextView(self.source, ranges=repair_order(self.source, sorted(ranges)))

    def read_view(self, view: TextView) -> list[ReadEntry]:
        """The entries of a view, as the report's kind reads them.

        Where a share marker stands without its percentage (``占`` followed by the next
        item: text extraction moved the percentages away), no share of the view is
        attributed: they go to ``unrecognized`` as detached.
        """
        entries = read_entries_in_context(view, qualifiers=self.qualifiers)
        self.explanations.extend(r.entry for r in entries if r.explains)
        self.candidates.extend(f.span for r in entries if r.explains for f in r.entry.figures())
        entries = [r for r in entries if not r.explains]
        if _DANGLING_SHARE.search(view.text):
            for read in entries:
                if read.entry.share is not None:
                    self.aside.append((read.entry.share, "detached"))
            entries = [attrs.evolve(r, entry=attrs.evolve(r.entry, share=None))
                       for r in entries]
        entries = [r if (e := _in_context(r.entry, self.kind)) is r.entry
                   else attrs.evolve(r, entry=e) for r in entries]
        for read in entries:
            self.candidates.extend(f.span for f in read.entry.figures())
        self.reads.extend(entries)
        return entries

    def view(self, section: Section) -> TextView:
        """The narrative of a section's body; the section counts as read."""
        self.consumed.add(section.body)
        return TextView(self.source, ranges=repair_order(self.source,
                                                         self.table_ranges(section)))


#: ``占`` with no percentage after it: ``…万元，占；`` or ``占项目支出5533万元``.
_DANGLING_SHARE = re.compile(r"占(?:[;；。]|$|[^\d。;，,的\"]{1,12}\d[\d,.]*万元)")


def _in_context(entry: Entry, kind: ReportKind) -> Entry:
    """The entry with the context its kind and its words give: the scope its subject
    states, and in a budget report ``预算为X`` as the amount itself."""
    scope = scope_of(entry.name.text)
    if kind.is_budget and entry.amount is None and entry.budget is not None:
        return attrs.evolve(entry, amount=entry.budget, budget=None, scope=scope)
    return attrs.evolve(entry, scope=scope) if scope is not None else entry


def _entries(reads: Iterable[ReadEntry]) -> list[Entry]:
    return [r.entry for r in reads]


def _same_subject(key: str, head: str) -> bool:
    """True when *key* names the quantity *head* names: the same words, a shortened form
    (``财政拨款收、支总计`` then ``收、支总计``), or a slip in its last characters
    (``一般公共预算财政拨`` for ``…财政拨款``)."""
    if key in ("", head) or head.startswith(key) or key.startswith(head) or head.endswith(key):
        return True
    common = 0
    for a, b in zip(key, head, strict=False):
        if a != b:
            break
        common += 1
    return common >= max(4, min(len(key), len(head)) - 2)


def _prior_year(entry: Entry, year: int | None) -> bool:
    """True when the entry's period names a year before *year* (``2021年度收入支出总计为
    335.36万元`` in a 2022 report states the prior year, not this one)."""
    if year is None or entry.period is None:
        return False
    found = _YEAR.search(entry.period.text)
    return found is not None and int(found.group()) < year


_YEAR = re.compile(r"(?:19|20)\d{2}")


def _single(reads: list[ReadEntry], rest: list[Entry] | None = None,
            year: int | None = None) -> Entry | None:
    """All that a section says about its one quantity, merged.

    The quantity is the one the section's first amount is about; entries about other
    quantities (the sources and classes a budget's overview lists after its total) go to
    *rest* when a list is given, and are never merged into it.
    """
    entries = _entries(reads)
    if rest is None or not entries:
        return merge(entries) if entries else None
    first = next((r for r in reads if r.entry.amount is not None
                  and not _prior_year(r.entry, year)), reads[0])
    head = first.entry
    key = subject_key(head.name.text)
    same = [r.entry for r in reads if (_same_subject(subject_key(r.entry.name.text), key) or (
                # X为A，与上年相比（X的简称）增加B，增长C%: the change of the head
                r.sentence == first.sentence and r.entry.amount is None
                and r.entry.change is not None and head.change is None))
            and not (r.entry is not head and r.entry.amount is not None
                     and r.entry.amount.value != (head.amount.value if head.amount else None)
                     and r.entry.share is not None)]
    kept = {id(e) for e in same}
    rest.extend(e for e in entries if id(e) not in kept)
    return merge(same)


#: Words that make a subject a total (本年收入合计, 收入总计, 本年预算收入).
_TOTAL_WORDS = re.compile(r"合计|总计|本年")


def _breakdown(reads: list[ReadEntry], source: str = "", *,
               listed_only: bool = False) -> Breakdown | None:
    """A total and the parts after it.  With *source*, an aside in brackets
    (``490,808.40万元（本年预算收入390,140.45万元），其中：…``) is not a part, and the list
    ends where a later sentence states a total again (``2021年本年预算收入…与上年相比``)."""
    entries = [r for r in reads if r.entry.amount is not None or r.entry.absent is not None
               or r.entry.share is not None]
    if not entries:
        return None
    total = entries[0]
    if total.listed or total.entry.amount is None:
        # the total is written without its figure (本年收入合计万元，其中：…)
        return Breakdown(None, tuple(r.entry for r in entries))
    if not listed_only:
        parts: list[Entry] = []
        for read in entries[1:]:
            name = read.entry.name
            if name.text.startswith("(") or (
                    source and name.span.start > 0 and source[name.span.start - 1] in "（("):
                continue  # an aside in brackets
            if parts and not read.listed and (read.entry.change is not None or (
                    _TOTAL_WORDS.search(source[max(0, name.span.start - 4):name.span.end]))):
                break  # a later sentence about a total or a change: the list has ended
            parts.append(read.entry)
        return Breakdown(total.entry, tuple(parts))
    items: list[Entry] = []
    for read in entries[1:]:
        if read.listed:
            items.append(read.entry)
        elif items:
            break
    return Breakdown(total.entry, tuple(items))


#: ``包括：`` opens the complete list of a total's parts (``其中`` may name only some).
_INCLUDES = re.compile(r"包括[:：]")
_NUMBERED = re.compile(r"(?:^|(?<=[。;:]))(\d{1,2})[.、](?=\D)")
_SUBLIST = re.compile(r"\([一二三四五六七八九十]{1,3}\)")


def _enumerations(view: TextView, reads: list[ReadEntry]) -> list[Breakdown]:
    """Totals with the numbered parts listed after ``包括：`` (``（二）支出预算总计17996.68万元。
    包括：1．公共安全（类）支出13656.34万元…``): each part is the first amount of its item.
    A list whose items cannot all be matched to an entry read is not taken."""
    by_start = {r.entry.amount.span.start: r.entry for r in reads if r.entry.amount is not None}
    starts = sorted(by_start)
    found: list[Breakdown] = []
    for opener in _INCLUDES.finditer(view.text):
        before = [a for a in starts if a < view.span(opener.start(), opener.start() + 1).start]
        if not before:
            continue
        total = by_start[before[-1]]
        end = len(view.text)
        for stop in (_SUBLIST.search(view.text, opener.end()),
                     _INCLUDES.search(view.text, opener.end())):
            if stop is not None:
                end = min(end, stop.start())
        marks = list(_NUMBERED.finditer(view.text, opener.end(), end))
        if not marks or marks[0].group(1) != "1" or any(
                int(b.group(1)) != int(a.group(1)) + 1 for a, b in pairwise(marks)):
            continue
        parts: list[Entry] = []
        for i, mark in enumerate(marks):
            item_end = marks[i + 1].start() if i + 1 < len(marks) else end
            origin = view.span(mark.end(), item_end)
            first = next((a for a in starts if origin.start <= a < origin.end), None)
            if first is None:
                parts = []
                break
            parts.append(by_start[first])
        if parts and total.amount is not None and all(p is not total for p in parts):
            found.append(Breakdown(total, tuple(parts)))
    return found


def _lists(reads: list[ReadEntry]) -> tuple[Breakdown, ...]:
    """Amounts listed after 其中 under an amount of the same sentence."""
    found = []
    i = 0
    while i < len(reads):
        head = reads[i]
        parts = []
        j = i + 1
        while j < len(reads) and reads[j].sentence == head.sentence and reads[j].listed:
            parts.append(reads[j].entry)
            j += 1
        if (not head.listed and head.entry.amount is not None and len(parts) >= 2
                and all(p.amount is not None for p in parts)):
            found.append(Breakdown(head.entry, tuple(parts)))
            i = j
        else:
            i += 1
    return tuple(found)


def _matching(entries: Iterable[Entry], pattern: re.Pattern[str]) -> list[Entry]:
    return [e for e in entries if pattern.search(e.name.text)]


def _first_count(entries: Iterable[Entry], units: frozenset[str]) -> Count | None:
    for entry in entries:
        for count in entry.counts:
            if count.unit in units:
                return count
    return None


def _three_public(reads: list[ReadEntry]) -> ThreePublicExpenses:
    groups: dict[str, list[Entry]] = {}
    by_kind_bought: list[Entry] = []
    by_kind_fleet: list[Entry] = []
    fleet: Count | None = None
    bought: Count | None = None
    bought_sentence = fleet_sentence = -1
    absent: Phrase | None = None
    for read in reads:
        entry = read.entry
        if entry.absent is not None and absent is None:
            absent = entry.absent
        if _FLEET.search(entry.name.text) and entry.counts:
            fleet = fleet or entry.counts[0]
            fleet_sentence = read.sentence
            continue
        if _BOUGHT.search(entry.name.text) and entry.counts and not entry.amount:
            bought = bought or entry.counts[0]
            bought_sentence = read.sentence
            continue
        if read.sentence == fleet_sentence and entry.counts:
            by_kind_fleet.append(entry)
            continue
        if read.sentence == bought_sentence and entry.counts:
            by_kind_bought.append(entry)
            continue
        for field, pattern in THREE_PUBLIC_FIELDS:
            if pattern.search(entry.name.text):
                groups.setdefault(field, []).append(entry)
                break
    merged = {field: merge(entries) for field, entries in groups.items()}
    overseas = groups.get("overseas", [])
    return ThreePublicExpenses(
        total=merged.get("total"),
        overseas=merge([e for e in overseas if e.amount or e.share or e.change]) if any(
            e.amount or e.share or e.change for e in overseas) else None,
        overseas_groups=_first_count(overseas, _OVERSEAS_GROUPS),
        overseas_persons=_first_count(overseas, _PERSONS),
        vehicles=merged.get("vehicles"),
        vehicle_purchase=merged.get("vehicle_purchase"),
        vehicle_operation=merged.get("vehicle_operation"),
        vehicles_bought=bought,
        vehicles_bought_by_kind=tuple(by_kind_bought),
        fleet=fleet,
        fleet_by_kind=tuple(by_kind_fleet),
        reception=merged.get("reception"),
        domestic=merged.get("domestic"),
        domestic_batches=_first_count(groups.get("domestic", []), frozenset({"批次", "批"})),
        domestic_visitors=_first_count(groups.get("domestic", []), _PERSONS),
        foreign=merged.get("foreign"),
        foreign_batches=_first_count(groups.get("foreign", []), frozenset({"批次", "批"})),
        foreign_visitors=_first_count(groups.get("foreign", []), _PERSONS),
        absent=absent,
        meetings=merged.get("meetings"),
        training=merged.get("training"),
    )


def _procurement(reads: list[ReadEntry]) -> Procurement:
    entries = _entries(reads)
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        for field, pattern in PROCUREMENT_FIELDS:
            if pattern.search(entry.name.text):
                groups.setdefault(field, []).append(entry)
                break
    fields: dict[str, Entry] = {}
    for field, found in groups.items():
        # an amount awarded comes first; a reserved budget (预留…预算金额) is its budget
        found.sort(key=lambda e: e.amount is None)
        fields[field] = merge(found)
    if "total" not in fields and entries and entries[0].amount is not None:
        fields["total"] = entries[0]
    return Procurement(entries=tuple(entries), **fields)


def _assets(reads: list[ReadEntry]) -> Assets:
    vehicles: Count | None = None
    by_kind: list[Entry] = []
    equipment: list[Entry] = []
    for entry in _entries(reads):
        cars = [c for c in entry.counts if c.unit == "辆"]
        if cars and vehicles is None and re.search(r"车辆|共有", entry.name.text):
            vehicles = cars[0]
        elif cars:
            by_kind.append(entry)
        elif entry.counts:
            equipment.append(entry)
    return Assets(vehicles, tuple(by_kind), tuple(equipment))


def _institutions(reads: list[ReadEntry]) -> Institutions | None:
    with_counts = [r for r in reads if r.entry.counts]
    if not with_counts:
        return None
    first = next((r for r in with_counts if _UNITS_TOTAL.search(r.entry.name.text)), None)
    if first is None:
        return None  # no count says it is the number of units (下设…3个专门委员会)
    # the kinds of units stand in the sentence of the total; staff counts elsewhere do not
    kinds = tuple(r.entry for r in with_counts if r is not first and r.sentence == first.sentence
                  and reads.index(r) > reads.index(first))
    return Institutions(first.entry.counts[0], kinds, first.entry.name)


#: The words that make a count the number of units: ``下属二级单位``, ``纳入…范围的单位共``.
_UNITS_TOTAL = re.compile(r"下属|所属|单位(?:共|包括)?$|纳入")


def _performance(reader: _Reader, section: Section) -> PerformanceManagement:
    reads = reader.read(section)
    view = reader.view(section)
    counts: dict[str, Count] = {}
    taken: set[Span] = set()
    for field, pattern in PERFORMANCE_COUNTS:
        m = pattern.search(view.text)
        if m is None:
            continue
        group = next(g for g in ("n", "m", "k") if g in m.groupdict() and m.group(g))
        span = view.span(m.start(group), m.end(group) + 1)
        counts[field] = Count(__import__("decimal").Decimal(m.group(group)), "个", span)
        taken.add(span)
    tables = tuple(t for t, _ in parse_project_tables(reader.source, section.body.start,
                                                       section.body.end))
    lists = _lists(reads)
    entries = []
    for read in reads:
        entry = read.entry
        if entry.counts and all(c.span in taken for c in entry.counts) and not any(
            f for f in entry.figures() if f.span not in taken
        ):
            continue
        entries.append(entry)
    return PerformanceManagement(entries=tuple(entries), tables=tables, lists=lists,
                                 **counts)


def _detail(reader: _Reader, section: Section) -> tuple[Entry | None, tuple[BudgetLine, ...]]:
    view = reader.view(section)
    items = list(split_items(view))
    head_end = items[0][0] if items else len(view.text)
    head = view.sub(0, head_end) if head_end else None
    execution = None
    if head is not None and head.text:
        execution = _single(reader.read_view(head))
    lines = []
    for start, end, number in items:
        line = read_budget_line(view, start, end, number)
        if line is not None:
            lines.append(line)
            reader.candidates.extend(f.span for f in iter_figures(line))
    return execution, tuple(lines)


_CLASS_TITLE = re.compile(r"\(类\)|支出$")
_BELOW_CLASS_LEVELS = ("(款)", "(项)")


def _class_lines(reader: _Reader, section: Section) -> tuple[BudgetLine, ...]:
    """The lines listed under the class headings of a section (``（一）一般公共服务（类）``
    then ``1．…（款）…（项）支出X万元，与上年相比增加…``), each with its class."""
    lines: list[BudgetLine] = []
    for child in section.children:
        if not _CLASS_TITLE.search(child.title.text):
            continue
        view = reader.view(child)
        items = list(split_items(view, levels=_BELOW_CLASS_LEVELS))
        head_end = items[0][0] if items else len(view.text)
        # the class's own line: in its heading (（二）…（类）…（款）) or before its items
        head = TextView(reader.source, ranges=[(child.title.span.start, child.title.span.end),
                                               *view.ranges(0, head_end)])
        found = [(head, 0, None, None)] + [(view, start, end, number)
                                           for start, end, number in items]
        for where, start, end, number in found:
            line = read_budget_line(where, start, end, number, category=child.title)
            if line is not None and reader.kind.is_budget and line.amount is None and (
                    line.budget is not None):
                line = attrs.evolve(line, amount=line.budget, budget=None)
            if line is None or next(iter_figures(line), None) is None or (
                    where is head and line.amount is None):
                if where is head and head_end:
                    reader.read_view(view.sub(0, head_end))
                continue
            lines.append(line)
            reader.candidates.extend(f.span for f in iter_figures(line))
    return tuple(lines)


#: A section without an amount or a percentage has nothing for the model: not read.
_FIGURE_LIKE = re.compile(r"[0-9０-９][\s,.，．]{0,3}(?:万|元|亿|%|％|千元)")
#: The statement that there is no such fund money (the entry reader's ``absent`` token).
_ABSENT_FUND = re.compile(ABSENT)


def _fund(reader: _Reader, section: Section) -> FundBudget:
    execution, lines = _detail(reader, section)
    absent = _ABSENT_FUND.search(reader.view(section).text)
    if execution is not None and execution.absent is not None:
        # 无政府性基金预算财政拨款收入和支出 belongs to the fund, not to a quantity
        execution = attrs.evolve(execution, absent=None)
        if next(execution.figures(), None) is None:
            execution = None
    view = reader.view(section)
    return FundBudget(total=execution, lines=lines, absent=view.phrase(
        absent.start(), absent.end()) if absent is not None else None)


def _annex(reader: _Reader, section: Section) -> Annex:
    # the whole annex in one reading; the income and expenditure parts once more alone
    ranges = [r for node in section.walk() for r in reader.table_ranges(node)]
    reader.consumed.update(node.body for node in section.walk())
    reads = reader.read_view(TextView(reader.source, ranges=repair_order(reader.source,
                                                                         ranges)))
    income = expenditure = None
    for node in section.walk():
        if node is section:
            continue
        if income is None and _ANNEX_INCOME.search(node.title.text):
            income = _breakdown(reader.read(node), listed_only=True)
        elif expenditure is None and _ANNEX_EXPENDITURE.search(node.title.text):
            expenditure = _breakdown(reader.read(node), listed_only=True)
    return Annex(section.number, section.title, section.span, tuple(_entries(reads)), income,
                 expenditure, _lists(reads))


def _glossary(reader: _Reader, section: Section) -> tuple[GlossaryEntry, ...]:
    view = TextView(reader.source, section.body.start, section.span.end)
    marks = list(_GLOSSARY_MARK.finditer(view.text))
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(view.text)
        colon = view.text.find(":", m.end(), end)
        if colon < 0 or colon - m.end() > 80:
            continue
        out.append(GlossaryEntry(view.phrase(m.end(), colon), view.phrase(colon + 1, end)))
    return tuple(out)


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise ReportError(f"expected the report's text as str, got {type(text).__name__}")
    if not text.strip():
        raise ReportError("the text is empty: there is no report to read")
    sample = text[:4096]
    if len(_BINARY.findall(sample)) > max(8, len(sample) // 50):
        raise ReportError("the text looks like binary data, not a report (control characters)")
    if "\r" in text or OTHER_LINE_BREAKS.search(text) is not None:
        # Windows' \r\n is read as a space and \n, so that every line ends in \n as the
        # patterns expect; old-Mac \r, U+2028/U+2029, NEL are line breaks, read as \n
        # (one character for one, so every span still points into the text given)
        return OTHER_LINE_BREAKS.sub("\n", text.replace("\r\n", " \n"))
    return text


_DETACHED_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?(?:\s*%)?")


def _in_tables(span: Span, tables: tuple[Region, ...]) -> bool:
    return any(t.span.start <= span.start < t.span.end for t in tables)


@attrs.frozen
class Partial:
    """What one section adds to the report: the fields it fills, as a :class:`Report` that
    holds only those, and the three public expenses' entries (read together at the end)."""

    report: Report = attrs.field(factory=Report)
    three_public: tuple[ReadEntry, ...] = ()


#: A section mapper: reads one section and says what it adds to the report.
Mapper = Callable[[_Reader, Section], Partial]

def _fold(first: object, second: object) -> object:
    """*second* folded into *first*: tuples add up, a value missing in *first* is taken,
    the general budget (filled by up to three sections) folds field by field; otherwise
    the first value stays."""
    if isinstance(first, tuple) and isinstance(second, tuple):
        return first + second
    if first is None:
        return second
    if isinstance(first, GeneralBudget) and isinstance(second, GeneralBudget):
        changes: dict[str, Any] = {}
        for field in attrs.fields(GeneralBudget):
            a, b = getattr(first, field.name), getattr(second, field.name)
            if a is None or a == ():
                changes[field.name] = b
        return attrs.evolve(first, **changes)
    return first


def fold_partials(parts: Iterable[Partial]) -> Report:
    """The report the sections' partial results make, folded once, in text order."""
    names = [f.name for f in attrs.fields(Report)]
    values: dict[str, Any] = {}
    for part in parts:
        for name in names:
            value = getattr(part.report, name)
            if value is None or value == ():
                continue
            values[name] = _fold(values.get(name), value)
    return Report(**values)


def _line_entry(line: BudgetLine) -> Entry:
    """A budget line as an entry named after its deepest level (for statements)."""
    c = line.classification
    name = c.item or c.group or c.category or Phrase("", line.span)
    return Entry(name=name, amount=line.amount, budget=line.budget, change=line.change,
                 completion=line.completion, share=line.share, restated=line.restated)


def _single_mapper(make: Callable[[Entry | None], Report]) -> Mapper:
    """A section about one quantity (收支总计, 财政拨款收支总计, 机关运行经费)."""

    def read(reader: _Reader, section: Section) -> Partial:
        view = reader.whole_view(section)
        reads = reader.read_view(view)
        rest: list[Entry] = []
        found = make(_single(reads, rest, reader.year))
        return Partial(attrs.evolve(found, statements=tuple(rest),
                                    enumerations=tuple(_enumerations(view, reads))))
    return read


def _breakdown_mapper(make: Callable[[Breakdown | None], Report]) -> Mapper:
    """A section listing the parts of a total (收入, 支出)."""

    def read(reader: _Reader, section: Section) -> Partial:
        return Partial(make(_breakdown(reader.read(section, children=True), reader.source)))
    return read


def _gb_overall(reader: _Reader, section: Section) -> Partial:
    rest: list[Entry] = []
    reads = reader.read(section)
    total = _single(reads, rest, reader.year)
    return Partial(Report(general_budget=GeneralBudget(total=total), statements=tuple(rest),
                          lists=_lists(reads)))


def _gb_budget(reader: _Reader, section: Section) -> Partial:
    """A budget's 财政拨款支出预算表 section: the total, then lines under class headings."""
    found = _gb_overall(reader, section)
    lines = _class_lines(reader, section)
    if not lines:
        return found
    gb = found.report.general_budget or GeneralBudget()
    return Partial(attrs.evolve(found.report, general_budget=attrs.evolve(gb, lines=lines)))


def _gb_structure(reader: _Reader, section: Section) -> Partial:
    found = _breakdown(reader.read(section))
    if found is None:
        return Partial()
    return Partial(Report(general_budget=GeneralBudget(structure_total=found.total,
                                                       classes=found.items)))


def _gb_detail(reader: _Reader, section: Section) -> Partial:
    execution, lines = _detail(reader, section)
    return Partial(Report(general_budget=GeneralBudget(execution=execution, lines=lines)))


def _basic(reader: _Reader, section: Section) -> Partial:
    found = _breakdown(reader.read(section, children=True))
    if found is None:
        return Partial()
    return Partial(Report(basic_expenditure=BasicExpenditure(
        found.total,
        next(iter(_matching(found.items, _PERSONNEL)), None),
        next(iter(_matching(found.items, _PUBLIC)), None),
    )))


def _three_public_part(reader: _Reader, section: Section) -> Partial:
    return Partial(three_public=tuple(reader.read(section)))


def _government_fund(reader: _Reader, section: Section) -> Partial:
    return Partial(Report(government_fund=_fund(reader, section)))


def _state_capital(reader: _Reader, section: Section) -> Partial:
    return Partial(Report(state_capital=_fund(reader, section)))


def _procurement_part(reader: _Reader, section: Section) -> Partial:
    return Partial(Report(procurement=_procurement(reader.read(section))))


def _assets_part(reader: _Reader, section: Section) -> Partial:
    return Partial(Report(assets=_assets(reader.read(section))))


def _institutions_part(reader: _Reader, section: Section) -> Partial:
    return Partial(Report(institutions=_institutions(reader.read(section))))


def _performance_part(reader: _Reader, section: Section) -> Partial:
    return Partial(Report(performance=_performance(reader, section)))


#: The mappers of the final-accounts anatomy (DOMAIN.md), one per section kind.
FINAL_ACCOUNTS_MAPPERS: Final[dict[SectionKind, Mapper]] = {
    K.OVERALL: _single_mapper(lambda e: Report(grand_total=e)),
    K.INCOME: _breakdown_mapper(lambda b: Report(income=b)),
    K.EXPENDITURE: _breakdown_mapper(lambda b: Report(expenditure=b)),
    K.FISCAL_APPROPRIATION: _single_mapper(lambda e: Report(fiscal_appropriation=e)),
    K.GENERAL_BUDGET: _gb_overall,
    K.GENERAL_BUDGET_OVERALL: _gb_overall,
    K.GENERAL_BUDGET_STRUCTURE: _gb_structure,
    K.GENERAL_BUDGET_DETAIL: _gb_detail,
    K.BASIC_EXPENDITURE: _basic,
    K.THREE_PUBLIC: _three_public_part,
    K.THREE_PUBLIC_OVERALL: _three_public_part,
    K.THREE_PUBLIC_DETAIL: _three_public_part,
    K.GOVERNMENT_FUND: _government_fund,
    K.STATE_CAPITAL: _state_capital,
    K.OPERATING_COSTS: _single_mapper(lambda e: Report(operating_costs=e)),
    K.PROCUREMENT: _procurement_part,
    K.ASSETS: _assets_part,
    K.INSTITUTIONS: _institutions_part,
    K.PERFORMANCE: _performance_part,
}
#: A budget's 财政拨款支出预算表 section lists its lines under class headings.
BUDGET_MAPPERS: Final[dict[SectionKind, Mapper]] = {
    **FINAL_ACCOUNTS_MAPPERS, K.GENERAL_BUDGET: _gb_budget}

#: Which mapper reads a section, by report kind and section kind.
MAPPERS: Final[dict[ReportKind, dict[SectionKind, Mapper]]] = {
    ReportKind.FINAL_ACCOUNTS: FINAL_ACCOUNTS_MAPPERS,
    ReportKind.UNIVERSITY_FINAL_ACCOUNTS: FINAL_ACCOUNTS_MAPPERS,
    ReportKind.BUDGET: BUDGET_MAPPERS,
    ReportKind.UNIVERSITY_BUDGET: BUDGET_MAPPERS,
}


def parse_report(text: str) -> Report:
    """Read a report from its text (see :func:`finreport.parse`)."""
    source = Source(_check_text(text))
    regions = find_regions(source)
    profile = PROFILES[detect_kind(source)]
    sections = build_sections(source, regions, profile.section_titles, profile.nested_only)
    tables_parts = tuple(Region(RegionKind.TABLE, root.span) for root in sections
                         if root.kind is K.TABLES)
    known = [s for root in sections for s in root.walk()
             if s.kind not in (K.OTHER, K.CONTENTS, K.FUNCTIONS)]
    if not known:
        raise ReportError(
            "no part of a department budget or final-accounts report was found "
            "(no heading such as 第二部分 …决算情况说明, 收入决算情况说明 or 名词解释)"
        )
    organization, year = read_identity(source, sections)
    reader = _Reader(source, tuple(sorted(regions + tables_parts,
                                          key=lambda r: (r.span.start, r.span.end))),
                     profile.kind, year.value if year is not None else None)
    mappers = MAPPERS[profile.kind]
    parts: list[Partial] = []
    for root in sections:
        if root.kind in (K.TABLES, K.CONTENTS):
            continue
        if root.kind is K.GLOSSARY:
            parts.append(Partial(Report(glossary=_glossary(reader, root))))
            continue
        if root.kind is K.ANNEXES:
            parts.append(Partial(Report(annexes=tuple(
                _annex(reader, s) for s in root.children if s.kind is K.ANNEX))))
            continue
        for section in root.walk():
            mapper = mappers.get(section.kind)
            if mapper is not None:
                parts.append(mapper(reader, section))
    for root in sections:
        if root.kind in (K.TABLES, K.CONTENTS, K.GLOSSARY):
            continue
        for section in root.walk():
            if section.kind is not K.TABLES and section.body not in reader.consumed and (
                    _FIGURE_LIKE.search(source, section.body.start, section.body.end)):
                reader.read(section)  # a section no mapper reads: its statements are kept
    folded = fold_partials(parts)
    three_public_reads = [r for part in parts for r in part.three_public]
    if three_public_reads:
        folded = attrs.evolve(folded, three_public=_three_public(three_public_reads))
    kind = profile.kind
    body = TextView(source, ranges=subtract(
        [(root.span.start, root.span.end) for root in sections
         if root.kind not in (K.CONTENTS, K.TABLES)],
        tuple(r for r in reader.regions if r.kind is not RegionKind.CHART)))
    marks = tuple(r.span for r in regions if r.kind in (RegionKind.PAGE_MARK,
                                                         RegionKind.CONTENTS))
    tables = tuple(table for root in sections for s in root.walk() if s.kind is K.TABLES
                   for table in read_tables(source, s.span.start, s.span.end, marks))
    report = attrs.evolve(
        folded, organization=organization, fiscal_year=year, kind=kind, sections=sections,
        tables=tables,
        listed_tables=tuple(title for r in regions if r.kind is RegionKind.CONTENTS
                            for title in listed_tables(source, r.span.start, r.span.end)),
        residue=tuple(find_residue(body)), as_of=tuple(find_as_of(body)),
        name_variants=tuple(find_name_variants(body, organization.text))
        if organization is not None else (), layout=regions)
    taken = {f.span for f in iter_figures(report)}
    # every entry read that no field took, with a subject, is a statement of the report
    statements = list(report.statements)
    # lines a later section wrote again (a budget's 八 restating 五) are statements too
    kept = {id(line) for line in (report.general_budget.lines if report.general_budget
                                  else ())}
    statements.extend(_line_entry(line) for part in parts
                      if part.report.general_budget is not None
                      for line in part.report.general_budget.lines if id(line) not in kept)
    seen = {id(e) for e in statements}
    for entry in (r.entry for r in reader.reads):
        spans = [f.span for f in entry.figures()]
        if spans and id(entry) not in seen and not any(s in taken for s in spans) and (
                subject_key(entry.name.text)):
            seen.add(id(entry))
            statements.append(entry)
    explanations = [e for e in reader.explanations if next(e.figures(), None) is not None]
    report = attrs.evolve(report, statements=tuple(statements),
                          explanations=tuple(explanations))
    taken.update(f.span for e in (*statements, *explanations) for f in e.figures())
    reasons = {figure.span: reason for figure, reason in reader.aside}
    reasons.update({span: "unattributed" for span in reader.candidates if span not in taken})
    reasons.update({span: "qualifier" for span in reader.qualifiers})
    for region in regions:
        if region.kind is RegionKind.DETACHED and not _in_tables(region.span, tables_parts):
            number = _DETACHED_NUMBER.search(source, region.span.start, region.span.end)
            if number is not None:
                reasons[Span(number.start(), number.end())] = "detached"
    unrecognized = tuple(Unrecognized(span, reason, source[span.start:span.end])
                         for span, reason in sorted(reasons.items()) if span not in taken)
    return attrs.evolve(report, unrecognized=unrecognized)

