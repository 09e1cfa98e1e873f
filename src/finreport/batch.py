"""Files in, results out: reading a file's bytes (a text in some encoding, or a PDF),
auditing it, running many files in parallel, and baselines of accepted findings.

The faces use this: the command line (``finreport.cli``), the Dask engine
(``finreport.dask``) and audit systems that embed finreport (docs/integration.md).  The
core (:func:`finreport.parse`, :func:`finreport.check`) only ever sees ``str``; this is
where files and processes are met.  Everything here is picklable, so that a result can
come back from a worker process.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .model.errors import ReportError
from .model.findings import Finding, Severity
from .model.span import line_index

if TYPE_CHECKING:
    from .model.report import Report

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
    "load",
    "problem_reading",
    "run",
]


#: The encodings tried, in order, when ``--encoding`` is not given.
AUTO_ENCODINGS: tuple[str, ...] = ("utf-8", "gb18030")


_BASELINE_VERSION = 1


@attrs.frozen
class CheckOptions:
    """How to read and check each file: the encoding (``None``: UTF-8, then GB18030),
    the rule selection and the locale of the messages."""

    encoding: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    locale: str = "zh_CN"
    keep: bool = False  # keep the text and the report (for the HTML page)


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
        from .output.serialize import to_dict

        data: dict[str, Any] = to_dict(self.finding)
        data["path"] = path
        data["line"] = self.line
        data["col"] = self.col
        data["quotes"] = [{"text": q.text, "line": q.line, "col": q.col} for q in self.quotes]
        return data


@attrs.frozen
class FileResult:
    """What checking one file gave: the findings, or the ``problem`` that stopped it.

    ``kind`` is the report's kind (``final_accounts`` …), ``unrecognized`` how many
    figures were read but not attributed, ``forms`` and ``indicators`` how many
    performance forms, and indicators in them, were read; ``text`` and ``report`` are
    kept only when the options ask for them (``CheckOptions.keep``, for the HTML page)
    and take no part in equality."""

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
    forms: int = 0
    indicators: int = 0
    text: str | None = attrs.field(default=None, repr=False, eq=False)
    report: Report | None = attrs.field(default=None, repr=False, eq=False)

    @property
    def readable(self) -> bool:
        """True when the file was read and parsed as a report."""
        return self.problem is None

    def counts(self) -> dict[Severity, int]:
        """Number of (reported) findings by severity."""
        from .output.text import severity_counts

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


def _read(path: str, encoding: str | None) -> tuple[str, str]:
    """The text of the file at *path* and how it was read (an encoding, or ``pdf``).
    Raises ``OSError``, ``UnicodeDecodeError``, or :class:`ReportError` for a PDF that
    cannot be read (no text layer, the pdf extra missing)."""
    with open(path, "rb") as handle:
        data = handle.read()
    return _text_of(path, data, encoding)


def _text_of(name: str, data: bytes, encoding: str | None) -> tuple[str, str]:
    """The text of a file's *data* (a PDF's layout text, or decoded), and how."""
    if name.lower().endswith(".pdf") or data.startswith(b"%PDF-"):
        from .pdf import extract_text

        return extract_text(data), "pdf"
    return decode(data, encoding)


def problem_reading(path: str, encoding: str | None, exc: Exception) -> FileResult:
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


def load(path: str, encoding: str | None = None) -> tuple[str, str] | FileResult:
    """The text of the file at *path* and the encoding it was read in, or a
    :class:`FileResult` saying why it cannot be read (the same words for every command)."""
    try:
        return _read(path, encoding)
    except (OSError, UnicodeDecodeError, ReportError) as exc:
        return problem_reading(path, encoding, exc)


def audit_data(path: str, data: bytes, options: CheckOptions) -> FileResult:
    """Decode (or extract, for a PDF), parse and check a file's *data*; *path* names it.
    Never raises for a bad file: the reason is the result's ``problem``."""
    try:
        text, encoding = _text_of(path, data, options.encoding)
    except (UnicodeDecodeError, ReportError) as exc:
        return problem_reading(path, options.encoding, exc)
    return _audit_text(path, text, encoding, options)


def audit_file(path: str, options: CheckOptions) -> FileResult:
    """Read, parse and check the file at *path*.  Never raises for a bad file (nor for a
    bug the file triggers in finreport): the reason is the result's ``problem``."""
    loaded = load(path, options.encoding)
    if isinstance(loaded, FileResult):
        return loaded
    text, encoding = loaded
    return _audit_text(path, text, encoding, options)


def _audit_text(path: str, text: str, encoding: str, options: CheckOptions) -> FileResult:
    try:
        from .model.report import Report

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
        forms=len(report.performance_forms),
        indicators=sum(len(form.indicators) for form in report.performance_forms),
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


def run(files: Sequence[str], options: CheckOptions, jobs: int,
        done: Callable[[str], object] | None = None) -> Iterator[FileResult]:
    """Check *files*, in parallel processes when *jobs* > 1, yielding results in the
    order of *files*; *done* is told the path of each file as it is checked."""
    if jobs <= 1 or len(files) <= 1:
        for path in files:
            result = audit_file(path, options)
            if done is not None:
                done(path)
            yield result
        return
    workers = min(jobs, len(files))
    chunksize = max(1, min(16, len(files) // (workers * 4)))
    from concurrent.futures import ProcessPoolExecutor  # only for --jobs: a slow import

    with ProcessPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(audit_file, files, repeat(options), chunksize=chunksize):
            if done is not None:
                done(result.path)
            yield result


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
