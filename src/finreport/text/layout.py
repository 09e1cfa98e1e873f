"""The text layer: what in a report's text is not narrative.

PDF text extraction mixes the running text with things that are not sentences: page
footers and page numbers, chart captions and the labels of a chart, the table of contents,
and the tables part written one cell per line.  Their numbers must never enter a sentence
and their labels never become headings.  :func:`find_regions` marks them, line by line, in
one pass; the reader then leaves them out of every view (a footer inside a sentence
disappears, and the sentence reads on).

What makes a line part of a region is its *shape*, not its words: a footer such as
``— 11 —`` or ``第 3 页``; a bare number that is the page's number (the offset between
page index and printed number is learnt from the document, or, without form feeds, the
number stands between an amount and its unit); a running page header naming the report
that comes back page after page; a run of short cell-like
lines with several bare numbers (a table); a short run with bare percentages or a caption
(a chart).  Each shape is one row of
:data:`~finreport.templates.layout.LINE_SHAPES`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from typing import Final

from ..model.layout import Region, RegionKind
from ..model.span import Span
from ..templates.identity import ORGANIZATION_END
from ..templates.layout import (
    AMOUNT_AFTER_PAGE_NUMBER,
    AMOUNT_BEFORE_PAGE_NUMBER,
    CHANGE_CLAUSE,
    CHANGE_CLAUSE_CUT,
    CHANGE_CLAUSE_CUT_LINE,
    CONTENTS_LEADERS,
    DUPLICABLE_LINE,
    DUPLICABLE_MARKS,
    FOOTER_NUMBER,
    HEADING_NUMBER,
    LINE_SHAPES,
    NUMBER_CONTINUES,
    NUMBERED_HEADING,
    PART_MARK,
    SENTENCE_PUNCTUATION,
    UNIT_LINE,
)
from ..templates.sections import TITLE_ORGANIZATION_WORD
from .view import Source, tab_cells

__all__ = ["CHANGE_CLAUSE", "LINE_SHAPES", "Region", "RegionKind", "find_regions",
           "repair_order", "split_lines", "subtract"]


_GAPS = str.maketrans("", "", " \t\u3000\u00a0\r\f\v")

#: A line of the running-header shape that the text holds this many times or more is a
#: page header wherever it comes back (its first time is the report's title).
_RUNNING_HEADER_REPEATS: Final = 3
_CELL_MAX = 22
#: A line that is the line before it written again, with this many Chinese characters,
#: and a sentence with a figure or a row led by its code (DUPLICABLE_LINE), is the text
#: layer's (a bold face drawn twice): no report writes a sentence or a coded row twice in
#: a row.  Rows named alike without codes (two projects of one name and amount, a 款 and
#: its one 项) and bare numbers (one cell per line) may repeat and are kept.
_DUPLICATE_CJK: Final = 4
_CJK: Final = re.compile(r"[\u4e00-\u9fff]")
_DIGIT: Final = re.compile(r"\d")


def _duplicable(line: str) -> bool:
    """True for a line the text layer alone writes twice in a row (see _DUPLICATE_CJK)."""
    if len(_CJK.findall(line)) < _DUPLICATE_CJK:
        return False
    return DUPLICABLE_LINE.match(line) is not None or (
        _DIGIT.search(line) is not None and any(mark in line for mark in DUPLICABLE_MARKS))
_TABLE_MIN_LINES = 5
_TABLE_MIN_NUMBERS = 3


def split_lines(text: str) -> list[tuple[int, str]]:
    """``(start, line)`` of each line of *text* (no empty line after a final break)."""
    found: list[tuple[int, str]] = []
    start = 0
    for line in text.split("\n"):
        found.append((start, line))
        start += len(line) + 1
    if not found[-1][1]:
        found.pop()  # the text ends with a line break (or is empty): no line after it
    return found


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """Each line as ``(start, stop, text without white space)``; a tab-indented line (a
    seed's table row) is ``"\t"``, and a line too long to be anything but running text is
    given as written (removing its spaces could not make it short)."""
    cells = tab_cells(text)
    # with no white space but _GAP_CHARS' (and line breaks), str.split drops the same
    # characters as the pattern, three times faster
    plain = isinstance(text, Source) and text.plain_spaces
    for start, written in split_lines(text):
        stop = start + len(written)
        if cells and written.startswith("\t"):
            line = "\t"
        elif stop - start > _LONG_LINE:
            line = written if not written.isspace() else ""  # (a report blanked out)
        elif plain:
            line = "".join(written.split())
        else:
            line = _GAP_CHARS.sub("", written)
        yield start, stop, line


#: How many lines apart two pages' numbers stand (at least, at most).
_PAGE_LINES: Final[tuple[int, int]] = (8, 400)
#: No page footer is longer than this (``第3页共20页``, ``— 11 —``).
_FOOTER_MAX: Final[int] = 12
#: Lines longer than this (in characters as written) are running text.
_LONG_LINE: Final[int] = 120
_GAP_CHARS = re.compile(r"[ \t\u3000\u00a0\r\f\v]+")


def _caption(line: str) -> bool:
    """``LINE_SHAPES["caption"]`` fits the whole line; every caption holds 图 or 构成, so
    other lines are answered without running the pattern (it tries up to 20 starts)."""
    return ("图" in line or "构成" in line) and LINE_SHAPES["caption"].fullmatch(line) is not None


def _cell_like(line: str) -> bool:
    """A short line without sentence punctuation: a table cell, a row label, a chart label."""
    if len(line) > _CELL_MAX or LINE_SHAPES["part"].fullmatch(line) or NUMBERED_HEADING.match(line):
        return False
    if _caption(line) or UNIT_LINE.fullmatch(line):
        return True
    return not SENTENCE_PUNCTUATION.search(line)


def _page_offsets(lines: list[tuple[int, int, str]], pages: list[int]) -> set[int]:
    """Offsets ``page index - printed number`` that the document's bare numbers follow."""
    votes: Counter[int] = Counter()
    for (_, _, line), page in zip(lines, pages, strict=True):
        if LINE_SHAPES["integer"].fullmatch(line):
            votes[page - int(line)] += 1
    page_count = pages[-1] + 1 if pages else 1
    # an offset counts when it explains the numbers of at least a third of the pages
    return {offset for offset, n in votes.items() if n >= max(2, page_count // 3)}


def _counted_pages(lines: list[tuple[int, int, str]]) -> frozenset[int]:
    """In a text without form feeds, the bare integers that number its pages: each one
    next to a page number one less before it or one more after it (a footer such as
    ``-7-`` or another bare integer), a page's lines apart (:data:`_PAGE_LINES`).  A bare
    integer of the text's own (a number wrapped over lines, ``增加`` / ``7`` / ``1.10万元``
    as a PDF viewer copies ``增加71.10万元``) has no such neighbours."""
    numbered: list[tuple[int, int, bool]] = []  # line, number, bare
    for k, (_, _, line) in enumerate(lines):
        if len(line) > _FOOTER_MAX:
            continue
        if LINE_SHAPES["integer"].fullmatch(line):
            numbered.append((k, int(line), True))
        elif LINE_SHAPES["footer"].fullmatch(line) and (
                printed := FOOTER_NUMBER.search(line)) is not None:
            numbered.append((k, int(printed.group(1) or printed.group(2)), False))
    at: dict[int, list[int]] = {}  # each number: the lines that write it, in order
    for k, number, _ in numbered:
        at.setdefault(number, []).append(k)
    found: set[int] = set()
    low, high = _PAGE_LINES
    for k, number, bare in numbered:
        if not bare:
            continue
        before = at.get(number - 1, [])  # a page number one less, a page's lines before
        after = at.get(number + 1, [])  # or one more, a page's lines after
        i = bisect_right(before, k - low) - 1
        j = bisect_left(after, k + low)
        if (i >= 0 and before[i] >= k - high) or (j < len(after) and after[j] <= k + high):
            found.add(k)
    # a bare number the line after goes on with is the text's: a count's word or a unit
    # (``保有量为`` / ``16`` / ``辆``), a list's mark (``3`` / ``、…（项）``)
    found = {k for k in found if k + 1 >= len(lines)
             or NUMBER_CONTINUES.match(lines[k + 1][2]) is None}
    # a page whose footer writes its number (-17-, 第17页) has no bare number besides; of
    # two bare numbers for one page, the page's is the one nearest where its neighbours
    # put it (``支出`` / ``17`` / ``1.21万元`` elsewhere on the page is 171.21万元 wrapped)
    footers = {number for _, number, bare in numbered if not bare}
    length = _page_length(at)
    claims: dict[int, list[int]] = {}
    for k in sorted(found):
        claims.setdefault(int(lines[k][2]), []).append(k)
    for number, claimed in claims.items():
        if number in footers:
            found.difference_update(claimed)
        elif len(claimed) > 1:
            expected = _expected_place(at, number, claimed, length)
            nearest = sorted(claimed, key=lambda k: abs(k - expected))
            keep = nearest[0] if abs(nearest[0] - expected) < abs(nearest[1] - expected) else -1
            found.difference_update(k for k in claimed if k != keep)
    return frozenset(found)


def _expected_place(at: dict[int, list[int]], number: int, claimed: list[int],
                    length: float) -> float:
    """Where the line of page *number*'s number is expected: halfway between the nearest
    lines writing the numbers one less and one more, or a page's *length* from one of
    them, else amid the *claimed* lines."""
    before = [k for k in at.get(number - 1, []) if k < claimed[0]]
    after = [k for k in at.get(number + 1, []) if k > claimed[-1]]
    if before and after:
        return (before[-1] + after[0]) / 2
    if before:
        return before[-1] + length
    if after:
        return after[0] - length
    return (claimed[0] + claimed[-1]) / 2


def _page_length(at: dict[int, list[int]]) -> float:
    """The lines of a page, as the page numbers show them: the median distance between
    the lines of two numbers one apart, each written once (0 when none are)."""
    gaps = sorted(at[n + 1][0] - at[n][0] for n in at
                  if n + 1 in at and len(at[n]) == 1 and len(at[n + 1]) == 1
                  and at[n + 1][0] > at[n][0])
    return float(gaps[len(gaps) // 2]) if gaps else 0.0


def _inside_an_amount(lines: list[tuple[int, int, str]], k: int) -> bool:
    """True when line *k*, a bare integer, stands between an amount and its unit
    (``18570.82`` / ``46`` / ``万元``, ``80.81 万`` / ``40`` / ``元``): a page number that
    a page break put there (text copied from a PDF viewer keeps no form feeds), not a
    figure of the report."""
    if not 0 < k < len(lines) - 1:
        return False
    before, after = lines[k - 1][2], lines[k + 1][2]
    if (match := AMOUNT_BEFORE_PAGE_NUMBER.search(before)) is None:
        return False
    if match.group().endswith(("万", "亿")):
        return after.startswith("元")
    return AMOUNT_AFTER_PAGE_NUMBER.match(after) is not None


def _running_headers(lines: list[tuple[int, int, str]]) -> set[str]:
    """The lines of the running-header shape that come back often enough to be one."""
    counts = Counter(line for _, _, line in lines if 6 <= len(line) <= 40)
    return {line for line, n in counts.items() if n >= _RUNNING_HEADER_REPEATS
            and LINE_SHAPES["running_header"].fullmatch(line) is not None}


def _page_heads(text: str, lines: list[tuple[int, int, str]]) -> set[str]:
    """Lines of no header's shape (the organization's name alone, ``芜湖市退役军人事务局``)
    that each page after the first opens with: a name (no digit, ending as a name ends:
    never a table's row that a PDF repeats at its pages' heads), written often enough, and
    every time but the first right after a page's break or its footer."""
    places: dict[str, list[int]] = {}
    for k, (_, _, line) in enumerate(lines):
        if 4 <= len(line) <= 40 and not SENTENCE_PUNCTUATION.search(line) and not any(
                c.isdigit() for c in line) and ORGANIZATION_END.search(line):
            places.setdefault(line, []).append(k)  # (a name: never a table's row)
    heads = set()
    for line, at in places.items():
        if len(at) < _RUNNING_HEADER_REPEATS:
            continue
        if all(k and ("\f" in text[lines[k - 1][1]:lines[k][0] + 1] or LINE_SHAPES[
                "footer"].fullmatch(lines[k - 1][2]) is not None) for k in at[1:]):
            heads.add(line)
    return heads


def running_header(text: str) -> tuple[int, int] | None:
    """Where the running header (the title each page repeats: ``XX局2026年部门预算``) is
    first written, or None when the text has none."""
    lines = [entry for entry in _lines(text) if entry[2]]
    headers = _running_headers(lines)
    return next(((start, stop) for start, stop, line in lines if line in headers), None)


def find_regions(text: str) -> tuple[Region, ...]:
    """The non-narrative regions of *text*, in text order (see the module docstring).

    Linear in the length of the text: every line is looked at a bounded number of times.
    """
    lines = [entry for entry in _lines(text) if entry[2]]
    pages = [0] * len(lines)
    offsets: set[int] = set()
    if "\f" in text:
        page = 0
        previous = 0
        for k, (start, _, _) in enumerate(lines):
            page += text.count("\f", previous, start)
            previous = start
            pages[k] = page
        offsets = _page_offsets(lines, pages)
    counted = _counted_pages(lines) if "\f" not in text else frozenset()
    headers = _running_headers(lines) | _page_heads(text, lines)
    seen: set[str] = set()
    prose = False  # a sentence came before (the title stands before any)
    marks: list[Region | None] = []
    for k, ((start, stop, line), page) in enumerate(zip(lines, pages, strict=True)):
        short = len(line) <= _FOOTER_MAX
        footer = short and LINE_SHAPES["footer"].fullmatch(line) is not None
        numbered = short and LINE_SHAPES["integer"].fullmatch(line) is not None and (
            page - int(line) in offsets or k in counted or _inside_an_amount(lines, k))
        header = False
        if line in headers:
            # a header again; its first time is the title, when no sentence came before
            # it (a title worded otherwise, …部门预算公开 over two lines, leaves the
            # header's first time inside the text, a page's header too)
            header = line in seen or prose
            seen.add(line)
        prose = prose or "。" in line or "，" in line
        marks.append(Region(RegionKind.PAGE_MARK, Span(start, stop))
                     if footer or numbered or header else Region(
                         RegionKind.DUPLICATE, Span(start, stop)) if k and line == lines[k - 1][2]
                     and _duplicable(line) else None)
    regions: list[Region] = [m for m in marks if m is not None]
    regions.extend(_contents(lines))
    regions.extend(_runs(lines, marks))
    regions.sort(key=lambda r: (r.span.start, r.span.end))
    merged = list(_merge(regions))
    detached = list(_detached(lines, merged))
    if detached:
        merged = list(_merge(sorted(merged + detached,
                                    key=lambda r: (r.span.start, r.span.end))))
    return tuple(merged)


_LEADING_NUMBER = re.compile(r"[\d,.]+")
_WHOLE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _detached(lines: list[tuple[int, int, str]], regions: list[Region],
              ) -> Iterator[Region]:
    """Bare numbers that text extraction moved out of their sentence: a line holding only
    a number, between narrative lines, whose next line does not carry on with its unit
    (``8.85`` / ``1463.8`` / ``万元，增长`` / ``%。``: the ``8.85`` is detached)."""
    starts = [r.span.start for r in regions]
    from bisect import bisect_right

    def covered(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and regions[k].span.end > pos

    narrative = [line for line in lines if not covered(line[0])]
    for n, (start, stop, line) in enumerate(narrative):
        if len(line) > _CELL_MAX or not line[0].isdigit() or not LINE_SHAPES[
                "number"].fullmatch(line):
            continue
        before = narrative[n - 1][2] if n > 0 else ""
        after = narrative[n + 1][2] if n + 1 < len(narrative) else ""
        if before[-1:] in (".", ",") or NUMBER_CONTINUES.match(after):
            continue  # the number goes on, or its unit follows
        head = _LEADING_NUMBER.match(after[:40])
        if head is not None and _WHOLE_NUMBER.fullmatch(line + head.group()):
            continue  # 5 / 8,316.72 万元: one number broken over lines (58,316.72)
        later = narrative[n + 2][2] if n + 2 < len(narrative) else ""
        if CHANGE_CLAUSE.search(before + after + line + later):
            continue  # swapped with the next line: repair_order puts it back
        yield Region(RegionKind.DETACHED, Span(start, stop))


def _contents(lines: list[tuple[int, int, str]]) -> Iterator[Region]:
    """The table of contents: from 目录 to the first heading it lists, written again."""
    i = next((k for k, (_, _, line) in enumerate(lines[:80]) if line == "目录" or (
        line == "目" and k + 1 < len(lines) and lines[k + 1][2] == "录")), None)
    if i is None:
        return
    start = lines[i][0]
    first: set[str] = set()
    entry = ""  # the first entry, its number and brackets left out
    begin = i + 1 if lines[i][2] == "目录" else i + 2
    for start_j, _, line in lines[begin : i + 160]:
        # an entry spaced out by its leaders is longer than a line whose gaps are removed
        key = CONTENTS_LEADERS.sub("", _GAP_CHARS.sub("", line))
        if key in first or (entry and _names_entry(key, entry)):
            # the first entry written again: the report proper begins
            yield Region(RegionKind.CONTENTS, Span(start, start_j))
            return
        if key and not first:
            first.add(key)
            entry = _bare_title(key)
            own = TITLE_ORGANIZATION_WORD.sub("", entry)
            entry = own if len(own) >= _TITLE_MIN else entry
            if m := PART_MARK.match(key):
                first.add(m.group())  # 第一部分 部门概况 is written 第一部分 alone in the body


_BRACKETS: Final = str.maketrans("", "", "()（）")
#: The shortest title an entry of the contents is recognised by at the end of a heading.
_TITLE_MIN: Final = 4


def _bare_title(line: str) -> str:
    """A title without its number and its brackets (``一、单位主要职能`` → ``单位主要职能``)."""
    return HEADING_NUMBER.sub("", line, count=1).translate(_BRACKETS)


def _names_entry(line: str, entry: str) -> bool:
    """True when *line* is a heading of the body that writes the contents' *entry* with
    words in front (``上海市审计局（单位）主要职能`` for ``一、单位主要职能``), not a sentence."""
    if len(entry) < _TITLE_MIN or len(line) > 40 or SENTENCE_PUNCTUATION.search(line):
        return False
    return _bare_title(line).endswith(entry)


def _runs(lines: list[tuple[int, int, str]], marks: list[Region | None]) -> Iterator[Region]:
    """Tables and charts: runs of cell-like lines."""
    i = 0
    n = len(lines)
    cells = [mark is None and _cell_like(line[2]) for line, mark in zip(lines, marks,
                                                                        strict=True)]
    while i < n:
        if not cells[i]:
            i += 1
            continue
        j = i
        amounts = percents = captions = 0
        while j < n and (marks[j] is not None or cells[j]):
            line = lines[j][2]
            if marks[j] is None:
                if LINE_SHAPES["number"].fullmatch(line) and not line.endswith(("%", "％")):
                    amounts += 1
                elif LINE_SHAPES["percent"].fullmatch(line):
                    percents += 1
                elif _caption(line):
                    captions += 1
            j += 1
        while j > i and marks[j - 1] is not None:
            j -= 1
        count = sum(1 for k in range(i, j) if marks[k] is None)
        span = Span(lines[i][0], lines[j - 1][1])
        if count >= _TABLE_MIN_LINES and amounts >= _TABLE_MIN_NUMBERS:
            yield Region(RegionKind.TABLE, span)
        elif (percents and (captions or count >= 3)) or (captions and count <= 12):
            yield Region(RegionKind.CHART, span)
        i = max(j, i + 1)


def _merge(regions: list[Region]) -> Iterator[Region]:
    """Regions without overlaps (a page mark inside a table stays a page mark)."""
    end = -1
    for region in regions:
        if region.span.start >= end:
            yield region
            end = region.span.end
        elif region.span.end > end:
            yield Region(region.kind, Span(end, region.span.end))
            end = region.span.end


def subtract(ranges: list[tuple[int, int]], regions: tuple[Region, ...],
             ) -> list[tuple[int, int]]:
    """*ranges* (sorted, disjoint) without the text the *regions* cover."""
    if not regions:
        return ranges
    from bisect import bisect_right

    starts = [r.span.start for r in regions]
    out: list[tuple[int, int]] = []
    for start, end in ranges:
        pos = start
        k = max(0, bisect_right(starts, start) - 1)
        while k < len(regions) and regions[k].span.start < end:
            span = regions[k].span
            if span.end > pos:
                if span.start > pos:
                    out.append((pos, span.start))
                pos = max(pos, span.end)
            k += 1
        if pos < end:
            out.append((pos, end))
    return out


def _folded_line(text: str, start: int, end: int) -> str:
    return text[start:end].translate(_GAPS).replace("\n", "")


def repair_order(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """*ranges* line by line, with two neighbouring lines put back in order where text
    extraction swapped them (``相比增加`` / ``0.06 %。主要原因是`` / ``21.8 万元，增长``):
    only when the swap makes a whole change clause (:data:`CHANGE_CLAUSE`) that the
    written order does not.  Only lines after one that ends where a change clause was cut
    are looked at, through a window of five lines: linear in the text."""
    if not any(CHANGE_CLAUSE_CUT_LINE.search(text, start, end) for start, end in ranges):
        return ranges
    lines: list[tuple[int, int]] = []
    hints: list[int] = []
    for start, end in ranges:
        pos = start
        while pos < end:
            stop = text.find("\n", pos, end)
            stop = end if stop < 0 else stop + 1
            if lines and lines[-1][1] == pos and not text[pos:stop].strip():
                lines[-1] = (lines[-1][0], stop)  # a blank line goes with the one before
            else:
                if CHANGE_CLAUSE_CUT.search(text, pos, stop):
                    hints.append(len(lines))
                lines.append((pos, stop))
            pos = stop
    if not hints:
        return ranges
    folded: dict[int, str] = {}

    def line(k: int) -> str:
        if k not in folded:
            folded[k] = _folded_line(text, *lines[k])
        return folded[k]

    done = -1
    for hint in hints:
        for i in (hint - 1, hint):
            if i <= done or i < 0:
                continue
            for width in (4, 5):
                if i + width > len(lines):
                    break
                window = [line(k) for k in range(i, i + width)]
                swapped = [window[0], window[2], window[1], *window[3:]]
                if CHANGE_CLAUSE.search("".join(swapped)) and not CHANGE_CLAUSE.search(
                        "".join(window)):
                    lines[i + 1], lines[i + 2] = lines[i + 2], lines[i + 1]
                    folded[i + 1], folded[i + 2] = folded[i + 2], folded[i + 1]
                    done = i + 2
                    break
            if done >= i:
                break
    return lines if done >= 0 else ranges
