"""Entries: what a narrative sentence says about one quantity, read by sentence shape.

A sentence such as ``其中：基本支出267.81万元，占99.63%；项目支出1万元，占0.37%`` is read as a
sequence of *figures*, each with the words in front of it (its *label*).  The end of a
label says the figure's *role* (:data:`ROLES`: ``占`` makes a share, ``减少`` a change,
``完成预算`` a completion rate, ``年初预算为`` a budget …); what is left is the *subject*,
the quantity the figure is about.  A figure whose label names no subject continues the
entry before it.  New wording means a new row in :data:`ROLES` or :data:`FILLERS`, not new
code.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from functools import lru_cache
from typing import Any, Final, cast

import attrs

from ..model.entries import Change, Entry
from ..model.facts import Basis
from ..model.fields import check_fields
from ..model.figures import (
    AMOUNT_UNITS,
    COUNT_UNITS,
    Amount,
    Count,
    Figure,
    Percent,
    Year,
    trusted_amount,
    trusted_count,
    trusted_percent,
    written_decimals,
)
from ..model.span import Phrase, Span
from ..templates.identity import TITLE_YEAR
from ..templates.lists import ALL_ALIKE, RUN_IN_TITLE, RUN_IN_TITLE_STARTS, respective_names
from ..templates.roles import (
    ADJUSTED_WORDS,
    COMPARED_BASIS,
    COMPARED_YEAR,
    EXPLANATION,
    EXPLANATION_GOES_ON,
    FILLERS,
    FUND_CLAIM_ELSEWHERE,
    GENERIC_SUBJECTS,
    LIST_OPENERS,
    MONEYISH,
    NAME_TAIL,
    NAME_YEAR_FRONT,
    PERIOD,
    POINT_IN_YEAR,
    PRIOR_YEAR_WORDS,
    PURPOSE,
    ROLE,
    ROLE_WIDTH,
    SIGNED_WORDS,
    THRESHOLD_AMOUNT,
    TOKENS,
    TOTAL_SUBJECT,
    TOTAL_WORDS,
    TRAILING_FIGURE,
)
from ..text.view import TextView

__all__ = ["ReadEntry", "read_entries", "read_entries_in_context", "subject_key"]


_ITEM_END = re.compile(r"[;；]")
#: A functional classification code (类 201, 款 20101, 项 2010101).
_CODE = re.compile(r"2\d{2}(?:\d{2}){0,2}")
#: The characters a clause ends with (a clause starts after one).
_CLAUSE_ENDS: Final = frozenset("。;,，:!?！？、")
#: Where a sentence ends; a 。 closing an aside in brackets (``（其中：…减少4.11万元。）``)
#: ends the aside, not the sentence the bracket stands in.
_SENTENCE = re.compile(r"[。!?！？](?![)）])")
_CLAUSE = re.compile(r"[。;,，:!?！？]")
#: Units whose folded form differs from how the reports write them.
_UNIT_NAMES: Final[dict[str, str]] = {"台(套)": "台（套）"}
_FIGURE_UNITS: Final[frozenset[str]] = frozenset(
    {*AMOUNT_UNITS, *COUNT_UNITS, "%", "万余元"})
_RIGHT_SUBJECT = re.compile(r"[^\d。;,，:!?！？、()\"]{2,12}(?=[。;,，:!?！？]|$)")
_BRACKETED = re.compile(r"\([^()]*\)")
_YEARLIKE = re.compile(r"(?:19|20)\d{2}")
_LABEL_WINDOW = 80


@lru_cache(maxsize=4096)
def subject_key(text: str) -> str:
    """The subject of a label with period words and fillers taken off (for matching)."""
    lead = FILLERS[0].sub("", text)
    key = FILLERS[1].sub("", lead)
    if not key and TOTAL_SUBJECT.fullmatch(text):
        return text  # 支出, 本年收入: the total named by its one word
    if not key and TOTAL_SUBJECT.fullmatch(lead) and TITLE_YEAR.search(
            text, 0, len(text) - len(lead)):
        return lead  # 2026年支出(预算): the year in front of the one word
    return key


@lru_cache(maxsize=4096)
def _subject_bounds(raw: str) -> tuple[int, int]:
    """Where the subject's name starts and ends in a label: after the leading fillers
    (:data:`FILLERS`), before the trailing particles (``为``, ``的``, ``与2019年相比``)."""
    lead = len(raw) - len(FILLERS[0].sub("", raw))
    if raw.startswith(")", lead):  # the close of an aside before the name: not the name's
        lead = len(raw) - len(FILLERS[0].sub("", raw[lead + 1:]))
    tail = NAME_TAIL.search(raw, lead)
    return lead, tail.start() if tail else len(raw)


@attrs.define
class _Builder:
    name: Phrase
    key: str
    fields: dict[str, Any] = attrs.field(factory=dict)
    counts: list[Count] = attrs.field(factory=list)
    restated: list[Figure] = attrs.field(factory=list)
    change: dict[str, Any] = attrs.field(factory=dict)
    again: list[dict[str, Any]] = attrs.field(factory=list)  # changes stated again
    sentence: int = 0
    listed: bool = False
    explains: bool = False
    at: int = -1  # where its label starts in the text read (-1: not said)
    other_year: bool = False  # another year's amount under a name of the sentence before

    def put(self, field: str, value: object) -> None:
        assert field in _ENTRY_FIELDS, field
        if field in self.fields:
            if isinstance(value, Amount | Percent | Count):
                self.restated.append(value)
            return
        self.fields[field] = value

    def freeze(self) -> Entry:
        if "adjusted" in self.fields and "budget" not in self.fields:
            # 项目全年预算数1万元 alone is the budget; 全年 is another basis only beside
            # a 年初预算 of the same quantity
            self.fields["budget"] = self.fields.pop("adjusted")
            self.fields.pop("completion_of", None)
        change = Change(**self.change) if self.change else None
        return Entry(name=self.name, change=change, counts=tuple(self.counts),
                     restated=tuple(self.restated),
                     restated_changes=tuple(Change(**again) for again in self.again),
                     **self.fields)


class _Marks:
    """Where clauses and sentences end in a text, found in one pass."""

    __slots__ = ("clauses", "explanations", "items", "period_ends", "periods", "sentences",
                 "text")

    def __init__(self, text: str) -> None:
        self.text = text
        # map over the match methods: no bytecode run per match
        self.clauses = list(map(re.Match.start, _CLAUSE.finditer(text)))
        self.explanations = list(map(re.Match.start, EXPLANATION.finditer(text))) if (
            "原因" in text or "主要" in text or "由于" in text) else []
        self.sentences = list(map(re.Match.start, _SENTENCE.finditer(text)))
        # an explanation ends where the list item it stands in ends (；), not at the 。;
        # an entry's period is written in its own item
        self.items = list(map(re.Match.start, _ITEM_END.finditer(text))) if (
            ";" in text or "；" in text) else []
        self.periods = list(map(re.Match.span, PERIOD.finditer(text)))
        self.period_ends = [end for _, end in self.periods]

    def explains(self, start: int, end: int) -> bool:
        """True when an explanation opens (主要原因是…) inside ``[start, end)`` and no
        item of a list ends (``；``) between it and *end*: ``…主要原因是X；公务用车运行维护费
        424.80万元`` states the next item, not the reason."""
        k = bisect_left(self.items, end) - 1
        if k >= 0 and self.items[k] >= start and not EXPLANATION_GOES_ON.match(
                self.text, self.items[k] + 1):
            start = self.items[k] + 1
        k = bisect_left(self.explanations, start)
        return k < len(self.explanations) and self.explanations[k] < end

    def last_period(self, start: int, end: int) -> tuple[int, int] | None:
        """The last period phrase (本年度, 2019年 …) inside ``[start, end)`` and in the
        list item (``；``) that *end* stands in."""
        k = bisect_left(self.items, end) - 1
        if k >= 0 and self.items[k] >= start:
            start = self.items[k] + 1
        k = bisect_right(self.period_ends, end) - 1
        if k >= 0 and self.periods[k][0] >= start:
            return self.periods[k]
        return None

    def last_delimiter(self, start: int, end: int) -> int:
        """Index after the last clause delimiter in ``[start, end)`` within the window."""
        lo = max(start, end - _LABEL_WINDOW)
        k = bisect_left(self.clauses, end) - 1
        if k >= 0 and self.clauses[k] >= lo:
            return self.clauses[k] + 1
        return lo

    def sentence_start(self, end: int) -> int:
        """Index after the last sentence end before *end*, within the window."""
        lo = max(0, end - 4 * _LABEL_WINDOW)
        k = bisect_left(self.sentences, end) - 1
        if k >= 0 and self.sentences[k] >= lo:
            return self.sentences[k] + 1
        return lo


@attrs.frozen
class ReadEntry:
    """An entry with where it stood: its sentence, whether it is listed after 其中, and
    whether it ``explains`` a change (an amount inside 主要原因是…)."""

    entry: Entry
    sentence: int
    listed: bool
    explains: bool = False


def read_entries(view: TextView, *, skip_markers: bool = True) -> list[Entry]:
    """Read every entry of a stretch of narrative, in text order.

    Time is linear in the length of the view: one pass of :data:`TOKENS`, and each
    label is looked at through a window of bounded size.
    """
    return [read.entry for read in read_entries_in_context(view, skip_markers=skip_markers)]


_EXPLAINS = "\x00explains"
#: The entry field a figure of each role fills (amounts, then percentages).
_AMOUNT_FIELDS: Final[dict[str, str]] = {
    "budget": "budget", "execution": "execution", "adjusted": "adjusted"}
_PERCENT_FIELDS: Final[dict[str, str]] = {"share": "share", "completion": "completion"}


def read_entries_in_context(view: TextView, *, skip_markers: bool = True,
                            qualifiers: list[Span] | None = None) -> list[ReadEntry]:
    """Like :func:`read_entries`, with each entry's sentence and list membership.

    Amounts inside the explanation of a change (:data:`EXPLANATION`) make entries of their
    own, marked ``explains``: they are never merged into the quantity the sentence states.
    Amounts that qualify a subject (``单价100万元以上``) are part of its name; their spans
    go to *qualifiers* when a list is given.
    """
    text = view.text
    marks = _Marks(text)
    periods: dict[tuple[int, int], Phrase] = {}  # one phrase per period phrase written
    builders: list[_Builder] = []
    by_key: dict[str, tuple[_Builder, int]] = {}
    current: _Builder | None = None
    previous_end = 0
    pending_subject: int | None = None
    pending_threshold: Amount | None = None  # 单价100万元以上: qualifies the next subject
    # A、B、C分别为x、y、z: the names still waiting for their amounts, in the sentence
    names_left: list[tuple[int, int]] = []
    names_sentence = -1
    # …，分别比上年增加a、b: the entries still waiting for their changes (None: nobody's)
    spread: _Spread | None = None
    last_figure: Figure | None = None  # the figure read last, as its entry holds it
    for m in TOKENS.finditer(text):
        if m.lastgroup == "fund":
            if current is not None and current.fields.get("amount") is last_figure and not text[
                    previous_end:m.start()].strip(" ,，") and not FUND_CLAIM_ELSEWHERE.search(
                    text, marks.sentence_start(m.start()), m.start()):
                # 涉及预算拨款39,560.87万元，均为一般公共预算拨款: all of the amount just
                # written is that fund's (unless its sentence puts it in another year,
                # several years or a wider scope: FUND_CLAIM_ELSEWHERE)
                current.put("funded_by", view.phrase(m.start(), m.end()))
            continue
        num, approx, unit = m.group("num", "approx", "unit")
        if unit is not None and unit not in _FIGURE_UNITS:
            continue  # a year, a date, a document number: not a figure
        at = m.start()
        label_start = marks.last_delimiter(previous_end, at)
        sentence_no = marks.sentence_start(at)
        role = "main"
        # the label's role is in its last ROLE_WIDTH characters (offsets into the text)
        role_match = ROLE.search(text, max(label_start, at - ROLE_WIDTH), at) if (
            label_start < at) else None
        if role_match is not None:
            # the role groups are outermost: the last to close is the one that matched
            role = cast(str, role_match.lastgroup)
        subject_end = role_match.start() if role_match else at
        if pending_subject is not None and pending_subject < label_start and num:
            label_start = pending_subject
            subject_end = max(subject_end, label_start)
        pending_subject = None
        raw = text[label_start:subject_end].rstrip("、,，:;")
        key = subject_key(raw)
        if key == "(":
            key = ""  # 全年预算为850万元（年初预算为820万元…）: an aside about the subject before
        if role == "prior" and key and not raw.strip("(") and current is not None and (
                current.sentence == sentence_no):
            key = ""  # 86.40万元（上年预算数为92.00万元）: the amount before's prior year
        first = max(previous_end, sentence_no)
        # …减少4.11万元。）比上年减少…: the label is an aside's close and no subject
        closing = label_start if raw.startswith(")") and not subject_key(raw[1:]) else None
        if closing is None and not key and label_start - 1 > first and text[
                first:label_start].lstrip(" ").startswith(")"):
            closing = text.index(")", first)
        if closing is not None and (aside := _opening(text, closing, sentence_no)) > 0:
            # （2016年度…为8,648.07万元），增加498.72万元: after an aside in brackets the
            # figure is about the subject written before the bracket opened
            # the delimiter before the subject, not a thousands separator of its amount
            amount_before = TRAILING_FIGURE.search(text, sentence_no, aside)
            opened = max(sentence_no, marks.last_delimiter(
                sentence_no, amount_before.start() if amount_before is not None else aside))
            # the subject before the bracket, without its amount (公务用车购置及运行维护费
            # 12.64万元（…）比上年减少…: the change is of the 12.64)
            before = TRAILING_FIGURE.sub("", text[opened:aside]).strip("、,，:;")
            if (said := ROLE.search(before, max(0, len(before) - ROLE_WIDTH))) is not None and (
                    subject_key(before[:said.start()])):
                before = before[:said.start()]  # 机关运行经费预算86.40万元（…）: 预算 its role
            if subject_key(before):
                label_start, first = opened, opened
                raw = before
                key = subject_key(raw)
        if not key and label_start - 1 > first and (first == sentence_no or first == 0 or (
                text[first - 1] in _CLAUSE_ENDS or text[first] in _CLAUSE_ENDS)):
            # 财政拨款收入，占96.57%: the subject stands alone in the clause before, in the
            # same sentence (after a 。 the figure continues the entry before); a clause's
            # tail after a figure (…购置的23辆|公务用车，比上年…) or a purpose (主要用于…)
            # is no subject
            before = subject_key(text[first : label_start - 1].strip("、,，:;"))
            if _BRACKETED.sub("", before) and not PURPOSE.match(before):
                label_start = first
                raw = text[label_start:subject_end].rstrip("、,，:;")
                key = subject_key(raw.rstrip("、,，:;"))
        if key in GENERIC_SUBJECTS:
            # 由中小企业供应商中标或成交的，采购金额…: the subject stands in the clause before
            clause = marks.last_delimiter(max(sentence_no, previous_end), label_start - 1)
            if clause < label_start - 1:
                label_start = clause
                raw = text[label_start:subject_end]
                key = subject_key(raw)
        if not key and role in _AMOUNT_ROLES and sentence_no > 0 and (
                current is None or current.sentence != sentence_no) and (
                text[(opened := marks.sentence_start(sentence_no - 1))] in RUN_IN_TITLE_STARTS
                or text[opened] == " ") and (
                title := RUN_IN_TITLE.fullmatch(text, opened, sentence_no)) is not None and (
                current is None or current.at < title.start("title")):
            # （二）公务用车购置及运行维护费。2025年度预算为30.00万元…: the sentence before,
            # the item's run-in title, names what its figures are about
            label_start, subject_end = title.span("title")
            raw = text[label_start:subject_end]
            key = subject_key(raw)
        spread_to: _Builder | None = None
        spreading = spread is not None and spread.takes(m, sentence_no, text, previous_end)
        if spreading:
            # …分别比上年增加a、b: the next change of the list goes to the next entry
            assert spread is not None
            role, role_match, spread_to = spread.role, spread.match, spread.next()
        elif names_left and names_sentence == sentence_no and role in ("main", "budget") and (
                not text[previous_end:at].strip(_BETWEEN_ITEMS)):
            # A、B分别为x、y: the next amount is the next name's
            label_start, name_end = names_left.pop(0)
            raw = text[label_start:name_end]
            key = subject_key(raw)
        elif role in ("main", "budget") and num is not None and (
                "分别" in raw or (ALL_ALIKE.search(raw) and "、" in raw and LIST_OPENERS.search(
                    text, sentence_no, at) is not None)):
            # (收入、支出预算总计均为X, not in a list: both halves' total, one quantity)
            count = _clause_figures(text, m)
            names = respective_names(raw, count) if not ALL_ALIKE.search(raw) else None
            if names is not None and len(names) == count:
                # A、B、C分别为x、y、z: the first amount is the first name's
                names_left = [(label_start + a, label_start + b) for a, b in names[1:]]
                names_sentence = sentence_no
                label_start, raw = label_start + names[0][0], raw[names[0][0]:names[0][1]]
                key = subject_key(raw)
            elif count >= 1 and (names is not None or ALL_ALIKE.search(raw)):
                # A、B均为x; names and amounts that do not pair: the amounts are nobody's
                spread = _Spread([None] * count, role, role_match, unit == "%", sentence_no)
                spreading, spread_to = True, spread.next()
        figure: Figure | None = None
        kind = m.lastgroup
        if kind == "threshold":
            pending_subject = m.start()
            amount = THRESHOLD_AMOUNT.search(text, m.start(), m.end())
            pending_threshold = None
            if amount is not None:
                if qualifiers is not None:
                    qualifiers.append(view.span(amount.start(), amount.end()))
                written = amount.group()[:-2]  # the number, 万元 left out
                pending_threshold = trusted_amount(
                    Decimal(written), "万元", view.span(amount.start(), amount.end()),
                    decimals=written_decimals(written))
                end = _THRESHOLD_CLAUSE_END.search(text, m.end(), m.end() + _THRESHOLD_REACH)
                stop = end.start() if end is not None else min(len(text),
                                                               m.end() + _THRESHOLD_REACH)
                if TOKENS.search(text, m.end(), stop) is None:
                    # 无购置单价100万元以上设备预算 / …设备为0: nothing follows in its
                    # clause to count; the subject stands with its threshold alone
                    bare = text[m.start():stop].rstrip("、,，:;")
                    current = _Builder(view.phrase(m.start(), m.start() + len(bare)),
                                       subject_key(bare) or bare, sentence=sentence_no)
                    current.put("threshold", pending_threshold)
                    builders.append(current)
                    pending_threshold = pending_subject = None
            continue
        threshold, pending_threshold = pending_threshold, None
        if num is not None:
            figure = _figure(view, m, num, approx, unit, role, raw, skip_markers)
            if figure is None:
                continue
            kind = "figure"
        explains = not isinstance(figure, Count) and bool(marks.explanations) and (
            marks.explains(sentence_no, at))
        prior_end, previous_end = previous_end, m.end()
        another_year = False
        if isinstance(figure, Count) and role == "main" and not subject_key(
                raw.lstrip("共合计总")) and (after := _RIGHT_SUBJECT.match(text, m.end())):
            # 共8名工作人员: the subject follows the count
            label_start, raw = m.end(), after.group(0)
            key = subject_key(raw)
            previous_end = after.end()
        if not key and role in ("main", "budget") and current is not None and (
                current.sentence == sentence_no) and _other_year(raw or (
                    text[max(sentence_no, prior_end):label_start - 1]
                    if label_start > sentence_no and text[label_start - 1] == ":" else ""),
                    current):
            # 2026年…364,200元，2025年(预算)为398,600元，减少…, …800万元（2024年度：750万元）:
            # last year's
            role = "prior"
        if key and (point := POINT_IN_YEAR.search(raw)) is not None:
            key += point.group()  # 年初… and 年末…结转和结余: two quantities, one name
        if key and explains:
            key += _EXPLAINS
        if not spreading and role in ("change", "share") and kind == "figure" and (
                "分别" in text[label_start:at]):
            # …，分别比上年增加a、b，分别增长x%、y%, …分别占x%、y%: each of the amounts the
            # sentence stated last changed (or has its share), in order; when fewer were
            # stated, nobody's
            spread = _Spread.over(builders, m, role, role_match, sentence_no, text)
            if spread is not None:
                spreading, spread_to = True, spread.next()
        elif not spreading and role == "change" and kind == "figure" and spread is not None and (
                (again := spread.again(m, role_match, sentence_no, text)) is not None):
            # …分别比上年增加a、b，增长x%、y%: the rates go where the amounts went
            spread = again
            spreading, spread_to = True, spread.next()
        if spreading:
            if spread_to is None:
                spread_to = _Builder(view.phrase(at, at), "", sentence=sentence_no)
                builders.append(spread_to)
            current = spread_to
        elif key and (current is None or key != current.key or (
                current.sentence != sentence_no and _other_year(raw, current)) or (
                another_year := _another_years(raw, current, role, sentence_no)) or (
                role != "change" and not current.listed and current.sentence == sentence_no
                and ("amount" in current.fields or "budget" in current.fields)
                and LIST_OPENERS.search(text, max(prior_end, sentence_no), at))):
            # 收入预算3,000万元，其中：本年收入2,800万元: a part listed under the amount is
            # not that amount again, though its name keys alike
            lead, name_end = _subject_bounds(raw)
            subject = view.phrase(label_start + lead, label_start + name_end)
            found = by_key.get(key)
            if found is not None and (another_year or _another_years(raw, found[0], role,
                                                                     sentence_no)):
                found, another_year = None, True
            if found is not None and (found[1] == sentence_no or role == "change"
                                      or kind == "flat") and not (
                    found[1] == sentence_no and not found[0].listed and role != "change"
                    and LIST_OPENERS.search(text, sentence_no, at) is not None):
                current = found[0]
            elif (found is None and role == "change" and current is not None
                  and current.sentence != sentence_no
                  and ("amount" in current.fields or "budget" in current.fields)
                  and not current.change and not current.explains and not explains
                  and _restated_name(current.key, key)):
                # XX局2026年度财政拨款收、支总预算64,090.74万元。与上年相比，财政拨款收、支
                # 总计各减少…: the next sentence names the same quantity again (in other
                # words of a total, without the organization) to give its change
                pass
            else:
                current = _Builder(subject, key, sentence=sentence_no,
                                   listed=LIST_OPENERS.search(text, sentence_no, at)
                                   is not None,
                                   explains=explains, at=label_start, other_year=another_year)
                builders.append(current)
                by_key[key] = (current, sentence_no)
        elif (not key and role == "change" and current is not None and current.other_year
              and current.sentence == sentence_no):
            # …决算30万元…；2024年度…决算20万元，比上年增加10万元: the change of this year's
            # amount, or of that year's? nobody's
            current = _Builder(view.phrase(label_start, label_start), "", sentence=sentence_no)
            builders.append(current)
        elif (role == "change" and isinstance(figure, Amount) and current is not None
              and "amount" not in current.fields and current.counts and (
                  owner := _money_owner(builders, current, sentence_no)) is not None):
            # 购置支出421.30万元，…购置的23辆公务用车，比上年增加421.30万元: a change in 万元
            # after a count is the change of the amount before it, not of the count's subject
            current = owner
        elif (not key and role in ("change", "prior") and current is not None and not explains
              and not current.explains and (
                  label_start <= sentence_no
                  or not subject_key(text[sentence_no:label_start].strip("、,，:;")))
              and (owner := _sentence_whole(builders, current.sentence)) is not current):
            # 比上年执行数增加… opening a sentence: the change of the whole the sentence
            # before broke down after 其中 (行政运行（项）500万元，其中人员经费400万元…。); of
            # none when it stated several amounts side by side (…8,000万元，主要用于出租车
            # 补贴3,000万元。): which of them changed is not sure
            if owner is not None:
                current = owner
            else:
                current = _Builder(view.phrase(label_start, label_start), "", sentence=sentence_no)
                builders.append(current)
        elif (not key and role == "change" and current is not None and current.listed
              and not explains and not current.explains and current.sentence == sentence_no
              and _changeless_list_ends(builders, current)):
            # 支出预算X万元，其中基本支出A万元，项目支出B万元，比上年增加C万元: the whole's
            # change, or the last part's? Not sure: nobody's
            current = _Builder(view.phrase(label_start, label_start), "", sentence=sentence_no)
            builders.append(current)
        elif (not key and kind == "cmp" and current is not None and current.listed
              and current.sentence != sentence_no
              and not subject_key(text[sentence_no:at].strip("、,，:;"))):
            # …其中：…公务接待费…完成预算的100%。决算数小于预算数的主要原因是…: the words
            # opening a sentence after a list are its whole's, or nobody's; never the last
            # part's
            owner = _sentence_whole(builders, current.sentence)
            if owner is not None and not owner.listed:
                current = owner
            else:
                current = _Builder(view.phrase(at, at), "", sentence=sentence_no)
                builders.append(current)
        elif current is None or current.explains != explains:
            bare = raw.strip("、,，:;")
            lead = raw.find(bare) if bare else 0
            current = _Builder(view.phrase(label_start + lead, label_start + lead + len(bare)),
                               bare + (_EXPLAINS if explains else ""), sentence=sentence_no,
                               explains=explains)
            builders.append(current)
        if threshold is not None and threshold.span.start >= current.name.span.start:
            current.put("threshold", threshold)  # the count's subject starts with it
        if "period" not in current.fields and kind == "figure" and role != "change" and (
                not current.change) and (
                not current.fields.keys() - _NOT_FIGURES) and not current.counts and (
                p := marks.last_period(sentence_no, at)) is not None:
            # the period is the year written in front of the entry's first figure: a year
            # after it (比2025年预算减少…, 与2025年预算持平) is the year compared with
            if (prior_word := _PRIOR_IN_LABEL.search(
                    text, max(sentence_no, label_start - 2), p[0])) is not None and (
                    text[p[0]:p[1]] in _NAME_PERIODS):
                p = prior_word.span()  # 上年本年支出合计为…: 本年 is the name's, 上年 its period
            period = periods.get(p)
            if period is None:
                period = periods[p] = view.phrase(p[0], p[1])
            current.fields["period"] = period
        if kind == "figure":
            assert figure is not None
            _attach(current, figure, role, role_match, view, text, sentence_no, at)
            last_figure = figure
        elif kind == "cmp":
            current.put("comparison", view.phrase(m.start(), m.end()))
        elif kind == "nobudget":
            current.put("no_budget", view.phrase(m.start(), m.end()))
        elif kind == "absent":
            current.put("absent", view.phrase(m.start(), m.end()))
        elif kind == "flat":
            word = view.phrase(m.start(), m.end())
            _compared(current.change, text[sentence_no:at], view, at)
            current.change.setdefault("direction", word)
            current.change.setdefault("percent_direction", word)
    return [ReadEntry(b.freeze(), b.sentence, b.listed, b.explains) for b in builders]


#: Where the clause of a threshold (单价100万元以上设备…) ends, looked for this far on.
_THRESHOLD_CLAUSE_END: Final = re.compile(r"[,，。;；:：]")
_THRESHOLD_REACH: Final = 60


def _money_owner(builders: list[_Builder], current: _Builder,
                 sentence: int) -> _Builder | None:
    """The entry of the sentence before *current* (a count) that states an amount and no
    change yet: the one a change in 万元 written after the count belongs to."""
    for builder in reversed(builders):
        if builder is current:
            continue
        if builder.sentence != sentence:
            return None
        if "amount" in builder.fields and "amount" not in builder.change:
            return builder
    return None


@lru_cache(maxsize=1024)
def _loose_key(key: str) -> str:
    """A subject key without the words of a total or a basis (see :data:`TOTAL_WORDS`)."""
    return TOTAL_WORDS.sub("", key)


def _changeless_list_ends(builders: list[_Builder], current: _Builder) -> bool:
    """True when *current* is the last of two parts or more listed under an amount of its
    sentence, and neither the amount nor any part has a change yet: a change written next
    is the whole's or the last part's, and nothing tells which."""
    own: list[_Builder] = []
    for builder in reversed(builders):  # the sentence's own, from its end: bounded
        if builder.sentence != current.sentence:
            break
        own.append(builder)
    own.reverse()
    listed = [b for b in own if b.listed]
    wholes = [b for b in own if not b.listed and ("amount" in b.fields or "budget" in b.fields)]
    return (len(listed) >= 2 and listed[-1] is current and bool(wholes)
            and not any(b.change for b in (*listed, wholes[-1])))


#: What may stand between the items of a list of figures (``2.00万元、15.00万元和3.00万元``).
_BETWEEN_ITEMS: Final = " 、和及与\n"


class _Spread:
    """The entries the figures of a list stated with 分别 go to, one each (``基本支出…，项目
    支出…，分别比上年增加a、b``, ``…分别占x%、y%``): the entries with an amount the sentence
    stated last at the list's own level (outside brackets), as many as the clause has
    figures of the first one's unit (持平 counting as one); None for each (nobody's) when
    fewer were stated, or when a part's own list makes the level unsure."""

    __slots__ = ("left", "match", "percent", "role", "sentence", "targets")

    def __init__(self, left: list[_Builder | None], role: str, match: re.Match[str] | None,
                 percent: bool, sentence: int) -> None:
        self.left, self.role, self.match = left, role, match
        self.percent, self.sentence = percent, sentence
        self.targets = list(left)

    @classmethod
    def over(cls, builders: list[_Builder], m: re.Match[str], role: str,
             match: re.Match[str] | None, sentence: int, text: str) -> _Spread | None:
        if m.group("unit") is None or match is None:
            return None
        count = _clause_figures(text, m)
        if count < 2:
            return None
        in_sentence: list[_Builder] = []
        for b in reversed(builders):  # (the sentence's own, from its end: linear)
            if b.sentence != sentence:
                break
            in_sentence.append(b)
        stated = [b for b in reversed(in_sentence) if not b.explains
                  and ("amount" in b.fields or "budget" in b.fields)
                  and b.at >= 0 and _depth(text, sentence, _past_brackets(text, b.at)) == 0]
        openers = [o.start() for o in LIST_OPENERS.finditer(text, sentence, m.start())
                   if _depth(text, sentence, o.start()) == 0]
        # a list opened and closed again (…，其中人员经费…、公用经费…；项目支出…): the
        # level of the entries is not sure
        closed = bool(openers) and any(
            text[at] in ";；" and _depth(text, sentence, at) == 0
            for at in range(openers[-1], stated[-1].at if stated else openers[-1]))
        left: list[_Builder | None] = list(stated[-count:]) if (
            len(stated) >= count and len(openers) <= 1 and not closed) else [None] * count
        return cls(left, role, match, m.group("unit") == "%", sentence)

    def again(self, m: re.Match[str], match: re.Match[str] | None, sentence: int,
              text: str) -> _Spread | None:
        """The spread of the next clause of the sentence over the same entries, when it
        states as many figures of the other kind (``…分别比上年增加a、b，增长x%、y%``)."""
        percent = m.group("unit") == "%"
        if (self.left or sentence != self.sentence or percent == self.percent
                or m.group("unit") is None or _clause_figures(text, m) != len(self.targets)):
            return None
        return _Spread(list(self.targets), "change", match, percent, sentence)

    def takes(self, m: re.Match[str], sentence: int, text: str, previous_end: int) -> bool:
        """Whether the token *m* is the list's next figure (or its 持平): in its sentence, of
        its kind, with nothing but a list's separators or a direction word since the figure
        before (``增加1.00万元、减少0.50万元``: the word is this figure's)."""
        if not self.left or sentence != self.sentence:
            return False
        between = text[previous_end:m.start()].strip(_BETWEEN_ITEMS)
        if m.lastgroup == "flat":
            return not between
        if m.group("num") is None or (m.group("unit") == "%") != self.percent:
            return False
        if not between:
            return True
        word = ROLE.search(text, previous_end, m.start())
        if self.role == "change" and word is not None and word.lastgroup == "change" and not (
                text[previous_end:word.start()].strip(_BETWEEN_ITEMS + "比上年较同期")):
            self.match = word  # …增加a、减少b: b's direction is its own
            return True
        return False

    def next(self) -> _Builder | None:
        return self.left.pop(0)


