"""Files in, results out: reading a file's bytes (a text in some encoding, or a PDF),
auditing it, running many files in parallel, and baselines of accepted findings.

The faces use this: the command line (``finreport.cli``), the Dask engine
(``finreport.dask``) and audit systems that embed finreport (docs/integration.md).  The
core (:func:`finreport.parse`, :func:`finreport.check`) only ever sees ``str``; this is
where files and processes are met.  Everything here is picklable, so that a result can
come back from a worker process.
"""

from __future__ import annotations

import codecs
import json
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from fnmatch import fnmatchcase
from itertools import repeat
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import attrs

from .model.errors import ReportError
from .model.findings import Finding, Severity
from .model.span import line_index

if TYPE_CHECKING:
    from .model.checks import Check
    from .model.report import Report

__all__ = [
    "AUTO_ENCODINGS",
    "Acceptance",
    "Baseline",
    "BaselineEntry",
    "CheckOptions",
    "FileResult",
    "Located",
    "Quote",
    "accept",
    "audit_data",
    "audit_file",
    "collect_files",
    "control_characters",
    "decode",
    "load",
    "not_a_report",
    "page_index",
    "problem_reading",
    "run",
    "unused_acceptances",
]


#: The encodings tried, in order, when ``--encoding`` is not given.
AUTO_ENCODINGS: tuple[str, ...] = ("utf-8", "gb18030")


_BASELINE_VERSION = 2


@attrs.frozen
class CheckOptions:
    """How to read and check each file: the encoding (``None``: UTF-8, then GB18030),
    the rule selection, the locale of the messages, the password of encrypted PDFs and
    in how many processes a PDF's pages are read."""

    encoding: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    locale: str = "zh_CN"
    keep: bool = False  # keep the text and the report (for the HTML page)
    password: str | None = attrs.field(default=None, repr=False)  # of encrypted PDFs
    pdf_jobs: int = 1


@attrs.frozen
class Quote:
    """The text one span of a finding covers, where it starts (1-based line and column),
    where it ends (the line and column of the character after it, as SARIF counts), and
    its page (1-based) when the text has page breaks (form feeds: a PDF's text), else
    None."""

    text: str
    line: int
    col: int
    end_line: int = 0
    end_col: int = 0
    page: int | None = None


def page_index(text: str) -> Callable[[int], int | None]:
    """The page (1-based) of each offset of *text*, pages being separated by form feeds
    (as in a PDF's text); None for every offset when the text has no form feed."""
    breaks = [m.start() for m in re.finditer("\f", text)]
    if not breaks:
        return lambda offset: None
    return lambda offset: bisect_left(breaks, offset) + 1


@attrs.frozen
class Located:
    """A finding with its place in the file: line and column of its first span, the
    quoted text of every span, and its fingerprint (``finreport.output.fingerprint``: what
    a baseline and an acceptance match on)."""

    finding: Finding
    line: int
    col: int
    quotes: tuple[Quote, ...]
    fingerprint: str = ""

    @classmethod
    def of(cls, finding: Finding, text: str,
           where: Callable[[int], tuple[int, int]] | None = None,
           fingerprint: str = "", page: Callable[[int], int | None] | None = None,
           ) -> Located:
        """Locate *finding* in *text*, the text that was parsed (*where* and *page*: a
        :func:`~finreport.model.span.line_index` and a :func:`page_index` of the text, for
        many findings of one text)."""
        if where is None:
            where = line_index(text)
        if page is None:
            page = page_index(text)
        line, col = where(finding.span.start)
        quotes = tuple(Quote(span.of(text), *where(span.start), *where(span.end),
                             page(span.start))
                       for span in finding.spans)
        return cls(finding, line, col, quotes, fingerprint)

    def to_dict(self, path: str) -> dict[str, Any]:
        """The finding as :func:`finreport.to_dict` writes it, plus ``path``, ``line``,
        ``col``, ``quotes`` (text, line, column and page of each span) and
        ``fingerprint``."""
        from .output.run import finding_record

        return finding_record(path, self)


