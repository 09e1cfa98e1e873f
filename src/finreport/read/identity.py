"""The report's identity: its kind, organization and fiscal year, read from its title
lines and sections."""

from __future__ import annotations

from ..model.figures import Year
from ..model.kinds import ReportKind
from ..model.sections import Section, SectionKind
from ..model.span import Phrase
from ..templates.forms import FORM_TITLE_END
from ..templates.identity import (
    GENERIC_ORG,
    ORGANIZATION_PATTERNS,
    TITLE_KIND,
    UNIVERSITY,
    YEAR_KIND,
)
from ..text.view import TextView, fold

__all__ = ["detect_kind", "read_identity"]





def detect_kind(text: str) -> ReportKind:
    """The kind of report *text* is, from its first lines (the cover and title).

    >>> detect_kind("西南大学 2023 年度部门决算\\n")
    <ReportKind.UNIVERSITY_FINAL_ACCOUNTS: 'university_final_accounts'>
    >>> detect_kind("江苏省委办公厅 2017 年度部门预算\\n")
    <ReportKind.BUDGET: 'budget'>
    >>> detect_kind("某某局2026年项目支出绩效目标表\\n")
    <ReportKind.PERFORMANCE_FORM: 'performance_form'>
    """
    head = fold(text[:600])
    m = TITLE_KIND.search(head)
    if m is None:
        title = next((line for line in text[:600].split("\n") if line.strip()), "")
        if FORM_TITLE_END.search(fold(title)) is not None:
            return ReportKind.PERFORMANCE_FORM  # a document that is only forms
    budget = m is not None and m.group("kind") == "预算"
    university = UNIVERSITY.search(head[: m.start()] if m else head[:60]) is not None
    if university:
        return ReportKind.UNIVERSITY_BUDGET if budget else ReportKind.UNIVERSITY_FINAL_ACCOUNTS
    return ReportKind.BUDGET if budget else ReportKind.FINAL_ACCOUNTS


def read_identity(source: str, sections: tuple[Section, ...],
              ) -> tuple[Phrase | None, Year | None]:
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