def _past_brackets(text: str, at: int) -> int:
    """*at* past the brackets opening there (a label ``（人员经费`` is inside its bracket)."""
    while at < len(text) and text[at] in "(（":
        at += 1
    return at


def _depth(text: str, start: int, end: int) -> int:
    """How many brackets are open at *end*, counted from *start*."""
    depth = 0
    for char in text[start:end]:
        if char in "(（":
            depth += 1
        elif char in ")）" and depth:
            depth -= 1
    return depth


#: How far a list's clause is looked at for its figures (characters).
_CLAUSE_REACH: Final = 200


def _clause_figures(text: str, m: re.Match[str]) -> int:
    """How many figures of *m*'s unit its clause holds from *m* on (``2.00万元、15.00万元和
    3.00万元``: 3), 持平 counting as one, figures in brackets not counted; the clause ends
    at a comma (not at a 、, nor at a thousands separator) or at the sentence's end."""
    stop = min(len(text), m.end() + _CLAUSE_REACH)
    for at in range(m.end(), stop):
        char = text[at]
        if char in "，;；。" or (char == "," and not (
                text[at - 1].isdigit() and at + 1 < len(text) and text[at + 1].isdigit())):
            stop = at
            break
    unit = m.group("unit")
    return 1 + sum(1 for t in TOKENS.finditer(text, m.end(), stop)
                   if (t.lastgroup == "flat" or (t.group("num") is not None
                                                and t.group("unit") == unit))
                   and _depth(text, m.end(), t.start()) == 0)