@attrs.frozen
class FileResult:
    """What checking one file gave: the findings, or the ``problem`` that stopped it.

    ``problem`` says why in words and ``problem_code`` as data (a code of
    ``finreport.model.problems.PROBLEMS``: ``not_a_report``, ``encrypted`` …); a report
    with problem ``nothing_read`` was parsed and checked, but no figure could be read.
    ``notices`` are the codes of what a reader must be told of a checked report
    (``NOTICES``: ``organization_unknown``, ``little_read`` …).  ``kind`` is the report's
    kind (``final_accounts`` …), ``figures`` how many figures were read and
    ``unrecognized`` how many were met but not attributed, ``forms`` and ``indicators``
    how many performance forms, and indicators in them, were read; ``suppressed`` and
    ``accepted`` count the findings a baseline or an acceptance took out.  ``text`` and
    ``report`` are kept only when the options ask for them (``CheckOptions.keep``, for
    the HTML page) and take no part in equality; nor do ``checks``, every check the
    rules made (:class:`~finreport.Check`: what held, failed or was not made)."""

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
    problem_code: str | None = None
    notices: tuple[str, ...] = ()
    accepted: int = 0
    checks: tuple[Check, ...] = attrs.field(default=(), eq=False)

    @property
    def readable(self) -> bool:
        """True when the file was read and parsed as a report, so that its findings are
        reported (also a report that has problem ``nothing_read``)."""
        if self.problem is None:
            return True
        from .model.problems import PROBLEMS

        known = PROBLEMS.get(self.problem_code or "")
        return known is not None and known.checked

    def counts(self) -> dict[Severity, int]:
        """Number of (reported) findings by severity."""
        from .output.text import severity_counts

        return severity_counts(located.finding for located in self.findings)


#: Byte-order marks, longest first (a UTF-32-LE mark begins with the UTF-16-LE one), and
#: the codec that reads the text after them.
_BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """*data* as text and the encoding used: *encoding* if given; else the encoding its
    byte-order mark names (UTF-8, UTF-16 or UTF-32: Word's "Unicode text" is UTF-16 with
    a mark; the mark is dropped), else UTF-8 and, failing that, GB18030.  Raises
    ``UnicodeDecodeError``."""
    if encoding is not None:
        return data.decode(encoding), encoding
    for mark, codec in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return data.decode(codec), codec.removesuffix("-sig")
    error: UnicodeDecodeError | None = None
    for candidate in AUTO_ENCODINGS:
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError as exc:
            error = error or exc
    assert error is not None
    raise error


#: Characters no report text holds: the C0 controls but tab, line feed, form feed
#: (a page break) and carriage return, DEL, and the C1 controls but NEL (a line break).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")


def control_characters(text: str) -> str | None:
    """Why *text* cannot be read as it is, when it holds control characters (a file in
    another encoding than it was read in, or not text at all), else None.  Such
    characters are refused, not dropped: dropping them would move every place after
    them, and a figure they split would be misread.  A DOS end-of-file mark (``\\x1a``)
    at the very end is not counted."""
    found = [m for m in _CONTROL.finditer(text.rstrip("\x1a"))]
    if not found:
        return None
    where = line_index(text)
    first = found[0]
    line, col = where(first.start())
    kinds = Counter(m.group() for m in found)
    listed = ", ".join(f"U+{ord(ch):04X} ×{n}" for ch, n in kinds.most_common(3))
    why = (f"the text holds {len(found)} control character{'' if len(found) == 1 else 's'} "
           f"({listed}; the first at {line}:{col})")
    if kinds["\x00"] * 20 >= len(text):
        why += ": it looks like UTF-16 without a byte-order mark (try --encoding utf-16-le)"
    return why


def _read(path: str, encoding: str | None, password: str | None = None,
          pdf_jobs: int = 1) -> tuple[str, str]:
    """The text of the file at *path* and how it was read (an encoding, or ``pdf``).
    Raises ``OSError``, ``UnicodeDecodeError``, :class:`ReportError` for a PDF that
    cannot be read (``finreport.pdf.PdfError``), or ``ImportError`` when the pdf extra is
    missing."""
    with open(path, "rb") as handle:
        data = handle.read()
    return _text_of(path, data, encoding, password, pdf_jobs)


def _text_of(name: str, data: bytes, encoding: str | None,
             password: str | None = None, pdf_jobs: int = 1) -> tuple[str, str]:
    """The text of a file's *data* (a PDF's layout text, its pages read in *pdf_jobs*
    processes, or decoded), and how."""
    if name.lower().endswith(".pdf") or data.startswith(b"%PDF-"):
        from .pdf import extract_text

        return extract_text(data, password=password, jobs=pdf_jobs), "pdf"
    return decode(data, encoding)


def _utf16_hint(data: bytes) -> str:
    """A hint for bytes that decode in no encoding tried, when they look like UTF-16
    without a byte-order mark: NUL bytes abound (Latin text), or they decode as UTF-16
    into mostly Chinese characters."""
    nuls = data.count(0) * 10 >= len(data) > 0
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        chinese = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
        if nuls or chinese * 3 >= len(text) > 0:
            return (" (it looks like UTF-16 without a byte-order mark: try --encoding "
                    f"{codec})")
    return ""


