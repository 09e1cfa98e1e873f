"""Lists in running text: a total and the parts listed after it, in a section or a
sentence (``其中``, ``包括``, numbered items), with the lists parts have of their own, and
the counts listed under a count.  Each reader takes the entries of a stretch of narrative
(:class:`~finreport.read.entries.ReadEntry`) and says which entries are the parts of which
amount; what it cannot place for sure it leaves out of a list (never adds it up)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Final, TypeVar

import attrs

from ..model.entries import Entry
from ..model.numerals import ordinal_of
from ..model.report import (
    Breakdown,
)
from ..model.span import Phrase
from ..templates.fields import (
    ASIDE_NAME,
    BESIDE_TOTAL,
    SUBLIST_BEFORE,
    SUBTOTAL_BEFORE,
    TOTAL_WORDS,
)
from ..templates.lists import (
    BEYOND_THE_LIST,
    ENUMERATION_ITEM,
    LABEL_EDGES,
    LIST_INCLUDES,
    NAMED_SUBLIST,
    PART_KEY_TRIM,
    PART_LIST_LEAD,
    SENTENCE_LIST_OPENER,
    SENTENCE_OPENS_LIST,
    SUBLIST_MARK,
)
from ..templates.numbering import (
    item_marker_at,
    item_marker_before,
    item_style_at,
)
from ..templates.quantities import ABOVE_TOTAL, BOTH_TOTAL, TOTAL_NAME, WHOLE_PART_NAME
from ..templates.roles import (
    CARRY_OVER_WORD,
    FILLERS,
    LIST_OPENERS,
)
from ..text.view import TextView, fold
from .entries import ReadEntry, subject_key

__all__ = [
    "bracket_depth",
    "count_lists",
    "list_goes_on",
    "read_breakdown",
    "read_enumerations",
    "read_lists",
    "read_named_sublists",
    "read_own_list",
    "read_sentence_lists",
]


def read_breakdown(reads: list[ReadEntry], source: str = "", *,
                   listed_only: bool = False, rest: list[Entry] | None = None,
                   sublists: list[Breakdown] | None = None) -> Breakdown | None:
    """A total and the parts after it.  With *source*, an aside in brackets
    (``490,808.40万元（本年预算收入390,140.45万元），其中：…``) is not a part, and the list
    ends where a later sentence states a total again (``2021年本年预算收入…与上年相比``).

    With *rest*, a first amount named as one part of the whole (``基本支出6,000万元（…）项目
    支出4,000万元``) is no total: the total is the first later amount named as one
    (``收入预算合计``), and the amounts before it go to *rest*; with none, the parts have no
    total stated.  With *sublists*, a part's own list of two amounts or more (``基本支出…，
    其中人员经费…，公用经费…；``, or in brackets after it), when it surely ends before the
    next part, goes there as the part's breakdown."""
    entries = [r for r in reads if r.entry.amount is not None or r.entry.absent is not None
               or r.entry.share is not None]
    if not entries:
        return None
    if rest is not None and WHOLE_PART_NAME.search(entries[0].entry.name.text):
        at = next((i for i, r in enumerate(entries) if i and not r.listed
                   and TOTAL_NAME.search(r.entry.name.text)
                   and not WHOLE_PART_NAME.search(r.entry.name.text)), None)
        if at is None:
            return Breakdown(None, tuple(r.entry for r in entries))
        if ABOVE_TOTAL.search(entries[at].entry.name.text) and all(
                r.entry.amount is not None for r in entries[:at]):
            # （一）财政拨款收入…；（二）事业收入…。以上收入合计…: the sum of what came before
            return Breakdown(entries[at].entry, tuple(r.entry for r in entries[:at]))
        rest.extend(r.entry for r in entries[:at])
        entries = entries[at:]
    total = entries[0]
    if total.listed or total.entry.amount is None:
        # the total is written without its figure (本年收入合计万元，其中：…)
        return Breakdown(None, tuple(r.entry for r in entries))
    if not listed_only:
        parts: list[Entry] = []
        own = 0  # parts the total's own sentence lists (…合计X万元，包括A万元，B万元。)
        depth, at = 0, total.entry.name.span.end
        skip_to = -1  # a part's own list (其中…) runs to here
        uncertain = False  # a part's own list ran to the sentence's end: the rest unsure
        part_keys: set[str] = set()
        sub: list[Entry] | None = []  # the last part's own list; None when not sure
        # the numbering of the parts' items (（一）基本支出…（二）项目支出…): an entry
        # numbered otherwise, or not at all, between them is the part's own, not a part
        style: str | None = None
        last_number: int | None = None  # the ordinal of the last numbered part
        sub_style: str | None = None  # the numbering of the part's own items, if any
        beside = False  # entries after the last numbered part: its own, or more parts
        for read in entries[1:]:
            name = read.entry.name
            if name.span.start < skip_to:
                if sub is not None:
                    sub.append(read.entry)
                continue
            if parts and not read.listed and (BESIDE_TOTAL.search(name.text) or (
                    source and BESIDE_TOTAL.search(source, max(0, name.span.start - 4),
                                                   name.span.start))):
                break  # …（9）其他收入19.87万元。另有上年结转115.30万元: beside the total
            own_style, number = _item_number(source, read.entry) if style else (None, None)
            if style is not None and (own_style != style or (
                    number is not None and last_number is not None and number <= last_number)):
                # （一）基本支出…，包括：1.人员经费…；2.公用经费…。（二）项目支出…: the part's
                # own; so is a list numbered again from （一） after the parts (项目支出中，
                # …：（一）货物…（二）服务…); its items are the part's list only when each
                # is numbered alike (1.…2.…), else nobody's
                beside = True
                # (a part's own list opened before it ends here, not at the next part)
                skip_to = max(skip_to, max((f.span.end for f in read.entry.figures()),
                                           default=name.span.end))
                if own_style is None or own_style == style or (
                        sub_style is not None and own_style != sub_style):
                    sub = None
                sub_style = own_style
                if sub is not None:
                    sub.append(read.entry)
                continue
            if source and parts and parts[-1].amount is not None and (
                    nested := _nested_list(source, max(parts[-1].amount.span.end, skip_to),
                                           name)) is not None:
                # 基本支出…，其中人员经费…，公用经费…；项目支出…: not the total's parts
                skip_to, certain = nested
                uncertain = uncertain or not certain
                _own_list(sublists, parts, sub)
                sub = [read.entry] if certain else None
                continue
            key = subject_key(name.text)
            if not key:
                continue  # …项目支出…，分别增加100万元、100万元: a nameless amount is no part
            if _other_half(total.entry.name.text, name.text):
                break  # 收入预算X，其中：…；支出预算X: the other half, no part
            if (amount := read.entry.amount) is not None and total.entry.amount is not None and (
                    amount.wan == total.entry.amount.wan) and TOTAL_NAME.search(name.text) and (
                    BOTH_TOTAL.search(total.entry.name.text)):
                break  # 收支预算总计X，其中：收入预算总计X…；支出预算总计X…: its halves
            if parts and source and SUBTOTAL_BEFORE.search(
                    source, max(0, name.span.start - 4), name.span.start):
                continue  # …，合计财政拨款1,800万元；: a subtotal of the parts before it
            if not read.listed and key in part_keys:
                break  # a part stated again (with its change, its own list): the list ended
            if parts and source and read.sentence != total.sentence and _lists_a_part(
                    source, name, part_keys):
                break  # …包括本年收入900万元，上年结转100万元。本年收入中：①…: the part's own
            if not read.listed and read.sentence != total.sentence and any(
                    p.name.text in name.text for p in parts):
                break  # 基本支出（含财政拨款和其他资金）…, 基本支出中人员经费…: a part again
            where = name.span.end  # where its figure is: a name may hold the bracket closing
            if source and where > at:
                depth = bracket_depth(source, at, where, depth)
                at = where
            if depth > 0 or name.text.startswith("(") or (
                    source and name.span.start > 0 and source[name.span.start - 1] in "（("):
                if sub is not None:
                    sub.append(read.entry)
                continue  # an aside in brackets (…6,000万元（人员经费…，公用经费…。）)
            if parts and not read.listed and TOTAL_WORDS.search(
                    source[max(0, name.span.start - 4):name.span.end]):
                break  # a later sentence about a total: the list ended
            if parts and (ASIDE_NAME.search(name.text) or (source and SUBLIST_BEFORE.search(
                    source, max(0, name.span.start - 12), name.span.start))):
                break  # 基本支出中，人员经费…; 另有上年结转…; 主要用于：1.…: not the total's
            if parts and read.entry.share_of is not None and not _whole_named(
                    read.entry.share_of.text, total.entry.name.text):
                break  # 占基本支出的88.48%: a part of another whole
            if own >= 2 and read.sentence != total.sentence and read.listed:
                break  # a later list (其中：…) breaks down one of those parts, not the total
            if source and own and style is None and read.sentence != total.sentence and (
                    not read.listed) and not (read.entry.share is not None and (
                        read.entry.share_of is None or _whole_named(
                            read.entry.share_of.text, total.entry.name.text))):
                break  # …，其中：基本支出…；项目支出…。2026年政府采购预算…: the list ended
                # with the total's sentence (parts numbered one to a sentence go on, and so
                # do parts giving their share of the total: …其中：\n一般公共预算收入…，占
                # 99.29%。\n财政专户管理资金…，占0.71%。, 按功能科目划分，教育支出…，占总支出的…)
            if not read.listed and read.sentence != total.sentence and (
                    CARRY_OVER_WORD.search(name.text)) and "总" not in total.entry.name.text:
                break  # …项目支出300万元。结转下年10万元，支出预算总计…: beside the year's total
            own += read.sentence == total.sentence
            _own_list(sublists, parts, sub)
            sub = []
            if not parts and source:
                style = _item_style(source, read.entry)
            if style is not None:
                last_number = _item_number(source, read.entry)[1]
            beside, sub_style = False, None
            parts.append(read.entry)
            part_keys.add(key)
        if not beside:
            # the last part's own list, when sure (…基本支出1,800万元（人员经费…，公用经费…）。)
            _own_list(sublists, parts, sub)
        # entries after the last numbered part may be its own or more of the total's; one
        # part alone is all of the total only when it says so by its amount (总计1000万元，
        # 其中本年收入900万元: some of it; a part larger still contradicts it)
        alone = len(parts) == 1 and (parts[0].amount is None or total.entry.amount is None
                                     or parts[0].amount.wan != total.entry.amount.wan)
        return Breakdown(total.entry, tuple(parts), partial=uncertain or beside or alone)
    items: list[Entry] = []
    for read in entries[1:]:
        if read.listed:
            items.append(read.entry)
        elif items:
            break
    return Breakdown(total.entry, tuple(items))


