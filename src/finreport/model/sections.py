"""The section tree: a heading and what stands under it."""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from .numerals import ordinal_of
from .span import Phrase, Span

__all__ = ["Section", "SectionKind"]


class SectionKind(enum.Enum):
    """What a section of a report holds (docs/domain.md's anatomy)."""

    OVERVIEW = "overview"
    TABLES = "tables"
    NARRATIVE = "narrative"
    GLOSSARY = "glossary"
    ANNEXES = "annexes"
    CONTENTS = "contents"
    FUNCTIONS = "functions"
    INSTITUTIONS = "institutions"
    OVERALL = "overall"
    INCOME = "income"
    EXPENDITURE = "expenditure"
    FISCAL_APPROPRIATION = "fiscal_appropriation"
    GENERAL_BUDGET = "general_budget"
    GENERAL_BUDGET_OVERALL = "general_budget_overall"
    GENERAL_BUDGET_STRUCTURE = "general_budget_structure"
    GENERAL_BUDGET_DETAIL = "general_budget_detail"
    BASIC_EXPENDITURE = "basic_expenditure"
    THREE_PUBLIC = "three_public"
    THREE_PUBLIC_OVERALL = "three_public_overall"
    THREE_PUBLIC_DETAIL = "three_public_detail"
    GOVERNMENT_FUND = "government_fund"
    STATE_CAPITAL = "state_capital"
    PERFORMANCE = "performance"
    OTHER_MATTERS = "other_matters"
    OPERATING_COSTS = "operating_costs"
    PROCUREMENT = "procurement"
    ASSETS = "assets"
    ANNEX = "annex"
    OTHER = "other"


@attrs.frozen(repr=False)
class Section:
    """A heading and what stands under it.

    ``number`` is the numbering as written (``九、``, ``9、``, ``（二）``, ``第3部分``) or
    ``None`` when the heading has none; ``span`` covers the whole section, ``body`` the
    text under the heading up to the first child heading (or the section's end);
    ``listed`` the entry of the contents page the heading was found by, when the body
    writes it differently (``四、单位预算编制说明`` for the heading
    ``2026年单位预算编制说明``).
    """

    kind: SectionKind
    level: int
    number: Phrase | None
    title: Phrase
    span: Span
    body: Span
    children: tuple[Section, ...] = ()
    listed: Phrase | None = None

    def walk(self) -> Iterator[Section]:
        """This section and all below it, in text order."""
        if not self.children:
            return iter((self,))
        found: list[Section] = []
        stack = [self]
        while stack:
            section = stack.pop()
            found.append(section)
            stack.extend(reversed(section.children))
        return iter(found)

    @property
    def ordinal(self) -> int | None:
        """The number the heading writes, as an integer (``九、`` and ``9、`` give 9)."""
        return ordinal_of(self.number.text) if self.number is not None else None

    def __repr__(self) -> str:
        return (f"Section({self.kind.value}, {self.title.text!r}, "
                f"{len(self.children)} subsections @{self.span.start}:{self.span.end})")
