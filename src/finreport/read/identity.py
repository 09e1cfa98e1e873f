"""The report's identity: its kind, organization, fiscal year and what it covers, read by
evidence — first from its title lines however they are wrapped (the cover: the lines
before the contents page or the first heading), then from the places in the body that
name the organization.

The title is read as one phrase of the title's words (``TITLE_KIND``, ``TITLE_YEAR`` in
``finreport.templates.identity``), whatever the order the template puts them in:
``2026年度XX局部门预算``, ``XX局2026年度部门预算公开``, ``2026年`` / ``XX局部`` / ``门预算``,
``XX局（本级）2026年度单位预算公开``, or a government's ``上海市2026年市级单位预算`` with the
unit named on its ``预算单位：`` line.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, pairwise
from typing import Final

import attrs

from ..model.figures import Year
from ..model.kinds import Consolidation, ReportKind
from ..model.sections import Section, SectionKind
from ..model.span import Phrase, Span
from ..templates.forms import FORM_TITLE_END
from ..templates.identity import (
    ABOUT,
    ABOUT_REPORTS,
    CHINESE_DIGITS,
    CONSOLIDATION_WORDS,
    COVER_HEADER,
    DATE_LINE,
    GENERIC_ORG,
    NOT_TITLE_LINE,
    NOTICE_WORDS,
    ORGANIZATION_END,
    ORGANIZATION_PATTERNS,
    PERIOD_ONLY,
    SEAL_WORDS,
    TABLE_TITLE_END,
    TITLE_KIND,
    TITLE_TAIL,
    TITLE_YEAR_ANY,
    UNIT_LINE,
    UNIVERSITY,
    WHOLE_LEVEL,
    YEAR_KIND,
)
from ..templates.layout import HEADING_NUMBER, SENTENCE_PUNCTUATION
from ..text.layout import running_header, split_lines
from ..text.view import TextView, fold_range

__all__ = ["Title", "detect_kind", "parts_kind", "read_identity", "read_title", "title_about"]

#: The title is found in the first lines of the text, before this many.
_TITLE_LINES = 10
#: A line longer than this (folded) is running text, not a title's.
_TITLE_LINE_MAX = 60
_CONTENTS = frozenset({"目录", "目"})
_CONSOLIDATION = {"本级": Consolidation.OWN, "汇总": Consolidation.CONSOLIDATED}
_WRITTEN: Final = re.compile(r"\S")


@attrs.frozen
class Title:
    """What a report's title says: its kind (None when the title names none), the
    organization, the fiscal year, and what the report covers (本级, 汇总)."""

    kind: ReportKind | None = None
    organization: Phrase | None = None
    year: Year | None = None
    consolidation: Consolidation | None = None
    consolidation_words: Phrase | None = None


def _title_lines(source: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The ranges of the cover's title lines, and of every cover line (the title's and
    the lines beside it such as ``预算单位：…``): from the start of the text to the
    contents page, the first heading or the first sentence."""
    title: list[tuple[int, int]] = []
    cover: list[tuple[int, int]] = []
    seen = 0
    last = ""  # the line before, folded: a line written twice (the PDF's text layer) is once
    # a text whose first reports were blanked out (finreport.parse_all) starts further on
    first = _WRITTEN.search(source)
    begin = source.rfind("\n", 0, first.start()) + 1 if first is not None else 0
    for start, line in split_lines(source[begin:begin + 4000]):
        start += begin
        stop = start + len(line)
        folded = fold_range(source, start, stop)
        if not folded:
            continue
        if folded.isdigit() or DATE_LINE.match(folded) or not folded.strip("-—–－ ") or (
                NOT_TITLE_LINE.match(folded)):
            continue  # a page mark, the cover's date, a rule, 附件1, a logo's English name
        if folded == last:
            continue
        last = folded
        seen += 1
        if seen > _TITLE_LINES or folded in _CONTENTS or len(folded) > _TITLE_LINE_MAX or (
                HEADING_NUMBER.match(folded) and len(folded) > 2):
            break
        if folded.endswith(("。", ";", "；")):
            break
        cover.append((start, stop))
        if not SENTENCE_PUNCTUATION.search(folded) and "，" not in line:
            title.append((start, stop))  # (a title has no comma: 我局…部门预算中，“三公”…)
        if TABLE_TITLE_END.search(folded):
            break  # a table's or a form's title: its header follows
    return title, cover


