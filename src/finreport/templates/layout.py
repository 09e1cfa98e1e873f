"""The shapes of the lines that are no sentence, as the text layer (``finreport.text``)
finds them: page marks and running headers, the contents page, unit lines, chart
captions, numbered headings; and the shapes of a figure or a change clause that a page
or line break cut apart.

Unless its comment says otherwise, a pattern here is matched against one line with its
white space removed (``text.layout``); numbering markers come from the grammar
(:mod:`.numbering`).
"""

from __future__ import annotations

import re
from typing import Final

from .numbering import compiled, marker

__all__ = [
    "AMOUNT_AFTER_PAGE_NUMBER",
    "AMOUNT_BEFORE_PAGE_NUMBER",
    "CHANGE_CLAUSE",
    "CHANGE_CLAUSE_CUT",
    "CHANGE_CLAUSE_CUT_LINE",
    "CONTENTS_LEADERS",
    "DUPLICABLE_LINE",
    "FOOTER_NUMBER",
    "HEADING_NUMBER",
    "INDENTED_HEADING",
    "LINE_SHAPES",
    "LISTED_TITLE_LEADERS",
    "NUMBERED_HEADING",
    "NUMBER_CONTINUES",
    "PART_MARK",
    "SENTENCE_PUNCTUATION",
    "UNIT_LINE",
    "UNIT_WORDS",
]


#: The page's number in a footer (``-7-``, ``第3页共20页``, ``共20页第12页``, ``3/20``): the
#: number of 第…页 (group 1), else the first (group 2).
FOOTER_NUMBER: Final[re.Pattern[str]] = re.compile(r"第(\d{1,3})页|^\D*(\d{1,3})(?!.*第\d)")

#: Line shapes, matched (``fullmatch``) against a line with its white space removed.
LINE_SHAPES: Final[dict[str, re.Pattern[str]]] = {
    # — 11 —, - 7 -, －3－, 第 3 页, 第3页共20页, 第12页，共20页, 共20页第12页, 3/20
    "footer": re.compile(r"[—–\-－─]+\d{1,3}[—–\-－─]+|第\d{1,3}页(?:[,，/]?共\d{1,3}页)?"
                         r"|共\d{1,3}页[,，/]?第\d{1,3}页|\d{1,3}/\d{1,3}"),
    "integer": re.compile(r"\d{1,3}"),
    # a cell: a number, a percentage, a dash for nothing
    "number": re.compile(r"[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|[-−]?\d+(?:\.\d+)?[%％]?|[-—－]"),
    "percent": re.compile(r"[^，,。;；:：]{0,16}[,，]?\d+(?:\.\d+)?[%％]"),
    "caption": re.compile(r"图\d*[:：].{0,30}|.{0,20}(?:预算图|决算图|构成图|构成表|构成情况|结构图)"),
    # 第一部分 部门概况, a part's heading
    "part": re.compile(marker("part") + ".*"),
    # a page header naming the report (上海市普陀区财政局2024年度部门决算), when the same
    # line comes back page after page
    "running_header": re.compile(r"(?:[^\d。；;：:，,]{2,30}(?:19|20)\d{2}年度?[^\d。；;：:，,]{0,12}"
                                 r"|(?:19|20)\d{2}年度?[^\d。；;：:，,]{2,30})"
                                 r"(?:决算|预算)(?:信息)?(?:公开)?(?:报告|说明)?"),
}

#: A part's mark at the start of a line (folded, or without white space): ``第一部分``.
PART_MARK: Final[re.Pattern[str]] = compiled("part")

#: The number a heading or a contents entry starts with (``第一部分``, ``一、``, ``（一）``,
#: ``1.``), left out when an entry of the contents is compared with the body's heading.
HEADING_NUMBER: Final[re.Pattern[str]] = compiled("part", "chinese", "chinese_paren", "arabic")

#: A line that may only be written twice in a row by the text layer: a sentence with a
#: figure (``…合计933.85万元，其中：…``: a digit and a mark of DUPLICABLE_MARKS) or a row
#: led by its classification code (``207 文化旅游体育与传媒支出 378.82``: DUPLICABLE_LINE
#: matches at its start), as :func:`finreport.text.layout.find_regions` sees lines.
DUPLICABLE_LINE: Final[re.Pattern[str]] = re.compile(r"\d{3,7}(?=\D)")
DUPLICABLE_MARKS: Final[tuple[str, ...]] = ("，", "。", "；", "：")

