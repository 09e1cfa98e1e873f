"""The section mappers: each reads one kind of section and says what it adds to the
report.

A mapper takes a :class:`~finreport.read.narrative.SectionReader` of its own and the
section, and returns a :class:`Partial`: the report's fields it fills, as values.  Which
entry becomes which field is decided by the vocabulary in ``finreport.templates.fields``
(:data:`~finreport.templates.fields.THREE_PUBLIC_FIELDS`, … ); which mapper reads which
section by :data:`MAPPERS`, by report kind and section kind.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Final

import attrs

from ..model.budget_lines import BudgetLine
from ..model.entries import Entry
from ..model.facts import Basis, Scope
from ..model.figures import Count
from ..model.kinds import ReportKind
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
    ThreePublicExpenses,
    iter_figures,
)
from ..model.sections import Section, SectionKind
from ..model.span import Phrase, Span
from ..templates.classification import CLASSIFICATION, LEVEL_MARK, category_of
from ..templates.fields import (
    ANNEX_EXPENDITURE,
    ANNEX_INCOME,
    ASSET_VEHICLES,
    BATCH_UNITS,
    CLASS_HEADING,
    FLEET,
    KINDS_OPENER,
    LIST_TOTAL_AFTER,
    OF_WHICH,
    OVERSEAS_GROUP_UNITS,
    PERFORMANCE_COUNTS,
    PERSON_UNITS,
    PERSONNEL,
    PROCUREMENT_FIELDS,
    PUBLIC_EXPENSES,
    THREE_PUBLIC_FIELDS,
    UNIT_COUNTERS,
    UNIT_KIND,
    UNITS_AFTER_COUNT,
    UNITS_TOTAL,
    UNITS_TOTAL_AGAIN,
    VEHICLES_BOUGHT,
    three_public_field,
)
from ..templates.lists import (
    BEYOND_THE_LIST,
    FIRST_ITEM,
    GLOSSARY_ITEM,
    LINE_GOES_ON,
    PARTIAL_LINES,
)
from ..templates.quantities import THIS_YEARS_APPROPRIATION, WHOLE_PART_NAME
from ..templates.roles import (
    ABSENT_FUND,
    BUDGET_BASIS_ONLY,
    CARRY_OVER_WORD,
    FUND_NAME,
    LIST_OPENERS,
    POINT_IN_YEAR,
    PRIOR_YEAR_WORDS,
    SIDE_WORD,
    WHOLE_WORD,
)
from ..templates.scopes import (
    ALL_FUNDS_CLAUSE,
    APPROPRIATION_WORDS,
    FUND_SCOPE_FRONT,
    LINE_MARKS,
)
from ..text.layout import repair_order
from ..text.view import TextView
from .breakdowns import list_breakdowns
from .budget_lines import (
    merge,
    read_budget_line,
    read_coded_line,
    read_nested_lines,
    split_items,
)
from .entries import ReadEntry, read_entries, subject_key
from .indicators import parse_project_tables
from .list_readers import (
    bracket_depth,
    list_goes_on,
    read_breakdown,
    read_enumerations,
    read_lists,
    read_own_list,
    read_sentence_lists,
)
from .narrative import Reading, SectionReader
from .outline import Item, ItemList, find_lists

__all__ = ["MAPPERS", "Mapper", "Partial", "read_annexes", "read_glossary", "read_unmapped",
           "three_public_expenses"]


def _entries(reads: Iterable[ReadEntry]) -> list[Entry]:
    return [r.entry for r in reads]


def _same_subject(key: str, head: str) -> bool:
    """True when *key* names the quantity *head* names: the same words, a shortened form
    (``财政拨款收、支总计`` then ``收、支总计``), or a slip in its last characters
    (``一般公共预算财政拨`` for ``…财政拨款``: of nearly the same length, no level mark)."""
    if key.startswith(head) and head and (LIST_OPENERS.match(key, len(head)) or (
            LEVEL_MARK.search(key, len(head)))):
        # 收入总计包括本年收入合计…, 一般公共预算当年拨款具体使用情况如下：…（类）…（项）：…: a
        # part, a line, the head's words introduce
        return False
    if key in ("", head) or head.startswith(key) or key.startswith(head):
        return True
    if head.endswith(key):
        # 财政拨款支出 after 一般公共预算财政拨款支出 drops the fund, 收入 after 其他收入 the
        # part's word: a wider quantity
        return not FUND_SCOPE_FRONT.search(head[:len(head) - len(key)]) and not (
            WHOLE_PART_NAME.search(head) and not WHOLE_PART_NAME.search(key))
    if abs(len(key) - len(head)) > 1 or LEVEL_MARK.search(key) or LEVEL_MARK.search(head):
        return False  # 一般公共服务支出（类）… is no slip for 一般公共预算
    common = 0
    for a, b in zip(key, head, strict=False):
        if a != b:
            break
        common += 1
    return common >= max(4, min(len(key), len(head)) - 2)


def _worded(entry: Entry) -> str:
    """An entry's name with the period words in front of it (``本年`` of ``本年收入``)."""
    return (entry.period.text if entry.period is not None else "") + entry.name.text


def _other_quantity(name: str, head: str) -> bool:
    """True when two names that key alike name two quantities: one income only (收), the
    other expenditure only (支) — ``财政拨款收入`` and ``财政拨款支出`` differ in final
    accounts, and in a budget with carry-over; ``财政拨款收支总计`` names both; one a
    carry-over (``年初财政拨款结转和结余``), the other not; one the whole with carry-over
    (``收入预算总计``, ``财政拨款收、支总计``), the other not (``本年收入``, ``财政拨款收入``)."""
    sides, head_sides = set(SIDE_WORD.findall(name)), set(SIDE_WORD.findall(head))
    if sides and head_sides and not sides & head_sides:
        return True
    return any(bool(word.search(name)) != bool(word.search(head))
               for word in (CARRY_OVER_WORD, WHOLE_WORD))


def _prior_year(entry: Entry, year: int | None) -> bool:
    """True when the entry's period names a year before *year* (``2021年度收入支出总计为
    335.36万元`` in a 2022 report states the prior year, not this one)."""
    if entry.period is not None and PRIOR_YEAR_WORDS.match(entry.period.text):
        return True  # 上年机关运行经费预算为…
    if year is None or entry.period is None:
        return False
    found = _YEAR.search(entry.period.text)
    return found is not None and int(found.group()) < year


_YEAR = re.compile(r"(?:19|20)\d{2}")