def read_title(source: str) -> Title:
    """The identity the report's title gives (empty when the text starts without one).

    The kind words are the first that end a title line (``…部门预算``, ``…部门预算公开``,
    ``…“部门预算”``): ``预算`` inside a name (``预算评审中心``) is none.  The organization
    is named between the year and the kind words, before them, on the title line after
    them (``2026年度部门预算`` / ``沈阳市和平区市场监督管理局``), on the cover's
    ``预算单位：`` line, or in the running header; the year may be written in Chinese
    numerals, or left to the headings (``read_identity``)."""
    ranges, cover = _title_lines(source)
    if not ranges:
        return Title()
    view = TextView(source, ranges=ranges)
    text = view.text
    if NOTICE_WORDS.search(text) or TABLE_TITLE_END.search(text) or ABOUT_REPORTS.search(text):
        return Title()  # a notice, a table's or form's title, a government's budget
    ends = list(accumulate(len(fold_range(source, a, b)) for a, b in ranges))
    found = _kind_words(text, ends)
    if found is None:
        return Title()
    kind, line_end = found
    title = text[:line_end]
    years = list(TITLE_YEAR_ANY.finditer(title))
    before = [m for m in years if m.end() <= kind.start()]
    year_match = before[-1] if before else (years[0] if years else None)
    year = None
    if year_match is not None:
        year = Year(int(year_match.group("year").translate(CHINESE_DIGITS)),
                    view.span(year_match.start("year"), year_match.end("year") + 1))
    year_start, year_end = ((year_match.start(), year_match.end()) if year_match is not None
                            else (kind.start(), kind.start()))
    place = _organization_place(title, year_start, year_end, kind.start())
    if place is None:
        place = _after_kind(title, kind.end())  # 2026年度部门预算（XX局）, …预算——XX局
    for end in ends:
        if place is not None and place[0] < end < place[1] and COVER_HEADER.search(
                text, place[0], end):
            place = (end, place[1])  # 财政预决算公开 / XX局2026年部门预算: a series' header
    if place is None:
        place = _named_after(text, line_end, ends)  # 2026年度部门预算 / 沈阳市…管理局
    if place is not None:
        where, start, end = view, *place
    elif (unit := _unit_line(source, cover)) is not None:
        where, start, end = unit
    elif (header := _header_title(source)) is not None:
        return header
    else:
        return Title(_kind(kind.group("level"), kind.group("stage"), None), None, year)
    consolidation = words = None
    if m := CONSOLIDATION_WORDS.search(where.text, start, end):
        consolidation = _CONSOLIDATION[m.group("word")]
        words = where.phrase(m.start(), m.end())
        end = m.start()
    organization = where.phrase(start, end) if start < end else None
    if organization is not None and GENERIC_ORG.match(organization.text):
        organization = None
    if consolidation is None and kind.group("edition") == "汇总":
        consolidation = Consolidation.CONSOLIDATED
    return Title(_kind(kind.group("level"), kind.group("stage"), organization), organization,
                 year, consolidation, words)


def _kind_words(text: str, ends: list[int]) -> tuple[re.Match[str], int] | None:
    """The first kind words of the title that end a title line (what may follow them:
    :data:`~finreport.templates.identity.TITLE_TAIL`), with that line's end."""
    for m in TITLE_KIND.finditer(text):
        line_end = ends[bisect_left(ends, m.end())] if m.end() <= ends[-1] else ends[-1]
        if TITLE_TAIL.match(text[m.end():line_end]):
            return m, line_end
    return None


def _named_after(text: str, line_end: int, ends: list[int]) -> tuple[int, int] | None:
    """The organization on the title lines after the kind words' line (``2026年度部门预算`` /
    ``沈阳市和平区市场监督管理局``, perhaps wrapped over two lines), past a line holding only
    the year: up to a line naming a year or kind words, when it ends as a name ends."""
    start = stop = -1
    for a, b in pairwise([line_end, *(e for e in ends if e > line_end)]):
        if TITLE_YEAR_ANY.fullmatch(text, a, b) and start < 0:
            continue  # 部门预算 / 2026年 / XX局
        if TITLE_YEAR_ANY.search(text, a, b) or any(
                TITLE_TAIL.match(text, k.end(), b) for k in TITLE_KIND.finditer(text, a, b)):
            break  # (预算 inside a name, …预算编审中心, is no kind words)
        start, stop = (a if start < 0 else start), b
    if start < 0:
        return None
    place = _trimmed(text, start, stop)
    if place is None or GENERIC_ORG.match(text[place[0]:place[1]]) or not ORGANIZATION_END.search(
            text, *place):
        return None
    return place


def _header_title(source: str) -> Title | None:
    """The title the running header gives (a line of the header's shape written on two
    pages or more), when it names the organization."""
    header = running_header(source)
    if header is None:
        return None
    start, stop = header
    found = read_title(source[start:stop] + "\n")
    if found.organization is None:
        return None
    year = found.year
    if year is not None:
        year = attrs.evolve(year, span=Span(year.span.start + start, year.span.end + start))
    return attrs.evolve(found, organization=Phrase(found.organization.text, Span(
        found.organization.span.start + start, found.organization.span.end + start)),
        year=year, consolidation_words=None if found.consolidation_words is None else Phrase(
            found.consolidation_words.text, Span(found.consolidation_words.span.start + start,
                                                 found.consolidation_words.span.end + start)))