#: Punctuation that only a sentence holds (a table cell or a chart label has none): ``。``.
SENTENCE_PUNCTUATION: Final[re.Pattern[str]] = re.compile(r"[。；;：:]")

#: A numbered section heading, which ends a run of table cells: ``二、收入预算情况说明``,
#: ``（一）部门预算报表``.
NUMBERED_HEADING: Final[re.Pattern[str]] = re.compile(
    "^" + marker("chinese", "chinese_paren") + ".*(?:说明|情况|报表)$")

#: A numbered heading on a tab-indented line of the raw text (``\t一、部门概况``,
#: ``\t第二部分 …``), searched line by line (``re.M``): a text that indents its headings
#: with tabs indents its paragraphs so.
INDENTED_HEADING: Final[re.Pattern[str]] = re.compile(
    r"^\t[ \t\u3000]*" + marker("part", "chinese"), re.M)

#: The units an amount's unit line names (``单位：万元``), as alternatives.
UNIT_WORDS: Final[str] = "万元|元|亿元|千元"

#: A unit line, the whole line: ``单位：万元``, ``金额单位：元``.
UNIT_LINE: Final[re.Pattern[str]] = re.compile(rf"(?:金额)?单位[:：](?:{UNIT_WORDS})")

#: Dot leaders and a page number ending a line of the contents page (``部门概况……3``),
#: or the page number alone (``部门概况3``): what is cut to compare an entry with the
#: heading it lists.
CONTENTS_LEADERS: Final[re.Pattern[str]] = re.compile(r"[.．…·\-]{3,}\d*$|\d+$")

#: Dot leaders and a page number after a table's title on the contents page, on the line
#: as written (``收入决算表 ……… 3``).
LISTED_TITLE_LEADERS: Final[re.Pattern[str]] = re.compile(r"\s*(?:[.．·…]{2,}\s*)?\d{0,3}\s*$")

#: An amount with its two decimals written (a line broken inside the decimals leaves one:
#: ``86.7`` / ``5`` / ``万元`` is 86.75), or the 万/亿 of its unit, at a line's end …
AMOUNT_BEFORE_PAGE_NUMBER: Final[re.Pattern[str]] = re.compile(r"\d\.\d{2}$|\d[万亿]$")
#: … and the rest of it at the start of the line after the next (``万元``, ``%``): the
#: bare number between them is a page number.
AMOUNT_AFTER_PAGE_NUMBER: Final[re.Pattern[str]] = re.compile(
    r"(?:万元|亿元|千元|元|万|亿|%|％)(?![\d.])")

#: What may follow a number that lost its unit to the next line (``1463.8`` /
#: ``万元，增长``): a unit, punctuation, a counting word.
NUMBER_CONTINUES: Final[re.Pattern[str]] = re.compile(
    r"^(?:万元|亿元|千元|元|万|%|％|[,，。;；、)）]|[年月日号人个项次辆台套名家户批])")

#: A change written whole: ``增加21.8万元，增长0.6%``.  Two lines whose order text
#: extraction swapped are put back only when the swap makes one of these where there was none.
CHANGE_CLAUSE: Final[re.Pattern[str]] = re.compile(
    r"(?:增加|减少)[\d,.]+万元[,，]?(?:增长|下降|增幅|降幅|减少|增加)(?:了|为)?[\d.]+%")

#: Where a change clause was cut at a line's end (``相比增加``, ``与上年相``).
_CUT: Final = r"(?:增加|减少|相)[ \t\u3000]*"
#: A line (searched from its start to its stop) that ends where a change clause was cut.
CHANGE_CLAUSE_CUT: Final[re.Pattern[str]] = re.compile(_CUT + "$")
#: The same cut with its line break, searched in a stretch of raw text.
CHANGE_CLAUSE_CUT_LINE: Final[re.Pattern[str]] = re.compile(_CUT + r"\n")