def _this_years(lists: tuple[Breakdown, ...], year: int | None) -> tuple[Breakdown, ...]:
    """*lists* but those whose total is of a year before *year* and whose parts are not
    all of that year: ``（2024年决算数为950万元。）收入包括本年收入…``, this year's parts, are no
    parts of the year before's amount the sentence before states."""
    return tuple(listed for listed in lists if listed.total is None or not _prior_year(
        listed.total, year) or all(item.period is not None and listed.total.period is not None
                                   and item.period.text == listed.total.period.text
                                   for item in listed.items))


def _single(reads: list[ReadEntry], rest: list[Entry] | None = None,
            year: int | None = None, source: str = "") -> Entry | None:
    """All that a section says about its one quantity, merged.

    The quantity is the one the section's first amount is about; entries about other
    quantities (the sources and classes a budget's overview lists after its total), or
    about a year before (``2025年机关运行经费预算为…``), go to *rest* when a list is given,
    and are never merged into it.
    """
    entries = _entries(reads)
    if rest is None or not entries:
        return merge(entries) if entries else None
    first = next((r for r in reads if r.entry.amount is not None
                  and not _prior_year(r.entry, year)), reads[0])
    head = first.entry
    key = subject_key(head.name.text)
    same: list[Entry] = []
    others = passed = False  # an amount of another quantity stated after the head
    before: ReadEntry | None = None
    for r in reads:
        subject = subject_key(r.entry.name.text)
        passed = passed or r.entry is head
        if r.entry is head or (not _prior_year(r.entry, year) and _of_head(
                r, first, subject, key, others and not subject) and (
                _point_in_year(r.entry, source) == _point_in_year(head, source))
                and not _with_carry_over(r, before, head)):
            same.append(r.entry)
        elif r.entry.amount is not None and passed:
            others = True  # a nameless change after it may be that quantity's, not the head's
        before = r
    kept = {id(e) for e in same}
    others_of = [e for e in entries if id(e) not in kept]
    merged = merge(same)
    prior = _prior_stated(merged, others_of, key, source, year)
    if prior is not None and merged.change is not None:
        # …比上年预算减少34,400元，下降8.63%。2025年机关运行经费预算为396,600元: the amount
        # the change is from
        merged = attrs.evolve(merged, change=attrs.evolve(merged.change, prior=prior.amount))
        others_of = [e for e in others_of if e is not prior]
    rest.extend(others_of)
    return merged


def _with_carry_over(read: ReadEntry, before: ReadEntry | None, head: Entry) -> bool:
    """True when *read* states, right after the carry-over in its sentence, an amount
    larger than the head's: the head with the carry-over added (``…当年拨款900万元；加上年
    结转100万元，一般公共预算支出预算1000万元``), another quantity."""
    return (before is not None and before.sentence == read.sentence
            and CARRY_OVER_WORD.search(before.entry.name.text) is not None
            and read.entry.amount is not None and head.amount is not None
            and read.entry.amount.wan > head.amount.wan)


def _point_in_year(entry: Entry, source: str) -> str:
    """The point of the year a stock is taken at, written right before the entry's name
    (``年初``, ``年末`` of ``年初财政拨款结转和结余``), else ``""``: two quantities of one
    name."""
    start = entry.name.span.start
    found = POINT_IN_YEAR.search(source, max(0, start - 2), entry.name.span.end) if (
        source) else None
    return found.group() if found is not None else ""


def _prior_stated(head: Entry, others: list[Entry], key: str, source: str,
                  year: int | None) -> Entry | None:
    """The entry stating, in a sentence of its own, the amount *head*'s change is from:
    the only one of *others* naming the same quantity (keyed *key*) in the year before
    *year* (``2025年…``, ``上年…``) as its budget, when the change compares with last year's
    budget (``比上年预算减少…``) and names no prior amount itself.  None when that is not
    sure: another basis on either side, several such entries, or a share or change beside
    the amount."""
    change = head.change
    if (not source or year is None or change is None or change.prior is not None
            or change.compared_basis is not Basis.BUDGET or head.amount is None):
        return None
    found = [e for e in others if e.amount is not None and e.share is None
             and e.change is None and not e.counts and e.period is not None
             and _year_before(e.period.text, year)
             and _same_subject(subject_key(e.name.text), key)
             and e.amount.unit == head.amount.unit
             and BUDGET_BASIS_ONLY.match(
                 "".join(source[e.name.span.end : e.amount.span.start].split()))]
    return found[0] if len(found) == 1 else None


def _year_before(period: str, year: int) -> bool:
    """True when *period* (``2025年``, ``上年``) names the year before *year*."""
    if PRIOR_YEAR_WORDS.match(period):
        return True
    found = _YEAR.search(period)
    return found is not None and int(found.group()) == year - 1


def _of_head(read: ReadEntry, first: ReadEntry, subject: str, key: str,
             nameless_after_other: bool) -> bool:
    """True when *read* (its subject key *subject*) is about the quantity of *first*, the
    section's head (keyed *key*): the same subject (a nameless entry only before another
    quantity's amount), or a change with no amount in the head's own sentence; never an
    entry with another amount and a share, nor a part listed under the head."""
    entry, head = read.entry, first.entry
    if entry.amount is not None and entry.share is not None and entry.amount.value != (
            head.amount.value if head.amount else None):
        return False
    if read.listed and not first.listed and read.sentence == first.sentence:
        return False  # 收入预算3,000万元，其中：本年收入2,800万元: a part, not the head again
    if _same_subject(subject, key) and not (
            nameless_after_other or _other_quantity(_worded(entry), _worded(head))):
        return True
    # X为A，与上年相比（X的简称）增加B，增长C%: the change of the head
    return (read.sentence == first.sentence and entry.amount is None
            and entry.change is not None and head.change is None)


def _matching(entries: Iterable[Entry], pattern: re.Pattern[str]) -> list[Entry]:
    return [e for e in entries if pattern.search(e.name.text)]


def _first_count(entries: Iterable[Entry], units: frozenset[str]) -> Count | None:
    for entry in entries:
        for count in entry.counts:
            if count.unit in units:
                return count
    return None


#: How far after its total a count may stand and still be one of the kinds the total
#: lists (characters of the source): keeps the look at the text between them bounded.
_LIST_REACH: Final = 600