def _lists_a_part(source: str, name: Phrase, part_keys: set[str]) -> bool:
    """True when the sentence *name* stands in opens by naming one of the parts (keyed
    *part_keys*) and listing its own parts, *name* the first (``本年收入中：①…``,
    ``本年收入具体包括：（1）…``)."""
    lead = PART_LIST_LEAD.search(source, max(0, name.span.start - _OPENER_REACH),
                                 name.span.start)
    if lead is None:
        return False
    whole = subject_key(lead.group("name"))
    return bool(whole) and any(
        subject_key(key[opener.end():]) == whole if (opener := LIST_OPENERS.match(key))
        else key == whole for key in part_keys)


def _own_list(found: list[Breakdown] | None, parts: list[Entry],
              items: list[Entry] | None) -> None:
    """The last part with the list of its own *items*, into *found*; nothing when the
    items are not sure (None).  (One item alone is some of the part: it may not exceed it,
    ``事业收入900万元，其中：医疗收入950万元``.)"""
    if found is not None and parts and items is not None and len(items) >= 1 and all(
            i.amount is not None and subject_key(i.name.text) for i in items):
        found.append(Breakdown(parts[-1], tuple(items)))


def _nested_list(source: str, start: int, name: Phrase) -> tuple[int, bool] | None:
    """Where a list that a part opens between *start* (its amount's end) and the next
    *name* ends, and whether for sure: at the next ``；`` of the sentence (sure), or at its
    ``。`` (what follows may be the part's or the total's); None when there is no such
    list.  ``其中`` or ``包括`` opens one (also at the name's start: ``包括人员经费…``); after
    the part's own clause ended (``；``, ``。``), or inside brackets, it is not one."""
    end = min(name.span.end, name.span.start + 4)
    opened = _unwrapped_search(LIST_OPENERS, source, start, end)
    if opened is None or any(c in "；;。" for c in source[start:opened]) or (
            bracket_depth(source, start, opened, 0) > 0):
        return None
    reach = min(len(source), name.span.start + 400)
    ends = [found for mark in "；;。" if (found := source.find(mark, name.span.start, reach)) >= 0]
    if not ends:
        return reach, False
    at = min(ends)
    return at, source[at] != "。"


