"""The ``finreport`` command line: ``check``, ``show``, ``batch``, ``rules`` and ``schema``.

This is the one place where finreport touches files, processes and terminals; the core
(:func:`finreport.parse`, :func:`finreport.check`) only ever sees ``str``.  See
``docs/cli.md`` for every option, the output formats, the exit codes and how baselines
match findings.

Exit codes: ``0`` no error-level finding; ``1`` at least one error-level finding; ``2`` a
usage error, or a file that could not be read, decoded or is not a report (the other files
are still checked, and 2 wins over 1).
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from ._errors import ReportError
from ._finding import Finding, Severity
from ._span import line_index

if TYPE_CHECKING:
    from ._model import Report

# The model, the parser, the rules and the renderers are imported where a command uses
# them, so that ``finreport --version`` and ``--help`` start without loading them.

__all__ = [
    "AUTO_ENCODINGS",
    "Baseline",
    "CheckOptions",
    "FileResult",
    "Located",
    "Quote",
    "audit_data",
    "audit_file",
    "collect_files",
    "decode",
    "main",
]

#: The encodings tried, in order, when ``--encoding`` is not given.
AUTO_ENCODINGS: tuple[str, ...] = ("utf-8", "gb18030")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

_BASELINE_VERSION = 1


# ---------------------------------------------------------------------------------------
# Reading and checking one file (runs in worker processes: everything here is picklable)


@attrs.frozen
class CheckOptions:
    """How to read and check each file: the encoding (``None``: UTF-8, then GB18030),
    the rule selection, the locale of the messages, and in how many processes a PDF's
    pages are read."""

    encoding: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    locale: str = "zh_CN"
    keep: bool = False  # keep the text and the report (for the HTML page)
    pdf_jobs: int = 1


@attrs.frozen
class Quote:
    """The text one span of a finding covers, and where it starts (1-based)."""

    text: str
    line: int
    col: int


@attrs.frozen
class Located:
    """A finding with its place in the file: line and column of its first span, and the
    quoted text of every span (what a baseline matches on)."""

    finding: Finding
    line: int
    col: int
    quotes: tuple[Quote, ...]

    @classmethod
    def of(cls, finding: Finding, text: str,
           where: Callable[[int], tuple[int, int]] | None = None) -> Located:
        """Locate *finding* in *text*, the text that was parsed (*where*: a
        :func:`~finreport._span.line_index` of the text, for many findings of one text)."""
        if where is None:
            where = line_index(text)
        line, col = where(finding.span.start)
        quotes = tuple(Quote(span.of(text), *where(span.start)) for span in finding.spans)
        return cls(finding, line, col, quotes)

    def to_dict(self, path: str) -> dict[str, Any]:
        """The finding as :func:`finreport.to_dict` writes it, plus ``path``, ``line``,
        ``col`` and ``quotes`` (text, line and column of each span)."""
        from ._serialize import to_dict

        data: dict[str, Any] = to_dict(self.finding)
        data["path"] = path
        data["line"] = self.line
        data["col"] = self.col
        data["quotes"] = [{"text": q.text, "line": q.line, "col": q.col} for q in self.quotes]
        return data


@attrs.frozen
class FileResult:
    """What checking one file gave: the findings, or the ``problem`` that stopped it.

    ``kind`` is the report's kind (``final_accounts`` …) and ``unrecognized`` how many
    figures were read but not attributed; ``text`` and ``report`` are kept only when the
    options ask for them (``CheckOptions.keep``, for the HTML page) and take no part in
    equality."""

    path: str
    encoding: str | None = None
    problem: str | None = None
    organization: str | None = None
    fiscal_year: int | None = None
    figures: int = 0
    findings: tuple[Located, ...] = ()
    suppressed: int = 0
    kind: str | None = None
    unrecognized: int = 0
    text: str | None = attrs.field(default=None, repr=False, eq=False)
    report: Report | None = attrs.field(default=None, repr=False, eq=False)

    @property
    def readable(self) -> bool:
        """True when the file was read and parsed as a report."""
        return self.problem is None

    def counts(self) -> dict[Severity, int]:
        """Number of (reported) findings by severity."""
        from ._render import severity_counts

        return severity_counts(located.finding for located in self.findings)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """*data* as text and the encoding used: *encoding* if given, else UTF-8 (a byte-order
    mark is dropped) and, failing that, GB18030.  Raises ``UnicodeDecodeError``."""
    if encoding is not None:
        return data.decode(encoding), encoding
    error: UnicodeDecodeError | None = None
    for candidate in AUTO_ENCODINGS:
        try:
            codec = "utf-8-sig" if candidate == "utf-8" else candidate
            return data.decode(codec), candidate
        except UnicodeDecodeError as exc:
            error = error or exc
    assert error is not None
    raise error


def _read(path: str, encoding: str | None, pdf_jobs: int = 1) -> tuple[str, str]:
    """The text of the file at *path* and how it was read (an encoding, or ``pdf``).
    Raises ``OSError``, ``UnicodeDecodeError``, or :class:`ReportError` for a PDF that
    cannot be read (no text layer, the pdf extra missing)."""
    with open(path, "rb") as handle:
        data = handle.read()
    return _text_of(path, data, encoding, pdf_jobs)


def _text_of(name: str, data: bytes, encoding: str | None,
             pdf_jobs: int = 1) -> tuple[str, str]:
    """The text of a file's *data* (a PDF's layout text, its pages read in *pdf_jobs*
    processes, or decoded), and how."""
    if name.lower().endswith(".pdf") or data.startswith(b"%PDF-"):
        from .pdf import extract_text

        return extract_text(data, jobs=pdf_jobs), "pdf"
    return decode(data, encoding)


def _problem_reading(path: str, encoding: str | None, exc: Exception) -> FileResult:
    """The result of a file that could not be read, in the words every command uses."""
    if isinstance(exc, FileNotFoundError):
        return FileResult(path, problem="cannot read: no such file or folder")
    if isinstance(exc, UnicodeDecodeError):
        tried = encoding or " or ".join(AUTO_ENCODINGS)
        return FileResult(path, problem=f"cannot decode as {tried}: {exc.reason} "
                                        f"at byte {exc.start}")
    if isinstance(exc, ReportError):
        return FileResult(path, problem=f"cannot read the PDF: {exc}")
    assert isinstance(exc, OSError)
    return FileResult(path, problem=f"cannot read: {exc.strerror or exc}")


def load(path: str, encoding: str | None = None,
         pdf_jobs: int = 1) -> tuple[str, str] | FileResult:
    """The text of the file at *path* and the encoding it was read in, or a
    :class:`FileResult` saying why it cannot be read (the same words for every command).
    A PDF's pages are read in *pdf_jobs* processes."""
    try:
        return _read(path, encoding, pdf_jobs)
    except (OSError, UnicodeDecodeError, ReportError) as exc:
        return _problem_reading(path, encoding, exc)


