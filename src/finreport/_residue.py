"""Template residue: words of the template that were never filled in or removed."""

from __future__ import annotations

import re
from typing import Final

from ._figures import Year
from ._span import Phrase
from ._view import TextView

__all__ = ["AS_OF", "TEMPLATE_RESIDUE", "find_as_of", "find_residue"]

#: Template residue, as it stands in the folded text; one row per kind of residue.
TEMPLATE_RESIDUE: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("both directions", re.compile(
        r"增加/减少|减少/增加|增长/下降|下降/增长|大于/小于|小于/大于"
        r"|增加\(减少\)|减少\(增加\)|增长\(下降\)|下降\(增长\)|大于\(小于\)|小于\(大于\)")),
    ("blank", re.compile(r"X{2,}")),
    ("placeholder", re.compile(r"\((?:具体工作|接待具体项目、金额|具体项目|项目名称|制度名称)\)")),
    ("slot", re.compile(r"(?<=主要用于)\([^()]{2,60}\)")),
    ("instruction", re.compile(
        r"\([^()]{0,80}?(?:罗列|可用表格|如持平|不涉及的不列|至类级|至项级|至款级|根据部门实际|非涉密部门"
        r"|若未组织|列明|填写|按上述格式)[^()]{0,120}?\)")),
    ("either unit", re.compile(r"本部门\(单位\)|本单位\(部门\)")),
)

#: Dates given as "as of" a day: ``截至2020年12月31日``.
AS_OF: Final[re.Pattern[str]] = re.compile(r"截[至止](\d{4})年(?:\d{1,2}月)?(?:\d{1,2}日)?")


def find_residue(view: TextView) -> list[Phrase]:
    """Every piece of template residue in the view, in text order."""
    found = []
    for _, pattern in TEMPLATE_RESIDUE:
        for m in pattern.finditer(view.text):
            found.append((m.start(), m.end()))
    found.sort()
    merged: list[tuple[int, int]] = []
    for a, b in found:
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return [view.phrase(a, b) for a, b in merged]


def find_as_of(view: TextView) -> list[Year]:
    """The years of every ``截至…`` date in the view."""
    return [Year(int(m.group(1)), view.span(m.start(1), m.end(1) + 1))
            for m in AS_OF.finditer(view.text)]