#: How far before a name the words opening its list are looked for (characters: the
#: opener, a colon, an item's number, line breaks).
_OPENER_REACH: Final = 24


def _unwrapped_search(pattern: re.Pattern[str], source: str, start: int, end: int,
                      ) -> int | None:
    """Where in *source* the first match of *pattern* in ``source[start:end]`` starts, white
    space (a line or page break inside the words: ``其⏎中``, ``包⏎括``) left out; None."""
    kept = [at for at in range(max(start, end - _OPENER_REACH), end)
            if not source[at].isspace()]
    found = pattern.search("".join(source[at] for at in kept))
    return kept[found.start()] if found is not None else None


def bracket_depth(source: str, start: int, end: int, depth: int) -> int:
    """The depth of brackets at *end*, given *depth* at *start*."""
    for char in source[start:end]:
        if char in "（(【[":
            depth += 1
        elif char in "）)】]" and depth > 0:
            depth -= 1
    return depth


def _whole_named(whole: str, total: str) -> bool:
    """True when the whole a share names may be the total itself: it says a whole
    (``占总收入的``, ``占本年支出合计的``) or keys as the total does; ``占基本支出的`` names
    one of the parts."""
    named = subject_key(whole.rstrip("的"))
    return not named or TOTAL_WORDS.search(whole) is not None or "总" in whole or (
        named in subject_key(total) or subject_key(total) in named)


