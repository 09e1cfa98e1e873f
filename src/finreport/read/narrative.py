"""Reading the narrative of one section: its text without tables and page marks, its
entries in the report's context, and what reading it found beside them.

Each section mapper (``finreport.read.mappers``) gets a :class:`SectionReader` of its own,
created for that one call; what it read is returned as a :class:`Reading` value, and the
assembly (``finreport.read.report``) joins the readings of all sections in text order.
Nothing is shared between mappers but the frozen :class:`ReadingContext`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from ..model.entries import Entry
from ..model.figures import Figure
from ..model.kinds import ReportKind
from ..model.layout import Region
from ..model.sections import Section, SectionKind
from ..model.span import Span
from ..templates.roles import DANGLING_SHARE, NUMBER_LIST_BEFORE
from ..templates.scopes import scope_of
from ..text.layout import repair_order, subtract
from ..text.view import TextView, tab_cells
from .entries import ReadEntry, read_entries_in_context

__all__ = ["Reading", "ReadingContext", "SectionReader"]

#: How far after a list of numbers with one unit its clause is looked at (characters).
_CLAUSE_REACH: Final = 80


@attrs.frozen
class ReadingContext:
    """What every section's reading needs to know of the whole text: the text, its
    non-narrative regions (page marks, charts, tables, the contents page), the report's
    kind and its fiscal year."""

    source: str
    regions: tuple[Region, ...] = ()
    kind: ReportKind = ReportKind.FINAL_ACCOUNTS
    year: int | None = None


@attrs.frozen
class Reading:
    """What reading a section found beside the fields it fills: every entry read
    (``reads``), the spans of figures read that a field may take (``candidates``),
    figures set aside with the reason (``aside``), explanations of changes, the spans of
    amounts that qualify a subject (``qualifiers``), and the section bodies read
    (``consumed``)."""

    reads: tuple[ReadEntry, ...] = ()
    candidates: tuple[Span, ...] = ()
    aside: tuple[tuple[Figure, str], ...] = ()
    explanations: tuple[Entry, ...] = ()
    qualifiers: tuple[Span, ...] = ()
    consumed: frozenset[Span] = frozenset()

    @classmethod
    def joined(cls, readings: Iterable[Reading]) -> Reading:
        """The readings of several sections, one after the other."""
        readings = list(readings)
        return cls(tuple(r for x in readings for r in x.reads),
                   tuple(s for x in readings for s in x.candidates),
                   tuple(a for x in readings for a in x.aside),
                   tuple(e for x in readings for e in x.explanations),
                   tuple(s for x in readings for s in x.qualifiers),
                   frozenset().union(*(x.consumed for x in readings)))


@attrs.define
class SectionReader:
    """The notebook of one mapper call: reads sections' narrative in the context and
    notes what it read, until :meth:`reading` returns it as a value."""

    context: ReadingContext
    #: The context's text, kind and fiscal year, kept at hand (read for every entry).
    source: str = attrs.field(init=False)
    kind: ReportKind = attrs.field(init=False)
    year: int | None = attrs.field(init=False)
    candidates: list[Span] = attrs.field(factory=list)
    aside: list[tuple[Figure, str]] = attrs.field(factory=list)
    consumed: set[Span] = attrs.field(factory=set)
    reads: list[ReadEntry] = attrs.field(factory=list)
    explanations: list[Entry] = attrs.field(factory=list)
    qualifiers: list[Span] = attrs.field(factory=list)
    _ranges: dict[Span, list[tuple[int, int]]] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        self.source = self.context.source
        self.kind = self.context.kind
        self.year = self.context.year

    def reading(self) -> Reading:
        """What this reader read, as a value."""
        return Reading(tuple(self.reads), tuple(self.candidates), tuple(self.aside),
                       tuple(self.explanations), tuple(self.qualifiers),
                       frozenset(self.consumed))

    def table_ranges(self, section: Section) -> list[tuple[int, int]]:
        """The section body without its tab-indented table lines and without the
        non-narrative regions of the text layer."""
        found = self._ranges.get(section.body)
        if found is None:
            found = self._ranges[section.body] = subtract(self._untabbed(section),
                                                          self.context.regions)
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
            if child is section or child.kind is not SectionKind.OTHER:
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
        if DANGLING_SHARE.search(view.text):
            for read in entries:
                if read.entry.share is not None:
                    self.aside.append((read.entry.share, "detached"))
            entries = [attrs.evolve(r, entry=attrs.evolve(r.entry, share=None))
                       for r in entries]
        entries = [r if (e := _in_context(r.entry, self.kind)) is r.entry
                   else attrs.evolve(r, entry=e) for r in entries]
        if any(mark in view.text for mark in "、,，"):
            listed = [r for r in entries if r.entry.amount is not None and (
                NUMBER_LIST_BEFORE.search(self.source, max(0, r.entry.amount.span.start - 24),
                                          r.entry.amount.span.start) is not None)]
            # 分别为900.00、100.00万元: the 900.00 has no unit of its own, so no figure was read
            # for it, and the 100.00 is not the name's
            for read in listed:
                self.aside.extend((f, "number_list") for f in read.entry.figures())
            entries = [r for r in entries if all(r is not x for x in listed)]
            # …，分别占本年收入的90.1%、9.9%: the shares the clause goes on to give are
            # nobody's either (the first would go to the entry before the list)
            for read in listed:
                assert read.entry.amount is not None
                after = read.entry.amount.span.end
                stop = min((at for mark in "。；;" if (at := self.source.find(
                    mark, after, after + _CLAUSE_REACH)) >= 0), default=after + _CLAUSE_REACH)
                for k, other in enumerate(entries):
                    share = other.entry.share
                    if share is not None and after <= share.span.start < stop:
                        self.aside.append((share, "number_list"))
                        entries[k] = attrs.evolve(other, entry=attrs.evolve(other.entry,
                                                                            share=None))
        for read in entries:
            self.candidates.extend(f.span for f in read.entry.figures())
        self.reads.extend(entries)
        return entries

    def view(self, section: Section) -> TextView:
        """The narrative of a section's body; the section counts as read."""
        self.consumed.add(section.body)
        return TextView(self.source, ranges=repair_order(self.source,
                                                         self.table_ranges(section)))




def _in_context(entry: Entry, kind: ReportKind) -> Entry:
    """The entry with the context its kind and its words give: the scope its subject
    states, and in a budget report ``预算为X`` as the amount itself."""
    scope = scope_of(entry.name.text)
    if kind.is_budget and entry.amount is None and entry.budget is not None:
        return attrs.evolve(entry, amount=entry.budget, budget=None, scope=scope)
    return attrs.evolve(entry, scope=scope) if scope is not None else entry
