"""Reasons given for changes: a reason agrees with the direction of the change it explains."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from decimal import Decimal

from ..model.entries import Change
from ..model.findings import Evidence, Finding, Severity
from ..model.reasons import Reason
from ..model.sections import Section
from ..model.span import Phrase, Span
from ..templates.reasons import BOTH_HALVES, ITEM_WORDS, REASON_DIRECTION_WORD, SUBJECT_TAIL
from ..templates.roles import FILLERS
from ..text.view import fold
from .changes import direction_of, stated_changes
from .registry import Context, rule

__all__ = ["change_sign", "change_words", "copied_reason", "name_keys", "reason_direction",
           "reason_names_other"]

_HEAD = "第二部分 2026年部门预算情况说明\n一、财政拨款收支预算总体情况\n"


def change_sign(change: Change) -> int | None:
    """+1, -1 or 0 for a stated change; None when its words do not say (or disagree)."""
    amount, percent = change.amount, change.percent
    if amount is not None and amount.value == 0 and (percent is None or percent.value == 0):
        return 0  # 增加0万元: no change, whatever the word
    if change.flat:
        return 0 if all(f is None or f.value == 0 for f in (amount, percent)) else None
    signs = {direction_of(w.text) for w in (change.direction, change.percent_direction)
             if w is not None} - {None}
    return signs.pop() if len(signs) == 1 else None


def _where(change: Change) -> int | None:
    """Where a change is written: its first word or figure."""
    starts = [p.span.start for p in (change.direction, change.amount, change.percent,
                                     change.percent_direction) if p is not None]
    return min(starts) if starts else None


def name_keys(name: str) -> frozenset[str]:
    """The quantities a name stands for, as keys: period words in front and 预算/决算 at
    the end taken off; ``收入支出`` names both halves (``财政拨款收入支出`` is the keys
    ``财政拨款收入`` and ``财政拨款支出``)."""
    key = SUBJECT_TAIL.sub("", FILLERS[0].sub("", fold(name)))
    both = BOTH_HALVES.search(key)
    if both is None:
        return frozenset({key}) if key else frozenset()
    head, tail = key[: both.start()], key[both.end():]
    return frozenset({head + "收入" + tail, head + "支出" + tail})


def _innermost(sections: tuple[Section, ...], at: int) -> Section | None:
    """The deepest section holding offset *at*."""
    found = None
    level = sections
    while True:
        inside = next((s for s in level if s.span.start <= at < s.span.end), None)
        if inside is None:
            return found
        found, level = inside, inside.children


def _explained(reason: Reason, changes: list[tuple[int, Phrase, Change]], places: list[int],
               since: int) -> list[tuple[int, Phrase, Change]]:
    """The changes a reason explains: those of the quantity it names, written before it
    in its section (after *since*); or, when it names none, the one change written in its
    sentence before it (none when there are several: which one it explains is not sure)."""
    at = reason.marker.span.start  # *places*: where each change is, in text order
    if reason.subject is not None:
        keys = name_keys(reason.subject.text)
        return [c for c in changes[bisect_left(places, since):bisect_left(places, at)]
                if name_keys(c[1].text) & keys]
    inside = changes[bisect_left(places, reason.clause.start):bisect_left(places, at)]
    return inside if len(inside) == 1 else []


def _changes_by_place(ctx: Context) -> list[tuple[int, Phrase, Change]]:
    """Every stated change with its entry's name, in text order (derived once a check)."""
    return ctx.derived(_placed_changes)


def _placed_changes(ctx: Context) -> list[tuple[int, Phrase, Change]]:
    found = []
    for entry, change in stated_changes(ctx):
        where = _where(change)
        if where is not None:
            found.append((where, entry.name, change))
    return sorted(found, key=lambda c: c[0])


@rule("FR304", "reason-direction", "A reason is given for a change the other way",
      "变动原因所述方向与变动相反", Severity.ERROR,
      passing=_HEAD + "财政拨款收入100万元，比2025年预算增加10万元。\n"
      "财政拨款收入支出增加的主要原因是新增项目。\n",
      failing=_HEAD + "财政拨款收入100万元，比2025年预算增加10万元。\n"
      "财政拨款收入支出减少的主要原因是新增项目。\n")