def read_enumerations(view: TextView, reads: list[ReadEntry]) -> list[Breakdown]:
    """Totals with the numbered parts listed after ``包括：`` (``（二）支出预算总计17996.68万元。
    包括：1．公共安全（类）支出13656.34万元…``): each part is the first amount of its item.
    A list whose items cannot all be matched to an entry read is not taken."""
    by_start = {r.entry.amount.span.start: r.entry for r in reads if r.entry.amount is not None}
    starts = sorted(by_start)
    found: list[Breakdown] = []
    for opener in LIST_INCLUDES.finditer(view.text):
        before = [a for a in starts if a < view.span(opener.start(), opener.start() + 1).start]
        if not before:
            continue
        total = by_start[before[-1]]
        end = len(view.text)
        for stop in (SUBLIST_MARK.search(view.text, opener.end()),
                     LIST_INCLUDES.search(view.text, opener.end())):
            if stop is not None:
                end = min(end, stop.start())
        marks = list(ENUMERATION_ITEM.finditer(view.text, opener.end(), end))
        if not marks or marks[0].group(1) != "1" or any(
                int(b.group(1)) != int(a.group(1)) + 1 for a, b in pairwise(marks)):
            continue
        parts: list[Entry] = []
        for i, mark in enumerate(marks):
            item_end = marks[i + 1].start() if i + 1 < len(marks) else end
            origin = view.span(mark.end(), item_end)
            first = next((a for a in starts if origin.start <= a < origin.end), None)
            if first is None:
                parts = []
                break
            parts.append(by_start[first])
        if parts and total.amount is not None and all(p is not total for p in parts):
            found.append(Breakdown(total, tuple(parts)))
    return found


def _item_number(source: str, entry: Entry) -> tuple[str | None, int | None]:
    """The numbering of the list item *entry* opens, and the ordinal its marker writes."""
    found = _marker_before(source, entry)
    if found is not None:
        return found[0], ordinal_of(found[1])
    return item_style_at(entry.name.text), None


def _item_style(source: str, entry: Entry) -> str | None:
    """The numbering of the list item *entry* opens: its marker before its name, or at
    the name's start (``二是住房保障支出``)."""
    found = _marker_before(source, entry)
    return found[0] if found is not None else item_style_at(entry.name.text)


def _marker_before(source: str, entry: Entry) -> tuple[str, str] | None:
    """The list-item marker that opens *entry*'s clause: right before its name, or before
    the words its name was read without (``（一）本年收入``, named ``收入``: a period, a
    filler, nothing of a subject)."""
    start = entry.name.span.start
    found = item_marker_before(source, start)
    if found is not None or start == 0 or source[start - 1] in _CLAUSE_MARKS:
        return found  # (a name right after a clause's end has no words before it)
    window = source[max(0, start - _OPENER_REACH):start]
    cut = max(window.rfind(mark) for mark in _CLAUSE_MARKS)
    clause = fold(window[cut + 1:])
    if not clause or FILLERS[0].fullmatch(clause) is None:
        return None
    return item_marker_at(clause)


