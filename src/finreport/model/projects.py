"""The key projects a budget's narrative lists with their money (重点项目预算绩效目标情况)."""

from __future__ import annotations

import attrs

from .figures import Amount
from .span import Phrase

__all__ = ["KeyProject"]


@attrs.frozen
class KeyProject:
    """A project of the narrative's table of key projects (``项目 | 预算数 | 绩效目标``):
    its ``amount`` (预算数) and the ``readings`` of its name, which the text layer wraps
    over the lines around the amount's (each a way to read it: the lines the name may
    take, centred on the amount's line; see :mod:`finreport.read.projects`).

    ``row`` is the row of the project table its name reads as, when exactly one: the
    index of the table in ``Report.tables`` and of the row in its ``rows``; ``name`` the
    reading the two share.  ``unbound`` is None when the key project is that row's with
    certainty, else why it is not bound (no row reads as its name, the name reads as more
    than one project, the row's name reads otherwise as another key project, the row is a
    unit's, the name read with one line more is another project's).  ``other_readings``
    are the ways to read the name were it not centred (a line more above the amount's
    than below, or below): only evidence against a binding.  A reading's span runs from
    the first line's cell to the last's, over the lines of other columns between them (a
    goal's text)."""

    amount: Amount
    readings: tuple[Phrase, ...] = ()
    name: Phrase | None = None
    row: tuple[int, int] | None = None
    unbound: str | None = None
    other_readings: tuple[Phrase, ...] = ()