#: The year before named in a label (``上年本年支出合计``), and the period words a name may
#: hold as its own (``本年支出合计``, ``当年拨款``).
_PRIOR_IN_LABEL: Final = re.compile(PRIOR_YEAR_WORDS.pattern.lstrip("^"))
_NAME_PERIODS: Final = frozenset({"本年", "本年度", "当年", "当年度"})


#: The roles of an amount that may open an item's figures (its run-in title their subject).
_AMOUNT_ROLES: Final = frozenset({"main", "budget", "final", "adjusted", "execution"})


def _another_years(label: str, builder: _Builder, role: str, sentence_no: int) -> bool:
    """True when *label*, in *builder*'s own sentence, names a year other than the one
    *builder*'s period names (``…决算30万元…；2024年度“三公”经费…决算20万元``): another
    year's amount under the same name.  A year compared with (``与2024年度相比``) is no
    period, nor is a change's."""
    return (builder.sentence == sentence_no and role not in ("change", "prior")
            and not COMPARED_YEAR.search(label) and _other_year(label, builder))


def _other_year(label: str, current: _Builder) -> bool:
    """True when *label* names a year other than the one *current*'s period names
    (``2026年机关运行经费…。2025年机关运行经费预算为…``, ``…。上年机关运行经费预算为…``: two
    years' amounts, one name)."""
    period = current.fields.get("period")
    own_text = period.text if isinstance(period, Phrase) else ""
    if PRIOR_YEAR_WORDS.match(label.lstrip("，,。；; ")):
        return not PRIOR_YEAR_WORDS.match(own_text)  # 上年机关运行经费预算为…
    named = TITLE_YEAR.search(label)
    if named is None or not own_text:
        return False
    own = TITLE_YEAR.search(own_text)
    return own is not None and own.group("year") != named.group("year")


