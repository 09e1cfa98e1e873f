"""How much of a report was read: the one figure count every output shows, and the
notices a reader of the result must see (the report was not identified, or little of it
was read), so that no report passes for checked when nothing in it was.

The notice codes and their words are data: :data:`finreport.model.problems.NOTICES`.
"""

from __future__ import annotations

from ..model.report import Report
from ..read.identity import read_title
from ..templates.identity import TITLE_KIND

__all__ = ["figures_read", "notices", "stated_kind"]

def figures_read(report: Report) -> int:
    """How many figures of the text the report's fields hold: each place in the text
    counted once, however many fields hold it (a restated figure, a total that is also a
    part).  The count of the index, the JSON, the Parquet summary and the page header."""
    return len({figure.span for figure in report.figures()})


def stated_kind(report: Report, text: str) -> str | None:
    """``"预算"`` or ``"决算"`` as the report's title (read as the reader reads it) or,
    failing that, the heading of one of its parts (``第二部分 2021年度部门决算情况说明``)
    says, or None."""
    title = read_title(text)
    if title.kind is not None:
        return "预算" if title.kind.is_budget else "决算"
    m = next((found for root in report.sections
              if (found := TITLE_KIND.search(root.title.text)) is not None), None)
    return m.group("stage") if m is not None else None


def notices(report: Report, text: str) -> tuple[str, ...]:
    """The notice codes of *report*, read from *text* (in the order of
    :data:`~finreport.model.problems.NOTICES`): ``kind_unknown`` when neither the title
    nor a part's heading says budget or final accounts, ``kind_contradicted`` when one
    says the other kind than the report was read as, ``organization_unknown``,
    ``fiscal_year_unknown``, and ``little_read`` when fewer figures were read than were
    met and left unattributed.  ``nothing_read`` is a problem, not a notice: see
    :func:`figures_read`."""
    found = []
    kind = stated_kind(report, text)
    if kind is None:
        found.append("kind_unknown")
    elif (kind == "预算") != report.kind.is_budget:
        found.append("kind_contradicted")
    if report.organization is None:
        found.append("organization_unknown")
    if report.fiscal_year is None:
        found.append("fiscal_year_unknown")
    read = figures_read(report)
    if read and read < len(report.unrecognized):
        found.append("little_read")
    return tuple(found)