#: What ends the clause before a list item's marker.
_CLAUSE_MARKS: Final = ("。", "；", ";", "：", ":", "，", ",", "\n")


def read_lists(reads: list[ReadEntry], source: str = "") -> tuple[Breakdown, ...]:
    """Amounts listed after 其中 under an amount of the same sentence, up to the next item
    numbered as the amount's own is."""
    found = []
    i = 0
    while i < len(reads):
        head = reads[i]
        parts: list[Entry] = []
        j = i + 1
        own: tuple[str | None, int] | None = None  # a part's own list: its style, its end
        sub: list[Entry] | None = []  # its items; None when not sure which they are
        subs: list[Breakdown] = []
        # the next item numbered as the head is (1.…，其中：…；2.…) is no part of it
        style = _item_style(source, head.entry) if source and j < len(reads) and (
            reads[j].listed and reads[j].sentence == head.sentence) else None
        while j < len(reads) and reads[j].sentence == head.sentence and reads[j].listed and (
                style is None or _item_style(source, reads[j].entry) != style):
            entry = reads[j].entry
            j += 1
            if own is not None:
                if own[0] is not None and _item_style(source, entry) == own[0]:
                    own = None  # 2.住房保障支出（类）: the next item numbered as the part
                elif own[0] is None and entry.name.span.start > own[1]:
                    own = None  # past the ；that ends the part's own list
                else:
                    if sub is not None:
                        sub.append(entry)
                    continue
                _own_list(subs, parts, sub)
            last = parts[-1] if parts else None
            if source and last is not None and last.amount is not None and (
                    nested := _nested_list(source, max([last.amount.span.end, *(
                        e.amount.span.end for e in (sub or [])[-1:] if e.amount is not None)]),
                        entry.name)):
                # 1.一般公共服务支出（类）…，其中：（1）行政运行（项）…；（2）…；2.住房保障…:
                # the part's own items are not the total's parts, but its own (when sure:
                # its end is the next item numbered as the part, or its ；)
                own = (_item_style(source, last), nested[0])
                sub = [entry] if own[0] is not None or nested[1] else None
                continue
            sub = []
            parts.append(entry)
        if own is not None:
            _own_list(subs, parts, sub)  # the sentence ended the part's own list too
        if (not head.listed and head.entry.amount is not None and len(parts) >= 2
                and all(p.amount is not None for p in parts)):
            found.append(Breakdown(head.entry, tuple(parts)))
            found.extend(subs)
            i = j
        else:
            i += 1
    return tuple(found)


def count_lists(reads: Sequence[ReadEntry], source: str) -> tuple[Breakdown, ...]:
    """Counts listed after 其中 under a count of the same sentence (``共有车辆10辆，其中：
    执法执勤用车8辆、其他用车2辆``): the whole (an entry with a count and no amount) and its
    listed parts, each with a count of the whole's unit (and perhaps its money beside it).
    A list with a part of another kind (no count, another unit) is left alone."""
    found = []
    for i, head in enumerate(reads):
        whole = head.entry
        if head.listed or head.explains or whole.amount is not None or len(whole.counts) != 1:
            continue
        # (the count's name may follow it: 共7个预算单位)
        unit, end = whole.counts[0].unit, max(whole.counts[0].span.end, whole.name.span.end)
        parts: list[Entry] = []
        j = i + 1
        # 共7个预算单位。其中行政单位2个…: a sentence opened by 其中 right after the count
        # goes on with its list
        goes_on = (j < len(reads) and reads[j].sentence != head.sentence
                   and bool(reads[j].entry.counts)
                   and list_goes_on(source, end, reads[j].entry.counts[0].span.start))
        sentence = reads[j].sentence if goes_on else head.sentence
        while j < len(reads) and reads[j].listed and reads[j].sentence == sentence:
            part = reads[j].entry
            if BEYOND_THE_LIST.search(part.name.text):
                break  # 另有退休人员5人: the list has ended
            # (an amount beside a part's count, 新增项目5个，金额100万元, is the count's money)
            if (len(part.counts) != 1 or part.counts[0].unit != unit
                    or not (list_goes_on(source, end, part.counts[0].span.start)
                            if goes_on
                            else "。" not in source[end : part.counts[0].span.start])
                    or not _same_kind(whole.name.text, part.name.text)):
                parts = []
                break
            parts.append(part)
            j += 1
        if parts:
            found.append(Breakdown(whole, tuple(parts)))
    return tuple(found)


