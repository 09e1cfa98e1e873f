"""The section tree: headings found by their numbering and their titles.

Which section a heading opens is decided by :data:`SECTION_TITLES`, a table of title
patterns; the numbering as written (``九、``, ``9、``, ``第3部分``, none) is kept so a check can
report slips.  The tree is built in one pass over the lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Final

import attrs

from ..model.layout import Region, RegionKind
from ..model.numerals import ordinal_of
from ..model.sections import Section, SectionKind
from ..model.span import Phrase, Span
from ..templates.identity import REPORT_TITLE, TITLE_YEAR
from ..templates.layout import CONTENTS_LEADERS
from ..templates.numbering import NUMBERINGS, compiled, starts
from ..templates.sections import (
    AMOUNT_START,
    ANNEX_SUBTITLE,
    ANNEX_TITLE_END,
    FIGURE_IN_TITLE,
    HEADING_END,
    HEADING_NUMBERINGS,
    NESTED_ONLY,
    PARAGRAPH_BREAK_ENDS,
    PART_TITLES,
    SECTION_TITLES,
    SUBSECTION_TITLES,
    TABLES_PART_TITLE,
    TITLE_ORGANIZATION_WORD,
    TITLE_REFERENCE,
    UNNUMBERED_TITLE_END,
    WRAPPED_TITLE_TAIL,
    TitleTable,
)
from ..text.layout import split_lines
from ..text.regex import any_of
from ..text.view import TextView, fold_range
from .tables import is_table_title

__all__ = ["SECTION_TITLES", "Section", "SectionKind", "build_sections"]



#: Where any of :data:`PART_TITLES` matches.
_ANY_PART = any_of(pattern for _, pattern in PART_TITLES)


_PART = compiled("part")
#: Each numbering that opens headings, with its compiled marker.
_HEADING_MARKERS: Final = tuple((row, compiled(row.numbering)) for row in HEADING_NUMBERINGS)
#: Any heading's number (one pattern: a line is matched once, not once per numbering).
_ANY_HEADING_MARKER: Final = re.compile("|".join(f"(?:{marker.pattern})"
                                                 for _, marker in _HEADING_MARKERS))
#: The first characters of a heading's number (parts, annexes, 一、 （一） 1. …).
_NUMBERING_STARTS: Final = starts(*(row.numbering for row in HEADING_NUMBERINGS))
_SENTENCE_END = re.compile(r"[。;]$")
_INNER_PUNCT = re.compile(r"[。;，,]")
_TITLE_CONTINUES = re.compile(r"[^。,，:;]{2,30}")
#: The level of an unnumbered heading: that of the heading before it.
SIBLING: Final[int] = -1


@attrs.define
class _Heading:
    kind: SectionKind
    level: int
    number: Phrase | None
    title: Phrase
    start: int
    body_start: int
    end: int = 0
    children: list[_Heading] = attrs.field(factory=list)
    listed: _Entry | None = None

    def freeze(self, text_end: int) -> Section:
        end = self.end or text_end
        body_end = self.children[0].start if self.children else end
        return Section(
            kind=self.kind,
            level=self.level,
            number=self.number,
            title=self.title,
            span=Span(self.start, end),
            body=Span(self.body_start, max(self.body_start, body_end)),
            children=tuple(child.freeze(end) for child in self.children),
            listed=self.listed.entry if self.listed is not None else None,
        )


@attrs.frozen
class _Entry:
    """An entry of the contents page: as written, its title without number and brackets,
    the level its numbering gives, and its number."""

    entry: Phrase
    title: str
    level: int
    ordinal: int | None


def _contents_entries(source: str, skip: tuple[Region, ...]) -> list[_Entry]:
    """The numbered entries of the contents page (``四、单位预算编制说明`` …), with the level
    their numbering opens headings at."""
    entries: list[_Entry] = []
    for region in skip:
        if region.kind is not RegionKind.CONTENTS:
            continue
        for start, line in split_lines(source[region.span.start : region.span.end]):
            at = region.span.start + start
            folded = CONTENTS_LEADERS.sub("", fold_range(source, at, at + len(line)))
            for row, marker in _HEADING_MARKERS:
                if row.opens in ("annex", "part") or (m := marker.match(folded)) is None:
                    continue  # parts and annexes are found by their own marker
                title = _bare(folded[m.end():])
                own = TITLE_ORGANIZATION_WORD.sub("", title)
                title = own if len(own) >= _LISTED_MIN else title
                if len(title) >= _LISTED_MIN:
                    view = TextView(source, at, at + len(line))
                    entries.append(_Entry(view.phrase(0, len(view.text)), title, row.level,
                                          ordinal_of(m.group())))
                break
        break  # the first contents page
    return entries


#: The shortest title of the contents a heading is recognised by.
_LISTED_MIN: Final = 4
_BRACKETS: Final = str.maketrans("", "", "()（）")


def _bare(title: str) -> str:
    """A title without brackets and the full stop after it."""
    return title.rstrip("。.:").translate(_BRACKETS)


def _listed(folded: str, entries: list[_Entry],
            ends: tuple[str, ...] | None = None) -> _Entry | None:
    """The entry of the contents a short line of the body is the heading of: the same
    title, or the title with words in front (``上海市审计局（单位）主要职能`` for
    ``单位主要职能``, ``2026年单位预算编制说明`` for ``单位预算编制说明``)."""
    if not entries or len(folded) > 40 or _INNER_PUNCT.search(folded.rstrip("。.:")):
        return None
    bare = _bare(folded)
    if ends is not None and not bare.endswith(ends):
        return None  # (*ends*: the entries' titles; most lines end as none of them)
    return next((e for e in entries if bare.endswith(e.title) and not e.title.endswith("表")),
                None)


def _classify_part(title: str) -> SectionKind:
    if _ANY_PART.search(title) is None:
        return SectionKind.OTHER  # most lines: one search instead of one per part title
    for kind, pattern in PART_TITLES:
        if pattern.search(title):
            return kind
    return SectionKind.OTHER


def _classify_section(title: str, titles: TitleTable) -> SectionKind | None:
    cached = _ANY_TITLE.get(id(titles))
    if cached is None or cached[0] is not titles:
        cached = _ANY_TITLE[id(titles)] = (titles, any_of(pattern for _, pattern, _ in titles))
    if cached[1].search(title) is None:
        return None  # most lines: one search instead of one per title
    for kind, pattern, _ in titles:
        if pattern.search(title):
            return kind
    return None


#: One pattern per title table matching where any of its titles does (keyed by the
#: table's id; the table is kept beside it so that the id stays its own).
_ANY_TITLE: dict[int, tuple[TitleTable, re.Pattern[str]]] = {}


#: A line longer than this (folded) is body text, never a heading.
_LONGEST_HEADING: Final = 60


def _heading_of(folded: str, in_annex: bool, titles: TitleTable = SECTION_TITLES,
                nested_only: frozenset[SectionKind] = NESTED_ONLY,
                ) -> tuple[SectionKind, int, int] | None:
    """Classify one folded line: ``(kind, level, title_start)``, or None for body text."""
    if not folded or len(folded) > _LONGEST_HEADING:
        return None
    title_start = 0
    level: int | None = None
    known_title_only = False
    if folded[0] in _NUMBERING_STARTS:  # most lines start otherwise: no number to match
        for row, marker in _HEADING_MARKERS:
            if (m := marker.match(folded)) is None:
                continue
            if row.opens == "part":
                return _classify_part(folded[m.end() :]), row.level, m.end()
            if row.opens == "annex":
                # 附件1 / XX局2026年部门预算: a cover's label over the report's own title
                return (None if len(folded) - m.end() > 40 or REPORT_TITLE.search(
                    folded, m.end()) else (SectionKind.ANNEX, row.level, m.end()))
            title_start, level = m.end(), row.level
            known_title_only = row.opens == "known_title"
            break
    title = folded[title_start:]
    bare = title.rstrip("。.:")
    if bare.endswith(")"):  # a reference at the title's end (（详见表5）) is cut
        bare = TITLE_REFERENCE.sub("", bare).rstrip("。.:")
    if not title or FIGURE_IN_TITLE.search(title) or len(bare) > 40:
        return None
    colon = max(title.find(":"), title.find("："))
    if 0 <= colon < len(title) - 1 or _INNER_PUNCT.search(bare):
        return None
    if title.endswith("。") and not HEADING_END.search(bare):
        return None
    kind = _classify_section(bare, titles) or (
        bare[4:5] == "年" and _classify_section(_without_year(bare), titles)) or None
    if kind is None and level is not None and not in_annex and len(bare) >= 18 and (
            not HEADING_END.search(bare)) and "(类)" not in bare:
        return None  # （七）监督本级人民政府、人民法院…的工: a wrapped paragraph line
    if level is not None and TABLES_PART_TITLE.search(bare) and kind is not SectionKind.TABLES and (
            level == 1 and not known_title_only):
        kind = SectionKind.TABLES  # 二、2023年度部门决算报表: the tables part as a numbered section
    if level is None or known_title_only:
        # unnumbered line or `1、` item: a heading only when its title is a known one
        if kind is None:
            part = _classify_part(bare)
            if level is None and part is SectionKind.GLOSSARY and len(bare) <= 8:
                return part, 0, 0
            if level is None and part is SectionKind.TABLES and TABLES_PART_TITLE.search(bare):
                return part, 0, 0
            if level is None and in_annex and len(bare) <= 16 and ANNEX_SUBTITLE.search(bare):
                # 部门财政资金支出情况。: an annex heading that lost its number
                return SectionKind.OTHER, SIBLING, 0
            return None
        if level is None and (not UNNUMBERED_TITLE_END.search(bare) or title.endswith("。")):
            return None
        if level is None:
            level = 2 if kind.value.startswith(("general_budget_", "three_public_")) else 1
        if kind in nested_only and level < 2:
            return None
    if kind is None or in_annex:
        kind = SectionKind.OTHER
    return kind, level + (1 if in_annex else 0), title_start


_CUT_NUMBER = re.compile(r"\d[\d,]*\.?$")



def _without_year(title: str) -> str:
    """A title without the year it opens with (``2024年度收入决算情况说明``): titles anchored
    at their start are matched without it too."""
    year = TITLE_YEAR.match(title)
    return title[year.end():] if year is not None else title


def _next_line(source: str, stop: int) -> str:
    """The next line with text after the line ending at *stop*, folded (bounded look)."""
    pos = stop + 1
    for _ in range(4):
        if pos >= len(source):
            return ""
        nxt = source.find("\n", pos)
        nxt = len(source) if nxt < 0 else nxt
        folded = fold_range(source, pos, nxt)
        if folded:
            return folded
        pos = nxt + 1
    return ""


def _restarts_under(stack: list[_Heading], level: int, number: Phrase) -> _Heading | None:
    """The heading a numbered heading belongs under although its numbering is of that
    heading's level: one the contents page listed and the body writes without its number,
    when the numbering starts again at 1 below it (``其他相关情况说明``, listed as ``六、``,
    then ``一、…``, ``二、…``)."""
    parent = next((h for h in reversed(stack) if h.level == level), None)
    if parent is None or parent.listed is None or parent.number is not None:
        return None
    return parent if parent.children or ordinal_of(number.text) == 1 else None


def _restarts_below(source: str, at: int, stack: list[_Heading], level: int, number: Phrase,
                    kind: SectionKind) -> _Heading | None:
    """The open heading at *level* a heading of no known title belongs under when its
    numbering starts again at 1 in that heading's own numbering (``（一）一般公共服务支出
    （类）`` after ``（三）…具体情况``): a list under the heading, not a sibling of it."""
    if kind is not SectionKind.OTHER or ordinal_of(number.text) != 1:
        return None
    sibling = next((h for h in reversed(stack) if h.level == level), None)
    if sibling is None or sibling.number is None:
        return None
    before = ordinal_of(sibling.number.text)
    depth = _depth(number.text)
    if before is None or before < 2 or depth is None or _depth(sibling.number.text) != depth:
        return None
    # headings only since: a table of contents, then the body's first heading
    return sibling if _BODY_TEXT.search(source, sibling.body_start, at) else None


def _numbered_above(stack: list[_Heading], number: Phrase) -> _Heading | None:
    """The innermost open heading whose numbering ranks above *number*'s (``七、`` or
    ``（二）`` above ``1.``): a heading numbered *number* belongs below it."""
    depth = _depth(number.text)
    if depth is None:
        return None
    for heading in reversed(stack):
        if heading.number is not None and (
                (outer := _depth(heading.number.text)) is not None and outer < depth):
            return heading
    return None


def _continued(stack: list[_Heading], number: Phrase) -> _Heading | None:
    """The open heading *number* continues: written in the same numbering, one before it
    (``2.`` for ``3.``)."""
    name = _numbering_name(number.text)
    ordinal = ordinal_of(number.text)
    if name is None or ordinal is None or ordinal < 2:
        return None
    return next((h for h in reversed(stack) if h.number is not None
                 and _numbering_name(h.number.text) == name
                 and ordinal_of(h.number.text) == ordinal - 1), None)


def _next_sibling(stack: list[_Heading], level: int, number: Phrase) -> bool:
    """Whether *number* follows on from the number of the open heading at *level* (``9、``
    after ``八、``), whatever the numbering it is written in."""
    sibling = next((h for h in reversed(stack) if h.level == level), None)
    if sibling is None or sibling.number is None:
        return False
    before = ordinal_of(sibling.number.text)
    return before is not None and ordinal_of(number.text) == before + 1


#: Anything but white space and page numbers: text of a section's body.
_BODY_TEXT = re.compile(r"[^\s\d\-—]")


#: Each numbering of a heading with its usual depth in the outline, deepest last.
_NAMED: Final = tuple((row.name, compiled(row.name)) for row in NUMBERINGS
                      if row.name in ("part", "chapter", "jie", "chinese", "chinese_paren",
                                      "arabic"))
_DEPTHS: Final = tuple((compiled(row.name), row.depth) for row in NUMBERINGS
                       if row.name in ("part", "chapter", "jie", "chinese", "chinese_paren",
                                       "arabic"))


@lru_cache(maxsize=256)
def _numbering_name(number: str) -> str | None:
    """The numbering *number* is written in (``第二章``: ``chapter``), of those of
    :data:`_DEPTHS`."""
    folded = number.strip()
    return next((name for name, pattern in _NAMED if pattern.match(folded)), None)


@lru_cache(maxsize=256)
def _depth(number: str) -> int | None:
    """The usual depth of the numbering *number* is written in (``（二）``: 2)."""
    folded = number.strip()
    return next((depth for marker, depth in _DEPTHS if marker.match(folded)), None)


def _may_open_part(folded: str) -> bool:
    """True when a folded line may be a part's heading (``第三部分…``, or a part's title
    written alone: ``名词解释``, ``2026年部门预算表``); False for every other line."""
    return folded.startswith(_PART_STARTS) or _ANY_PART.search(folded) is not None


#: The first characters of a part's number (``第``).
_PART_STARTS: Final = tuple(starts(next(row.numbering for row in HEADING_NUMBERINGS
                                        if row.opens == "part")))


def _push(roots: list[_Heading], stack: list[_Heading], heading: _Heading) -> list[_Heading]:
    """Place *heading* in the tree under the open heading of a lower level."""
    while stack and stack[-1].level >= heading.level:
        stack.pop().end = heading.start
    if stack and (rows := SUBSECTION_TITLES.get(stack[-1].kind)) is not None:
        # （三）具体情况 under 一般公共预算…支出决算情况说明: its parent's detail
        heading.kind = next((kind for kind, title in rows if title.search(heading.title.text)),
                            heading.kind)
    if stack:
        stack[-1].children.append(heading)
    else:
        roots.append(heading)
    stack.append(heading)
    return stack


def _part_title(source: str, stop: int) -> tuple[list[tuple[int, int]], int] | None:
    """The title of a part marker written alone (``第三部分``) when its next line is not
    a title by itself: the first one or two lines, before running text starts, that
    together name a kind of part (table cells between are passed over).  Returns the title's line
    ranges and where the body begins."""
    lines: list[tuple[int, int, str]] = []
    pos = stop + 1
    while pos < len(source) and len(lines) < 80:
        nxt = source.find("\n", pos)
        nxt = len(source) if nxt < 0 else nxt
        folded = fold_range(source, pos, nxt)
        if folded and not _BARE_CELL.fullmatch(folded):
            if _SENTENCE_END.search(folded) or len(folded) > 40:
                break  # running text: the title would have come before
            lines.append((pos, nxt, folded))
        pos = nxt + 1
    if not lines or _classify_part(lines[0][2]) is not SectionKind.OTHER or len(lines[0][2]) > 40:
        return None  # the next line is the title, or not one: the usual path decides
    for i in range(len(lines)):
        for j in (i, i + 1):
            if j >= len(lines):
                break
            text = "".join(line[2] for line in lines[i : j + 1])
            if len(text) <= 40 and _classify_part(text) is not SectionKind.OTHER:
                return [(a, b) for a, b, _ in lines[i : j + 1]], min(lines[j][1] + 1,
                                                                     len(source))
    return None


_BARE_CELL = re.compile(r"[\d,.%\-]+")


def _run_in_heading(source: str, start: int, stop: int, folded: str, in_annex: bool,
                    titles: TitleTable, nested_only: frozenset[SectionKind],
                    ) -> tuple[tuple[SectionKind, int, int], int] | None:
    """A numbered heading of a known title followed on its line by its text (``（二）政府
    采购。2026年…``): the heading found and where its title ends in *source* (at the
    ``。``), or None.  (A title before a colon is a glossary's term: ``24.“三公”经费：指…``.)"""
    cut = _RUN_IN_END.search(folded, 0, _RUN_IN_REACH)
    if cut is None or cut.end() == len(folded):
        return None
    found = _heading_of(folded[:cut.start()], in_annex, titles, nested_only)
    if found is None or found[0] is SectionKind.OTHER or found[2] == 0:
        return None
    return found, TextView(source, start, stop).span(cut.start(), cut.end()).start


#: Where a run-in heading's title ends, and how far into its line it may.
_RUN_IN_END: Final = re.compile(r"。")
_RUN_IN_REACH: Final = 30


def _wrapped_title(source: str, stop: int) -> tuple[str, int] | None:
    """The rest of a heading wrapped onto the next line (``…支出预算情`` / ``况说明``)."""
    nxt = source.find("\n", stop + 1)
    nxt = len(source) if nxt < 0 else nxt
    folded = fold_range(source, stop + 1, nxt)
    if WRAPPED_TITLE_TAIL.fullmatch(folded):
        return folded, nxt
    return None


#: A heading's number written alone on its line (its title on the next).
_NUMBER_ONLY = compiled(*(row.numbering for row in HEADING_NUMBERINGS
                          if row.opens != "known_title"))


def _number_only(folded: str) -> bool:
    return len(folded) < 8 and _NUMBER_ONLY.fullmatch(folded) is not None


def build_sections(source: str, skip: tuple[Region, ...] = (),
                   titles: TitleTable = SECTION_TITLES,
                   nested_only: frozenset[SectionKind] = NESTED_ONLY) -> tuple[Section, ...]:
    """The report's section tree: the parts at level 0, sections and subsections below.

    A table of contents (the part headings listed once before the report proper) is
    kept as one :attr:`SectionKind.CONTENTS` section; headings inside a tables part are
    table rows, not sections.  Lines inside the *skip* regions (page marks, charts,
    tables, the table of contents: see :func:`~finreport._layout.find_regions`) are
    never headings.
    """
    region_starts = [r.span.start for r in skip]
    entries = _contents_entries(source, skip)
    ends = tuple(e.title for e in entries)
    roots: list[_Heading] = []
    stack: list[_Heading] = []
    in_annex = False  # an annex heading is open on the stack
    pending: tuple[int, str] | None = None  # a number alone on its line, awaiting its title
    after_break = True  # the line before ended a sentence (or there was none)
    resume = 0  # lines before this offset were taken as a heading's title
    continued: _Heading | None = None  # an annex heading whose title may go on
    for start, line in split_lines(source):
        stop = start + len(line)
        if stop - start > 200:
            # far too long for a heading (titles fold to at most 60 characters)
            pending = None
            continued = None
            continue
        if not line.strip():
            continue
        if skip and (k := bisect_right(region_starts, start) - 1) >= 0 and (
                skip[k].span.end > start):
            region = skip[k]
            if region.kind is RegionKind.CONTENTS and not any(
                    r.kind is SectionKind.CONTENTS for r in roots):
                for heading in stack:
                    heading.end = region.span.start
                stack = []
                in_annex = False
                roots.append(_Heading(SectionKind.CONTENTS, 0, None, Phrase("目录", Span(
                    region.span.start, region.span.start)), region.span.start,
                    region.span.start, end=region.span.end))
            continue
        if start < resume:
            continue
        folded = fold_range(source, start, stop)
        if pending is None and _PART.fullmatch(folded) and (
                found_part := _part_title(source, stop)) is not None:
            # 第三部分 alone, its title a few lines on, past table cells
            title_ranges, resume = found_part
            title_view = TextView(source, ranges=title_ranges)
            title = title_view.phrase(0, len(title_view.text))
            marker = TextView(source, start, stop).phrase(0, len(folded))
            in_annex = False  # a part closes every heading below it
            stack = _push(roots, stack, _Heading(_classify_part(title.text), 0, marker, title,
                                                 start, min(resume, len(source))))
            continue
        if pending is None and _number_only(folded) and len(folded) < 8:
            pending = (start, folded)
            continue
        if pending is None and folded and "(" not in folded and _INNER_PUNCT.search(
                folded.rstrip("。.:")) and (folded[0] not in _NUMBERING_STARTS
                                           or _ANY_HEADING_MARKER.match(folded) is None):
            # most lines: unnumbered, with a comma or a full stop inside and no bracket
            # (no reference cut from a title's end): body text or a table's row, never a
            # heading, a listed title, a table's title or an annex title going on
            after_break = folded.endswith(PARAGRAPH_BREAK_ENDS)
            continued = None
            continue
        if pending is None and stack and stack[0].kind is SectionKind.TABLES and (
                stack[0].level == 0) and not _may_open_part(folded):
            # inside a tables part: only a part's heading ends it (every heading below a
            # part is a table's row there, and the contents' entries are all below parts)
            after_break = folded.endswith(PARAGRAPH_BREAK_ENDS)
            continued = None
            continue
        head_start, number_text = pending if pending is not None else (start, "")
        pending = None
        line_text = number_text + folded
        found = _heading_of(line_text, in_annex, titles,
                            nested_only) if 0 < len(line_text) <= _LONGEST_HEADING else None
        if found is not None and not number_text and found[2] == 0 and found[1] != 0 and (
                not after_break):
            found = None  # an unnumbered title must start a paragraph
        after_break = folded.endswith(PARAGRAPH_BREAK_ENDS)
        if found is None and not number_text and folded[:1] in _NUMBERING_STARTS and not any(
                h.kind is SectionKind.GLOSSARY for h in stack) and (
                run_in := _run_in_heading(source, start, stop, folded, in_annex, titles,
                                          nested_only)) is not None:
            # （二）政府采购。2026年政府采购预算…: a known title, its text on its line; the
            # first of its numbering, or after a heading numbered one before it (not
            # 2．基本支出预算编制。… after 1．收入执收计划编制。…, items of a paragraph)
            number_of = Phrase(folded[:run_in[0][2]], Span(start, start))
            if ordinal_of(number_of.text) == 1 or _continued(stack, number_of) is not None:
                found, stop = run_in
                line = source[start:stop]
                folded = fold_range(source, start, stop)
        if found is not None and found[1] > 0 and found[0] is not SectionKind.ANNEX and (
                not HEADING_END.search(folded.rstrip("。.:"))) and (
                _CUT_NUMBER.search(folded) or AMOUNT_START.match(_next_line(source, stop))):
            # （二）公用经费 / 0.01万元。, （一）收入预算总计 / 21,955.35 万元。包括：
            # a list item whose amount went to the next line, not a heading
            found = None
        if found is not None and found[0] is not SectionKind.ANNEX and not HEADING_END.search(
                found_title := (number_text + folded)[found[2]:].rstrip("。.:")):
            wrap = _wrapped_title(source, stop)
            if wrap is not None:
                found_title += wrap[0]
                stop = wrap[1]
                line = source[start:stop]
                if found[0] is SectionKind.OTHER:
                    # 六、一般 / 公共预算基本支出预算情况: the title's kind is the whole's
                    found = (_classify_section(_bare(found_title), titles) or found[0],
                             found[1], found[2])
        if found is None and not number_text and not _INNER_PUNCT.search(folded) and (
                is_table_title(folded)) and not any(
                h.kind is SectionKind.TABLES for h in stack):
            # a standard table's title with no heading of the tables part before it: the
            # tables part starts here, at the level the contents lists it at (单位预算表)
            listed = next((e for e in entries if e.title.endswith("表")), None)
            level = listed.level if listed is not None else (1 if stack else 0)
            if listed is not None:
                entries.remove(listed)
                ends = tuple(e.title for e in entries)
            view = TextView(source, start, stop)
            stack = _push(roots, stack, _Heading(SectionKind.TABLES, level, None,
                                                 view.phrase(0, len(view.text)), start, start,
                                                 listed=listed))
            in_annex = False
            continued = None
            continue
        if (found is None or (found[1] == 0 and found[2] == 0)) and not number_text and (
                entry := _listed(folded, entries, ends)) and not any(
                h.kind is SectionKind.TABLES and h.level < entry.level for h in stack):
            # a heading the contents page lists, written otherwise in the body
            entries.remove(entry)
            ends = tuple(e.title for e in entries)
            view = TextView(source, start, stop)
            kind = found[0] if found is not None else _classify_section(
                _bare(folded), titles) or _classify_section(entry.title, titles) or (
                SectionKind.OTHER)
            heading = _Heading(kind, entry.level, None, view.phrase(0, len(view.text)), start,
                               min(stop + 1, len(source)), listed=entry)
            stack = _push(roots, stack, heading)
            in_annex = False
            continued = None
            continue
        if found is None and stack and not number_text and (
                folded == stack[-1].title.text or (len(folded) >= 4
                                                    and stack[-1].title.text.endswith(folded))
        ) and not _BODY_TEXT.search(source, stack[-1].body_start, head_start):
            # 七、…情况说明 / …情况说明: the title written again under its heading (the PDF's
            # text layer), or the last line of a title wrapped over two, no part of the body
            stack[-1].body_start = min(stop + 1, len(source))
            continue
        if found is None:
            if continued is not None and _TITLE_CONTINUES.fullmatch(folded):
                # an annex title written over two or three lines
                head = continued.title
                continued.title = Phrase(head.text + folded, Span(head.span.start,
                                                                  start + len(line.rstrip())))
                continued.body_start = min(stop + 1, len(source))
                if ANNEX_TITLE_END.search(continued.title.text):
                    continued = None
            else:
                continued = None
            continue
        continued = None
        kind, level, title_start = found
        if level == SIBLING:
            if not stack or stack[-1].level < 2:
                continue
            level = stack[-1].level
        tables = next((h for h in stack if h.kind is SectionKind.TABLES), None)
        if tables is not None and (level > tables.level or (
                level == tables.level and level > 0 and (not HEADING_END.search(
                    fold_range(source, start, stop).rstrip("。.:")) or AMOUNT_START.match(
                        _next_line(source, stop))))):
            # a row label of the tables part (一、财政拨款收入; 四、灾害防治及应急管理 with its
            # amounts on the next line), not a heading
            continue
        view = TextView(source, start, stop)
        title_from = max(0, title_start - len(number_text))
        title = view.phrase(title_from, len(view.text))
        if number_text:
            number: Phrase | None = TextView(source, head_start, start).phrase(
                0, len(number_text))
        elif title_start:
            number = view.phrase(0, title_start)
        else:
            number = None
        if number is not None and (parent := _restarts_under(stack, level, number)):
            level = parent.level + 1  # 一、 again under a heading the contents numbered 六、
        elif number is not None and (parent := _restarts_below(source, head_start, stack, level,
                                                               number, kind)):
            level = parent.level + 1
        elif number is not None and (before := _continued(stack, number)) is not None:
            level = before.level  # 3. after 2. under （八）: the list of headings goes on
        elif number is not None and (outer := _numbered_above(stack, number)) is not None and (
                outer.level >= level) and not _next_sibling(stack, level, number):
            # 1.项目支出绩效目标表 under （二）: a known title numbered deeper nests (八、 then
            # 9、 is a sibling written in the wrong numbering)
            level = outer.level + 1
        if number is None and stack and title.text == stack[-1].title.text and not (
                _BODY_TEXT.search(source, stack[-1].body_start, head_start)):
            # the title written again at the top of its next page, or right under itself
            stack[-1].body_start = min(stop + 1, len(source))
            continue
        heading = _Heading(kind, level, number, title, head_start, min(stop + 1, len(source)))
        if level == 0 and number is not None and roots and "。" not in source[
            roots[0].start : head_start
        ] and any(root.number is not None and root.number.text == number.text
                  for root in roots):
            # the same part heading again after headings only: a table of contents
            first = roots[0]
            contents = _Heading(SectionKind.CONTENTS, 0, None, Phrase("目录", Span(first.start,
                first.start)), first.start, first.start, end=head_start)
            roots = [contents]
            stack = []
        stack = _push(roots, stack, heading)
        in_annex = any(h.kind is SectionKind.ANNEX for h in stack)
        if kind is SectionKind.ANNEX and not ANNEX_TITLE_END.search(title.text):
            continued = heading
    for heading in stack:
        heading.end = len(source)
    return tuple(root.freeze(len(source)) for root in roots)