def audit_data(path: str, data: bytes, options: CheckOptions) -> FileResult:
    """Decode (or extract, for a PDF), parse and check a file's *data*; *path* names it.
    Never raises for a bad file: the reason is the result's ``problem``."""
    try:
        text, encoding = _text_of(path, data, options.encoding, options.pdf_jobs)
    except (UnicodeDecodeError, ReportError) as exc:
        return _problem_reading(path, options.encoding, exc)
    return _audit_text(path, text, encoding, options)


def audit_file(path: str, options: CheckOptions) -> FileResult:
    """Read, parse and check the file at *path*.  Never raises for a bad file (nor for a
    bug the file triggers in finreport): the reason is the result's ``problem``."""
    loaded = load(path, options.encoding, options.pdf_jobs)
    if isinstance(loaded, FileResult):
        return loaded
    text, encoding = loaded
    return _audit_text(path, text, encoding, options)


def _audit_text(path: str, text: str, encoding: str, options: CheckOptions) -> FileResult:
    try:
        from ._model import Report

        report = Report.parse(text)
        findings = report.check(select=options.select, ignore=options.ignore,
                                locale=options.locale)
    except ReportError as exc:
        return FileResult(path, encoding=encoding, problem=f"not a report: {exc}")
    except Exception as exc:  # a bug in finreport must not stop a batch of a thousand
        return FileResult(path, encoding=encoding,
                          problem=f"internal error, please report: {exc!r}")
    where = line_index(text)
    return FileResult(
        path,
        encoding=encoding,
        organization=report.organization.text if report.organization else None,
        fiscal_year=report.fiscal_year.value if report.fiscal_year else None,
        figures=sum(1 for _ in report.figures()),
        findings=tuple(Located.of(f, text, where) for f in findings),
        kind=report.kind.value,
        unrecognized=len(report.unrecognized),
        text=text if options.keep else None,
        report=report if options.keep else None,
    )


