"""Template residue: words of the template that were never filled in or removed."""

from __future__ import annotations

import re
from typing import Final

from ..model.figures import Year
from ..model.span import Phrase
from ..text.view import TextView

__all__ = ["AS_OF", "ORGANIZATION_SUFFIXES", "TEMPLATE_RESIDUE", "find_as_of",
           "find_name_variants", "find_residue"]

#: Template residue, as it stands in the folded text; one row per kind of residue.
TEMPLATE_RESIDUE: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("both directions", re.compile(
        r"增加/减少|减少/增加|增长/下降|下降/增长|大于/小于|小于/大于"
        r"|增加\(减少\)|减少\(增加\)|增长\(下降\)|下降\(增长\)|大于\(小于\)|小于\(大于\)")),
    ("blank", re.compile(r"X{2,}")),
    ("placeholder", re.compile(r"\((?:具体工作|接待具体项目、金额|具体项目|项目名称|制度名称)\)")),
    # a chart's data label never filled in (Office writes [值] / [VALUE] / [CELLRANGE])
    ("chart label", re.compile(r"\[(?:值|VALUE|CELLRANGE|单元格区域)\]")),
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


#: How the names of organizations end; the longest that fits is the name's suffix.
ORGANIZATION_SUFFIXES: Final[tuple[str, ...]] = (
    "总工会", "委员会", "联合会", "协会", "中心", "局", "委", "办", "院", "会", "厅", "部", "处",
    "所", "馆", "站", "队", "社", "校", "园",
)


def find_name_variants(view: TextView, name: str) -> list[Phrase]:
    """Places where *name* is written with one character changed.

    Every occurrence of the name's suffix (``总工会``, ``局`` …) is read back over the
    length of the name; a stretch that starts like the name and differs from it in
    exactly one other character, a Chinese one, is a variant (``广元市昭化县总工会`` for
    ``广元市昭化区总工会``).  Shorter forms (``区总工会``) and other organizations
    (``市总工会``) start differently and are not variants.
    """
    suffix = next((s for s in ORGANIZATION_SUFFIXES if name.endswith(s)), None)
    if suffix is None or len(name) < 4:
        return []
    found = []
    text = view.text
    start = text.find(suffix)
    while start >= 0:
        end = start + len(suffix)
        begin = end - len(name)
        if begin >= 0:
            written = text[begin:end]
            diff = [i for i, (a, b) in enumerate(zip(written, name, strict=True)) if a != b]
            if len(diff) == 1 and diff[0] > 0 and (
                    "\u4e00" <= written[diff[0]] <= "\u9fff"):  # a Chinese character
                found.append(view.phrase(begin, end))
        start = text.find(suffix, end)
    return found
