"""Reasons: the words a report gives for a change (``主要原因是…``)."""

from __future__ import annotations

import attrs

from .span import Phrase, Span

__all__ = ["Reason"]


@attrs.frozen
class Reason:
    """A reason given for a change, as written.

    ``text`` is the reason's own words, after its marker (``主要原因是``) up to the end of
    its sentence or list item; ``clause`` runs from the start of the sentence or list item
    the reason is in (after the last ``。`` or ``；`` before it; the sentence before, when
    the reason opens its own) to the reason's end.  A reason written
    with the direction of what it explains (``财政拨款收入支出增加的主要原因是…``) has
    that ``direction`` word and, when it names it, the ``subject`` (``财政拨款收入支出``);
    a reason after the change it explains (``…减少5万元，主要原因是…``) has neither: the
    change it explains is the one written before it in its clause.
    """

    text: Phrase
    clause: Span
    marker: Phrase
    subject: Phrase | None = None
    direction: Phrase | None = None