def _restated_name(earlier: str, later: str) -> bool:
    """True when *later* names the quantity *earlier* names, again: the same words but
    those of a total or a basis, with at most the organization and year in front of the
    earlier (``XX局2026年度财政拨款收、支总预算`` / ``财政拨款收、支总计``).  A later name
    that drops other words names a wider quantity (``政府性基金预算财政拨款支出`` /
    ``财政拨款支出``, ``公务用车购置及运行维护费`` / ``运行维护费``)."""
    whole, again = _loose_key(earlier), _loose_key(later)
    if len(again) < 4 or not whole.endswith(again):
        return False
    front = whole[:len(whole) - len(again)]
    return not front or NAME_YEAR_FRONT.search(front) is not None


def _sentence_whole(builders: list[_Builder], sentence: int) -> _Builder | None:
    """The entry whose amount the sentence at *sentence* is about: its one amount, or the
    one amount not listed after 其中 when it lists parts; None when it stated several
    amounts side by side.  (The last entry when it stated fewer than two amounts.)"""
    amounts = []
    for builder in reversed(builders):
        if builder.sentence != sentence:
            break
        if "amount" in builder.fields or "budget" in builder.fields:
            amounts.append(builder)
    if len(amounts) < 2:
        return builders[-1]
    wholes = [b for b in amounts if not b.listed]
    return wholes[0] if len(wholes) == 1 else None