def problem_reading(path: str, encoding: str | None, exc: Exception,
                    data: bytes | None = None) -> FileResult:
    """The result of a file that could not be read, in the words (and with the problem
    code) every command uses; *data*, when given, lets a decoding problem hint at UTF-16."""
    if isinstance(exc, FileNotFoundError):
        return FileResult(path, problem="cannot read: no such file or folder",
                          problem_code="not_found")
    if isinstance(exc, UnicodeDecodeError):
        if encoding is not None:
            tried = encoding
        elif exc.encoding.startswith(("utf-16", "utf-32")):
            tried = f"{exc.encoding} (as its byte-order mark says)"
        else:
            tried = " or ".join(AUTO_ENCODINGS)
        hint = _utf16_hint(exc.object if data is None else data) if encoding is None else ""
        return FileResult(path, problem=f"cannot decode as {tried}: {exc.reason} "
                                        f"at byte {exc.start}{hint}",
                          problem_code="undecodable")
    if isinstance(exc, ImportError):
        return FileResult(path, problem=f"cannot read the PDF: {exc}",
                          problem_code="missing_extra")
    if isinstance(exc, ReportError):
        return FileResult(path, problem=f"cannot read the PDF: {exc}",
                          problem_code=getattr(exc, "code", "pdf_unreadable"))
    assert isinstance(exc, OSError)
    return FileResult(path, problem=f"cannot read: {exc.strerror or exc}",
                      problem_code="unreadable")


def load(path: str, encoding: str | None = None, password: str | None = None,
         pdf_jobs: int = 1) -> tuple[str, str] | FileResult:
    """The text of the file at *path* and the encoding it was read in, or a
    :class:`FileResult` saying why it cannot be read (the same words for every command):
    a file that cannot be read or decoded, a PDF that cannot be read (*password* opens an
    encrypted one; its pages are read in *pdf_jobs* processes), a text that holds control
    characters."""
    try:
        text, encoding_used = _read(path, encoding, password, pdf_jobs)
    except (OSError, UnicodeDecodeError, ReportError, ImportError) as exc:
        return problem_reading(path, encoding, exc)
    why = control_characters(text)
    if why is not None:
        return FileResult(path, encoding=encoding_used, problem=f"cannot read: {why}",
                          problem_code="control_characters")
    return text.rstrip("\x1a"), encoding_used


def audit_data(path: str, data: bytes, options: CheckOptions) -> FileResult:
    """Decode (or extract, for a PDF), parse and check a file's *data*; *path* names it.
    Never raises for a bad file: the reason is the result's ``problem``."""
    try:
        text, encoding = _text_of(path, data, options.encoding, options.password,
                                  options.pdf_jobs)
    except (UnicodeDecodeError, ReportError, ImportError) as exc:
        return problem_reading(path, options.encoding, exc, data)
    why = control_characters(text)
    if why is not None:
        return FileResult(path, encoding=encoding, problem=f"cannot read: {why}",
                          problem_code="control_characters")
    return _audit_text(path, text.rstrip("\x1a"), encoding, options)


def audit_file(path: str, options: CheckOptions) -> FileResult:
    """Read, parse and check the file at *path*.  Never raises for a bad file (nor for a
    bug the file triggers in finreport): the reason is the result's ``problem``."""
    loaded = load(path, options.encoding, options.password, options.pdf_jobs)
    if isinstance(loaded, FileResult):
        return loaded
    text, encoding = loaded
    return _audit_text(path, text, encoding, options)


#: Markup that says a text is an HTML page's source, not its text.
_MARKUP = re.compile(r"<(?:!doctype|html|head|body|div|p|table|span)\b", re.IGNORECASE)


def not_a_report(text: str, exc: ReportError) -> str:
    """Why *text* is not a report, with a hint when its shape says why: markup (the
    source of a web page) or no line breaks (finreport reads a report's structure from
    its lines)."""
    why = f"not a report: {exc}"
    if len(_MARKUP.findall(text[:20000])) >= 3:
        return why + "; the text is an HTML page's markup: give finreport its text"
    if "\n" not in text.strip() and len(text) > 200:
        return (why + f"; the text has no line breaks ({len(text)} characters on one "
                "line): headings are read from the starts of lines, so save the text with "
                "its line breaks")
    return why


def _audit_text(path: str, text: str, encoding: str, options: CheckOptions) -> FileResult:
    try:
        from .checks.running import audit
        from .model.report import Report
        from .output.coverage import figures_read, notices
        from .output.fingerprint import fingerprints

        report, *later = Report.parse_all(text)
        audited = audit(report, select=options.select, ignore=options.ignore,
                        locale=options.locale)
        findings = list(audited.findings)
        marks = fingerprints(findings, report, text)
        for other in later:  # a file that binds several reports: each checked on its own
            found = list(audit(other, select=options.select, ignore=options.ignore,
                               locale=options.locale).findings)
            findings.extend(found)
            marks.extend(fingerprints(found, other, text))
        read = figures_read(report)
        noticed = notices(report, text)
    except ReportError as exc:
        return FileResult(path, encoding=encoding, problem=not_a_report(text, exc),
                          problem_code="not_a_report",
                          text=text if options.keep else None)
    except Exception as exc:  # a bug in finreport must not stop a batch of a thousand
        return FileResult(path, encoding=encoding,
                          problem=f"internal error, please report: {exc!r}",
                          problem_code="internal_error")
    where, page = line_index(text), page_index(text)
    nothing = next(report.quantities(), None) is None  # thresholds alone: nothing read
    return FileResult(
        path,
        encoding=encoding,
        problem=("nothing read: no figure of the report could be read (its template is "
                 "one finreport does not know)") if nothing else None,
        problem_code="nothing_read" if nothing else None,
        organization=report.organization.text if report.organization else None,
        fiscal_year=report.fiscal_year.value if report.fiscal_year else None,
        figures=read,
        findings=tuple(Located.of(f, text, where, mark, page)
                       for f, mark in zip(findings, marks, strict=True)),
        kind=report.kind.value,
        unrecognized=len(report.unrecognized),
        forms=len(report.performance_forms),
        indicators=sum(len(form.indicators) for form in report.performance_forms),
        text=text if options.keep else None,
        report=report if options.keep else None,
        notices=noticed,
        checks=audited.checks,
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
            missing.append(FileResult(str(path), problem="cannot read: no such file or folder",
                                      problem_code="not_found"))
    return sorted(found), missing


def run(files: Sequence[str], options: CheckOptions, jobs: int,
        done: Callable[[str], object] | None = None) -> Iterator[FileResult]:
    """Check *files*, in parallel processes when *jobs* > 1, yielding results in the
    order of *files*; *done* is told the path of each file as it is checked.  A single
    file that is a PDF has its pages read in *jobs* processes."""
    if jobs <= 1 or len(files) <= 1:
        if jobs > 1:
            options = attrs.evolve(options, pdf_jobs=jobs)
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


@attrs.frozen
class BaselineEntry:
    """One finding recorded in a baseline: the file's path (as printed), the rule's code,
    the finding's fingerprint (``None`` in a version-1 baseline, which matched by the
    quotes) and the quoted text of its spans (for people reading the baseline)."""

    path: str
    code: str
    fingerprint: str | None
    quotes: tuple[str, ...] = ()

    @classmethod
    def of(cls, path: str, located: Located) -> BaselineEntry:
        """The entry recording *located*, a finding of the file at *path*."""
        return cls(path, located.finding.code, located.fingerprint,
                   tuple(q.text for q in located.quotes))

    def matches(self, path: str, located: Located) -> bool:
        """True when this entry records *located*, a finding of the file at *path*: by
        fingerprint, or (version 1) by the quoted texts."""
        if self.path != path or self.code != located.finding.code:
            return False
        if self.fingerprint is not None:
            return self.fingerprint == located.fingerprint
        return self.quotes == tuple(q.text for q in located.quotes)


class Baseline:
    """Findings recorded once and suppressed from then on.

    A finding is matched by its path and its fingerprint (``finreport.output.
    fingerprint``: its code, quotes, evidence and outline address, never offsets), so it
    stays suppressed when lines elsewhere in the file change or a PDF is extracted
    again.  A version-1 baseline (finreport 0.1, before fingerprints) still reads, and
    matches by path, code and the quoted texts of the spans.  Matching counts: an entry
    suppresses one finding.
    """

    def __init__(self, entries: Iterable[BaselineEntry] = ()) -> None:
        self.entries: list[BaselineEntry] = sorted(
            entries, key=lambda e: (e.path, e.code, e.fingerprint or "", e.quotes))

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def of(cls, results: Iterable[FileResult]) -> Baseline:
        """A baseline holding every finding of *results*."""
        return cls(BaselineEntry.of(r.path, located) for r in results
                   for located in r.findings)

    @classmethod
    def loads(cls, text: str) -> Baseline:
        """Read a baseline written by :meth:`dumps` (version 2, or version 1 of finreport
        0.1).  Raises ValueError when it is not one."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("version") not in (1, _BASELINE_VERSION):
            raise ValueError(f"not a finreport baseline (version {_BASELINE_VERSION})")
        entries = []
        for item in data.get("findings", []):
            try:
                mark = None if data["version"] == 1 else str(item["fingerprint"])
                entries.append(BaselineEntry(str(item["path"]), str(item["code"]), mark,
                                             tuple(str(q) for q in item["quotes"])))
            except (KeyError, TypeError) as exc:
                raise ValueError(f"malformed baseline entry {item!r}") from exc
        return cls(entries)

    def dumps(self) -> str:
        """The baseline as JSON text (version 2): per finding its path, code, fingerprint
        and quotes (the quotes for people reading it: matching is by fingerprint)."""
        findings = [{"path": e.path, "code": e.code, "fingerprint": e.fingerprint,
                     "quotes": list(e.quotes)} for e in self.entries]
        return json.dumps({"version": _BASELINE_VERSION, "findings": findings},
                          ensure_ascii=False, indent=2) + "\n"

    def _match(self, results: Iterable[FileResult],
               ) -> tuple[dict[str, list[Located]], list[BaselineEntry]]:
        """Per path the findings no entry takes, and the entries (of files among
        *results*) that take no finding.  An entry takes one finding."""
        by_place: dict[tuple[str, str], list[BaselineEntry]] = {}
        for entry in self.entries:
            by_place.setdefault((entry.path, entry.code), []).append(entry)
        kept: dict[str, list[Located]] = {}
        checked = set()
        for result in results:
            if not result.readable:
                continue
            checked.add(result.path)
            kept[result.path] = []
            for located in result.findings:
                place = by_place.get((result.path, located.finding.code), [])
                taker = next((k for k, e in enumerate(place)
                              if e.matches(result.path, located)), None)
                if taker is None:
                    kept[result.path].append(located)
                else:
                    del place[taker]
        unused = [e for place in by_place.values() for e in place if e.path in checked]
        return kept, sorted(unused, key=lambda e: (e.path, e.code, e.quotes))

    def stale(self, results: Iterable[FileResult]) -> list[BaselineEntry]:
        """The recorded findings of the files in *results* that no longer occur (more
        recorded than found), sorted: entries to drop with ``--write-baseline``."""
        return self._match(results)[1]

    def filter(self, result: FileResult) -> FileResult:
        """*result* without the findings this baseline holds (counted as ``suppressed``)."""
        if not result.readable:
            return result
        kept = self._match([result])[0][result.path]
        return attrs.evolve(result, findings=tuple(kept),
                            suppressed=len(result.findings) - len(kept))


@attrs.frozen
class Acceptance:
    """A finding accepted in place, with the reason: an auditor's decision that it is
    not to be reported again (``accept`` in the settings: docs/cli.md, *Accepting a
    finding*).

    ``fingerprint`` names the finding (as every output writes it); ``reason`` says why it
    is accepted (required: a decision without one cannot be reviewed); ``path``, a glob
    pattern (``reports/2026/*.pdf``), limits it to the files it matches (default: every
    file); ``code``, when given, must be the finding's code (a safeguard against a
    fingerprint pasted for the wrong finding)."""

    fingerprint: str
    reason: str
    path: str = "*"
    code: str | None = None

    def matches(self, path: str, located: Located) -> bool:
        """True when this accepts *located*, a finding of the file at *path*."""
        return (located.fingerprint == self.fingerprint
                and (self.code is None or self.code == located.finding.code)
                and _path_matches(path, self.path))


def _path_matches(path: str, pattern: str) -> bool:
    """True when *path* (as printed) matches the glob *pattern*, whole or by its tail
    (``*.pdf`` matches ``reports/a.pdf``, as ruff's per-file patterns do)."""
    posix = PurePosixPath(path.replace("\\", "/"))
    return fnmatchcase(posix.as_posix(), pattern) or posix.match(pattern)


def accept(result: FileResult, acceptances: Sequence[Acceptance]) -> FileResult:
    """*result* without the findings *acceptances* accept (counted as ``accepted``)."""
    kept = tuple(located for located in result.findings
                 if not any(a.matches(result.path, located) for a in acceptances))
    return attrs.evolve(result, findings=kept,
                        accepted=result.accepted + len(result.findings) - len(kept))


def unused_acceptances(acceptances: Sequence[Acceptance],
                       results: Iterable[FileResult]) -> list[Acceptance]:
    """The acceptances that matched no finding of *results* (taken before
    :func:`accept`) among files they name: stale, the finding is gone."""
    checked = [r for r in results if r.readable]
    return [a for a in acceptances
            if any(_path_matches(r.path, a.path) for r in checked)
            and not any(a.matches(r.path, located) for r in checked for located in r.findings)]
