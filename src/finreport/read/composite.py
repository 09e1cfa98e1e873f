"""Where a text goes on with another report.

A crawler's file may hold more than one report: a department's consolidated budget
followed by each unit's own (``XX局2026年部门预算（汇总）`` … ``XX中心2026年单位预算``), two
departments' reports bound together, a budget and its final accounts, a report and its
corrected version.  Read as one report, the second's figures would be compared with the
first's as if they were the same quantities.  So the reading ends the first report where
another begins, and :func:`finreport.parse_all` reads each.

Another report begins, after the first one's body, where

- a title line names another organization (``XX中心2026年单位预算`` after ``XX局2026年部门
  预算``; a short or abbreviated form of this one's name is this one) and the headings
  after it start afresh: a contents page, a first part, or a first heading numbered one
  that is not the first section of a part whose heading stands just above the line
  (that line is a page's header);
- a title line names this organization's report of another year, stage or coverage,
  before a contents page or a first part; or
- the parts' numbering starts again (``第一部分`` after ``第三部分``, after parts with
  bodies): at the title or the contents page written just before it, or, with none,
  there only when the parts go as a report's do (概况, then the budget's or final
  accounts' own part; an annex's own parts are no report).

A title of the same identity (a running header, the tables part's cover) is the same
report; a title line followed by headings that go on numbering is read as part of it.
"""

from __future__ import annotations

from typing import Final

import attrs

from ..model.figures import Year
from ..model.kinds import Consolidation
from ..model.sections import Section, SectionKind
from ..model.span import Phrase
from ..templates.identity import (
    ORGANIZATION_END,
    STAGE_WORD,
    TITLE_KIND,
    TITLE_TAIL,
    YEAR_LINE,
)
from ..templates.layout import CONTENTS_LEADERS, HEADING_NUMBER, SENTENCE_PUNCTUATION
from ..text.view import fold_range
from .identity import Title, read_title

__all__ = ["Identity", "next_report"]

#: A title line is short: longer lines are running text.
_TITLE_LINE_MAX: Final = 60
#: How far after its title line another report's cover looks for its own title lines.
_COVER_WINDOW: Final = 4000
#: The most a title line writes after its stage word (``…部门预算（公开版）``), and the
#: longest title line as written (its spaces counted).
_TAIL_MAX: Final = 24
_LINE_MAX: Final = 160
_SENTENCE_MARKS: Final = ("。", "；", "，")

_CONTENTS_WORDS: Final = frozenset({"目录", "目", "录"})
#: How many lines before the headings that start afresh a cover's title is looked for.
_COVER_LINES: Final = 8

#: How many lines before its kind words a title may write its year and organization.
_TITLE_LINES_BEFORE: Final = 3

#: A part has a body when it spans this many lines: fewer is a contents page's entry.
_BODY_LINES: Final = 3


@attrs.frozen
class Identity:
    """The identity a report's reading found: what another report's title is compared
    with (the organization's name, the fiscal year, budget or final accounts, coverage)."""

    organization: str | None
    year: int | None
    budget: bool
    consolidation: Consolidation | None

    @classmethod
    def of(cls, organization: Phrase | None, year: Year | None, budget: bool,
           consolidation: Consolidation | None) -> Identity:
        """The identity of a report read with these figures."""
        return cls(organization.text if organization is not None else None,
                   year.value if year is not None else None, budget, consolidation)

    def other_than(self, title: Title) -> str | None:
        """What makes *title* another report's: ``"organization"`` (another name, not a
        short or abbreviated form of this one: ``数据局`` is ``苏州市数据局``, ``中共广州市委
        宣传部`` is ``中国共产党广州市委员会宣传部``; a unit of it, ``…局机关服务中心``, is
        another), ``"edition"`` (this organization's report of another year, stage or
        coverage), or None (the same report, or no report's title)."""
        if title.kind is None or title.organization is None or title.year is None or (
                ORGANIZATION_END.search(title.organization.text) is None):
            return None  # no title of a report: a wrapped heading (…2018 / 年度预算情况说明)
        if self.organization is None:
            return None  # no identity to tell another from
        if not _same_organization(title.organization.text, self.organization):
            return "organization"
        if self.year is not None and title.year.value != self.year:
            return "edition"
        if title.kind.is_budget != self.budget:
            return "edition"
        if (title.consolidation is not None and self.consolidation is not None
                and title.consolidation is not self.consolidation):
            return "edition"
        return None


def _same_organization(one: str, other: str) -> bool:
    """True when two names name one organization: equal, one the other's end (the city
    left out), or the shorter's characters all in the longer (an abbreviation); a name
    that begins with the other and goes on names one of its units."""
    short, long = sorted((one, other), key=len)
    if short == long or long.endswith(short):
        return True
    if long.startswith(short):
        return False  # 临江市农业农村局 / 临江市农业农村局机关服务中心: its unit
    return set(short) <= set(long)