def list_goes_on(source: str, end: int, at: int) -> bool:
    """True when the figure ending at *end* closes its sentence and the next one opens
    with 其中, and *at* (a figure's start) stands in that next sentence (``共有公务用车5辆。
    其中：一般公务用车2辆…``): the list the figure opens goes on past the 。, as after a
    comma."""
    opened = SENTENCE_OPENS_LIST.match(source, end)
    return opened is not None and opened.end() <= at and "。" not in source[opened.end():at]


def _same_kind(whole: str, part: str) -> bool:
    """True when a part's name ends on a word of the whole's last two characters
    (``购置车辆`` / ``执法执勤用车``, ``共有项目`` / ``新增项目``): the part is a kind of the
    whole's thing, not another thing the sentence goes on to count."""
    return bool(set(whole[-2:]) & set(part[-2:]))


def read_own_list(reads: list[ReadEntry], source: str) -> tuple[Breakdown, ...]:
    """The first amount of a section with the parts its own sentence lists after it
    (``2026年收入预算1,280万元，其中：一般公共预算拨款收入…，事业收入…，上年结转…``), up
    to the other half of a total (``…；支出预算总计…``), for a section about one quantity
    (收支总体, 财政拨款收支总体), whose reading keeps only that quantity.  A total of both
    halves (``收支总预算X万元，其中本年收入…，上年结转…；本年支出…，结转下年…``) has two
    lists, cut where the parts turn to spending.  Lists of fewer than two amounts are
    left out."""
    at = next((i for i, r in enumerate(reads) if r.entry.amount is not None), None)
    if at is None or reads[at].listed or reads[at].explains:
        return ()
    found, half = _own_list_of(reads, at, source)
    if half is not None:
        # …；支出总计2,000万元，其中：本年支出…，结转下年…: the other half's own list
        found += _own_list_of(reads, half, source)[0]
    return found


def _own_list_of(reads: list[ReadEntry], at: int, source: str,
                 ) -> tuple[tuple[Breakdown, ...], int | None]:
    """The lists of ``reads[at]`` in its own sentence (see :func:`read_own_list`), and the
    index of the other half of the total that ended them, if any."""
    head = reads[at]
    sentence: list[ReadEntry] = []
    half = None
    for k in range(at + 1, len(reads)):
        read = reads[k]
        if read.sentence != head.sentence or not read.listed:
            break
        if _other_half(head.entry.name.text, read.entry.name.text):
            half = k if read.entry.amount is not None else None
            break
        before = (sentence[-1] if sentence else head).entry
        if "收入" in head.entry.name.text and CARRY_OVER_WORD.search(read.entry.name.text) and (
                any(mark in source[max((f.span.end for f in before.figures()),
                                       default=before.name.span.end):
                                   read.entry.name.span.start] for mark in ";；")):
            break  # 财政拨款收入…，其中：…；上年结转20万元: beside the income, no part
        sentence.append(read)
    groups = _halves(head.entry.name.text, sentence, lambda r: r.entry.name.text)
    found = []
    for group in groups:
        if sum(r.entry.amount is not None for r in group) < 2:
            continue
        # (the other half is listed under the sentence's 其中, but heads its own list)
        listed = read_breakdown([attrs.evolve(head, listed=False), *group], source)
        if listed is not None and listed.total is head.entry and len(listed.items) >= 2:
            found.append(listed)
    return tuple(found), half


T = TypeVar("T")


def _halves(whole: str, parts: list[T], name: Callable[[T], str]) -> list[list[T]]:
    """*parts* as one list, or as two when *whole* is a total of both halves (``收支总预算``,
    ``收、支总计``): cut where the parts turn to spending (``…本年收入…；本年支出…，结转
    下年…``), each half adding up to the total on its own."""
    if not BOTH_TOTAL.search(whole):
        return [parts]
    cut = next((i for i, part in enumerate(parts) if i and "支出" in name(part)
                and "收入" not in name(part)), None)
    return [parts[:cut], parts[cut:]] if cut is not None else [parts]


