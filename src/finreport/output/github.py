"""GitHub Actions annotations: one workflow command per finding, so that a workflow that
runs ``finreport check --format github`` shows each finding on the report's line.

``::error file=PATH,line=L,col=C,endLine=…,endColumn=…,title=FR101 …::message``; an info
finding is a ``notice``.  A file that could not be checked is an ``error`` annotation
with its problem code, a report with a notice a ``warning``.  Values are escaped as the
Actions toolkit escapes them (``%``, ``\\r``, ``\\n`` in the message; also ``:`` and ``,``
in a property).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from ..checks import Rule
from ..model.findings import Severity
from ..model.problems import NOTICES
from .run import CheckedFile

__all__ = ["escape_data", "escape_property", "workflow_commands"]

_COMMANDS: Final = {Severity.ERROR: "error", Severity.WARNING: "warning",
                    Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """*value* as the message of a workflow command."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """*value* as a property (``file=…``, ``title=…``) of a workflow command."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}"
                     for key, value in properties.items() if value is not None)
    return f"::{name} {props}::{escape_data(message)}"


def workflow_commands(results: Sequence[CheckedFile], rules: Sequence[Rule], *,
                locale: str = "zh_CN") -> Iterator[str]:
    """The workflow commands of a run over *results*, one per line: every problem,
    notice and finding (titles from *rules*, in *locale*'s language)."""
    chinese = locale.lower().startswith("zh")
    titles = {rule.code: rule.title_zh if chinese else rule.title for rule in rules}
    for result in results:
        if result.problem is not None:
            yield _command("error", result.problem, file=result.path,
                           title=f"finreport: {result.problem_code or 'internal_error'}")
        for code in result.notices:
            title, hint = NOTICES[code].words(chinese)
            yield _command("warning", f"{title}: {hint}", file=result.path,
                           title=f"finreport: {code}")
        if not result.readable:
            continue
        for located in result.findings:
            finding = located.finding
            first = located.quotes[0] if located.quotes else None
            same_line = first is not None and first.end_line == first.line
            quoted = " · ".join(f"“{q.text}” {q.line}:{q.col}" for q in located.quotes)
            yield _command(
                _COMMANDS[finding.severity], f"{finding.message}\n{quoted}".rstrip(),
                file=result.path, line=located.line, col=located.col,
                endLine=first.end_line if first is not None and first.end_line else None,
                endColumn=(first.end_col - 1) if first is not None and same_line else None,
                title=f"{finding.code} {titles.get(finding.code, '')}".rstrip())
