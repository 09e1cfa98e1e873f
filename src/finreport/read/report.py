"""Reading a whole report: sections first, then each section by its kind.

Each section kind has one mapper that turns the section's entries into the report's
fields; which entry becomes which field is decided by the name patterns in the tables
below (:data:`THREE_PUBLIC_FIELDS`, :data:`PROCUREMENT_FIELDS`, …).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any, Final

import attrs

from ..model.budget_lines import BudgetLine
from ..model.entries import Entry
from ..model.errors import ReportError
from ..model.kinds import ReportKind
from ..model.layout import Region, RegionKind
from ..model.report import (
    Breakdown,
    GeneralBudget,
    Report,
    Unrecognized,
    iter_figures,
)
from ..model.sections import Section, SectionKind
from ..model.span import OTHER_LINE_BREAKS, Phrase, Span
from ..templates.profiles import PROFILES
from ..templates.quantities import NO_OPERATING_COSTS
from ..templates.roles import COUNT_LIKE, FIGURE_LIKE
from ..templates.tables import FIGURE_UNIT, NUMBER_BEFORE_UNIT
from ..text.layout import find_regions, subtract
from ..text.view import Source, TextView
from .composite import Identity, next_report
from .entries import subject_key
from .forms import form_document, read_forms
from .identity import detect_kind, parts_kind, read_identity, read_title, title_about
from .list_readers import count_lists
from .mappers import (
    MAPPERS,
    Mapper,
    Partial,
    read_annexes,
    read_glossary,
    read_unmapped,
    three_public_expenses,
)
from .named_lists import find_named_lists
from .narrative import Reading, ReadingContext, SectionReader
from .projects import bind_key_projects, read_key_projects
from .reasons import find_reasons
from .residue import find_as_of, find_name_variants, find_other_kind, find_residue
from .sections import build_sections
from .tables import listed_tables, read_tables

__all__ = ["parse_report", "parse_reports"]


_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")




def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise ReportError(f"expected the report's text as str, got {type(text).__name__}")
    if not text.strip():
        raise ReportError("the text is empty: there is no report to read")
    sample = text[:4096]
    if len(_BINARY.findall(sample)) > max(8, len(sample) // 50):
        raise ReportError("the text looks like binary data, not a report (control characters)")
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        # (the breaks OTHER_LINE_BREAKS finds, looked for as characters: 40× faster)
        # Windows' \r\n is read as a space and \n, so that every line ends in \n as the
        # patterns expect; old-Mac \r, U+2028/U+2029, NEL are line breaks, read as \n
        # (one character for one, so every span still points into the text given)
        return OTHER_LINE_BREAKS.sub("\n", text.replace("\r\n", " \n"))
    return text


_DETACHED_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?(?:\s*%)?")


def _in_tables(span: Span, tables: tuple[Region, ...]) -> bool:
    return any(t.span.start <= span.start < t.span.end for t in tables)


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
            if a is None or a == () or a is False:
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


#: Every character but a line or page break: what a report before the one read is
#: blanked out with, so that every span still points into the text given.
_WRITTEN = re.compile(r"[^\n\f]+")


def parse_reports(text: str) -> tuple[Report, ...]:
    """Every report *text* holds, in text order (see :func:`finreport.parse_all`)."""
    checked = _check_text(text)
    reports = [parse_report(checked)]
    while later := [u.span.start for u in reports[-1].unrecognized
                    if u.reason == "another_report"]:
        begin = source_line_start(checked, later[0])
        blank = _WRITTEN.sub(lambda m: " " * len(m.group()), checked[:begin]) + checked[begin:]
        try:
            reports.append(parse_report(blank))
        except ReportError:
            # what follows reads as no report: the one before lists where it begins
            # (report.unrecognized, another_report), and no more is read
            break
    return tuple(reports)


def source_line_start(text: str, at: int) -> int:
    """The start of the line *at* stands in."""
    return text.rfind("\n", 0, at) + 1


def parse_report(text: str) -> Report:
    """Read a report from its text (see :func:`finreport.parse`)."""
    source = Source(_check_text(text))
    regions = find_regions(source)
    title = read_title(source)
    forms = read_forms(source, regions)
    if title.kind is None and forms.forms and (
            detect_kind(source) is ReportKind.PERFORMANCE_FORM):
        # a document that is only forms
        return _with_unread(source, form_document(source, regions, forms))
    if forms.regions:  # the forms are not narrative
        regions = tuple(sorted((*regions, *forms.regions),
                               key=lambda r: (r.span.start, r.span.end)))
    profile = PROFILES[title.kind or ReportKind.FINAL_ACCOUNTS]
    sections = build_sections(source, regions, profile.section_titles, profile.nested_only)
    if title.kind is None and (stated := parts_kind(sections)) is not None and (
            stated is not profile.kind):
        # no title, but its parts say what it is (第二部分 2026年度部门预算情况说明)
        profile = PROFILES[stated]
        sections = build_sections(source, regions, profile.section_titles,
                                  profile.nested_only)
    tables_parts = tuple(Region(RegionKind.TABLE, root.span) for root in sections
                         if root.kind is SectionKind.TABLES)
    if title.kind is None and (about := title_about(source, notices=False)) is not None:
        raise ReportError(
            "not a department budget or final-accounts report: its title names a document "
            f"about budgets ({about}: a government's budget or its execution, a notice, a "
            "reply, an index of the reports), not a department's own report")
    if title.kind is None and not any(s.kind in _NARRATIVE_EVIDENCE
                                      for root in sections for s in root.walk()):
        if forms.forms:  # forms under a title that names no report
            return _with_unread(source, form_document(source, find_regions(source), forms))
        raise ReportError(
            "not a department budget or final-accounts report: its title names none "
            "(such as 2026年度XX局部门预算) and no part of one was found (no heading such as "
            "第二部分 …决算情况说明, 收入决算情况说明 or “三公”经费…情况说明)")
    organization, year = read_identity(source, sections)
    organization = title.organization or organization
    year = title.year or year
    later = next_report(source, sections, Identity.of(organization, year, profile.kind.is_budget,
                                                      title.consolidation),
                        frozenset(r.span.start for r in regions
                                  if r.kind is RegionKind.PAGE_MARK))
    if later is not None:  # the text goes on with another report: this one ends there
        first = parse_report(source[:later])
        stop = source.find("\n", later)
        line = source[later:stop if stop >= 0 else len(source)]
        begin = later + len(line) - len(line.lstrip())
        end = later + len(line.rstrip())
        return attrs.evolve(first, unrecognized=(*first.unrecognized, Unrecognized(
            Span(begin, end), "another_report", source[begin:end])))
    context = ReadingContext(source, tuple(sorted(regions + tables_parts,
                                                  key=lambda r: (r.span.start, r.span.end))),
                             profile.kind, year.value if year is not None else None)
    parts = _read_sections(context, sections, MAPPERS[profile.kind])
    reading = Reading.joined(part.reading for part in parts)
    folded = fold_partials(parts)
    three_public_reads = [r for part in parts for r in part.three_public]
    if three_public_reads:
        rest: list[Entry] = []
        scoped: list[Breakdown] = []
        folded = attrs.evolve(folded, three_public=three_public_expenses(
            three_public_reads, source, rest, scoped, context.year),
            statements=folded.statements + tuple(rest),
            lists=folded.lists + tuple(scoped))
    kind = profile.kind
    body = TextView(source, ranges=subtract(
        [(root.span.start, root.span.end) for root in sections
         if root.kind not in (SectionKind.CONTENTS, SectionKind.TABLES)],
        tuple(r for r in context.regions if r.kind is not RegionKind.CHART)))
    marks = tuple(r.span for r in regions if r.kind in (
        RegionKind.PAGE_MARK, RegionKind.DUPLICATE, RegionKind.CONTENTS))
    tables = tuple(table for root in sections for s in root.walk() if s.kind is SectionKind.TABLES
                   for table in read_tables(source, s.span.start, s.span.end, marks))
    key_projects = bind_key_projects(source, read_key_projects(source, sections, marks), tables,
                                     marks, organization.text if organization else None)
    report = attrs.evolve(
        folded, organization=organization, fiscal_year=year, kind=kind,
        consolidation=title.consolidation, sections=sections,
        tables=tables,
        listed_tables=tuple(title for r in regions if r.kind is RegionKind.CONTENTS
                            for title in listed_tables(source, r.span.start, r.span.end)),
        residue=tuple(find_residue(body)), as_of=tuple(find_as_of(body)),
        other_kind_words=tuple(find_other_kind(TextView(source, ranges=_outermost(
            [(s.span.start, s.span.end) for root in sections for s in root.walk()
             if s.kind is SectionKind.INSTITUTIONS])), kind.is_budget)),
        name_variants=tuple(find_name_variants(body, organization.text))
        if organization is not None else (), reasons=tuple(find_reasons(body, sorted(
            s.body.start for root in sections for s in root.walk()))),
        named_lists=tuple(find_named_lists(body)),
        layout=regions,
        performance_forms=forms.forms, form_totals=forms.totals,
        key_projects=key_projects)
    if report.operating_costs is None and (
            none := NO_OPERATING_COSTS.search(body.text)) is not None:
        # 本单位无机关运行经费。 in the body of 其他重要事项, under no heading of its own
        report = attrs.evolve(report, operating_costs=Entry(
            body.phrase(none.start("what"), none.end("what")),
            absent=body.phrase(none.start(), none.end())))
    # the tables part is never narrative: its cells are no candidates of the reading
    taken = {f.span for f in iter_figures(attrs.evolve(report, tables=()))}
    # every entry read that no field took, with a subject, is a statement of the report
    statements = list(report.statements)
    # lines a later section wrote again (a budget's 八 restating 五) are statements too
    kept = {id(line) for line in (report.general_budget.lines if report.general_budget
                                  else ())}
    statements.extend(_line_entry(line) for part in parts
                      if part.report.general_budget is not None
                      for line in part.report.general_budget.lines if id(line) not in kept)
    seen = {id(e) for e in statements}
    for entry in (r.entry for r in reading.reads):
        spans = [f.span for f in entry.figures()]
        if spans and id(entry) not in seen and not any(s in taken for s in spans) and (
                subject_key(entry.name.text)):
            seen.add(id(entry))
            statements.append(entry)
    explanations = [e for e in reading.explanations if next(e.figures(), None) is not None]
    counted = tuple(found for part in parts for found in count_lists(part.reading.reads, source))
    report = attrs.evolve(report, statements=tuple(statements),
                          explanations=tuple(explanations), lists=report.lists + counted)
    taken.update(f.span for e in (*statements, *explanations) for f in e.figures())
    reasons = {figure.span: reason for figure, reason in reading.aside}
    reasons.update({span: "unattributed" for span in reading.candidates if span not in taken})
    reasons.update({span: "qualifier" for span in reading.qualifiers})
    for region in regions:
        if region.kind is RegionKind.DETACHED and not _in_tables(region.span, tables_parts):
            number = _DETACHED_NUMBER.search(source, region.span.start, region.span.end)
            if number is not None:
                reasons[Span(number.start(), number.end())] = "detached"
    reasons.update({span: "unattributed" for span in _unread_in_tables(source, report)
                    if span not in reasons})
    unrecognized = tuple(Unrecognized(span, reason, source[span.start:span.end])
                         for span, reason in sorted(reasons.items()) if span not in taken)
    return attrs.evolve(report, unrecognized=unrecognized)



#: The section kinds that show, without a title, that a text is a report's.
_NARRATIVE_EVIDENCE: Final = frozenset(SectionKind) - {
    SectionKind.OTHER, SectionKind.CONTENTS, SectionKind.FUNCTIONS, SectionKind.ANNEX,
    SectionKind.ANNEXES}


def _run(mapper: Mapper, context: ReadingContext, section: Section) -> Partial:
    """What *mapper* makes of *section*, with what its reading found."""
    reader = SectionReader(context)
    part = mapper(reader, section)
    return attrs.evolve(part, reading=reader.reading())


def _read_sections(context: ReadingContext, sections: tuple[Section, ...],
                   mappers: dict[SectionKind, Mapper]) -> list[Partial]:
    """Every section read by its mapper, in text order; then the sections no mapper read
    that state a figure (their statements are kept)."""
    parts: list[Partial] = []
    for root in sections:
        if root.kind in (SectionKind.TABLES, SectionKind.CONTENTS):
            continue
        if root.kind is SectionKind.GLOSSARY:
            parts.append(_run(read_glossary, context, root))
            continue
        if root.kind is SectionKind.ANNEXES:
            parts.append(_run(read_annexes, context, root))
            continue
        for section in root.walk():
            mapper = (read_glossary if section.kind is SectionKind.GLOSSARY
                      else mappers.get(section.kind))
            if mapper is not None:
                parts.append(_run(mapper, context, section))
    consumed = frozenset[Span]().union(*(part.reading.consumed for part in parts))
    source = context.source
    for root in sections:
        if root.kind in (SectionKind.TABLES, SectionKind.CONTENTS, SectionKind.GLOSSARY):
            continue
        for section in root.walk():
            if section.kind is not SectionKind.TABLES and section.body not in consumed and (
                    FIGURE_LIKE.search(source, section.body.start, section.body.end)
                    or COUNT_LIKE.search(source, section.body.start, section.body.end)):
                # (counts alone too: 实有人员61人，其中：… lists the kinds of a count)
                parts.append(_run(read_unmapped, context, section))
    return parts


def _line_entry(line: BudgetLine) -> Entry:
    """A budget line as an entry named after its deepest level (for statements)."""
    c = line.classification
    name = c.item or c.group or c.category or Phrase("", line.span)
    return Entry(name=name, amount=line.amount, budget=line.budget, change=line.change,
                 completion=line.completion, share=line.share, restated=line.restated,
                 restated_changes=line.restated_changes)


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, those inside another left out, in text order."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if kept and start < kept[-1][1]:
            kept[-1] = (kept[-1][0], max(end, kept[-1][1]))
        else:
            kept.append((start, end))
    return kept


def _with_unread(source: str, report: Report) -> Report:
    """A document of forms with the figures its forms hold nowhere listed."""
    unread = tuple(Unrecognized(span, "unattributed", source[span.start:span.end])
                   for span in _unread_in_tables(source, report))
    if not unread:
        return report
    return attrs.evolve(report, unrecognized=tuple(sorted(
        report.unrecognized + unread, key=lambda u: (u.span.start, u.span.end))))


def _unread_in_tables(source: str, report: Report) -> list[Span]:
    """The amounts and percentages written with their unit inside the tables and the
    performance forms, or anywhere in a document of forms (a goal's text in a cell:
    ``正常运行率（99%）``; a cell that touches its unit: ``-60.86%``) that no cell, figure or
    target of the model holds: listed, never lost."""
    if report.kind is ReportKind.PERFORMANCE_FORM:
        # a document of forms: its text around them too
        written = _written_with_unit(source, Span(0, len(source)))
    else:
        # a table's cells hold most of what its text writes: the rest goes on
        written = [span for table in report.tables for span in _not_held(
            _written_with_unit(source, table.span), [a.span for r in table.rows
                                                     for a in r.cells])]
        written += [span for form in report.performance_forms
                    for span in _written_with_unit(source, form.span)]
    if not written:
        return []
    # the forms hold most of the rest; the whole model is walked only for what remains
    # (a figure of the narrative inside a table's span)
    targets = [t.span for f in report.performance_forms for i in f.indicators
               for t in (i.target, i.period_target, i.actual) if t is not None]
    found = _not_held(written, [*(f.span for f in iter_figures(report.performance_forms)),
                                *targets])
    if found:  # the rest of the model (its tables and forms are known not to hold them)
        found = _not_held(found, [f.span for field in _OTHER_FIELDS
                                  for f in iter_figures(getattr(report, field))])
    return found


#: The report's fields but its tables and forms (which were looked at first).
_OTHER_FIELDS: Final = tuple(f.name for f in attrs.fields(Report)
                             if f.name not in ("tables", "performance_forms"))


def _written_with_unit(source: str, place: Span) -> list[Span]:
    """The numbers written right before a unit (``万元``, ``%`` …) in *place*."""
    written = []
    # units are rare in a table's text (its cells write none): find them first
    for unit in FIGURE_UNIT.finditer(source, place.start, place.end):
        window = max(place.start, unit.start() - _LONGEST_NUMBER)
        number = NUMBER_BEFORE_UNIT.search(source, window, unit.start())
        if number is not None:
            written.append(Span(number.start(), number.end()))
    return written


def _not_held(written: list[Span], spans: list[Span]) -> list[Span]:
    """The spans of *written* that start inside none of *spans*."""
    if not written:
        return []
    held = sorted((s.start, s.end) for s in spans)
    starts = [start for start, _ in held]
    found = []
    for span in written:
        k = bisect_right(starts, span.start) - 1
        if not any(held[j][0] <= span.start < held[j][1] for j in range(max(0, k - 4), k + 1)):
            found.append(span)
    return found


#: The most characters a number written before its unit takes (``-1,234,567.89  ``).
_LONGEST_NUMBER: Final = 24