def _other_half(whole: str, part: str) -> bool:
    """True when *part* names the other half of a total than *whole* does (``支出预算``
    after ``收入预算…，其中：…；``): a list of income has no spending among its parts, and
    the other way round."""
    halves = [(w in whole, w in part) for w in ("收入", "支出")]
    return ((halves[0][0] and not halves[1][0] and halves[1][1] and not halves[0][1])
            or (halves[1][0] and not halves[0][0] and halves[0][1] and not halves[1][1]))


def read_named_sublists(reads: list[ReadEntry], source: str) -> tuple[Breakdown, ...]:
    """A sentence that opens by naming a quantity stated before and lists its parts
    (``…上年结转结余150万元。上年结转结余中，结转120万元，结余30万元。``): that quantity and
    the parts of the sentence read as a total's (a part's own list, brackets left out),
    when two or more (they may be some of its parts; after ``本年收入包括：`` every part, the
    whole named by the very words of its statement).  None when a part is itself a total
    (``项目支出中，政府采购预算合计…：（一）…``)."""
    found = []
    last: dict[str, Entry] = {}  # the last amount stated under each name
    i = 0
    while i < len(reads):
        read = reads[i]
        j = i + 1
        while j < len(reads) and reads[j].sentence == read.sentence:
            j += 1
        name = read.entry.name
        lead = NAMED_SUBLIST.search(source, max(0, name.span.start - 24), name.span.start) if (
            read.entry.amount is not None) else None
        whole = last.get(subject_key(lead.group("name"))) if lead is not None else None
        if whole is not None and lead is not None and "包括" in lead.group() and (
                "".join(lead.group("name").split()) != (
                    whole.period.text if whole.period is not None else "") + whole.name.text):
            whole = None  # 收入包括：… after 其中本年收入…: named by other words, not sure
        sentence = reads[i:j]
        if whole is not None and not any(TOTAL_NAME.search(r.entry.name.text) for r in sentence):
            listed = read_breakdown(
                [ReadEntry(whole, read.sentence, False, False),
                 *(attrs.evolve(r, listed=True) for r in sentence)], source)
            if listed is not None and listed.total is whole and len(listed.items) >= 2 and all(
                    p.amount is not None for p in listed.items):
                assert lead is not None
                found.append(attrs.evolve(listed, partial=not lead.group("complete")))
        for r in sentence:
            if r.entry.amount is not None and (key := subject_key(r.entry.name.text)):
                last[key] = r.entry
        i = j
    return tuple(found)


def read_sentence_lists(reads: list[ReadEntry], source: str) -> tuple[Breakdown, ...]:
    """A list that is a sentence of its own, opened by 其中, and the amount it lists parts
    of (some of them: 其中 need not name every part):

    - after a sentence with one amount (``收入预算为X万元，比上年增加Y万元，主要原因是…。
      其中：A a万元、B b万元…``), the parts of that amount;
    - after a sentence with a total and the parts it includes (``收入预算合计X万元，包括本年
      收入Y万元，上年结转结余Z万元。其中：本年A a万元…；上年结转结余的B b万元…``), the parts
      of the total when each item names one of those parts by its words (本年…, 上年结转
      结余的…) and the items name two of them or more; else the list is left alone (it
      may break down one part only).

    Every entry of the list's sentence must be listed and have an amount.  Also the lists
    of :func:`read_named_sublists`."""
    found: list[Breakdown] = []
    for i, head in enumerate(reads):
        if (head.listed or head.explains or head.entry.amount is None
                or (i > 0 and reads[i - 1].sentence == head.sentence
                    and not reads[i - 1].explains)):
            continue
        j = i + 1
        own: list[Entry] = []
        while j < len(reads) and reads[j].sentence == head.sentence and reads[j].listed:
            own.append(reads[j].entry)
            j += 1
        if len(own) >= 4 and all(e.amount is not None for e in own):
            # …总预算X万元，其中：收入包括A…、B…；支出包括C…、D…: each side lists the parts
            # of the total, in its own sentence
            found.extend(_side_lists(source, head.entry, own))
        if j >= len(reads) or reads[j].sentence == head.sentence or not reads[j].listed:
            continue
        before = own[-1] if own else head.entry
        first = reads[j].entry.amount
        if before.amount is None or first is None or not SENTENCE_LIST_OPENER.search(
                source[before.amount.span.end : first.span.start]):
            continue
        listed = reads[j].sentence
        parts: list[Entry] = []
        depth, at = 0, first.span.start
        while j < len(reads) and reads[j].sentence == listed:
            if not reads[j].listed or reads[j].entry.amount is None:
                parts = []
                break
            name = reads[j].entry.name
            depth = bracket_depth(source, at, max(at, name.span.end), depth)
            at = max(at, name.span.end)
            if not (depth > 0 or name.text.startswith("(")):
                # (…本年财政拨款收入950万元（一般公共预算…900万元，…50万元）: a part's own)
                parts.append(reads[j].entry)
            j += 1
        if any(_other_half(head.entry.name.text, p.name.text) for p in parts):
            continue  # …支出决算为X。其中：年初结转…，本年收入…；本年支出…: not its list
        if len(parts) >= 2 and (not own or _names_the_parts(
                _labels(source, before, parts), _labels(source, head.entry, own))):
            found.extend(Breakdown(head.entry, group)
                         for half in _halves(head.entry.name.text, parts, lambda e: e.name.text)
                         for group in _opened_groups(source, half) if len(group) >= 2)
    # …。上年结转结余中，结转…，结余…。: a sentence naming the whole it lists
    return tuple(found) + read_named_sublists(reads, source)


