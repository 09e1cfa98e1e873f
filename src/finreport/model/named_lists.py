"""Named lists: a count and the names listed after it (``共14个内设机构：办公室、…``)."""

from __future__ import annotations

import attrs

from .span import Phrase

__all__ = ["NamedList"]


@attrs.frozen
class NamedList:
    """A count of things and the names of those things listed after it, in one sentence:
    ``广州市应急管理局共14个内设机构：办公室、政策法规处（审批管理处）、…、人事处``.

    ``count`` is the count as written (``14个``, ``八个``) and ``value`` its value;
    ``noun`` what it counts (``内设机构``); ``items`` the names listed, split at ``、``
    (brackets kept with their item), up to the end of the sentence or list item.
    ``joined`` is True when the last name may be two joined by ``和``/``及``/``以及``
    (``…综合处和人事处``, but also ``科技和统计处``); ``open`` is True when the list says it
    is not complete (``等``), or a name counts several (``康复区（2个）``), or something
    other than a name stands in it: then it says nothing about the count.
    """

    count: Phrase
    value: int
    noun: Phrase
    items: tuple[Phrase, ...]
    joined: bool = False
    open: bool = False