def collect_files(paths: Iterable[str]) -> tuple[list[str], list[FileResult]]:
    """The files to check, sorted: each file named, and every ``*.txt`` and ``*.pdf`` below
    each folder.
    A path that does not exist comes back as a problem."""
    found: set[str] = set()
    missing: list[FileResult] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.update(str(p) for pattern in ("*.txt", "*.pdf")
                         for p in path.rglob(pattern) if p.is_file())
        elif path.exists():
            found.add(str(path))
        else:
            missing.append(FileResult(str(path), problem="cannot read: no such file or folder"))
    return sorted(found), missing


# ---------------------------------------------------------------------------------------
# Running many files


class Progress:
    """``[12/1000] path`` on one line of *stream*, redrawn in place; silent unless the
    stream is a terminal."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = total
        self.done = 0
        self.enabled = total > 1 and stream.isatty()

    def step(self, path: str) -> None:
        """One more file done."""
        self.done += 1
        if self.enabled:
            self.stream.write(f"\r\x1b[K[{self.done}/{self.total}] {path}")
            self.stream.flush()

    def close(self) -> None:
        """Clear the progress line."""
        if self.enabled and self.done:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def run(files: Sequence[str], options: CheckOptions, jobs: int,
        progress: Progress) -> Iterator[FileResult]:
    """Check *files*, in parallel processes when *jobs* > 1, yielding results in the
    order of *files*.  A single file that is a PDF has its pages read in *jobs*
    processes."""
    if jobs <= 1 or len(files) <= 1:
        if jobs > 1:
            options = attrs.evolve(options, pdf_jobs=jobs)
        for path in files:
            result = audit_file(path, options)
            progress.step(path)
            yield result
        return
    workers = min(jobs, len(files))
    chunksize = max(1, min(16, len(files) // (workers * 4)))
    from concurrent.futures import ProcessPoolExecutor  # only for --jobs: a slow import

    with ProcessPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(audit_file, files, repeat(options), chunksize=chunksize):
            progress.step(result.path)
            yield result


# ---------------------------------------------------------------------------------------
# Baselines

BaselineKey = tuple[str, str, tuple[str, ...]]


class Baseline:
    """Findings recorded once and suppressed from then on.

    A finding is matched by its path, its code and the quoted texts of its spans, not by
    offsets, so it stays suppressed when lines elsewhere in the file change.  Matching
    counts: a baseline holding one finding suppresses one finding with that key.
    """

    def __init__(self, keys: Iterable[BaselineKey] = ()) -> None:
        self.keys: Counter[BaselineKey] = Counter(keys)

    @staticmethod
    def key(path: str, located: Located) -> BaselineKey:
        """What a baseline matches a finding on."""
        return path, located.finding.code, tuple(q.text for q in located.quotes)

    @classmethod
    def of(cls, results: Iterable[FileResult]) -> Baseline:
        """A baseline holding every finding of *results*."""
        return cls(cls.key(r.path, located) for r in results for located in r.findings)

    @classmethod
    def loads(cls, text: str) -> Baseline:
        """Read a baseline written by :meth:`dumps`.  Raises ValueError when it is not one."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("version") != _BASELINE_VERSION:
            raise ValueError(f"not a finreport baseline (version {_BASELINE_VERSION})")
        keys = []
        for item in data.get("findings", []):
            try:
                keys.append((str(item["path"]), str(item["code"]),
                             tuple(str(q) for q in item["quotes"])))
            except (KeyError, TypeError) as exc:
                raise ValueError(f"malformed baseline entry {item!r}") from exc
        return cls(keys)

    def dumps(self) -> str:
        """The baseline as JSON text."""
        findings = [{"path": path, "code": code, "quotes": list(quotes)}
                    for (path, code, quotes) in sorted(self.keys.elements())]
        return json.dumps({"version": _BASELINE_VERSION, "findings": findings},
                          ensure_ascii=False, indent=2) + "\n"

    def stale(self, results: Iterable[FileResult]) -> list[BaselineKey]:
        """The recorded findings of the files in *results* that no longer occur (more
        recorded than found), sorted: entries to drop with ``--write-baseline``."""
        checked = [r for r in results if r.readable]
        paths = {r.path for r in checked}
        found = Counter(self.key(r.path, located) for r in checked for located in r.findings)
        left = Counter({key: n for key, n in self.keys.items() if key[0] in paths}) - found
        return sorted(left.elements())

    def filter(self, result: FileResult) -> FileResult:
        """*result* without the findings this baseline holds (counted as ``suppressed``)."""
        left = Counter(self.keys)
        kept = []
        for located in result.findings:
            key = self.key(result.path, located)
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(located)
        suppressed = len(result.findings) - len(kept)
        return attrs.evolve(result, findings=tuple(kept), suppressed=suppressed)