def next_report(source: str, sections: tuple[Section, ...], identity: Identity,
                marks: frozenset[int] = frozenset()) -> int | None:
    """Where another report begins in *source* (the start of its first line), or None
    when the text holds one report (see the module's docstring).  *marks* are the starts
    of the lines that are page marks (a running header written again is no title)."""
    body = next((root.span.start for root in sections if root.kind is not SectionKind.CONTENTS),
                None)
    if body is None:
        return None
    heads = sorted((s for root in sections for s in root.walk()), key=lambda s: s.span.start)
    found = _restart(source, sections)
    limit = found if found is not None else len(source)
    floor = body
    just_after_part = False
    for head in heads:
        start = head.span.start
        if start <= body or start > limit:
            floor = max(floor, start)
            continue
        anew = head.kind is SectionKind.CONTENTS or _first_part(head) or bool(
            CONTENTS_LEADERS.search(head.title.text))
        if anew or (head.ordinal == 1 and not just_after_part):
            # headings start afresh after a title: another report's cover?  (Not a title
            # line between a part's heading and its 一、: a page's header.)  Another
            # edition of this organization's report only before a contents page or a
            # first part.
            for line in _lines_before(source, start, floor):
                if line in marks:
                    continue
                begin = _cover_start(source, line)
                other = identity.other_than(read_title(source[begin:begin + _COVER_WINDOW]))
                if other == "organization" or (other == "edition" and anew):
                    return begin
        just_after_part = head.level == 0 and source.count(
            "\n", head.body.start, head.body.end) <= _BODY_LINES  # a part's heading alone
        floor = start
    if found is None:
        return None
    # the restarted numbering's own cover: a contents page or title just before it
    k = next(i for i, root in enumerate(sections) if root.span.start == found)
    restarted = sections[k]
    following = sections[k + 1] if k + 1 < len(sections) else None
    previous = sections[k - 1] if k > 0 else None
    if previous is not None and previous.kind is SectionKind.CONTENTS:
        found = previous.span.start
        previous = sections[k - 2] if k > 1 else None
    floor = previous.body.start if previous is not None else body
    cover = [start for start, _ in _title_lines(source, floor, found)
             if read_title(source[start:start + _COVER_WINDOW]).kind is not None]
    if cover:
        return _cover_start(source, cover[-1])
    # parts numbered again with no title before them: another report only when they go
    # as a report's do (概况, then the budget's or final accounts' own part), not an
    # annex's own parts (部门基本情况, 绩效自评情况)
    report_like = restarted.kind is SectionKind.OVERVIEW and following is not None and (
        following.kind in (SectionKind.NARRATIVE, SectionKind.TABLES))
    return found if report_like else None


def _first_part(head: Section) -> bool:
    """True for a part numbered one (``第一部分``)."""
    return head.number is not None and "部分" in head.number.text and head.ordinal == 1


def _lines_before(source: str, start: int, floor: int) -> list[int]:
    """The starts of the title lines (:func:`_title_lines`) among the few lines written
    before *start*, after *floor*, in text order (a contents page's entries and its
    ``目录`` are looked through, not counted)."""
    found = []
    end = start - 1
    counted = 0
    while counted < _COVER_LINES and end > floor:
        begin = source.rfind("\n", 0, end) + 1
        if begin < floor:
            break
        if _title_lines(source, begin, end):
            found.append(begin)
        folded = fold_range(source, begin, end)
        if folded and not (CONTENTS_LEADERS.search(folded) or folded in _CONTENTS_WORDS):
            counted += 1
        end = begin - 1
    return found[::-1]


def _cover_start(source: str, start: int) -> int:
    """The start of a title whose kind words' line starts at *start*: the lines just
    before it that are its year (``2026年度``) or its organization (``福州市科学技术局
    （本级）``), up to a few."""
    for _ in range(_TITLE_LINES_BEFORE):
        end = source.rfind("\n", 0, start)
        if end < 0:
            break
        begin = source.rfind("\n", 0, end) + 1
        folded = fold_range(source, begin, end)
        if not folded or len(folded) > _TITLE_LINE_MAX or any(
                mark in folded for mark in _SENTENCE_MARKS) or not (
                YEAR_LINE.fullmatch(folded) or ORGANIZATION_END.search(folded)):
            break
        start = begin
    return start


def _restart(source: str, sections: tuple[Section, ...]) -> int | None:
    """The start of the first part numbered one after a part numbered two or more, when
    the parts before it have bodies (not a contents page whose lines were read as
    headings)."""
    last = None
    bodies = False
    for root in sections:
        if root.number is None or "部分" not in root.number.text:
            continue
        ordinal = root.ordinal
        if ordinal == 1 and last is not None and last >= 2 and bodies:
            return root.span.start
        last = ordinal
        bodies = bodies or source.count("\n", root.body.start, root.span.end) >= _BODY_LINES
    return None


def _title_lines(source: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The lines in ``[start, stop)`` shaped like a report's title line: short, no
    sentence, no heading number, ending in a report's kind words (``…2026年单位预算``,
    ``…部门决算公开``)."""
    lines: list[tuple[int, int]] = []
    at = start
    while (m := STAGE_WORD.search(source, at, stop)) is not None:
        line_start = source.rfind("\n", 0, m.start()) + 1
        line_end = source.find("\n", m.end())
        line_end = len(source) if line_end < 0 else line_end
        at = line_end + 1
        if line_start < start or line_end - m.end() > _TAIL_MAX or line_end - line_start > (
                _LINE_MAX) or any(source.find(mark, line_start, line_end) >= 0
                                  for mark in _SENTENCE_MARKS):
            continue  # the stage word far from the line's end, or a sentence: no title
        folded = fold_range(source, line_start, line_end)
        if len(folded) > _TITLE_LINE_MAX or SENTENCE_PUNCTUATION.search(folded) or (
                HEADING_NUMBER.match(folded)):
            continue
        if any(TITLE_TAIL.match(folded[k.end():]) for k in TITLE_KIND.finditer(folded)):
            lines.append((line_start, line_end))
    return lines