def _organization_place(text: str, year_start: int, year_end: int,
                        kind_start: int) -> tuple[int, int] | None:
    """Where the title names the organization: between the year and the kind words
    (``2026年度XX局部门预算``), or before the year (``XX局2026年度部门预算``), without the
    quotation marks and brackets around it and a level word after it (``…局部门2026年
    预算``); None when the title names a government's level instead
    (``上海市2026年市级单位预算``, ``市直机关2026年部门预算``) or nothing."""
    if year_end < kind_start:
        place = _trimmed(text, year_end, kind_start)
        if place is None or WHOLE_LEVEL.match(text[place[0]:place[1]]) or GENERIC_ORG.match(
                text[place[0]:place[1]]) or TITLE_YEAR_ANY.fullmatch(
                    text[year_start:place[1]]):
            # 2026年度本级部门预算, 2026年XX区区级部门预算: the name before the year, if any
            # (not a place alone)
            return _before(text, year_start)
        return place
    return _before(text, min(year_start, kind_start))


def _after_kind(text: str, kind_end: int) -> tuple[int, int] | None:
    """The organization written after the kind words on the title's line, in brackets or
    after a dash (``2026年度部门预算（XX局）``, ``2026年部门预算——XX局``), when it ends as a
    name ends."""
    start = kind_end
    while start < len(text) and text[start] in _DASHES:
        start += 1
    place = _trimmed(text, start, len(text))
    if place is None or GENERIC_ORG.match(text[place[0]:place[1]]) or not (
            ORGANIZATION_END.search(text, *place)) or TITLE_YEAR_ANY.search(text, *place):
        return None
    return place


_DASHES: Final = "-—－–_ "


def _before(text: str, end: int) -> tuple[int, int] | None:
    """The organization written before the year or the kind words; after ``关于`` (a title
    about the report: ``关于XX局2026年部门预算的说明``) only a name with its head word
    (``关于公开2026年部门预算的说明`` names none: :data:`GENERIC_ORG`)."""
    about = ABOUT.match(text)
    start = about.end() if about is not None else 0
    if (earlier := TITLE_YEAR_ANY.search(text, start, end)) is not None:
        end = earlier.start()  # XX局2026年公开2025年度部门决算: the name ends at a year
    place = _trimmed(text, start, end) if end > start else None
    if place is None or WHOLE_LEVEL.match(text[place[0]:place[1]]) or GENERIC_ORG.match(
            text[place[0]:place[1]]):
        return None
    return place


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """*text*'s ``[start, end)`` without quotation marks and brackets at its ends (a
    closing ``(本级)`` kept), a seal's mark, 编制 or 关于 after the name, and a level word at
    its end (``部门``, ``单位``)."""
    while start < end and text[start] in _MARKS and not _closed(text, start, end):
        start += 1
    while start < end and text[end - 1] in _MARKS and not _closed(text, start, end):
        end -= 1
    if (seal := SEAL_WORDS.search(text, start, end)) is not None and seal.start() > start:
        end = seal.start()  # …局（盖章）, …局编制, …局关于
    if end - start > 2 and text[start:end].endswith(("部门", "单位")) and not (
            text[start:end].endswith(_UNITS_NAMED)):
        end -= 2  # (…局所属事业单位 names units: its 单位 stays)
    if PERIOD_ONLY.fullmatch(text, start, end):
        return None  # 2026 / 年度部门预算: the year's words, no name
    return (start, end) if start < end else None


_MARKS: Final = "\"“”‘’()（）《》「」"
#: Names ending in 单位 that name units (``XX局所属事业单位``), not a level word.
_UNITS_NAMED: Final = ("事业单位", "行政单位", "所属单位", "下属单位")


def _closed(text: str, start: int, end: int) -> bool:
    """True when the bracket at an end of ``text[start:end]`` is closed or opened inside
    it (``XX办公室（XX外事办公室）``, ``XX局(本级)``): part of the name."""
    inside = text[start:end]
    if inside.startswith("(") and inside.endswith(")") and inside.count("(") == 1 and (
            inside.count(")") == 1):
        return False  # （XX局）: the name in brackets, not a bracket of the name
    return (inside.endswith(")") and "(" in inside[:-1]) or (
        inside.startswith("(") and ")" in inside[1:])


def _kind(level: str | None, stage: str, organization: Phrase | None) -> ReportKind:
    budget = stage == "预算"
    if level == "单位":
        return ReportKind.UNIT_BUDGET if budget else ReportKind.UNIT_FINAL_ACCOUNTS
    if organization is not None and UNIVERSITY.search(organization.text):
        return ReportKind.UNIVERSITY_BUDGET if budget else ReportKind.UNIVERSITY_FINAL_ACCOUNTS
    return ReportKind.BUDGET if budget else ReportKind.FINAL_ACCOUNTS