def _side_lists(source: str, head: Entry, own: list[Entry]) -> list[Breakdown]:
    """The lists a sentence gives side by side after *head* (see
    :func:`read_sentence_lists`), each opened by its words (``收入包括…；支出包括…``) or by
    the other half's total (``收入总计X，包括A、B；支出总计X，包括C、D``: that total's
    list, not *head*'s).  Parts in brackets are a part's own; a side that turns to the other
    half without naming its total is nobody's."""
    totals: list[Entry] = [head]
    groups: list[list[Entry]] = [[]]
    depth, at = 0, head.amount.span.end if head.amount is not None else head.name.span.end
    for entry in own:
        depth = bracket_depth(source, at, max(at, entry.name.span.end), depth)
        at = max(at, entry.name.span.end)
        if depth > 0 or entry.name.text.startswith("("):
            continue  # …本年财政拨款收入950万元（一般公共预算…900万元，…）
        if _other_half(head.name.text, entry.name.text) and TOTAL_NAME.search(entry.name.text):
            totals.append(entry)
            groups.append([])
            continue
        if groups[-1] and LIST_OPENERS.search(entry.name.text):  # (its words, unwrapped)
            totals.append(totals[-1])
            groups.append([])
        groups[-1].append(entry)
    if len(groups) < 2 or not all(len(g) >= 2 for g in groups) or not LIST_OPENERS.search(
            groups[0][0].name.text):
        return []
    return [Breakdown(total, tuple(group)) for total, group in zip(totals, groups, strict=True)
            if total is not head or not _other_half(head.name.text, group[0].name.text)]


def _opened_groups(source: str, parts: list[Entry]) -> list[tuple[Entry, ...]]:
    """The parts of one list cut where a part opens a list of its own (``其中：收入包括A…，
    B…；支出包括C…，D…``): two breakdowns of the total side by side, never added
    together."""
    groups: list[list[Entry]] = [[]]
    for part in parts:
        if groups[-1] and LIST_OPENERS.search(part.name.text):  # (its words, unwrapped)
            groups.append([])
        groups[-1].append(part)
    return [tuple(g) for g in groups]


def _labels(source: str, head: Entry, entries: list[Entry]) -> list[str]:
    """What is written before each entry's amount in its own clause (its period words
    too: ``本年一般公共预算收入``, ``上年结转结余的…``), without white space."""
    labels = []
    end = head.amount.span.end if head.amount is not None else head.name.span.end
    for entry in entries:
        if entry.amount is None:
            labels.append(entry.name.text)  # a share or a count alone: its name
            continue
        text = "".join(source[end : entry.amount.span.start].split())
        labels.append(LABEL_EDGES.split(text)[-1])
        end = entry.amount.span.end
    return labels


def _names_the_parts(items: list[str], parts: list[str]) -> bool:
    """True when each item names exactly one of *parts* by its words (the part's name
    without 包括 and a last 收入/支出: ``本年收入`` → ``本年``) and the items name two of
    the parts or more."""
    keys = [PART_KEY_TRIM.sub("", part) for part in parts]
    if any(len(key) < 2 for key in keys) or len(set(keys)) < len(keys):
        return False
    named = set()
    for item in items:
        hits = [key for key in keys if key in item]
        if len(hits) != 1:
            return False
        named.add(hits[0])
    return len(named) >= 2
