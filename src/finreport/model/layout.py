"""Regions of the text layer: what in a report's text is not narrative."""

from __future__ import annotations

import enum

import attrs

from .span import Span

__all__ = ["Region", "RegionKind"]


class RegionKind(enum.Enum):
    """What a stretch of non-narrative text is."""

    PAGE_MARK = "page_mark"
    #: a line the text layer wrote twice (a bold face drawn twice): read once
    DUPLICATE = "duplicate"
    DETACHED = "detached"
    CHART = "chart"
    CONTENTS = "contents"
    TABLE = "table"


@attrs.frozen
class Region:
    """A stretch of the text that is not narrative: its kind and its span (whole lines)."""

    kind: RegionKind
    span: Span