def _unit_line(source: str, cover: list[tuple[int, int]],
               ) -> tuple[TextView, int, int] | None:
    """Where a cover's ``预算单位：…`` line names the unit."""
    for start, stop in cover:
        view = TextView(source, start, stop)
        if m := UNIT_LINE.search(view.text):
            return view, m.start("org"), m.end("org")
    return None


def parts_kind(sections: tuple[Section, ...]) -> ReportKind | None:
    """The kind the headings of a report's parts say where its title names none
    (``第二部分 2021年度部门决算情况说明``): the first part heading that names a stage."""
    for root in sections:
        if m := TITLE_KIND.search(root.title.text):
            return _kind(m.group("level"), m.group("stage"), None)
    return None


def detect_kind(text: str) -> ReportKind:
    """The kind of report *text* is, from its title (final accounts when it names none).

    >>> detect_kind("西南大学 2023 年度部门决算\\n")
    <ReportKind.UNIVERSITY_FINAL_ACCOUNTS: 'university_final_accounts'>
    >>> detect_kind("江苏省委办公厅 2017 年度部门预算\\n")
    <ReportKind.BUDGET: 'budget'>
    >>> detect_kind("2026年度\\n福州市民政局(本级)\\n单位预算\\n目录\\n")
    <ReportKind.UNIT_BUDGET: 'unit_budget'>
    >>> detect_kind("某某局2026年项目支出绩效目标表\\n")
    <ReportKind.PERFORMANCE_FORM: 'performance_form'>
    """
    kind = read_title(text).kind
    if kind is None:
        title = next((line for line in text[:600].split("\n") if line.strip()), "")
        if FORM_TITLE_END.search(fold_range(title, 0, len(title))) is not None:
            return ReportKind.PERFORMANCE_FORM  # a document that is only forms
    return kind or ReportKind.FINAL_ACCOUNTS


def title_about(source: str, *, notices: bool = True) -> str | None:
    """The words by which the title lines name a document about budgets, not a
    department's report (``…预算执行情况``, ``…预算草案的报告``, ``…公开目录``), or a notice
    (``…的通知``; with *notices*), or None.  Without *notices* only the first two title
    lines are read: a preamble after the title (``根据《…预算信息公开管理办法》``) says
    nothing of what the document is."""
    ranges, _ = _title_lines(source)
    if not notices:
        ranges = ranges[:_TITLE_OF_DOCUMENT]
    said = "".join(fold_range(source, a, b) for a, b in ranges)
    m = ABOUT_REPORTS.search(said) or (NOTICE_WORDS.search(said) if notices else None)
    return m.group() if m is not None else None


#: How many of the cover's first lines say what a document is about.
_TITLE_OF_DOCUMENT: Final = 2


def read_identity(source: str, sections: tuple[Section, ...],
                  ) -> tuple[Phrase | None, Year | None]:
    """The organization and the fiscal year the body names, where the title names none:
    the title lines, the institutions section, the overview's heading, an annex's title
    (:data:`~finreport.templates.identity.ORGANIZATION_PATTERNS`, in order)."""
    first = sections[0].span.start if sections else len(source)
    places: dict[str, list[TextView]] = {"title": [TextView(source, 0, first)]}
    for section in (s for root in sections for s in root.walk()):
        if section.kind is SectionKind.INSTITUTIONS:
            places.setdefault("institutions", []).append(
                TextView(source, section.body.start, section.body.end))
            places.setdefault("body", []).append(
                TextView(source, section.body.start, section.body.end))
        elif section.kind is SectionKind.OVERVIEW:
            places.setdefault("overview", []).append(
                TextView(source, section.title.span.start, section.title.span.end))
        elif section.kind is SectionKind.ANNEX:
            places.setdefault("annex", []).append(
                TextView(source, section.title.span.start, section.title.span.end))
    if title_about(source) is not None:
        places.pop("title")  # a title refused (公开目录, 执行情况, 批复): no name from it
    organization = None
    for place, pattern in ORGANIZATION_PATTERNS:
        for view in places.get(place, []):
            m = pattern.search(view.text)
            if m and not GENERIC_ORG.match(m.group("org")):
                organization = view.phrase(m.start("org"), m.end("org"))
                break
        if organization is not None:
            break
    year = None
    headings = [TextView(source, 0, first)] + [
        TextView(source, s.title.span.start, s.title.span.end)
        for root in sections if root.level == 0 for s in (root,)
    ]
    for view in headings:
        if m := YEAR_KIND.search(view.text):
            year = Year(int(m.group("year")), view.span(m.start("year"), m.end("year") + 1))
            break
    return organization, year