def _a_kind_of(source: str, total: Count, entry: Entry) -> bool:
    """True when *entry*'s count stands in the list that *total* opens: after ``其中``,
    ``包括``, ``分别为`` or a colon following the total, or in the bracket right after it
    (``5辆（其中：…）``), outside other brackets (``执法执勤用车6辆（含新能源汽车2辆）``).
    A change (``比2024年末减少2辆``), a quota (``编制数9辆``) or a plan (``拟报废1辆``)
    beside the total is no kind of it.  Without *source*, every count of the sentence is
    taken."""
    if not source or not entry.counts:
        return not source
    start, end = total.span.end, entry.name.span.start
    if end < start or entry.counts[0].span.start - start > _LIST_REACH:
        return False  # before the total, or farther than one sentence's list reaches
    if BEYOND_THE_LIST.search(entry.name.text) or BEYOND_THE_LIST.search(
            source[max(start, end - 3):end].lstrip("；;，,")):
        return False  # …；另有特种专业技术用车2辆: beside the list, no kind of the total
    # up to the name's first words, which may be the opener (分别为执法执勤用车…); 其 / 中
    # may be wrapped over two lines
    between = "".join(source[start:min(entry.name.span.end, end + 3)].split())
    opener = KINDS_OPENER.search(between)
    if opener is None:
        return False
    # …5辆（其中：…2辆，…3辆）: the bracket opened right after the total is the list
    inside = 1 if between[:1] in "（(" and opener.start() <= 1 else 0
    return bracket_depth(source, start, entry.counts[0].span.start, 0) == inside