def _opening(text: str, close: int, start: int) -> int:
    """Where the bracket closed at *close* opens, looked for back to *start* (brackets
    inside it skipped: ``（因公出国（境）费0万元。）`` opens at its first ``（``); -1 when
    it opens before *start*."""
    depth = 0
    for at in range(close - 1, start - 1, -1):
        ch = text[at]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return at
            depth -= 1
    return -1


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - keep the last
        pass
    return found


def _compared(change: dict[str, Any], sentence: str, view: TextView, at: int) -> None:
    """The year a change compares with, named in its sentence before it, and the basis
    of the amount compared with where the comparison names it."""
    if "compared_year" in change:
        return
    if "compared_basis" not in change and (b := _last(COMPARED_BASIS, sentence)):
        change["compared_basis"] = Basis(cast(str, b.lastgroup))
    if y := _last(COMPARED_YEAR, sentence):
        offset = at - len(sentence)
        change["compared_year"] = Year(
            int(y.group(1)), view.span(offset + y.start(1), offset + y.end(1) + 1))


def _figure(view: TextView, m: re.Match[str], written: str, approx: str | None,
            unit: str | None, role: str, subject: str, skip_markers: bool) -> Figure | None:
    """The figure of a token whose number is *written* (its unit is a figure's or None)."""
    approximate = approx is not None
    value = Decimal(written.replace(",", "").replace("，", ""))
    span = view.span(m.start(), m.end())
    if unit is None:
        after = view.text[m.end() : m.end() + 1]
        before = view.text[max(0, m.start() - 1) : m.start()]
        if skip_markers and (after in (".", "、", "-") or before in ("第", "[", "〔", "/")):
            return None
        if after == "\n" or before == "\n":
            return None  # beside a number of its own line: table cells, not a sentence's
        if after == ")" and len(written) <= 2 and written.isdigit() and (
                not before or before in ":;。,("):
            return None  # 包括：1）一般公共预算拨款收入…, （1）…: a list item's number
        if _YEARLIKE.fullmatch(written):
            return None  # a year written without 年 (安排2020预算)
        if before == "(" and after == ")" and written.isdigit() and len(written) in (3, 5, 7):
            return None  # a classification code in brackets: 农林水支出（213）
        if _CODE.fullmatch(written) and after and "\u4e00" <= after <= "\u9fff":
            return None  # a classification code before its name: 2014099其他信访事务支出
        if role in ("share", "completion") or (role == "change" and "增长" in subject):
            return trusted_percent(value, span, sign=False,
                                   decimals=written_decimals(written))
        if role in ("budget", "adjusted", "final", "execution") or MONEYISH.search(
                subject[-12:]):
            return trusted_amount(value, None, span, decimals=written_decimals(written))
        return None
    if unit in AMOUNT_UNITS or unit == "万余元":
        return trusted_amount(value, "万元" if unit == "万余元" else unit, span,
                              approximate or unit == "万余元", written_decimals(written))
    if unit == "%":
        return trusted_percent(value, span, decimals=written_decimals(written))
    if unit in COUNT_UNITS:
        return trusted_count(value, _UNIT_NAMES.get(unit, unit), span, approximate)
    return None


