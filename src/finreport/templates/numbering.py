"""The numbering grammar: every way the reports number their parts, headings and list
items, written once.

Each :class:`Numbering` is one way of numbering (``第三部分``, ``三、``, ``（三）``, ``3.``,
``（3）``, ``③``, ``附件3``, ``三是``): the pattern of its marker, with the number in group ``n``; its
usual depth in a report's outline; and how the template writes number *n* in it.  The
section reader, the text layer, the tables and the numbering rule (FR903) all build their
patterns from these rows, so a new way of numbering is one new row here.

Patterns are written for folded text (``finreport.text.view.fold``: full-width brackets
and digits made half-width) and accept the full-width brackets too, so that they also
serve on raw lines.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from ..model.numerals import NUMERALS

__all__ = [
    "CHINESE_NUMBER",
    "CIRCLED",
    "NUMBERINGS",
    "NUMERAL",
    "Numbering",
    "item_marker_before",
    "item_style_at",
    "item_style_before",
    "marker",
    "numbering",
    "starts",
]

#: One Chinese numeral, as a character class.
NUMERAL: Final[str] = f"[{NUMERALS}]"
#: A number written in Chinese numerals (一 … 九十九).
CHINESE_NUMBER: Final[str] = f"{NUMERAL}{{1,3}}"
#: The circled numbers ① … ⑳.
CIRCLED: Final[str] = "".join(chr(c) for c in range(ord("①"), ord("⑳") + 1))


@attrs.frozen
class Numbering:
    """One way of numbering.

    ``name`` names it; ``pattern`` is the marker's pattern, the number in group ``n``;
    ``depth`` is where it usually stands in the outline (0 the parts, 1 the sections
    ``一、``, 2 their subsections ``（一）``, then list items ``1.``, ``（1）``, ``①``);
    ``written`` is how the template writes number *n* (``{cn}`` Chinese numerals,
    ``{n}`` Arabic digits, ``{circled}`` a circled number); ``starts`` the characters a
    marker can start with (a line that starts otherwise is not matched at all).
    """

    name: str
    pattern: str
    depth: int
    written: str
    starts: str

    def write(self, n: int) -> str:
        """Number *n* written in this numbering (``write(3)`` of ``part``: ``第三部分``)."""
        return self.written.format(cn=_chinese(n), n=n,
                                   circled=CIRCLED[n - 1] if 1 <= n <= len(CIRCLED) else n)


_DIGITS = "0123456789"
_OPEN = "(（"

#: Every way of numbering, the most specific first (a line is tried row by row).
NUMBERINGS: Final[tuple[Numbering, ...]] = (
    Numbering("part", rf"第(?P<n>{NUMERAL}{{1,3}}|\d{{1,3}})部分", 0, "第{cn}部分", "第"),
    # 第一章 … 第一节 …: a chapter is a part; a 节 stands above 一、 (depth 0: a heading
    # numbered 一、 after it nests under it)
    Numbering("chapter", rf"第(?P<n>{NUMERAL}{{1,3}}|\d{{1,3}})章", 0, "第{cn}章", "第"),
    Numbering("jie", rf"第(?P<n>{NUMERAL}{{1,3}}|\d{{1,3}})节", 0, "第{cn}节", "第"),
    Numbering("annex", rf"(?:附件|附表)(?P<n>\d{{1,2}}|{CHINESE_NUMBER})", 1, "附件{n}", "附"),
    Numbering("chinese", rf"(?P<n>{CHINESE_NUMBER})、", 1, "{cn}、", NUMERALS),
    Numbering("chinese_paren", rf"[(（](?P<n>{CHINESE_NUMBER})[)）]", 2, "（{cn}）", _OPEN),
    Numbering("arabic", r"(?P<n>\d{1,2})(?:、|[.．](?!\d))", 3, "{n}.", _DIGITS),
    Numbering("arabic_paren", r"[(（](?P<n>\d{1,2})[)）]", 4, "（{n}）", _OPEN),
    Numbering("circled", rf"(?P<n>[{CIRCLED}])", 5, "{circled}", CIRCLED),
    # the reasons or measures of one sentence: 一是…；二是…
    Numbering("ordinal_clause", rf"(?P<n>{CHINESE_NUMBER})是", 6, "{cn}是", NUMERALS),
)

_BY_NAME: Final[dict[str, Numbering]] = {row.name: row for row in NUMBERINGS}


def numbering(name: str) -> Numbering:
    """The row of :data:`NUMBERINGS` called *name*."""
    return _BY_NAME[name]


def marker(*names: str, number: bool = False) -> str:
    """The pattern of a marker of any of the numberings *names*, as a non-capturing group;
    with *number*, the number stays in group ``n`` (one numbering only)."""
    if number:
        (name,) = names
        return f"(?:{_BY_NAME[name].pattern})"
    return "(?:" + "|".join(_anonymous(_BY_NAME[name].pattern) for name in names) + ")"


def starts(*names: str) -> frozenset[str]:
    """The characters a marker of any of the numberings *names* can start with."""
    return frozenset("".join(_BY_NAME[name].starts for name in names))


def _anonymous(pattern: str) -> str:
    return pattern.replace("(?P<n>", "(?:")


def _chinese(n: int) -> str:
    """*n* (1 to 99) in Chinese numerals: 3 → 三, 10 → 十, 12 → 十二, 20 → 二十; Arabic
    digits beyond."""
    if not 1 <= n <= 99:
        return str(n)
    tens, units = divmod(n, 10)
    written = (NUMERALS[tens - 1] if tens > 1 else "") + ("十" if tens else "")
    return written + (NUMERALS[units - 1] if units else "")


def compiled(*names: str, anchored: bool = True) -> re.Pattern[str]:
    """A compiled pattern matching a marker of any of *names* (at the start of the text
    when *anchored*)."""
    return re.compile(("^" if anchored else "") + marker(*names))


#: The numberings of list items inside a section's text.
_ITEM_STYLE_NAMES: Final = ("chinese_paren", "arabic", "arabic_paren", "circled",
                            "ordinal_clause")
#: One pattern of all their markers, each numbering in a group of its name: standing
#: right before a point (white space between them allowed), or at a text's start.
_ITEM_BEFORE: Final = re.compile(
    "(?:" + "|".join(f"(?P<{name}>{marker(name)})" for name in _ITEM_STYLE_NAMES) + r")\s*$")
_ITEM_AT: Final = re.compile(
    "(?:" + "|".join(f"(?P<{name}>{marker(name)})" for name in _ITEM_STYLE_NAMES) + ")")
#: The characters an item marker can end with: most points have none before them.
_ITEM_ENDS: Final = frozenset(")）.、．是" + CIRCLED)


def item_style_before(text: str, end: int) -> str | None:
    """The numbering of the list-item marker written right before *end* in *text*
    (``2.`` of ``…；2.住房保障支出``: ``arabic``), or None."""
    found = item_marker_before(text, end)
    return found[0] if found is not None else None


def item_style_at(text: str) -> str | None:
    """The numbering of the list-item marker *text* starts with (``二是住房保障支出``:
    ``ordinal_clause``), or None."""
    found = _ITEM_AT.match(text)
    return found.lastgroup if found is not None else None


def item_marker_at(text: str) -> tuple[str, str] | None:
    """The numbering and the marker as written of the list-item marker *text* starts with
    (``（一）本年`` gives ``("chinese_paren", "（一）")``), or None."""
    found = _ITEM_AT.match(text)
    if found is None or found.lastgroup is None:
        return None
    return found.lastgroup, found.group(found.lastgroup)


def item_marker_before(text: str, end: int) -> tuple[str, str] | None:
    """The numbering and the marker as written of the list item marked right before *end*
    in *text* (``（二）`` of ``…；（二）项目支出``: ``("chinese_paren", "（二）")``), or None."""
    window = "".join(text[max(0, end - 12):end].split())[-6:]  # (a line break inside: 二⏎是)
    if not window or window[-1] not in _ITEM_ENDS:
        return None
    found = _ITEM_BEFORE.search(window)
    if found is None or found.lastgroup is None:
        return None
    return found.lastgroup, found.group(found.lastgroup)