def _three_public(reads: list[ReadEntry], source: str = "",
                  rest: list[Entry] | None = None,
                  lists: list[Breakdown] | None = None,
                  year: int | None = None) -> ThreePublicExpenses:
    """The three public expenses from the entries of their sections; entries of another
    scope than the first of their field (``全口径“三公”经费`` after ``一般公共预算财政拨款
    “三公”经费``, ``单位资金安排“三公”经费``) go to *rest*, and the total of that scope
    with the parts its sentence lists goes to *lists* (they are added up there); so do
    entries of a year before the report's *year* (``2024年“三公”经费决算数…``)."""
    groups: dict[str, list[Entry]] = {}
    by_kind_bought: list[Entry] = []
    by_kind_fleet: list[Entry] = []
    fleet: Count | None = None
    bought: Count | None = None
    bought_sentence = fleet_sentence = -1
    absent: Phrase | None = None
    sentence, scope = -1, None  # the scope of the sentence's whole, which its list shares
    scoped: list[ReadEntry] = []  # the reads, each entry with the scope it was given
    for read in reads:
        entry = read.entry
        if read.sentence != sentence:
            sentence, scope = read.sentence, None
        if not read.listed:
            if entry.scope is None and source and ALL_FUNDS_CLAUSE.search(
                    source, max(0, entry.name.span.start - 24), entry.name.span.start):
                # 按全口径统计，2026年“三公”经费…: the clause before gives the scope
                entry = attrs.evolve(entry, scope=Scope.ALL_FUNDS)
            scope = entry.scope
        elif entry.scope is None and scope is not None:
            # 全口径“三公”经费…，其中：因公出国（境）费…: the parts are of the whole's scope
            entry = attrs.evolve(entry, scope=scope)
        scoped.append(read if entry is read.entry else attrs.evolve(read, entry=entry))
        if entry.absent is not None and absent is None:
            absent = entry.absent
        if _prior_year(entry, year) and entry.amount is not None:
            if rest is not None:
                rest.append(entry)  # 上年“三公”经费预算为14.00万元: last year's, not this
            continue
        if FLEET.search(entry.name.text) and entry.counts:
            fleet = fleet or entry.counts[0]
            fleet_sentence = read.sentence
            continue
        if VEHICLES_BOUGHT.search(entry.name.text) and entry.counts and not entry.amount:
            bought = bought or entry.counts[0]
            bought_sentence = read.sentence
            continue
        if fleet is not None and read.sentence != fleet_sentence and entry.counts and (
                list_goes_on(source, fleet.span.end, entry.counts[0].span.start)):
            fleet_sentence = read.sentence  # 共有公务用车5辆。其中：…: the list goes on
        if bought is not None and read.sentence != bought_sentence and entry.counts and (
                list_goes_on(source, bought.span.end, entry.counts[0].span.start)):
            bought_sentence = read.sentence
        if read.sentence == fleet_sentence and entry.counts:
            if fleet is not None and _a_kind_of(source, fleet, entry):
                by_kind_fleet.append(entry)
            continue
        if read.sentence == bought_sentence and entry.counts:
            if bought is not None and _a_kind_of(source, bought, entry):
                by_kind_bought.append(entry)
            continue
        for field, pattern in THREE_PUBLIC_FIELDS:
            if pattern.search(entry.name.text):
                groups.setdefault(field, []).append(entry)
                break
    if lists is not None and source:
        lists.extend(_other_scope_lists(scoped, groups.get("total", []), source))
    # 一般公共预算财政拨款“三公”经费…；全口径“三公”经费…: two scopes, two quantities; the
    # total's stated first is every field's (the field's first entry's, with no total); a
    # total of no scope said is the appropriation's when another is of all funds
    totals = groups.get("total", [])
    for field, entries in groups.items():
        base = (totals or entries)[0].scope
        other = [e for e in entries if (e.scope is not None and base is not None
                                        and e.scope is not base)
                 or (base is None and e.scope is Scope.ALL_FUNDS)]
        if other:
            groups[field] = [e for e in entries if all(e is not o for o in other)]
            if rest is not None:
                rest.extend(other)
    merged = {field: merge(entries) for field, entries in groups.items()}
    overseas = groups.get("overseas", [])
    return ThreePublicExpenses(
        total=merged.get("total"),
        overseas=merge([e for e in overseas if e.amount or e.share or e.change]) if any(
            e.amount or e.share or e.change for e in overseas) else None,
        overseas_groups=_first_count(overseas, OVERSEAS_GROUP_UNITS),
        overseas_persons=_first_count(overseas, PERSON_UNITS),
        vehicles=merged.get("vehicles"),
        vehicle_purchase=merged.get("vehicle_purchase"),
        vehicle_operation=merged.get("vehicle_operation"),
        vehicles_bought=bought,
        vehicles_bought_by_kind=tuple(by_kind_bought),
        fleet=fleet,
        fleet_by_kind=tuple(by_kind_fleet),
        reception=merged.get("reception"),
        domestic=merged.get("domestic"),
        domestic_batches=_first_count(groups.get("domestic", []), BATCH_UNITS),
        domestic_visitors=_first_count(groups.get("domestic", []), PERSON_UNITS),
        foreign=merged.get("foreign"),
        foreign_batches=_first_count(groups.get("foreign", []), BATCH_UNITS),
        foreign_visitors=_first_count(groups.get("foreign", []), PERSON_UNITS),
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
                if field != "kind_award":  # (one kind's awards: an entry of its own)
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


#: The fields of the three public expenses that are parts of their total.
_THREE_PUBLIC_PARTS: Final = frozenset({"overseas", "reception", "vehicles", "vehicle_purchase",
                                        "vehicle_operation"})


def _other_scope_lists(reads: list[ReadEntry], totals: list[Entry],
                       source: str) -> list[Breakdown]:
    """Each total of the three public expenses of another scope than the field's
    (``2026年全口径“三公”经费预算59.50万元，其中：因公出国（境）费…``) with the parts its own
    sentence lists after it, when two or more, each one of the three expenses."""
    found = []
    for whole in totals[1:]:
        if whole.scope is None or whole.scope is totals[0].scope:
            continue
        at = next((i for i, r in enumerate(reads) if r.entry is whole), None)
        if at is None or reads[at].listed:
            continue
        sentence = [reads[at]]
        for read in reads[at + 1:]:
            if read.sentence != reads[at].sentence or not read.listed:
                break
            sentence.append(read)
        listed = read_breakdown(sentence, source)
        if listed is not None and listed.total is whole and len(listed.items) >= 2 and all(
                item.amount is not None
                and three_public_field(item.name.text) in _THREE_PUBLIC_PARTS
                for item in listed.items):
            found.append(listed)
    return found


def _assets(reads: list[ReadEntry], source: str = "") -> Assets:
    """The vehicles the unit holds, by kind, and its large equipment.  The kinds of
    vehicles are those the sentence of the total lists (``共有车辆3辆，其中：…1辆、…2辆``):
    vehicles counted in another sentence (``安排购置车辆3辆，其中…``) are not of the fleet."""
    vehicles: Count | None = None
    fleet_sentence = -1
    by_kind: list[Entry] = []
    equipment: list[Entry] = []
    for read in reads:
        entry = read.entry
        cars = [c for c in entry.counts if c.unit == "辆"]
        if cars and vehicles is None and ASSET_VEHICLES.search(entry.name.text):
            vehicles = cars[0]
            fleet_sentence = read.sentence
        elif cars and vehicles is not None and read.sentence != fleet_sentence and (
                list_goes_on(source, vehicles.span.end, cars[0].span.start)):
            fleet_sentence = read.sentence  # 共有车辆5辆。其中：…: the list goes on
            if _a_kind_of(source, vehicles, entry):
                by_kind.append(entry)
        elif cars and read.sentence == fleet_sentence:
            if vehicles is not None and _a_kind_of(source, vehicles, entry):
                by_kind.append(entry)
        elif entry.counts and not cars:
            equipment.append(entry)
    return Assets(vehicles, tuple(by_kind), tuple(equipment))


def _totals_the_kinds(source: str, count: Count) -> bool:
    """Whether *count* follows 等 (white space, a line or page break, between them
    aside): it totals the kinds counted before it."""
    return LIST_TOTAL_AFTER.search(source, max(0, count.span.start - 8),
                                   count.span.start) is not None


def _institutions(reads: list[ReadEntry], source: str) -> Institutions | None:
    with_counts = [r for r in reads if r.entry.counts]
    if not with_counts:
        return None
    first = next((r for r in with_counts if (UNITS_TOTAL.search(r.entry.name.text) and not (
        UNIT_KIND.search(r.entry.name.text))) or UNITS_AFTER_COUNT.match(
            source, r.entry.counts[0].span.end)), None)
    if first is None:
        return None  # no count says it is the number of units (下设…3个专门委员会)
    order = {id(r): k for k, r in enumerate(with_counts)}  # (by identity, in one pass)
    closing = next((r for r in with_counts if r.sentence == first.sentence and any(
        _totals_the_kinds(source, c) for c in r.entry.counts)), None)
    if closing is not None:
        # 下属共有3所监狱…；7个…；以及1个…等17个二级预算单位: the units counted after the
        # kinds, with 等, are their total
        kinds = tuple(r.entry for r in with_counts if r.sentence == first.sentence
                      and r is not closing and order[id(r)] < order[id(closing)])
        count = next(c for c in closing.entry.counts if _totals_the_kinds(source, c))
        return Institutions(count, kinds, closing.entry.name)
    # the kinds of units stand in the sentence of the total; staff counts elsewhere do not;
    # a later total of the sentence (…下属2个事业单位，纳入…编制范围的单位共3个，其中：…)
    # is the one its kinds add up to
    after = [r for r in with_counts if r.sentence == first.sentence
             and order[id(r)] > order[id(first)]]
    while after and (UNITS_TOTAL_AGAIN.search(after[0].entry.name.text) or (
            UNITS_TOTAL_AGAIN.search(source, max(0, after[0].entry.counts[0].span.start - 2),
                                     after[0].entry.counts[0].span.start))):
        # …所属6家二级预算单位组成，共7个预算单位: the later count is the total
        first, after = after[0], after[1:]
    if not after:
        # 共7个预算单位。其中行政单位2个…: the next sentence opened by 其中 lists the kinds
        later = [r for r in with_counts if order[id(r)] > order[id(first)]]
        # (the count's name may follow it: 共7个预算单位)
        if later and list_goes_on(source, max(first.entry.counts[0].span.end,
                                              first.entry.name.span.end),
                                  later[0].entry.counts[0].span.start):
            after = [r for r in later if r.sentence == later[0].sentence]
    listed: list[Entry] = []
    unit = first.entry.counts[0].unit
    for read in after:
        if read.entry.counts[0].unit != unit and unit in UNIT_COUNTERS:
            continue  # …单位共3个，在职人员编制29名: people, no kind of unit
        start = read.entry.name.span.start
        if listed and OF_WHICH.search(source, listed[-1].counts[0].span.end, max(
                listed[-1].counts[0].span.end, start)):
            break  # 事业单位14个，其中全额拨款…12个: the kinds of a kind, not of the total
        listed.append(read.entry)
    return Institutions(first.entry.counts[0], tuple(listed), first.entry.name)


def _performance(reader: SectionReader, section: Section) -> PerformanceManagement:
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
        counts[field] = Count(Decimal(m.group(group)), "个", span)
        taken.add(span)
    tables = tuple(t for t, _ in parse_project_tables(reader.source, section.body.start,
                                                       section.body.end))
    lists = read_lists(reads, reader.source)
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


def _detail(reader: SectionReader, section: Section, rest: list[Entry] | None = None,
            cut: list[int] | None = None) -> tuple[Entry | None, tuple[BudgetLine, ...]]:
    """The quantity a section states before its lines (the whole's execution, a fund's
    total), and the lines.  With *rest*, entries of the head about other quantities (a
    fund's income beside its spending) go there, not into the quantity; with *cut*, where
    a line named inside another line's item, unnumbered, was left unread as a line (the
    lines are then not all the section's)."""
    view = reader.view(section)
    items = list(split_items(view))
    if not items and LEVEL_MARK.search(view.text) and (found := _nested_detail(
            reader, view, rest) or _clause_detail(reader, view, rest)) is not None:
        return found  # (no line is named without a level mark: 类, 款 or 项)
    # numbered items naming no class before the lines (1.机关事业单位基本养老保险缴费支出
    # （2080505）：…) end the head too: their figures are their own statements, never the
    # whole's
    lines_start = items[0][0] if items else len(view.text)
    others = [(start, min(end, lines_start), number)
              for start, end, number in split_items(view, 0, lines_start, levels=())]
    head_end = others[0][0] if others else lines_start
    head = view.sub(0, head_end) if head_end else None
    execution = None
    if head is not None and head.text:
        execution = _single(reader.read_view(head), rest, reader.year)
    if execution is not None and (LINE_MARKS.search(execution.name.text) or (
            reader.kind.is_budget and not APPROPRIATION_WORDS.search(execution.name.text)
            and not FUND_NAME.search(execution.name.text))):
        # 1.201一般公共服务（类）…：支出决算为6.00万元, a line whose number was not told
        # from its code: a line's amount, never the whole's; nor, in a budget, an amount
        # naming no appropriation (…当年拨款中，基本支出3038.27万元: a part of it)
        if rest is not None:
            rest.insert(0, execution)
        execution = None
    for start, end, _ in others:
        reader.read_view(view.sub(start, end))
    # a list nested in a class's item (1、…（类）X万元。（1）…（款）…（项）：预算数为Y万元，
    # 比上年…): the class's own words end at its first item; the nested items' figures are
    # their own statements, never the class's amount, change or restatements
    nested = sorted(first for first in _list_starts(find_lists(view.text))) if any(
        FIRST_ITEM.search(view.text, start + 2, end) for start, end, _ in items) else []
    lines = []
    for start, end, number in items:
        at = bisect_right(nested, start)
        own_end = nested[at] if at < len(nested) and nested[at] < end else end
        words_end = _own_words_end(view.text, start, own_end)
        if words_end < own_end and cut is not None:
            cut.append(words_end)
        own_end = words_end
        line = read_budget_line(view, start, own_end, number)
        if line is not None:
            lines.append(line)
            reader.candidates.extend(f.span for f in iter_figures(line))
        if own_end < end:
            reader.read_view(view.sub(own_end, end))
    return execution, tuple(lines)


def _own_words_end(text: str, start: int, end: int) -> int:
    """Where a line's own words end in ``text[start:end]``: before the clause of another
    line named inside it, unnumbered (``2．社会保障和就业支出（类）612.99万元，…。其中：机关
    事业单位基本养老保险缴费支出（项）355.99万元，比上年…``: the 项's figures are its own,
    never the class's); *end* when it names none.  Levels written one after the other
    (``X（类）Y（款）Z（项）``) are one path."""
    last = LEVEL_MARK.search(text, start, end)
    while last is not None and (again := LEVEL_MARK.search(text, last.end(), end)) is not None:
        breaks = [m.end() for m in _ANY_CLAUSE_BREAK.finditer(text, last.end(), again.start())]
        if breaks:
            return breaks[-1]
        last = again
    return end


#: Where any clause ends (a comma too).
_ANY_CLAUSE_BREAK: Final = re.compile(r"[。；;:：，,]")


def _nested_detail(reader: SectionReader, view: TextView, rest: list[Entry] | None,
                   category: Phrase | None = None,
                   ) -> tuple[Entry | None, tuple[BudgetLine, ...]] | None:
    """:func:`_detail` for lines nested in items naming their class and 款 (``（一）X（类）``
    / ``1.Y（款）`` / ``（1）Z（项）：…``) or numbered otherwise than ``1.`` (``（一）X（类）Y（款）
    Z（项）：…``), or None when the section lists no such line.  Under the heading of
    *category* (the class), what comes before the lines is the class's, never the
    section's quantity: statements."""
    lists = find_lists(view.text)
    # what follows a list of lines up to the next list is its last line's (决算数大于年初
    # 预算数的主要原因是…), as in a list of lines numbered 1. (split_items)
    lists = [_run_on(listed, max(_deepest_last(listed).own_end, lists[k + 1].lead_start
                                 if k + 1 < len(lists) else _line_end(
                                     view.text, _deepest_last(listed).start)))
             for k, listed in enumerate(lists)]
    found = [list(read_nested_lines(view, [listed], category)) for listed in lists]
    first = next((listed for listed, read in zip(lists, found, strict=True)
                  if any(line is not None for _, line in read)), None)
    if first is None:
        return None
    head_end = first.lead_end
    execution = None
    if category is not None:
        reader.read_view(view.sub(0, head_end))
    elif view.text[:head_end].strip():
        execution = _single(reader.read_view(view.sub(0, head_end)), rest, reader.year)
    lines = []
    at = head_end
    for listed, read in zip(lists, found, strict=True):
        if listed.lead_end < head_end:
            continue  # a list of the head's
        if at < listed.lead_end:
            reader.read_view(view.sub(at, listed.lead_end))
        for item, line in read:
            if line is not None:
                lines.append(line)
                reader.candidates.extend(f.span for f in iter_figures(line))
            elif item.own_end > item.marker_end:
                reader.read_view(view.sub(item.marker_end, item.own_end))
        at = listed.items[-1].end
    if at < len(view.text):
        reader.read_view(view.sub(at, len(view.text)))
    return execution, tuple(lines)


def _clause_detail(reader: SectionReader, view: TextView, rest: list[Entry] | None,
                   ) -> tuple[Entry | None, tuple[BudgetLine, ...]] | None:
    """:func:`_detail` for lines written unnumbered, each a clause or sentence opening with
    its classification (``具体包括：X（类）Y（款）Z（项）600.40万元；W（类）…``), or None when
    the section has fewer than two such lines.  A line runs to the next one."""
    text = view.text
    starts = []
    for at in (0, *(m.end() for m in _CLAUSE_BREAK.finditer(text))):
        while at < len(text) and text[at] == " ":
            at += 1
        named = CLASSIFICATION.match(text, at)
        if named is not None and named.group("category"):
            starts.append(at)
    if len(starts) < 2:
        return None
    execution = None
    if text[:starts[0]].strip():
        execution = _single(reader.read_view(view.sub(0, starts[0])), rest, reader.year)
    lines = []
    last_end = _line_end(text, starts[-1])
    for start, end in zip(starts, [*starts[1:], last_end], strict=True):
        line = read_budget_line(view, start, end)
        if line is None:
            reader.read_view(view.sub(start, end))
            continue
        lines.append(line)
        reader.candidates.extend(f.span for f in iter_figures(line))
    if text[last_end:].strip():
        # …住房公积金（项）…。一般公共预算当年拨款中，基本支出…: a statement after the lines
        reader.read_view(view.sub(last_end, len(text)))
    return execution, tuple(lines)


def _line_end(text: str, start: int) -> int:
    """Where the last line of a list written unnumbered ends: at the end of its sentence
    and of the sentences after it that go on with it (:data:`LINE_GOES_ON`)."""
    at = text.find("。", start)
    while at >= 0 and LINE_GOES_ON.match(text, at + 1):
        at = text.find("。", at + 1)
    return len(text) if at < 0 else at + 1


#: Where a clause or sentence ends (a line written unnumbered may start after it).
_CLAUSE_BREAK: Final = re.compile(r"[。；;:：]")


def _deepest_last(listed: ItemList) -> Item:
    """The last item of *listed*, or of the list nested in it, the deepest."""
    last = listed.items[-1]
    return _deepest_last(last.children[-1]) if last.children else last


def _run_on(listed: ItemList, end: int) -> ItemList:
    """*listed* with its last item (and the last item nested in that) running on to *end*,
    or cut there (a sentence after the lines that does not go on with the last one)."""
    last = listed.items[-1]
    children = (*last.children[:-1], _run_on(last.children[-1], end)) if last.children else ()
    if end == last.end and children == last.children:
        return listed
    return attrs.evolve(listed, items=(*listed.items[:-1], attrs.evolve(
        last, end=end, children=children)))


def _budget_amount(line: BudgetLine) -> BudgetLine:
    """A budget's line with the budget it states (``预算数为X万元``) as its amount: in a
    budget report the amount is this year's budget."""
    if line.amount is None and line.budget is not None:
        return attrs.evolve(line, amount=line.budget, budget=None)
    return line


def _class_named(reader: SectionReader, section: Section) -> Phrase:
    """The class a class heading names (``一般公共服务支出`` of ``（一）一般公共服务支出
    （类）``), or its whole title when it names it otherwise."""
    title = section.title
    view = TextView(reader.source, title.span.start, title.span.end)
    named = CLASSIFICATION.search(view.text)
    return view.phrase(named.start("category"), named.end("category")) if (
        named is not None) else title


def _list_starts(lists: list[ItemList]) -> Iterator[int]:
    """Where each of *lists* and of the lists nested in their items starts (its first
    item's marker), in no order."""
    pending = list(lists)
    while pending:
        listed = pending.pop()
        yield listed.items[0].start
        pending.extend(child for item in listed.items for child in item.children)


_BELOW_CLASS_LEVELS = ("(款)", "(项)")


def _class_lines(reader: SectionReader, section: Section) -> tuple[BudgetLine, ...]:
    """The lines listed under the class headings of a section (``（一）一般公共服务（类）``
    then ``1．…（款）…（项）支出X万元，与上年相比增加…``), each with its class."""
    lines: list[BudgetLine] = []
    for child in section.children:
        if not CLASS_HEADING.search(child.title.text):
            continue
        view = reader.view(child)
        category = _class_named(reader, child)
        items = list(split_items(view, levels=_BELOW_CLASS_LEVELS))
        head_end = items[0][0] if items else len(view.text)
        # the class's own line: in its heading (（二）…（类）…（款）) or before its items
        head = TextView(reader.source, ranges=[(child.title.span.start, child.title.span.end),
                                               *view.ranges(0, head_end)])
        found = [(head, 0, None, None)] + [(view, start, end, number)
                                           for start, end, number in items]
        for where, start, end, number in found:
            line = read_budget_line(where, start, end, number, category=category)
            if line is not None and reader.kind.is_budget:
                line = _budget_amount(line)
            if line is None or next(iter_figures(line), None) is None or (
                    where is head and line.amount is None):
                if where is head and head_end:
                    reader.read_view(view.sub(0, head_end))
                continue
            lines.append(line)
            reader.candidates.extend(f.span for f in iter_figures(line))
    return tuple(lines)


def _coded_lines(reader: SectionReader, section: Section) -> tuple[BudgetLine, ...]:
    """The lines a section lists as items led by their code (``（一）2040201-行政运行
    22431.07万元。主要用于…``), each read from its item alone."""
    view = reader.view(section)
    lines: list[BudgetLine] = []
    pending = list(find_lists(view.text))
    while pending:
        listed = pending.pop(0)
        for item in listed.items:
            pending.extend(item.children)
            line = read_coded_line(view, item.marker_end, item.own_end,
                                   view.phrase(item.start, item.marker_end))
            if line is None or line.amount is None:
                continue
            lines.append(line)
            reader.candidates.extend(f.span for f in iter_figures(line))
    return tuple(lines)


def _fund(reader: SectionReader, section: Section, rest: list[Entry]) -> FundBudget:
    execution, lines = _detail(reader, section, rest)
    absent = ABSENT_FUND.search(reader.view(section).text)
    if execution is not None and execution.absent is not None:
        # 无政府性基金预算财政拨款收入和支出 belongs to the fund, not to a quantity
        execution = attrs.evolve(execution, absent=None)
        if next(execution.figures(), None) is None:
            execution = None
    view = reader.view(section)
    return FundBudget(total=execution, lines=lines, absent=view.phrase(
        absent.start(), absent.end()) if absent is not None else None)


def _annex(reader: SectionReader, section: Section) -> Annex:
    # the whole annex in one reading; the income and expenditure parts are the entries
    # read in their bodies
    ranges = [r for node in section.walk() for r in reader.table_ranges(node)]
    reader.consumed.update(node.body for node in section.walk())
    reads = reader.read_view(TextView(reader.source, ranges=repair_order(reader.source,
                                                                         ranges)))
    income = expenditure = None
    for node in section.walk():
        if node is section:
            continue
        if income is None and ANNEX_INCOME.search(node.title.text):
            income = read_breakdown(_read_in(reads, node.body), listed_only=True)
        elif expenditure is None and ANNEX_EXPENDITURE.search(node.title.text):
            expenditure = read_breakdown(_read_in(reads, node.body), listed_only=True)
    return Annex(section.number, section.title, section.span, tuple(_entries(reads)), income,
                 expenditure, read_lists(reads, reader.source))


def _read_in(reads: list[ReadEntry], body: Span) -> list[ReadEntry]:
    """The entries of *reads* whose words stand inside *body*."""
    return [r for r in reads if body.start <= r.entry.name.span.start < body.end]


def _glossary(reader: SectionReader, section: Section) -> tuple[GlossaryEntry, ...]:
    view = TextView(reader.source, section.body.start, section.span.end)
    marks = list(GLOSSARY_ITEM.finditer(view.text))
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(view.text)
        colon = view.text.find(":", m.end(), end)
        if colon < 0 or colon - m.end() > 80:
            continue
        out.append(GlossaryEntry(view.phrase(m.end(), colon), view.phrase(colon + 1, end)))
    if out and _ANY_FIGURE.search(view.text):
        # a definition's figures (缴存比例不低于5%) are no quantity of the report: listed
        # as unattributed, never lost
        reader.candidates.extend(f.span for entry in read_entries(view)
                                 for f in entry.figures())
    return tuple(out)


#: A digit: a glossary with none has no figure to list.
_ANY_FIGURE: Final = re.compile(r"\d")


@attrs.frozen
class Partial:
    """What one section adds to the report: the fields it fills, as a :class:`Report` that
    holds only those, the three public expenses' entries (read together at the end), and
    what its reading found beside them (:class:`~finreport.read.narrative.Reading`)."""

    report: Report = attrs.field(factory=Report)
    three_public: tuple[ReadEntry, ...] = ()
    reading: Reading = attrs.field(factory=Reading)


def _single_mapper(make: Callable[[Entry | None], Report]) -> Mapper:
    """A section about one quantity (收支总计, 财政拨款收支总计, 机关运行经费)."""

    def read(reader: SectionReader, section: Section) -> Partial:
        view = reader.whole_view(section)
        reads = reader.read_view(view)
        rest: list[Entry] = []
        found = make(_single(reads, rest, reader.year, reader.source))
        lists = _this_years(read_sentence_lists(reads, reader.source), reader.year)
        seen = {tuple(id(item) for item in listed.items) for listed in lists}
        own = tuple(listed for listed in read_own_list(reads, reader.source)
                    if tuple(id(item) for item in listed.items) not in seen)
        return Partial(attrs.evolve(found, statements=tuple(rest),
                                    enumerations=tuple(read_enumerations(view, reads)),
                                    lists=lists + own))
    return read


def _breakdown_mapper(make: Callable[[Breakdown | None], Report]) -> Mapper:
    """A section listing the parts of a total (收入, 支出)."""

    def read(reader: SectionReader, section: Section) -> Partial:
        view = reader.whole_view(section)
        reads = reader.read_view(view)
        rest: list[Entry] = []
        own: list[Breakdown] = []
        found = read_breakdown(reads, reader.source, rest=rest, sublists=own)
        lists = _this_years(read_sentence_lists(reads, reader.source), reader.year) + tuple(own)
        if found is None or found.total is None:
            return Partial(attrs.evolve(make(found), lists=lists, statements=tuple(rest)))
        groups = _parallel(view, found.items)
        if groups is None:
            return Partial(attrs.evolve(make(found), lists=lists, statements=tuple(rest)))
        # 1.按支出功能分类，包括… 2.按支出用途分类，包括…: two breakdowns of one total
        return Partial(attrs.evolve(make(Breakdown(found.total, groups[0])), enumerations=tuple(
            Breakdown(found.total, group) for group in groups[1:]), statements=tuple(rest),
            lists=lists))
    return read


def _parallel(view: TextView, parts: tuple[Entry, ...]) -> list[tuple[Entry, ...]] | None:
    """The parts grouped by the items of a numbered list, when each item of the list holds
    two parts or more: parallel breakdowns of one total (by function, by economic use),
    never to be added together."""
    for listed in find_lists(view.text):
        groups: list[tuple[Entry, ...]] = []
        for item in listed.items:
            span = view.span(item.marker_end, item.end)
            groups.append(tuple(p for p in parts if p.amount is not None
                                and span.start <= p.amount.span.start < span.end))
        if len(groups) >= 2 and all(len(g) >= 2 for g in groups):
            return groups  # parts after the list (年终结转结余…) are no part of either
    return None


def _gb_overall(reader: SectionReader, section: Section) -> Partial:
    rest: list[Entry] = []
    reads = reader.read(section)
    total = _single(reads, rest, reader.year)
    if total is not None and (not APPROPRIATION_WORDS.search(total.name.text)
                              or LINE_MARKS.search(total.name.text)):
        # the section's first amount is a line's (…主要是2014099其他信访事务支出，2026年
        # 预算数为3,623.98万元), not the general budget's total: no total is read
        rest.insert(0, total)
        total = None
    if total is not None and (own := _this_years_part(reads, total, reader.source)) is not None:
        # 一般公共预算支出1100万元，其中：当年拨款1000万元，上年结转100万元: the whole with
        # the carry-over is a statement; the general budget (its classes, its table, its
        # change) is this year's appropriation
        rest[:] = [total, *(e for e in rest if e is not own)]
        total = own
    return Partial(Report(general_budget=GeneralBudget(total=total), statements=tuple(rest),
                          lists=read_lists(reads, reader.source)))


def _this_years_part(reads: list[ReadEntry], total: Entry, source: str) -> Entry | None:
    """This year's appropriation when *total*'s own sentence lists it and the carry-over
    as its two parts (``…，其中：当年拨款X万元，上年结转Y万元``), else None."""
    if total.amount is None:
        return None
    at = total.amount.span
    sentence = next((r.sentence for r in reads if r.entry.amount is not None
                     and r.entry.amount.span == at), None)
    parts = [r.entry for r in reads if r.sentence == sentence and r.entry.amount is not None
             and r.entry.amount.span.start > at.end]
    if len(parts) != 2:
        return None
    named = [source[max(0, p.name.span.start - 4):p.name.span.end] for p in parts]
    own = [p for p, words in zip(parts, named, strict=True)
           if THIS_YEARS_APPROPRIATION.search("".join(words.split()))]
    carried = [p for p in parts if CARRY_OVER_WORD.search(p.name.text)]
    return own[0] if len(own) == 1 and len(carried) == 1 and own[0] is not carried[0] else None


def _gb_budget(reader: SectionReader, section: Section) -> Partial:
    """A budget's 财政拨款支出预算表 section: the total, then lines under class headings."""
    found = _gb_overall(reader, section)
    lines = _class_lines(reader, section) or _coded_lines(reader, section)
    if not lines:
        return found
    gb = found.report.general_budget or GeneralBudget()
    return Partial(attrs.evolve(found.report, general_budget=attrs.evolve(gb, lines=lines)))


def _gb_structure(reader: SectionReader, section: Section) -> Partial:
    reads = reader.read(section)
    first = next((r.entry for r in reads if r.entry.amount is not None), None)
    if first is not None and category_of(first.name.text, reader.year) is not None:
        # 一般公共服务（类）支出6,701.98万元，占1.6%；国防（类）…: classes only, their
        # whole stated in the section before (规模变化情况)
        return Partial(Report(general_budget=GeneralBudget(classes=tuple(
            r.entry for r in reads if r.entry.amount is not None))))
    found = read_breakdown(reads)
    if found is None:
        return Partial()
    return Partial(Report(general_budget=GeneralBudget(structure_total=found.total,
                                                       classes=found.items)))


def _gb_detail(reader: SectionReader, section: Section) -> Partial:
    cut: list[int] = []
    execution, lines = _detail(reader, section, cut=cut)
    if not lines:
        # the lines under class headings of their own (（一）一般公共服务支出（类） / 1.…（款）
        # / （1）…（项）：年初预算为…)
        lines = tuple(line for child in section.children if CLASS_HEADING.search(
            child.title.text) for line in (_nested_detail(reader, reader.view(child), None,
                                                          _class_named(reader, child))
                                           or (None, ()))[1])
    if reader.kind.is_budget:
        lines = tuple(_budget_amount(line) for line in lines)
    first = lines[0] if lines else None
    starts = [p.span.start for p in (first.number, first.classification.category)
              if p is not None] if first is not None else []
    lead = reader.source[section.body.start:min(starts)] if starts else ""
    return Partial(Report(general_budget=GeneralBudget(
        execution=execution, lines=lines,
        lines_partial=bool(cut) or PARTIAL_LINES.search(lead) is not None)))


def _basic(reader: SectionReader, section: Section) -> Partial:
    found = read_breakdown(reader.read(section, children=True))
    if found is None:
        return Partial()
    return Partial(Report(basic_expenditure=BasicExpenditure(
        found.total,
        next(iter(_matching(found.items, PERSONNEL)), None),
        next(iter(_matching(found.items, PUBLIC_EXPENSES)), None),
    )))


def _three_public_part(reader: SectionReader, section: Section) -> Partial:
    return Partial(three_public=tuple(reader.read(section, children=True)))


def _government_fund(reader: SectionReader, section: Section) -> Partial:
    rest: list[Entry] = []
    fund = _fund(reader, section, rest)
    return Partial(Report(government_fund=fund, statements=tuple(rest)))


def _state_capital(reader: SectionReader, section: Section) -> Partial:
    rest: list[Entry] = []
    fund = _fund(reader, section, rest)
    return Partial(Report(state_capital=fund, statements=tuple(rest)))


def _procurement_part(reader: SectionReader, section: Section) -> Partial:
    return Partial(Report(procurement=_procurement(reader.read(section))))


def _assets_part(reader: SectionReader, section: Section) -> Partial:
    return Partial(Report(assets=_assets(reader.read(section), reader.source)))


def _institutions_part(reader: SectionReader, section: Section) -> Partial:
    return Partial(Report(institutions=_institutions(reader.read(section), reader.source)))


def _performance_part(reader: SectionReader, section: Section) -> Partial:
    return Partial(Report(performance=_performance(reader, section)))


#: The mappers of the final-accounts anatomy (docs/domain.md), one per section kind.
FINAL_ACCOUNTS_MAPPERS: Final[dict[SectionKind, Mapper]] = {
    SectionKind.OVERALL: _single_mapper(lambda e: Report(grand_total=e)),
    SectionKind.INCOME: _breakdown_mapper(lambda b: Report(income=b)),
    SectionKind.EXPENDITURE: _breakdown_mapper(lambda b: Report(expenditure=b)),
    SectionKind.FISCAL_APPROPRIATION: _single_mapper(lambda e: Report(fiscal_appropriation=e)),
    SectionKind.GENERAL_BUDGET: _gb_overall,
    SectionKind.GENERAL_BUDGET_OVERALL: _gb_overall,
    SectionKind.GENERAL_BUDGET_STRUCTURE: _gb_structure,
    SectionKind.GENERAL_BUDGET_DETAIL: _gb_detail,
    SectionKind.BASIC_EXPENDITURE: _basic,
    SectionKind.THREE_PUBLIC: _three_public_part,
    SectionKind.THREE_PUBLIC_OVERALL: _three_public_part,
    SectionKind.THREE_PUBLIC_DETAIL: _three_public_part,
    SectionKind.GOVERNMENT_FUND: _government_fund,
    SectionKind.STATE_CAPITAL: _state_capital,
    SectionKind.OPERATING_COSTS: _single_mapper(lambda e: Report(operating_costs=e)),
    SectionKind.PROCUREMENT: _procurement_part,
    SectionKind.ASSETS: _assets_part,
    SectionKind.INSTITUTIONS: _institutions_part,
    SectionKind.PERFORMANCE: _performance_part,
}


#: A budget's 财政拨款支出预算表 section lists its lines under class headings.
BUDGET_MAPPERS: Final[dict[SectionKind, Mapper]] = {
    **FINAL_ACCOUNTS_MAPPERS, SectionKind.GENERAL_BUDGET: _gb_budget}


#: Which mapper reads a section, by report kind and section kind.
MAPPERS: Final[dict[ReportKind, dict[SectionKind, Mapper]]] = {
    ReportKind.FINAL_ACCOUNTS: FINAL_ACCOUNTS_MAPPERS,
    ReportKind.UNIVERSITY_FINAL_ACCOUNTS: FINAL_ACCOUNTS_MAPPERS,
    ReportKind.BUDGET: BUDGET_MAPPERS,
    ReportKind.UNIVERSITY_BUDGET: BUDGET_MAPPERS,
    ReportKind.UNIT_FINAL_ACCOUNTS: FINAL_ACCOUNTS_MAPPERS,
    ReportKind.UNIT_BUDGET: BUDGET_MAPPERS,
}


#: A section mapper: reads one section and says what it adds to the report.
Mapper = Callable[[SectionReader, Section], Partial]


def read_glossary(reader: SectionReader, section: Section) -> Partial:
    """The glossary part (名词解释): its terms and definitions."""
    return Partial(Report(glossary=_glossary(reader, section)))


def read_annexes(reader: SectionReader, section: Section) -> Partial:
    """The annexes part (附件): each annex with its statements and breakdowns."""
    return Partial(Report(annexes=tuple(_annex(reader, s) for s in section.children
                                        if s.kind is SectionKind.ANNEX)))


def read_unmapped(reader: SectionReader, section: Section) -> Partial:
    """A section no mapper reads: its entries are read, to be kept as statements, and the
    totals its numbered lists break down (:func:`~finreport.read.breakdowns.list_breakdowns`)."""
    view = reader.view(section)
    complete, partial = list_breakdowns(view, reader.read_view(view))
    return Partial(Report(enumerations=tuple(complete), lists=tuple(partial)))


#: The three public expenses of the entries their sections read (sections 七 of final
#: accounts may be written in two or three subsections, read together).
three_public_expenses = _three_public