# ---------------------------------------------------------------------------------------
# Output


def _file_summary(result: FileResult) -> str:
    from ._render import severity_summary

    line = f"{result.path}: {severity_summary(result.counts())} ({result.encoding})"
    if result.suppressed:
        line += f", {result.suppressed} suppressed by baseline"
    return line


def _total_counts(results: Sequence[FileResult]) -> dict[Severity, int]:
    total: Counter[Severity] = Counter()
    for result in results:
        total.update(result.counts())
    return {severity: total.get(severity, 0) for severity in Severity}


def _overall_summary(results: Sequence[FileResult]) -> str:
    from ._render import severity_summary

    readable = [r for r in results if r.readable]
    problems = len(results) - len(readable)
    line = (f"Checked {len(readable)} report{'' if len(readable) == 1 else 's'}: "
            f"{severity_summary(_total_counts(readable))}")
    suppressed = sum(r.suppressed for r in readable)
    if suppressed:
        line += f", {suppressed} suppressed by baseline"
    if problems:
        line += f"; {problems} file{'' if problems == 1 else 's'} could not be checked"
    return line


def _counts_dict(counts: dict[Severity, int]) -> dict[str, int]:
    return {severity.value: n for severity, n in counts.items()}


def _file_dict(result: FileResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "encoding": result.encoding,
        "problem": result.problem,
        "organization": result.organization,
        "fiscal_year": result.fiscal_year,
        "figures": result.figures,
        "counts": _counts_dict(result.counts()),
        "suppressed": result.suppressed,
    }


def _write_text(out: TextIO, results: Sequence[FileResult], quiet: bool) -> None:
    from ._render import finding_line

    for result in results:
        if not result.readable:
            continue
        for located in result.findings:
            out.write(finding_line(result.path, located.line, located.col,
                                   located.finding) + "\n")
        if not quiet:
            out.write(_file_summary(result) + "\n")
    if not quiet:
        out.write(_overall_summary(results) + "\n")