#: Entry fields that are no figure of the entry's own (a period, a threshold, its words).
_NOT_FIGURES: Final = frozenset({"period", "threshold", "comparison", "absent", "no_budget",
                                 "share_of", "completion_of", "scope", "funded_by"})


def _attach(builder: _Builder, figure: Figure, role: str, role_match: re.Match[str] | None,
            view: TextView, text: str, sentence_no: int, at: int) -> None:
    if isinstance(figure, Count):
        builder.counts.append(figure)
        return
    if role == "completion" and role_match is not None and ADJUSTED_WORDS.search(
            role_match.group()) and "completion" not in builder.fields:
        # (a second rate, 完成年初预算的90%，完成调整预算的94.74%: the first is the
        # entry's, of its own basis; the second is restated)
        builder.put("completion_of", Basis.ADJUSTED)
    if role == "prior" and isinstance(figure, Amount):
        # the prior year's amount: it opens a change (比2023年的580.20万元增加48.20万元)
        change = builder.again[-1] if builder.again else builder.change
        if "prior" in change or "amount" in change:
            change = {}
            builder.again.append(change)
        change["prior"] = figure
        _compared(change, text[sentence_no:at], view, at)
        return
    if role == "budget_change" and isinstance(figure, Amount):
        assert role_match is not None
        builder.put("budget_change", Change(
            direction=view.phrase(role_match.start("adjust"), role_match.end("adjust")),
            amount=figure))
        return
    if role == "change":
        assert role_match is not None
        word = view.phrase(role_match.start("word"), role_match.end("word"))
        if word.text in SIGNED_WORDS and text[role_match.end() - 1] in "-−":
            # 增减额-15.79万元，增减率-3.56%: the word says no direction, the sign does;
            # 增加-11.81万元，增长-8.90%: a fall written as a rise less than nothing
            word = view.phrase(role_match.end() - 1, role_match.end())
        # a change stated again is a change of its own (restated), never an amount
        change = builder.again[-1] if builder.again else builder.change
        if isinstance(figure, Amount):
            if "amount" in change:
                change = {}
                builder.again.append(change)
            change["direction"] = word
            change["amount"] = figure
        else:
            if "percent" in change:
                change = {}
                builder.again.append(change)
            change["percent_direction"] = word
            change["percent"] = figure
        _compared(change, text[sentence_no:at], view, role_match.end())
        return
    if isinstance(figure, Percent):
        field = _PERCENT_FIELDS.get(role, "percent")
        if field == "share" and role_match is not None and role_match.group("whole") and (
                "share" not in builder.fields):
            builder.put("share_of", view.phrase(role_match.start("whole"),
                                                role_match.end("whole") - 1))
        builder.put(field, figure)
        return
    field = _AMOUNT_FIELDS.get(role, "amount")
    builder.put(field, figure)


_ENTRY_FIELDS: Final[frozenset[str]] = check_fields(
    Entry, [*_AMOUNT_FIELDS.values(), *_PERCENT_FIELDS.values(), "amount", "percent",
            "comparison", "no_budget", "absent", "period", "share_of", "completion_of",
            "threshold", "funded_by", "budget_change"],
    "the entry reader's field tables")
check_fields(Change, ["compared_year", "direction", "amount", "percent_direction", "percent",
                     "prior", "compared_basis"],
             "the change reader")
