"""finreport: read Chinese department final-accounts reports and check their arithmetic."""

from ._errors import ReportError
from ._model import Report
from ._span import Span


def parse(text: str) -> Report:
    """Read a report from its text."""
    return Report.parse(text)