def _write_json(out: TextIO, results: Sequence[FileResult], stale: int = 0) -> None:
    readable = [r for r in results if r.readable]
    document = {
        "files": [_file_dict(r) for r in results],
        "findings": [located.to_dict(r.path) for r in readable for located in r.findings],
        "summary": {
            "reports": len(readable),
            "problems": len(results) - len(readable),
            "counts": _counts_dict(_total_counts(readable)),
            "suppressed": sum(r.suppressed for r in readable),
            "stale": stale,
        },
    }
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _write_jsonl(out: TextIO, results: Sequence[FileResult]) -> None:
    for result in results:
        for located in result.findings:
            out.write(json.dumps(located.to_dict(result.path), ensure_ascii=False) + "\n")


#: Columns of ``--summary FILE.csv``.
SUMMARY_COLUMNS = ("path", "organization", "fiscal_year", "figures", "errors", "warnings",
                   "infos")


def _write_summary(path: str, results: Sequence[FileResult]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        import csv

        writer = csv.writer(handle)
        writer.writerow(SUMMARY_COLUMNS)
        for result in results:
            if not result.readable:
                continue
            counts = result.counts()
            writer.writerow([result.path, result.organization or "",
                             "" if result.fiscal_year is None else result.fiscal_year,
                             result.figures, counts[Severity.ERROR],
                             counts[Severity.WARNING], counts[Severity.INFO]])


# ---------------------------------------------------------------------------------------
# Commands


def _codes(value: str) -> list[str]:
    return [code.strip().upper() for code in value.split(",") if code.strip()]


def _encoding(value: str) -> str:
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None


def _locale(value: str) -> str:
    from ._check import message_locale

    try:
        return message_locale(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return jobs


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="finreport",
        description="Read Chinese department final-accounts reports (部门决算) and check "
                    "their arithmetic.")
    parser.add_argument("--version", action="version", version=f"finreport {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check", help="check reports and list the findings",
        description="Check report files (text or PDF), or folders of them (every *.txt and "
                    "*.pdf below, recursively).")
    check.add_argument("paths", nargs="+", metavar="PATH", help="report file or folder")
    check.add_argument("--format", choices=("text", "json", "jsonl", "html"), default="text",
                       help="output format (default: text)")
    _rule_options(check)
    _common_options(check)
    check.add_argument("--baseline", metavar="FILE",
                       help="suppress the findings recorded in FILE")
    check.add_argument("--write-baseline", metavar="FILE",
                       help="record every finding of this run in FILE (exit 0 unless a "
                            "file could not be checked)")
    check.add_argument("--jobs", "-j", type=_jobs, default=os.cpu_count() or 1, metavar="N",
                       help="check files in N processes; a single PDF: read its pages in "
                            "N processes (default: number of CPUs)")
    check.add_argument("--summary", metavar="FILE.csv",
                       help="write one CSV row per report (path, organization, fiscal year, "
                            "figures, errors, warnings, infos)")
    check.add_argument("--quiet", "-q", action="store_true",
                       help="text format: findings only, no summary lines")
    check.add_argument("--output", "-o", metavar="PATH",
                       help="html format: the page to write (one report), or the folder "
                            "to write one page per report and index.html into")
    check.set_defaults(usage=check)

    batch = commands.add_parser(
        "batch", help="check reports on Dask, write Parquet (needs the dask extra)",
        description="Check every report below PATHs (files, folders, fsspec URLs) on a Dask "
                    "cluster and write summary.parquet and findings.parquet into --output.")
    batch.add_argument("paths", nargs="+", metavar="PATH",
                       help="report file, folder, or URL (s3://…) of a folder")
    batch.add_argument("--output", "-o", required=True, metavar="DIR",
                       help="the folder to write summary.parquet and findings.parquet into")
    batch.add_argument("--scheduler", default="local", metavar="ADDRESS",
                       help="address of a Dask scheduler (tcp://host:8786), or 'local' "
                            "(default) for a local cluster sized to this machine")
    batch.add_argument("--workers", type=_jobs, default=None, metavar="N",
                       help="local cluster: N worker processes (default: number of CPUs)")
    batch.add_argument("--csv", action="store_true",
                       help="also write summary.csv and findings.csv")
    batch.add_argument("--partition-seconds", type=float, default=3.0, metavar="S",
                       help="about how many seconds of work one task gets (default 3)")
    _rule_options(batch)
    _common_options(batch)
    batch.set_defaults(usage=batch)

    show = commands.add_parser("show", help="show what was understood of a report",
                               description="Show what finreport read from a report.")
    show.add_argument("paths", nargs="+", metavar="PATH",
                      help="report file or folder (every *.txt and *.pdf below it)")
    show.add_argument("--format", choices=("text", "json"), default="text",
                      help="text tables (default) or the parsed report as JSON")
    _common_options(show)
    show.set_defaults(usage=show)

    rules_ = commands.add_parser("rules", help="list the rule catalogue",
                                 description="List every rule: code, severity, title.")
    rules_.add_argument("--locale", type=_locale, default="zh_CN", metavar="LOCALE",
                        help="language of the titles (default: zh_CN)")

    schema = commands.add_parser("schema", help="print the JSON Schema of reports or findings",
                                 description="Print the JSON Schema (draft 2020-12) of the "
                                             "JSON that to_dict/to_json write.")
    schema.add_argument("what", choices=("report", "finding", "check-json", "check-jsonl"),
                        nargs="?", default="report",
                        help="report, finding (to_dict/to_json), or what check writes with "
                             "--format json (check-json) or per line of --format jsonl "
                             "(check-jsonl)")
    return parser


def _rule_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--select", action="extend", type=_codes, metavar="CODES",
                         help="only these rules: comma-separated codes, prefixes or names "
                              "(FR1,FR201,share)")
    command.add_argument("--ignore", action="extend", type=_codes, metavar="CODES",
                         help="leave out these rules: comma-separated codes, prefixes or "
                              "names")


