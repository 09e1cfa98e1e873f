"""The one exception family of finreport."""

from __future__ import annotations

__all__ = ["ReportError"]


class ReportError(ValueError):
    """The text given to :func:`finreport.parse` is not a department report at all.

    Raised for empty input, binary noise or prose that holds none of the
    structure of a budget or final-accounts report.  A report that is merely
    incomplete or damaged is *not* an error: it parses, and
    :attr:`finreport.Report.unrecognized` lists what could not be read.
    """
