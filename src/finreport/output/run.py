"""The results of checking many files, as the command line writes them: JSON, JSON Lines,
text summaries and statistics.

The results are what ``finreport.batch`` returns (``FileResult``); this module reads them
through the protocols below, so that it needs nothing from the layer above it.  Every
writer carries every file: a file that could not be checked is a record with its problem
code, never an absence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from ..checks import Rule
from ..model.checks import Check, Outcome
from ..model.findings import Finding, Severity
from ..model.problems import PROBLEMS
from .text import severity_counts, severity_summary, table

__all__ = [
    "CheckedFile",
    "LocatedFinding",
    "QuotedSpan",
    "file_line",
    "file_record",
    "finding_record",
    "jsonl_records",
    "run_document",
    "run_line",
    "statistics",
    "summary_line",
    "total_counts",
]


class QuotedSpan(Protocol):
    """The text one span of a finding covers and where it starts and ends (1-based)."""

    @property
    def text(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def col(self) -> int: ...
    @property
    def end_line(self) -> int: ...
    @property
    def end_col(self) -> int: ...
    @property
    def page(self) -> int | None: ...


class LocatedFinding(Protocol):
    """A finding with its place in its file, its quotes and its fingerprint."""

    @property
    def finding(self) -> Finding: ...
    @property
    def line(self) -> int: ...
    @property
    def col(self) -> int: ...
    @property
    def quotes(self) -> Sequence[QuotedSpan]: ...
    @property
    def fingerprint(self) -> str: ...


class CheckedFile(Protocol):
    """What checking one file gave (``finreport.batch.FileResult``)."""

    @property
    def path(self) -> str: ...
    @property
    def encoding(self) -> str | None: ...
    @property
    def problem(self) -> str | None: ...
    @property
    def problem_code(self) -> str | None: ...
    @property
    def notices(self) -> Sequence[str]: ...
    @property
    def organization(self) -> str | None: ...
    @property
    def fiscal_year(self) -> int | None: ...
    @property
    def kind(self) -> str | None: ...
    @property
    def figures(self) -> int: ...
    @property
    def unrecognized(self) -> int: ...
    @property
    def findings(self) -> Sequence[LocatedFinding]: ...
    @property
    def suppressed(self) -> int: ...
    @property
    def accepted(self) -> int: ...
    @property
    def readable(self) -> bool: ...
    @property
    def checks(self) -> Sequence[Check]: ...


def _counts(findings: Iterable[LocatedFinding]) -> dict[Severity, int]:
    return severity_counts(located.finding for located in findings)


def total_counts(results: Iterable[CheckedFile]) -> dict[Severity, int]:
    """Findings by severity over every readable file of *results*."""
    return _counts(located for r in results if r.readable for located in r.findings)


def _by_severity(counts: Mapping[Severity, int]) -> dict[str, int]:
    return {severity.value: counts.get(severity, 0) for severity in Severity}


def finding_record(path: str, located: LocatedFinding) -> dict[str, Any]:
    """A finding as :func:`finreport.to_dict` writes it, plus ``path``, ``line`` and
    ``col`` of its first span, ``quotes`` (text, line and column of each span, and its
    page when the text has page breaks, as a PDF's has) and ``fingerprint``."""
    from .serialize import to_dict

    data: dict[str, Any] = to_dict(located.finding)
    data["path"] = path
    data["line"] = located.line
    data["col"] = located.col
    data["quotes"] = [{"text": q.text, "line": q.line, "col": q.col, "page": q.page}
                      for q in located.quotes]
    data["fingerprint"] = located.fingerprint
    return data


def file_record(result: CheckedFile) -> dict[str, Any]:
    """One file: what was read (organization, year, kind, figures read and left
    unattributed), the findings by severity, what a baseline or acceptance took out, and
    the problem (words and code) and notices."""
    return {
        "path": result.path,
        "encoding": result.encoding,
        "problem": result.problem,
        "problem_code": result.problem_code,
        "notices": list(result.notices),
        "organization": result.organization,
        "fiscal_year": result.fiscal_year,
        "kind": result.kind if result.readable else None,
        "figures": result.figures,
        "unrecognized": result.unrecognized,
        "counts": _by_severity(_counts(result.findings)),
        "suppressed": result.suppressed,
        "accepted": result.accepted,
        "checks": _check_counts(result.checks),
    }


def _check_counts(checks: Sequence[Check]) -> dict[str, int]:
    """How many checks held, failed and were not made."""
    counts = Counter(check.outcome.value for check in checks)
    return {outcome.value: counts.get(outcome.value, 0) for outcome in Outcome}


def check_record(path: str, check: Check) -> dict[str, Any]:
    """One check made, as JSON-ready data: its rule, outcome, the figures' spans
    (``[start, end]`` offsets into the file's text), the stated value, the interval the
    others allow, the unit, and why it was not made."""
    from .serialize import to_dict

    data: dict[str, Any] = to_dict(check)
    data["path"] = path
    data["spans"] = [[span.start, span.end] for span in check.spans]
    return data


def _summary(results: Sequence[CheckedFile], stale: int) -> dict[str, Any]:
    readable = [r for r in results if r.readable]
    return {
        "reports": len(readable),
        "problems": sum(1 for r in results if r.problem is not None),
        "counts": _by_severity(total_counts(results)),
        "suppressed": sum(r.suppressed for r in readable),
        "accepted": sum(r.accepted for r in readable),
        "stale": stale,
        "rules": dict(sorted(Counter(located.finding.code for r in readable
                                     for located in r.findings).items())),
        "problem_codes": dict(sorted(Counter(r.problem_code or "unknown" for r in results
                                             if r.problem is not None).items())),
    }


def run_document(results: Sequence[CheckedFile], stale: int = 0) -> dict[str, Any]:
    """The document of ``--format json``: ``files`` (every file, with its problem),
    ``findings`` (every reported finding), ``checks`` (every check the rules made: what
    held, failed or was not made) and the ``summary`` of the run (*stale*: the baseline
    entries and acceptances that no longer match)."""
    return {
        "files": [file_record(r) for r in results],
        "findings": [finding_record(r.path, located) for r in results if r.readable
                     for located in r.findings],
        "checks": [check_record(r.path, check) for r in results if r.readable
                   for check in r.checks],
        "summary": _summary(results, stale),
    }


def jsonl_records(results: Sequence[CheckedFile], stale: int = 0,
                  ) -> Iterator[dict[str, Any]]:
    """The lines of ``--format jsonl``: per file a ``"record": "file"`` line (also for a
    file that could not be checked), then a ``"record": "finding"`` line per finding;
    last a ``"record": "summary"`` line, so that a consumer knows the run is whole."""
    for result in results:
        yield {"record": "file", **file_record(result)}
        if result.readable:
            for located in result.findings:
                yield {"record": "finding", **finding_record(result.path, located)}
    yield {"record": "summary", **_summary(results, stale)}


# ---------------------------------------------------------------------------------------
# Text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def file_line(result: CheckedFile) -> str:
    """The summary line of a checked file: counts by severity, the encoding, what was
    suppressed or accepted, and the notices (``path: 0 errors, 1 warning, 0 info
    (pdf); organization_unknown``)."""
    line = f"{result.path}: {severity_summary(_counts(result.findings))} ({result.encoding})"
    if result.suppressed:
        line += f", {result.suppressed} suppressed by baseline"
    if result.accepted:
        line += f", {result.accepted} accepted"
    flags = [*([result.problem_code] if result.problem_code else []), *result.notices]
    if flags:
        line += "; " + ", ".join(flags)
    return line


def run_line(results: Sequence[CheckedFile]) -> str:
    """The last line of a run: reports checked, findings by severity, what was
    suppressed or accepted, and the files with a problem, by problem code."""
    readable = [r for r in results if r.readable]
    return summary_line(
        len(readable), total_counts(readable),
        [r.problem_code or "internal_error" for r in results if not r.readable],
        sum(1 for r in readable if r.problem is not None),
        suppressed=sum(r.suppressed for r in readable),
        accepted=sum(r.accepted for r in readable))


def summary_line(reports: int, counts: Mapping[Severity, int], unchecked: Sequence[str],
                 nothing_read: int, *, suppressed: int = 0, accepted: int = 0) -> str:
    """``Checked 12 reports: 3 errors, 1 warning, 0 info; 2 files could not be checked
    (encrypted 1, not_a_report 1); 1 report read nothing (nothing_read)``: *reports*
    checked, their findings by severity, the problem code of each file that could not be
    checked, and how many reports read nothing."""
    line = f"Checked {_plural(reports, 'report')}: {severity_summary(counts)}"
    if suppressed:
        line += f", {suppressed} suppressed by baseline"
    if accepted:
        line += f", {accepted} accepted"
    if unchecked:
        line += (f"; {_plural(len(unchecked), 'file')} could not be checked ("
                 + ", ".join(f"{code} {n}" for code, n in sorted(Counter(unchecked).items()))
                 + ")")
    if nothing_read:
        line += f"; {_plural(nothing_read, 'report')} read nothing (nothing_read)"
    return line


def statistics(results: Sequence[CheckedFile], rules: Sequence[Rule], *,
               locale: str = "zh_CN") -> str:
    """``--statistics``: how many findings each rule gave (count, code, severity,
    title), most first, then how many files had each problem and notice."""
    chinese = locale.lower().startswith("zh")
    by_code = {r.code: r for r in rules}
    found = Counter(located.finding.code for r in results if r.readable
                    for located in r.findings)
    rows = [(str(n), code, by_code[code].severity.value if code in by_code else "",
             (by_code[code].title_zh if chinese else by_code[code].title)
             if code in by_code else "")
            for code, n in sorted(found.items(), key=lambda item: (-item[1], item[0]))]
    parts = [table(("count", "code", "severity", "title"), rows, right=(0,), indent="")]
    problems = Counter(r.problem_code or "unknown" for r in results if r.problem is not None)
    noticed = Counter(code for r in results for code in r.notices)
    if problems or noticed:
        about = [(str(n), code, "problem" if code in problems else "notice",
                  _problem_title(code, chinese))
                 for code, n in sorted({**noticed, **problems}.items(),
                                       key=lambda item: (-item[1], item[0]))]
        parts.append(table(("files", "code", "kind", "meaning"), about, right=(0,),
                           indent=""))
    return "\n\n".join(parts)


def _problem_title(code: str, chinese: bool) -> str:
    from ..model.problems import NOTICES

    problem = PROBLEMS.get(code) or NOTICES.get(code)
    return problem.words(chinese)[0] if problem is not None else ""