def reason_direction(ctx: Context) -> Iterator[Finding]:
    """A reason that says which way what it explains went (``财政拨款收入支出减少的主要原因
    是…``, ``持平的主要原因是…``) must agree with the change stated for it: the changes of
    the quantity it names (``收入支出``: both halves) written before it in its section, or,
    when it names none, the one change of its sentence.  Abstains where those changes go
    different ways or say no direction."""
    changes = _changes_by_place(ctx)
    places = [c[0] for c in changes]
    since: dict[int, int] = {}  # per section: where the last named reason ended
    for reason in ctx.report.reasons:
        if reason.direction is None:
            continue
        stated = direction_of(reason.direction.text)
        section = _innermost(ctx.report.sections, reason.marker.span.start)
        key = id(section)
        start = max(since.get(key, 0), section.body.start if section is not None else 0)
        explained = _explained(reason, changes, places, start)
        if reason.subject is not None:
            since[key] = reason.marker.span.end
        if not explained or stated is None:
            continue
        signs = {change_sign(c) for _, _, c in explained}
        # what is compared: the direction words, and an amount only where it says the
        # direction (增加0万元 is no change): a larger or smaller amount changes nothing
        figures: list[Span | Phrase | None] = [reason.direction]
        for _, _, c in explained:
            figures += [c.direction, c.amount.span if c.amount is not None and (
                c.amount.value == 0 or c.direction is None) else None]
        if None in signs or len(signs) > 1:
            ctx.abstained(figures, "the changes it explains do not all say one direction")
            continue
        sign = signs.pop()
        if sign == stated:
            ctx.held(figures)
            continue
        if reason.subject is None and any(
                change_sign(c) == stated
                for _, _, c in changes[bisect_left(places, start):bisect_left(
                    places, reason.marker.span.start)]):
            # 公务接待费…减少1万元。公务用车运行维护费…持平。减少的主要原因是…: a reason
            # naming nothing may explain the earlier change that went its way
            ctx.abstained(figures, "an earlier change of its section went the way it says")
            continue
        _, name, change = explained[0]
        shown = [reason.direction, *(p for _, _, c in explained for p in (
            c.direction, c.amount.span if c.amount is not None else None))]
        yield ctx.finding(
            shown,
            "{name}{change}，而其原因写作“{reason}”",
            "{name} {change}, yet its reason is given for a change the other way: “{reason}”",
            name=name.text, reason=(reason.subject.text if reason.subject is not None else "")
            + reason.marker.text,
            change=change_words(ctx, change),
            evidence=Evidence(Decimal(sign or 0), Decimal(stated), Decimal(stated),
                              Decimal((sign or 0) - stated), Decimal(0)),
        )


def change_words(ctx: Context, change: Change) -> str:
    """A change as the report words it: its direction word and amount (``增加156万元``)."""
    words = change.direction.text if change.direction is not None else ""
    return words + (ctx.figure(change.amount) if change.amount is not None else "")


_COPIED = (_HEAD + "1.公用经费100万元，比上年增加10万元，主要原因是人员增加。\n"
           "2.人员经费200万元，比上年{way}20万元，主要原因是人员增加。\n")


@rule("FR305", "copied-reason", "One reason explains changes that go opposite ways",
      "同一原因用于方向相反的变动", Severity.WARNING,
      passing=_COPIED.format(way="增加"),
      failing=_COPIED.format(way="减少"))
def copied_reason(ctx: Context) -> Iterator[Finding]:
    """The same reason, word for word, given for a rise and for a fall, where the reason
    itself says a direction (``人员增加``, ``压减会议``): one of the two was copied from
    the other.  A warning, not an error: a reason can in principle move two items
    opposite ways (a transfer from one to the other), which the words alone do not rule
    out.  Reasons with no direction of their own (``根据工作需要``) explain either way
    and are not compared; a reason is bound to the one change of its sentence only."""
    changes = _changes_by_place(ctx)
    places = [c[0] for c in changes]
    by_text: dict[str, list[tuple[Reason, Phrase, Change, int]]] = {}
    for reason in ctx.report.reasons:
        if reason.subject is not None or reason.direction is not None:
            continue
        text = reason.text.text.rstrip("。;，,")
        if len(text) < 4 or REASON_DIRECTION_WORD.search(text) is None:
            continue
        explained = _explained(reason, changes, places, 0)
        if not explained:
            continue
        _, name, change = explained[0]
        sign = change_sign(change)
        if sign in (1, -1):
            by_text.setdefault(text, []).append((reason, name, change, sign))
    for text, uses in by_text.items():
        ups = [u for u in uses if u[3] == 1]
        downs = [u for u in uses if u[3] == -1]
        if not ups or not downs:
            if len(uses) > 1:
                ctx.held([u[0].text for u in uses])
            continue
        up, down = ups[0], downs[0]
        yield ctx.finding(
            [down[0].text, down[2].direction, down[2].amount, up[0].text, up[2].direction,
             up[2].amount],
            "{down}{down_change}与{up}{up_change}的原因同为“{text}”",
            "{down} {down_change} and {up} {up_change} are given the same reason: “{text}”",
            down=down[1].text, up=up[1].text, text=text,
            down_change=change_words(ctx, down[2]), up_change=change_words(ctx, up[2]),
        )


_OTHER_ITEM = ("第二部分 2026年部门预算情况说明\n六、“三公”经费预算情况\n"
               "（一）公务接待费10.00万元，比上年减少2.00万元，主要原因是{reason}。\n"
               "（二）会议费8.00万元，比上年减少1.00万元，主要原因是压减会议数量和规模。\n")


@rule("FR309", "reason-names-other", "A reason names another item than the one it explains",
      "变动原因所述为其他项目", Severity.WARNING,
      passing=_OTHER_ITEM.format(reason="严格控制公务接待标准"),
      failing=_OTHER_ITEM.format(reason="压减会议数量和规模"))
def reason_names_other(ctx: Context) -> Iterator[Finding]:
    """A reason given for the change of one of the items that reasons are written for
    item by item (因公出国（境）费, 公务接待费, 公务用车费, 会议费, 培训费) that names
    another of them and not its own, word for word the reason given for that other item
    (``公务接待费…减少，主要原因是压减会议数量`` beside ``会议费…减少，主要原因是压减会议数量``),
    was copied from the other item's.  A reason that names another item without being
    that item's reason is not reported: a cause may run through another item (a trip
    abroad to a meeting, receptions for a training course).  A warning: the words alone
    cannot rule out that one cause moved both.  Only a reason bound to the one change of
    its sentence, or to the item it names, is read; a name matching several items (the
    三公 total) is none of them."""
    changes = _changes_by_place(ctx)
    places = [c[0] for c in changes]
    bound: list[tuple[Reason, Phrase, Change, frozenset[str]]] = []
    for reason in ctx.report.reasons:
        explained = _explained(reason, changes, places, 0)
        if len(explained) != 1:
            continue
        _, name, change = explained[0]
        own = _items(name.text)
        if len(own) == 1:
            bound.append((reason, name, change, own))
    given: dict[str, set[str]] = {}  # item → the reasons given for its own changes
    for reason, _, _, own in bound:
        given.setdefault(next(iter(own)), set()).add(_reason_key(reason.text.text))
    for reason, name, change, own in bound:
        named = _items(reason.text.text)
        if not named or own <= named:
            if named:
                ctx.held([name, reason.text])
            continue
        others = [item for item in named if _reason_key(reason.text.text) in given.get(item, ())]
        if not others:
            ctx.abstained([name, reason.text], "the reason names another item, but is not "
                                               "the one given for that item")
            continue
        yield ctx.finding(
            [name, change.amount, reason.text],
            "{name}{change}的原因“{reason}”所述为其他项目，且与该项目的原因相同",
            "the reason given for {name} {change} is about another item, and is the "
            "reason given for that item: “{reason}”",
            name=name.text, change=change_words(ctx, change), reason=reason.text.text)


def _reason_key(text: str) -> str:
    """A reason's words for comparing: without the punctuation at its end."""
    return text.rstrip("。;；，,")


def _items(text: str) -> frozenset[str]:
    """The items of :data:`ITEM_WORDS` a text names."""
    return frozenset(item for item, words in ITEM_WORDS if words.search(text))