def _common_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--locale", type=_locale, default="zh_CN", metavar="LOCALE",
                         help="language of messages and labels (default: zh_CN)")
    command.add_argument("--encoding", type=_encoding, default=None,
                         help="encoding of the files (default: UTF-8, else GB18030)")


def _cannot_write(option: str, path: str, exc: OSError) -> None:
    sys.stderr.write(f"finreport: {option} {path}: cannot write: {exc.strerror or exc}\n")


def _write_file(path: str, text: str, option: str) -> bool:
    """Write *text* to *path*; on failure say so in one line and return False."""
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        _cannot_write(option, path, exc)
        return False
    return True


def _page_name(path: str, used: set[str]) -> str:
    """A file name for the page of the report at *path*, unique among *used*."""
    stem = Path(path).name.rsplit(".", 1)[0] or "report"
    name = f"{stem}.html"
    k = 2
    while name in used or name == "index.html":
        name = f"{stem}-{k}.html"
        k += 1
    used.add(name)
    return name


def _write_pages(output: str, paths: Sequence[str], results: Sequence[FileResult],
                 locale: str) -> bool:
    """Write the HTML page of each report: to *output* itself when one file was named,
    else one page per report and ``index.html`` into the folder *output*."""
    from ._html import IndexRow, index_html, to_html

    def page(result: FileResult) -> str:
        assert result.text is not None
        return to_html(result.text, result.report, [located.finding for located in result.findings],
                       locale=locale)

    single = (len(results) == 1 and len(paths) == 1 and not Path(paths[0]).is_dir()
              and not Path(output).is_dir())
    if single:
        result = results[0]
        if not result.readable:
            return True  # its problem is said; there is no page to write
        return _write_file(output, page(result), "--output")
    try:
        Path(output).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _cannot_write("--output", output, exc)
        return False
    used: set[str] = set()
    rows = []
    for result in results:
        if not result.readable:
            rows.append(IndexRow(None, result.path, problem=result.problem))
            continue
        name = _page_name(result.path, used)
        if not _write_file(str(Path(output) / name), page(result), "--output"):
            return False
        counts = result.counts()
        rows.append(IndexRow(name, result.path, result.organization, result.fiscal_year,
                             result.kind, counts[Severity.ERROR], counts[Severity.WARNING],
                             counts[Severity.INFO], result.figures, result.unrecognized))
    return _write_file(str(Path(output) / "index.html"), index_html(rows, locale=locale),
                       "--output")


