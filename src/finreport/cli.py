"""The ``finreport`` command line: ``check``, ``show``, ``batch``, ``rules`` and ``schema``.

This is the one place where finreport touches files, processes and terminals; the core
(:func:`finreport.parse`, :func:`finreport.check`) only ever sees ``str``.  See
``docs/cli.md`` for every option, the output formats, the settings file, the exit codes
and how baselines and acceptances match findings.

Exit codes, the same for ``check`` and ``batch``: ``0`` no finding at the failing level
(``--fail-on``: error-level findings by default); ``1`` at least one (``0`` with
``--exit-zero``); ``2`` a usage or settings error, no file found, or a file with a
problem (it could not be read, decoded, is not a report, or nothing could be read of it:
the other files are still checked, and 2 wins over 1).
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .batch import (
    AUTO_ENCODINGS,
    Baseline,
    CheckOptions,
    FileResult,
    Located,
    Quote,
    accept,
    audit_data,
    audit_file,
    collect_files,
    decode,
    load,
    not_a_report,
    run,
    unused_acceptances,
)
from .model.errors import ReportError
from .model.findings import Finding, Severity

if TYPE_CHECKING:
    from .settings import Settings

# The model, the parser, the rules and the renderers are imported where a command uses
# them, so that ``finreport --version`` and ``--help`` start without loading them.

# What a batch needs lives in finreport.batch; these names stay importable from here for
# code written against finreport 0.1 (docs/integration.md names finreport.batch).
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


EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

#: The output formats of ``check``: all but html write one document (to standard output,
#: or the file ``--output`` names); html writes a page per report.
FORMATS = ("text", "json", "jsonl", "sarif", "github", "html")

#: The severities ``--fail-on`` takes, and the severities each fails on.
FAIL_ON = {"error": (Severity.ERROR,), "warning": (Severity.ERROR, Severity.WARNING)}


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


# ---------------------------------------------------------------------------------------
# Output


#: Columns of ``--summary FILE.csv``: one row per file, also for a file that could not
#: be checked (with its ``problem_code`` and ``problem``).
SUMMARY_COLUMNS = ("path", "organization", "fiscal_year", "figures", "errors", "warnings",
                   "infos", "kind", "unrecognized", "problem_code", "problem", "notices")


def _write_summary(path: str, results: Sequence[FileResult]) -> None:
    import csv

    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(SUMMARY_COLUMNS)
        for result in results:
            counts = result.counts()
            writer.writerow([result.path, result.organization or "",
                             "" if result.fiscal_year is None else result.fiscal_year,
                             result.figures, counts[Severity.ERROR],
                             counts[Severity.WARNING], counts[Severity.INFO],
                             (result.kind or "") if result.readable else "",
                             result.unrecognized, result.problem_code or "",
                             result.problem or "", " ".join(result.notices)])


def _write_text(out: TextIO, results: Sequence[FileResult], run: _Run) -> None:
    from .output.run import file_line, run_line, statistics

    if run.statistics:
        from .checks.running import rules

        out.write(statistics(results, rules(), locale=run.locale) + "\n")
    for result in results:
        if not result.readable:
            continue
        if not run.statistics:
            for located in result.findings:
                out.write(_finding_line(result.path, located, run.fingerprints) + "\n")
        if not run.quiet and not run.statistics:
            out.write(file_line(result) + "\n")
    if not run.quiet:
        out.write(run_line(results) + "\n")


def _finding_line(path: str, located: Located, fingerprint: bool) -> str:
    from .output.text import finding_line

    line = finding_line(path, located.line, located.col, located.finding)
    return line + (f" [{located.fingerprint}]" if fingerprint else "")


def _write_document(out: TextIO, results: Sequence[FileResult], run: _Run,
                    stale: int) -> None:
    """Write the run in its format to *out* (every format but html, whose pages are
    files of their own)."""
    from . import __version__

    if run.format == "json":
        from .output.run import run_document

        out.write(json.dumps(run_document(results, stale), ensure_ascii=False, indent=2)
                  + "\n")
    elif run.format == "sarif":
        from .checks.running import rules
        from .output.sarif import sarif_log

        log = sarif_log(results, rules(), version=__version__, locale=run.locale)
        out.write(json.dumps(log, ensure_ascii=False, indent=2) + "\n")
    elif run.format == "jsonl":
        from .output.run import jsonl_records

        for record in jsonl_records(results, stale):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif run.format == "github":
        from .checks.running import rules
        from .output.github import workflow_commands

        for line in workflow_commands(results, rules(), locale=run.locale):
            out.write(line + "\n")
    else:
        _write_text(out, results, run)


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
    from .checks.running import message_locale

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


#: What ``finreport --help`` says the program is.
DESCRIPTION = ("Read the budget and final-accounts disclosures of Chinese government "
               "departments (部门预算, 部门决算, and their university editions), from text "
               "or PDF, and check their arithmetic.")


def _argument_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="finreport", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"finreport {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check", help="check reports and list the findings",
        description="Check report files (text or PDF), or folders of them (every *.txt and "
                    "*.pdf below, recursively).")
    check.add_argument("paths", nargs="+", metavar="PATH", help="report file or folder")
    check.add_argument("--format", choices=FORMATS, default=None,
                       help="output format (default: text)")
    check.add_argument("--output", "-o", metavar="PATH",
                       help="write the output to this file instead of standard output; "
                            "html: the page of one report, or the folder to write a page "
                            "per report and index.html into")
    _rule_options(check)
    _common_options(check)
    check.add_argument("--baseline", metavar="FILE",
                       help="suppress the findings recorded in FILE")
    check.add_argument("--write-baseline", metavar="FILE",
                       help="record every finding of this run in FILE (exit 0 unless a "
                            "file has a problem)")
    check.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                       help="check files in N processes; a single PDF: read its pages in "
                            "N processes (default: number of CPUs)")
    check.add_argument("--summary", metavar="FILE.csv",
                       help="write one CSV row per file (path, organization, fiscal year, "
                            "figures, errors, warnings, infos, kind, unrecognized, problem "
                            "code, problem, notices)")
    check.add_argument("--statistics", action="store_true", default=None,
                       help="count the findings of each rule and the files of each problem "
                            "(text format: instead of the findings; other formats: on "
                            "standard error)")
    check.add_argument("--show-fingerprints", action="store_true",
                       help="text format: end each finding's line with its fingerprint")
    check.add_argument("--quiet", "-q", action="store_true", default=None,
                       help="no summary lines and no notes on standard error, only the "
                            "findings (or the document) and the problems")
    _exit_options(check)
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
    _exit_options(batch)
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
                                 description="List every rule: code, name (for --select "
                                             "and --ignore), severity, title.")
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
                              "(FR1,FR201,share; finreport rules lists them)")
    command.add_argument("--ignore", action="extend", type=_codes, metavar="CODES",
                         help="leave out these rules: comma-separated codes, prefixes or "
                              "names")


def _common_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--locale", type=_locale, default=None, metavar="LOCALE",
                         help="language of messages and labels (default: zh_CN)")
    command.add_argument("--encoding", type=_encoding, default=None,
                         help="encoding of the text files (default: by byte-order mark, "
                              "else UTF-8, else GB18030)")
    command.add_argument("--password", default=None, metavar="PASSWORD",
                         help="the password that opens encrypted PDFs")
    command.add_argument("--config", metavar="FILE",
                         help="read settings from FILE (default: finreport.toml or "
                              "pyproject.toml's [tool.finreport], found from the first "
                              "PATH's folder upwards)")
    command.add_argument("--isolated", action="store_true",
                         help="read no settings file")


def _exit_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--fail-on", choices=tuple(FAIL_ON), default=None,
                         help="exit 1 when a finding of this severity or worse is reported "
                              "(default: error)")
    command.add_argument("--exit-zero", action="store_true", default=None,
                         help="exit 0 even when findings are reported (2 still says a "
                              "file had a problem)")


class _Run:
    """The options of a run: the command line's, else the settings file's, else the
    defaults."""

    def __init__(self, args: argparse.Namespace, settings: Settings,
                 parser: argparse.ArgumentParser) -> None:
        self.settings = settings
        get = settings.get
        self.format: str = get("format", getattr(args, "format", None), "text")
        if self.format not in FORMATS:
            parser.error(f"{settings.path}: format = {self.format!r}: not one of "
                         + ", ".join(FORMATS))
        self.select: list[str] | None = get("select", getattr(args, "select", None))
        self.ignore: list[str] | None = get("ignore", getattr(args, "ignore", None))
        self.locale: str = self._checked(parser, "locale", args.locale, "zh_CN", _locale)
        self.encoding: str | None = self._checked(parser, "encoding", args.encoding, None,
                                                  _encoding)
        self.jobs: int = get("jobs", getattr(args, "jobs", None), os.cpu_count() or 1)
        self.quiet: bool = bool(get("quiet", getattr(args, "quiet", None), False))
        self.statistics: bool = bool(get("statistics", getattr(args, "statistics", None),
                                         False))
        self.exit_zero: bool = bool(get("exit_zero", args.exit_zero
                                        if hasattr(args, "exit_zero") else None, False))
        self.fail_on: str = get("fail_on", getattr(args, "fail_on", None), "error")
        if self.fail_on not in FAIL_ON:
            parser.error(f"{settings.path}: fail-on = {self.fail_on!r}: error or warning")
        self.baseline: str | None = get("baseline", getattr(args, "baseline", None))
        self.fingerprints: bool = bool(getattr(args, "show_fingerprints", False))
        try:
            from .checks.running import selected

            selected(self.select, self.ignore)
        except ValueError as exc:
            parser.error(f"--select/--ignore: {exc}")

    def _checked(self, parser: argparse.ArgumentParser, key: str, given: str | None,
                 default: str | None, check: Any) -> Any:
        value = self.settings.get(key, given, default)
        if given is None and key in self.settings.values:
            try:
                return check(value)
            except argparse.ArgumentTypeError as exc:
                parser.error(f"{self.settings.path}: {key}: {exc}")
        return value

    def options(self, keep: bool, password: str | None) -> CheckOptions:
        """The options each file is read and checked with."""
        return CheckOptions(self.encoding, tuple(self.select) if self.select else None,
                            tuple(self.ignore) if self.ignore else None, self.locale,
                            keep=keep, password=password)

    def status(self, results: Sequence[FileResult]) -> int:
        """The exit code of a run over *results*."""
        if any(r.problem is not None for r in results):
            return EXIT_USAGE
        failing = FAIL_ON[self.fail_on]
        found = any(located.finding.severity in failing for r in results
                    for located in r.findings)
        return EXIT_FINDINGS if found and not self.exit_zero else EXIT_OK


def _settings(args: argparse.Namespace) -> Settings:
    from .settings import SettingsError, settings_for

    parser: argparse.ArgumentParser = args.usage
    try:
        return settings_for(args.paths, args.config, args.isolated)
    except SettingsError as exc:
        parser.error(str(exc))


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


def _one_page(output: str, paths: Sequence[str], files: int) -> bool:
    """True when ``--output`` names the page of one report, False when a folder."""
    return files == 1 and len(paths) == 1 and not Path(paths[0]).is_dir() \
        and not Path(output).is_dir()


def _write_pages(output: str, one: bool, results: Sequence[FileResult],
                 locale: str) -> bool:
    """Write the HTML page of each report: to *output* itself when *one*, else one page
    per report and ``index.html`` into the folder *output*."""
    from .output.html import IndexRow, index_html, to_html

    def page(result: FileResult) -> str:
        assert result.text is not None
        return to_html(result.text, result.report, [located.finding for located in result.findings],
                       locale=locale)

    if one:
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
            rows.append(IndexRow(None, result.path, problem=result.problem,
                                 problem_code=result.problem_code))
            continue
        name = _page_name(result.path, used)
        if not _write_file(str(Path(output) / name), page(result), "--output"):
            return False
        counts = result.counts()
        rows.append(IndexRow(name, result.path, result.organization, result.fiscal_year,
                             result.kind, counts[Severity.ERROR], counts[Severity.WARNING],
                             counts[Severity.INFO], result.figures, result.unrecognized,
                             problem=result.problem, problem_code=result.problem_code,
                             notices=result.notices))
    return _write_file(str(Path(output) / "index.html"), index_html(rows, locale=locale),
                       "--output")


def _problem(path: str, problem: str | None, code: str | None) -> None:
    sys.stderr.write(f"finreport: {path}: {problem} [{code or 'internal_error'}]\n")


def _say_stale(run: _Run, baseline: Baseline, results: Sequence[FileResult],
               source: str | None) -> int:
    """Name each stale baseline entry and acceptance on standard error; how many."""
    stale = baseline.stale(results) if source is not None else []
    for entry in stale:
        sys.stderr.write(f"finreport: {source}: stale entry {entry.path}: {entry.code} "
                         + ", ".join(f"“{q}”" for q in entry.quotes) + " (no longer found)\n")
    if stale:
        sys.stderr.write(f"finreport: {source}: {len(stale)} stale "
                         f"entr{'y' if len(stale) == 1 else 'ies'}; refresh it with "
                         f"--write-baseline\n")
    unused = unused_acceptances(run.settings.accept, results)
    for acceptance in unused:
        sys.stderr.write(f"finreport: {run.settings.path}: accept entry "
                         f"{acceptance.fingerprint} ({acceptance.path}) matches no finding "
                         "(stale: the finding is gone, or its figures changed)\n")
    return len(stale) + len(unused)


def _check_command(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.usage
    run_ = _Run(args, _settings(args), parser)
    baseline = Baseline()
    if run_.baseline is not None:
        try:
            baseline = Baseline.loads(Path(run_.baseline).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            parser.error(f"--baseline {run_.baseline}: {exc}")

    files, missing = collect_files(args.paths)
    if not files and not missing:
        parser.error("no *.txt or *.pdf files found in " + ", ".join(args.paths))
    html = run_.format == "html"
    one = False
    if html:
        if args.output is None:
            parser.error("--format html needs --output PATH (a file for one report, a "
                         "folder for several)")
        one = _one_page(args.output, args.paths, len(files) + len(missing))
        if not one and Path(args.output).suffix.lower() in (".html", ".htm") \
                and not Path(args.output).is_dir():
            parser.error(f"--output {args.output} names one page, but several reports make "
                         "a page each and index.html: name a folder")
    progress = Progress(sys.stderr, len(files))
    try:
        checked = list(run(files, run_.options(html, args.password), run_.jobs,
                           progress.step))
    finally:
        progress.close()
    results = sorted([*checked, *missing], key=lambda r: r.path)

    if args.write_baseline is not None:
        recorded = Baseline.of(results)
        if not _write_file(args.write_baseline, recorded.dumps(), "--write-baseline"):
            return EXIT_USAGE
        if not run_.quiet:
            sys.stderr.write(f"finreport: recorded {len(recorded)} findings in "
                             f"{args.write_baseline}\n")
    stale = _say_stale(run_, baseline, results, run_.baseline)
    results = [accept(baseline.filter(r), run_.settings.accept) for r in results]

    for result in results:
        if result.problem is not None:
            _problem(result.path, result.problem, result.problem_code)
    if not _emit(run_, results, stale, args.output if not html else None):
        return EXIT_USAGE
    if html and not _write_pages(args.output, one, results, run_.locale):
        return EXIT_USAGE
    if args.summary is not None:
        try:
            _write_summary(args.summary, results)
        except OSError as exc:
            _cannot_write("--summary", args.summary, exc)
            return EXIT_USAGE
    if args.write_baseline is not None and all(r.problem is None for r in results):
        return EXIT_OK
    return run_.status(results)


def _emit(run_: _Run, results: Sequence[FileResult], stale: int, output: str | None) -> bool:
    """Write the run's document (or text) to *output*, or standard output; statistics of
    a machine-readable format go to standard error.  False when *output* cannot be
    written."""
    import io

    machine = run_.format not in ("text", "html")
    if machine and run_.statistics:
        from .checks.running import rules
        from .output.run import statistics

        sys.stderr.write(statistics(results, rules(), locale=run_.locale) + "\n")
    if output is None:
        _write_document(sys.stdout, results, run_, stale)
        return True
    buffer = io.StringIO()
    _write_document(buffer, results, run_, stale)
    return _write_file(output, buffer.getvalue(), "--output")


def _show_command(args: argparse.Namespace) -> int:
    from .model.report import Report
    from .output.text import render_report

    parser: argparse.ArgumentParser = args.usage
    settings = _settings(args)
    locale = settings.get("locale", args.locale, "zh_CN")
    encoding = settings.get("encoding", args.encoding)
    files, missing = collect_files(args.paths)
    if not files and not missing:
        parser.error("no *.txt or *.pdf files found in " + ", ".join(args.paths))
    status = EXIT_OK
    documents: list[dict[str, Any]] = []
    for result in missing:
        _problem(result.path, result.problem, result.problem_code)
        status = EXIT_USAGE
    for n, path in enumerate(files):
        loaded = load(path, encoding, args.password)
        if isinstance(loaded, FileResult):
            _problem(loaded.path, loaded.problem, loaded.problem_code)
            status = EXIT_USAGE
            continue
        text, used = loaded
        try:
            report = Report.parse(text)
        except ReportError as exc:
            _problem(path, not_a_report(text, exc), "not_a_report")
            status = EXIT_USAGE
            continue
        if args.format == "json" and len(files) == 1:
            from .output.serialize import to_json

            sys.stdout.write(to_json(report, indent=2) + "\n")
        elif args.format == "json":
            from .output.serialize import to_dict

            documents.append({"path": path, "encoding": used, "report": to_dict(report)})
        else:
            sys.stdout.write(("\n" if n else "") + f"{path} ({used})\n\n")
            from .checks.running import audit

            sys.stdout.write(render_report(report, locale=locale,
                                           audit=audit(report, locale=locale)))
    if args.format == "json" and len(files) > 1:
        sys.stdout.write(json.dumps(documents, ensure_ascii=False, indent=2) + "\n")
    return status


def _batch_command(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.usage
    try:
        import distributed

        from . import dask as on_dask
    except ImportError as exc:
        parser.error(f"finreport batch needs the dask extra (pip install 'finreport[dask]'): "
                     f"{exc}")
    run_ = _Run(args, _settings(args), parser)
    files = on_dask.list_files(args.paths)
    if not files:
        parser.error("no *.txt or *.pdf files found in " + ", ".join(args.paths))
    try:
        summaries, findings = on_dask.audit_paths(
            files, select=run_.select, ignore=run_.ignore, locale=run_.locale,
            encoding=run_.encoding, target_seconds=args.partition_seconds,
            password=args.password)
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
    return _batch_report(run_, output, args.csv)


def _batch_report(run_: _Run, output: Path, csv: bool) -> int:
    """Name the files with a problem, print the run's line, write the CSV copies; the
    exit code (as ``check`` gives it)."""
    import pandas as pd

    from .output.run import summary_line

    table = pd.read_parquet(output / "summary.parquet").sort_values("report")
    found = pd.read_parquet(output / "findings.parquet")
    if csv:
        table.to_csv(output / "summary.csv", index=False)
        # a list column as JSON text, not as Python writes a list
        found.assign(quotes=[json.dumps(list(q), ensure_ascii=False) for q in found["quotes"]],
                     ).to_csv(output / "findings.csv", index=False)
    problems = table[table["problem"].notna()]
    for row in problems.itertuples():
        _problem(row.report, row.problem, None if row.problem_code is pd.NA else row.problem_code)
    codes = [None if c is pd.NA else c for c in problems["problem_code"]]
    unchecked = [c or "internal_error" for c in codes if c != "nothing_read"]
    counts = {Severity.ERROR: int(table["errors"].sum()),
              Severity.WARNING: int(table["warnings"].sum()),
              Severity.INFO: int(table["infos"].sum())}
    sys.stdout.write(summary_line(len(table) - len(unchecked), counts, unchecked,
                                  codes.count("nothing_read"))
                     + f"; wrote {output / 'summary.parquet'} and "
                       f"{output / 'findings.parquet'}\n")
    if len(problems):
        return EXIT_USAGE
    failing = {s.value for s in FAIL_ON[run_.fail_on]}
    hit = bool(len(found)) and bool(found["severity"].isin(failing).any())
    return EXIT_FINDINGS if hit and not run_.exit_zero else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); returns the exit code."""
    parser = _argument_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check_command(args)
        if args.command == "show":
            return _show_command(args)
        if args.command == "batch":
            return _batch_command(args)
        if args.command == "rules":
            from .checks.running import rules
            from .output.text import render_rules

            sys.stdout.write(render_rules(rules(), locale=args.locale) + "\n")
            return EXIT_OK
        from .model.report import Report
        from .output.schema import cli_schema, json_schema

        document = (json_schema(Report) if args.what == "report" else json_schema(Finding)
                    if args.what == "finding" else cli_schema(args.what))
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    except BrokenPipeError:
        # The reader went away (``finreport check … | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS
