"""The values of a form's cells: targets and actual values, level names, scores."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

import attrs

from ..model.figures import Count, decimals_of, trusted_count
from ..model.indicators import Target
from ..model.span import Phrase
from ..templates.forms import FORM_VALUE, YES_NO
from ..templates.indicators import COMPARATORS
from ..text.view import TextView
from .indicators import parse_target

__all__ = ["form_target", "level_phrase", "score"]

_SCORE: Final = re.compile(r"\d{1,3}(?:\.\d{1,2})?")


def form_target(view: TextView, start: int, end: int) -> Target:
    """The target (or actual value) written in the view's characters ``[start, end)``."""
    phrase = view.phrase(start, end)
    target = parse_target(phrase.text, phrase.span)
    answer = YES_NO.get(phrase.text)
    if answer is not None:
        return attrs.evolve(target, answer=answer)
    if target.value is None and not target.is_date:
        # a unit the narrative's reader does not know (``≥20TB``, ``≥50万次``)
        m = FORM_VALUE.fullmatch(phrase.text)
        if m is not None:
            value = Decimal(m.group("value"))
            comparator = next((kind for kind, pattern in COMPARATORS
                               if pattern.search(phrase.text)), None)
            return attrs.evolve(target, comparator=comparator, value=value,
                                unit=m.group("unit"), decimals=decimals_of(value))
    return target


def level_phrase(view: TextView, start: int, end: int) -> Phrase:
    """A level's name as written in the view's characters ``[start, end)``."""
    return view.phrase(start, end)


def score(phrase: Phrase) -> Count | None:
    """A weight or score cell (``10``, ``9.5``) as a count of 分, or None."""
    if _SCORE.fullmatch(phrase.text) is None:
        return None
    return trusted_count(Decimal(phrase.text), "分", phrase.span)
