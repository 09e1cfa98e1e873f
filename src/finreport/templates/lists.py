"""How the narrative opens and numbers its lists: ``包括：`` before a complete list of a
total's parts, the numbered items of such a list, a sub-list's marker, the glossary's items.
Numbers come from the grammar (``finreport.templates.numbering``)."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from .numbering import CHINESE_NUMBER, compiled, marker, starts

__all__ = [
    "BEYOND_THE_LIST",
    "COMPLETE_LIST",
    "COUNTED_LIST",
    "COUNTED_LIST_JOIN",
    "COUNTED_LIST_OPEN",
    "ENUMERATION_ITEM",
    "FIRST_ITEM",
    "GLOSSARY_ITEM",
    "ITEM_NUMBER",
    "ITEM_NUMBERINGS",
    "ITEM_START",
    "LABEL_EDGES",
    "LINE_GOES_ON",
    "LIST_HEADING",
    "LIST_INCLUDES",
    "NAMED_SUBLIST",
    "NOT_NAMES",
    "PARTIAL_LINES",
    "PARTIAL_LIST",
    "PART_KEY_TRIM",
    "PART_LIST_LEAD",
    "RUN_IN_TITLE",
    "RUN_IN_TITLE_STARTS",
    "SENTENCE_LIST_OPENER",
    "SENTENCE_OPENS_LIST",
    "SUBLIST_MARK",
    "respective_names",
]


#: An item of the glossary: ``1.`` or ``一、`` at the start of a sentence.
GLOSSARY_ITEM = re.compile(r"(?:^|(?<=[。;]))(?:\d{1,2}[.、]|" + CHINESE_NUMBER + r"、)(?=\D)")


#: ``包括：`` opens the complete list of a total's parts (``其中`` may name only some).
LIST_INCLUDES = re.compile(r"包括[:：]")


#: ``其中：`` opening a sentence of its own, right before a list's first item (searched in
#: the text between the amount the list breaks down and the first item's amount).
SENTENCE_LIST_OPENER = re.compile(r"。\s*其中[:：]?[^。;；,，:：\d]*$")
#: ``。其中`` right after a figure (matched there): the next sentence lists the kinds of
#: the figure that closed the sentence before (``共有公务用车5辆。其中：…``).
SENTENCE_OPENS_LIST = re.compile(r"\s*。\s*其\s*中")


#: Words that open a clause about something beside a list's whole (``另有退休人员5人``
#: after ``其中：行政人员11人``): what follows is no part of it.
BEYOND_THE_LIST: Final[re.Pattern[str]] = re.compile(r"^(?:另有|另外|此外|还有|以及)")

#: Where a clause of a list ends, and a list's opener (``，``, ``；``, ``其中：``): the label
#: of an amount is what is written after the last of these before it.
LABEL_EDGES = re.compile(r"[,，;；。:：、]|其中")

#: What a part's name carries that the items listed under it need not repeat: ``包括``
#: before it, ``收入``/``支出`` at its end (``包括本年收入`` is named ``本年`` by its items).
PART_KEY_TRIM = re.compile(r"^(?:包括|其中)[:：]?|(?:收入|支出)$")


ENUMERATION_ITEM = re.compile(r"(?:^|(?<=[。;:]))(\d{1,2})[.、](?=\D)")


SUBLIST_MARK = re.compile(r"\(" + CHINESE_NUMBER + r"\)")


#: The numberings of list items in running text (rows of the grammar), the outermost
#: usually first: ``（一）``, ``1.``, ``（1）``, ``①``, and ``一、`` where a section's
#: body numbers its paragraphs so.
ITEM_NUMBERINGS: Final[tuple[str, ...]] = (
    "chinese", "chinese_paren", "arabic", "arabic_paren", "circled")

#: A sentence that is a list item's marker and a short name alone, its run-in title
#: (``（二）公务用车购置及运行维护费。`` before ``2025年度预算为…``): the subject of the figures
#: after it that name none.
RUN_IN_TITLE: Final[re.Pattern[str]] = re.compile(
    r"\s*(?:" + marker("chinese_paren", "arabic", "arabic_paren", "chinese")
    + r")(?P<title>[^，,。；;：:、\d()（）]{2,20}(?:\([^()]{1,4}\)[^，,。；;：:、\d()]{0,12})?)。")
#: The characters such a sentence can start with (most sentences start otherwise).
RUN_IN_TITLE_STARTS: Final[frozenset[str]] = starts("chinese_paren", "arabic", "arabic_paren",
                                                     "chinese")

#: Where a list item may start: at the start of the text, after the end of a sentence
#: or of a clause that introduces it (``。`` ``；`` ``：``), or after a heading naming a
#: class or 款 (``1.统计信息事务（款）`` then ``（1）行政运行（项）：…``).
ITEM_START: Final[re.Pattern[str]] = re.compile(r"(?:^|(?<=[。;:；：])|(?<=\([类款]\)))")

#: Words of a list's lead that say its items are every part of the total it states
#: (``包括：``, ``分别为``, ``如下：``).
COMPLETE_LIST: Final[re.Pattern[str]] = re.compile(r"包括[:：]?$|分别[为是]?[:：]?$|如下[:：]?$")

#: Words of a list's lead that say its items may be only some of the total's parts
#: (``其中：``, ``主要…``).
PARTIAL_LIST: Final[re.Pattern[str]] = re.compile(r"其中|主要")
#: Words before the general budget's detail lines that say only some are listed
#: (``支出金额较大的项目如下``, ``主要支出科目说明如下``, ``重点项目``).
PARTIAL_LINES: Final[re.Pattern[str]] = re.compile(
    r"(?:较大|主要|重点|部分)的?(?:支出)?(?:项目|科目)")


#: A list item's number at the start of a name (folded): ``(5)``, ``1.``, ``(一)``,
#: ``二、``, ``①``.
ITEM_NUMBER: Final[re.Pattern[str]] = compiled(*ITEM_NUMBERINGS)
#: The first item of a list in folded text (``(1)``, ``(一)``, ``1.``, ``1、``, ``①``,
#: ``一是``): where none stands, no list opens.
FIRST_ITEM: Final[re.Pattern[str]] = re.compile(r"[(][1一][)]|①|(?<![\d.])1[.、](?!\d)|一是")


#: A count followed by the names of what it counts, in the folded text: ``共14个内设机构，
#: 包括:``, ``设立9个内设机构,分别是``, ``下设八个处室:``.  ``count`` is the number,
#: ``noun`` what it counts (no ``和``/``及``: ``29个处室及机关党委`` counts two kinds).
COUNTED_LIST: Final[re.Pattern[str]] = re.compile(
    r"(?P<count>(?<![\d.])\d{1,3}|两|" + CHINESE_NUMBER + r")个"
    r"(?P<noun>(?:内设|直属|下属|所属|派出|二级|预算)?(?:机构|处室|科室|部门|单位|预算单位|事业单位)"
    r"|[^\d,，。;:、()和及与]{1,8}(?:处|科|室|所|中心|站|队))"
    r"(?:[,，]?(?:包括|分别是|分别为|具体为|具体是|即):?|:)")
#: What makes a named list say nothing about its count: ``等`` (not complete), a name
#: counting several (``(2个)``), a figure, another count or a new clause in it.
COUNTED_LIST_OPEN: Final[re.Pattern[str]] = re.compile(
    r"等|\(\d+个\)|\d|个|此外|另有|其中|以及(?=.*不)")
#: Words that may join the last two names of a list (``…综合处和人事处``).
COUNTED_LIST_JOIN: Final[re.Pattern[str]] = re.compile(r"和|及|与")

#: A heading at the start of a line inside a list of names: the list ran past its end.
LIST_HEADING: Final[re.Pattern[str]] = re.compile(
    r"\n\s*(?:" + marker("chinese", "chinese_paren", "arabic") + r"|第" + CHINESE_NUMBER + r"部分)")
#: A name of a list that stands for several (``一至三大队``), or words that describe
#: rather than name (``负责地方志编纂、…``).
NOT_NAMES: Final[re.Pattern[str]] = re.compile(r"^(?:负责|承担|主要|从事|开展|设有|设立)|至")


#: ``分别为`` ending a label whose names it gives one figure each (``因公出国（境）费、公务
#: 用车购置及运行费、公务接待费分别为2.00万元、15.00万元、3.00万元``).
RESPECTIVELY_END: Final[re.Pattern[str]] = re.compile(
    r"分别(?:为|是|安排|达到|达)?[:：]?$")
#: ``均为`` / ``各`` ending a label of several names (``基本支出、项目支出均为1,000万元``):
#: one amount for each of them.
ALL_ALIKE: Final[re.Pattern[str]] = re.compile(r"(?:均为|均是|均|各为|各|都是|都为)[:：]?$")
#: How a name of money ends (``…服务支出``, ``…经费``): where a 和 between two names cuts.
NAME_OF_MONEY_END: Final[re.Pattern[str]] = re.compile(
    r"(?:费|支出|收入|经费|资金|拨款|结转|结余|项目)$")


def respective_names(label: str, count: int = 0) -> list[tuple[int, int]] | None:
    """The names a label lists before ``分别为`` (``A、B、C分别为``, ``A、B和C分别为``,
    ``商品和服务支出和资本性支出分别为``), as offsets into *label*, for *count* figures when
    it is given (0: as the 、 cut them); None when it lists fewer than two.  A 和 (及, 与)
    cuts the last name when one figure more than the 、 give names is stated, and where no
    、 stands, only after a name of money (``商品和服务支出`` stays one name)."""
    end = RESPECTIVELY_END.search(label)
    if end is None:
        return None
    body = label[: end.start()]
    cuts = [i for i, char in enumerate(body) if char == "、"]
    bounds = [-1, *cuts, len(body)]
    names = [(start + 1, stop) for start, stop in pairwise(bounds)]
    if count == len(names) + 1:
        first, last = names[-1]
        joins = [i for i in range(first + 1, last - 1) if body[i] in "和及与"
                 and NAME_OF_MONEY_END.search(body, first, i)]
        if joins:
            names[-1:] = [(first, joins[-1]), (joins[-1] + 1, last)]
    return names if len(names) >= 2 and all(stop - start >= 2 for start, stop in names) else None


#: A sentence that lists the parts of a quantity named before (``上年结转结余中，结转120万元，
#: 结余30万元。``, ``本年收入包括：…``), searched in the text just before the first part's
#: name: the name of the whole, then ``中`` and a comma, or ``包括`` (``complete``: every
#: part) or ``主要包括``.
#: How a sentence that goes on with the line (类/款/项) before it opens: its reason, its
#: purpose, its comparison with the budget or the year before (``主要原因是…``, ``主要用于…``,
#: ``决算数大于预算数…``, ``比上年…``); a sentence opening otherwise is no longer the line's.
LINE_GOES_ON: Final[re.Pattern[str]] = re.compile(
    r"\s*(?:主要|原因|由于|其中|决算数|预算数|较|比|与上年|与\d{4}年|增减|增加|减少|用于|该项|此项|包括)")
#: A sentence that opens by naming a whole and listing its parts, read up to its first
#: part's name: the whole's name, then ``中`` and a colon or comma, or ``(具体|主要)?包括``,
#: and the first item's number if any (``本年收入中：①``, ``本年收入具体包括：（1）``).
PART_LIST_LEAD: Final[re.Pattern[str]] = re.compile(
    r"(?:^|(?<=[。\n]))\s*(?P<name>[^，,。；;：:\s\d]{2,20}?)"
    r"(?:中[，,:：]|(?:具体|主要)?包括[:：]?)\s*"
    r"(?:" + marker("chinese_paren", "arabic_paren", "arabic", "circled", "ordinal_clause")
    + r"|\d{1,2}[)）])?\s*$")
NAMED_SUBLIST: Final[re.Pattern[str]] = re.compile(
    r"(?:^|(?<=[。\n]))\s*(?P<name>[^，,。；;：:\s\d]{2,20}?)"
    r"(?:中[，,:：]|(?P<complete>包括)[:：]?|主要包括[:：]?)\s*$")