def _problem(result: FileResult) -> None:
    sys.stderr.write(f"finreport: {result.path}: {result.problem}\n")


def _check(args: argparse.Namespace) -> int:
    from ._check import selected

    parser: argparse.ArgumentParser = args.usage
    select: list[str] | None = args.select
    ignore: list[str] | None = args.ignore
    try:
        selected(select, ignore)
    except ValueError as exc:
        parser.error(f"--select/--ignore: {exc}")
    baseline = Baseline()
    if args.baseline is not None:
        try:
            baseline = Baseline.loads(Path(args.baseline).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            parser.error(f"--baseline {args.baseline}: {exc}")

    files, missing = collect_files(args.paths)
    if not files and not missing:
        parser.error("no *.txt or *.pdf files found in " + ", ".join(args.paths))
    html = args.format == "html"
    if html and args.output is None:
        parser.error("--format html needs --output PATH (a file for one report, a folder "
                     "for several)")
    options = CheckOptions(args.encoding, tuple(select) if select else None,
                           tuple(ignore) if ignore else None, args.locale, keep=html)
    progress = Progress(sys.stderr, len(files))
    try:
        checked = list(run(files, options, args.jobs, progress))
    finally:
        progress.close()
    results = sorted([*checked, *missing], key=lambda r: r.path)

    if args.write_baseline is not None:
        recorded = Baseline.of(results)
        if not _write_file(args.write_baseline, recorded.dumps(), "--write-baseline"):
            return EXIT_USAGE
        sys.stderr.write(f"finreport: recorded {sum(recorded.keys.values())} findings in "
                         f"{args.write_baseline}\n")
    stale = baseline.stale(results) if args.baseline is not None else []
    for path, code, quotes in stale:
        sys.stderr.write(f"finreport: {args.baseline}: stale entry {path}: {code} "
                         + ", ".join(f"“{q}”" for q in quotes) + " (no longer found)\n")
    if stale:
        sys.stderr.write(f"finreport: {args.baseline}: {len(stale)} stale "
                         f"entr{'y' if len(stale) == 1 else 'ies'}; refresh it with "
                         f"--write-baseline\n")
    results = [baseline.filter(r) for r in results]

    for result in results:
        if not result.readable:
            _problem(result)
    if args.format == "json":
        _write_json(sys.stdout, results, len(stale))
    elif args.format == "jsonl":
        _write_jsonl(sys.stdout, results)
    else:
        _write_text(sys.stdout, results, args.quiet)
    if html and not _write_pages(args.output, args.paths, results, args.locale):
        return EXIT_USAGE
    if args.summary is not None:
        try:
            _write_summary(args.summary, results)
        except OSError as exc:
            _cannot_write("--summary", args.summary, exc)
            return EXIT_USAGE

    if any(not r.readable for r in results):
        return EXIT_USAGE
    if args.write_baseline is not None:
        return EXIT_OK
    errors = sum(r.counts()[Severity.ERROR] for r in results)
    return EXIT_FINDINGS if errors else EXIT_OK


def _show(args: argparse.Namespace) -> int:
    from ._model import Report
    from ._render import render_report

    parser: argparse.ArgumentParser = args.usage
    files, missing = collect_files(args.paths)
    if not files and not missing:
        parser.error("no *.txt or *.pdf files found in " + ", ".join(args.paths))
    status = EXIT_OK
    documents: list[dict[str, Any]] = []
    for result in missing:
        _problem(result)
        status = EXIT_USAGE
    for n, path in enumerate(files):
        loaded = load(path, args.encoding)
        if isinstance(loaded, FileResult):
            _problem(loaded)
            status = EXIT_USAGE
            continue
        text, encoding = loaded
        try:
            report = Report.parse(text)
        except ReportError as exc:
            _problem(FileResult(path, problem=f"not a report: {exc}"))
            status = EXIT_USAGE
            continue
        if args.format == "json" and len(files) == 1:
            from ._serialize import to_json

            sys.stdout.write(to_json(report, indent=2) + "\n")
        elif args.format == "json":
            from ._serialize import to_dict

            documents.append({"path": path, "encoding": encoding, "report": to_dict(report)})
        else:
            sys.stdout.write(("\n" if n else "") + f"{path} ({encoding})\n\n")
            sys.stdout.write(render_report(report, locale=args.locale))
    if args.format == "json" and len(files) > 1:
        sys.stdout.write(json.dumps(documents, ensure_ascii=False, indent=2) + "\n")
    return status


def _batch(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.usage
    try:
        import distributed

        from . import dask as on_dask
    except ImportError as exc:
        parser.error(f"finreport batch needs the dask extra (pip install 'finreport[dask]'): "
                     f"{exc}")
    try:
        summaries, findings = on_dask.audit_paths(
            args.paths, select=args.select, ignore=args.ignore, locale=args.locale,
            encoding=args.encoding, target_seconds=args.partition_seconds)
    except ValueError as exc:
        parser.error(str(exc))
    output = Path(args.output)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _cannot_write("--output", args.output, exc)
        return EXIT_USAGE
    summary_schema, finding_schema = on_dask.parquet_schemas()
    cluster = None
    if args.scheduler == "local":
        cluster = distributed.LocalCluster(n_workers=args.workers or os.cpu_count() or 1,
                                           threads_per_worker=1, processes=True,
                                           dashboard_address=None)
        client = distributed.Client(cluster)
    else:
        client = distributed.Client(args.scheduler)
    try:
        writes = [summaries.to_parquet(str(output / "summary.parquet"), write_index=False,
                                       schema=summary_schema, compute=False),
                  findings.to_parquet(str(output / "findings.parquet"), write_index=False,
                                      schema=finding_schema, compute=False)]
        futures = client.compute(writes)
        if sys.stderr.isatty():
            distributed.progress(futures)
        client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    import pandas as pd

    table = pd.read_parquet(output / "summary.parquet")
    if args.csv:
        table.to_csv(output / "summary.csv", index=False)
        pd.read_parquet(output / "findings.parquet").to_csv(output / "findings.csv",
                                                            index=False)
    problems = int(table["problem"].notna().sum())
    errors, warnings, infos = (int(table[k].sum()) for k in ("errors", "warnings", "infos"))
    sys.stdout.write(f"Checked {len(table) - problems} reports: {errors} errors, {warnings} "
                     f"warnings, {infos} info; {problems} files could not be checked; wrote "
                     f"{output / 'summary.parquet'} and {output / 'findings.parquet'}\n")
    if problems:
        return EXIT_USAGE
    return EXIT_FINDINGS if errors else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "show":
            return _show(args)
        if args.command == "batch":
            return _batch(args)
        if args.command == "rules":
            from ._check import rules
            from ._render import render_rules

            sys.stdout.write(render_rules(rules(), locale=args.locale) + "\n")
            return EXIT_OK
        from ._model import Report
        from ._schema import cli_schema, json_schema

        document = (json_schema(Report) if args.what == "report" else json_schema(Finding)
                    if args.what == "finding" else cli_schema(args.what))
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    except BrokenPipeError:
        # The reader went away (``finreport check … | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS
