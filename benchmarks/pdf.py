"""Benchmark: PDF → findings, per report, against ``pdftotext -layout`` (needs the ``pdf`` extra).

Run: ``python benchmarks/pdf.py [PDF or folder …]`` (default: every PDF under
``$FINREPORT_CORPUS`` or ``../shared/reference``; the field is ``../shared/corpus``).
For each PDF, after one warm-up, the two are run in turn *--repeat* times, so that the
machine's noise falls on both alike:

- finreport: the file read, :func:`finreport.pdf.extract_text` (``--jobs N`` reads the
  pages in N processes), :func:`finreport.parse` and :func:`finreport.check`, in this
  process.  A file ``parse`` refuses (:class:`finreport.ReportError`: not a report) counts
  its reading and extraction;
- poppler: ``pdftotext -layout FILE -`` as a process of its own, one per file, as a user
  runs it (its output thrown away).  Where poppler is not installed that part is skipped,
  with a message.

It prints the median seconds of each (finreport split into extraction and parse +
check), their ratio, and at the end the sums over all the PDFs and the ratio of the sums.
``--floor`` adds what PDFium itself costs through ctypes for the same text: "load", each
page and its text page loaded (``FPDF_LoadPage``, ``FPDFText_LoadPage``) and nothing
asked of them; "floor", that and the page's text read once and one
``FPDFText_GetCharBox`` call per character that is not white space (through the cheapest
prototype ctypes has), no layout and no Python objects per character: the least any
extraction through PDFium's public functions that gives the same characters and boxes
can take (PDFium has no call that gives more than one character's box).
Figures go in docs/performance.md; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from itertools import chain, starmap
from pathlib import Path

import finreport
from finreport.pdf import extract_text

ROOT = Path(__file__).resolve().parent.parent

#: A run of characters that are not white space.
_RUN = re.compile(r"\S+")


def pages_of(data: bytes) -> int:
    """How many pages the PDF has."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def findings(path: Path, jobs: int) -> tuple[float, float]:
    """Seconds to extract the PDF at *path* (its file read included), and to parse and
    check its text (0 when ``parse`` refuses it)."""
    start = time.perf_counter()
    data = path.read_bytes()
    text = extract_text(data, jobs=jobs) if jobs != 1 else extract_text(data)  # older trees
    extracted = time.perf_counter()
    try:
        finreport.check(finreport.parse(text))
    except finreport.ReportError:  # not a report: its extraction counts
        return extracted - start, 0.0
    return extracted - start, time.perf_counter() - extracted


def pdftotext(path: Path, poppler: str) -> float:
    """Seconds of one ``pdftotext -layout`` process on the PDF at *path*."""
    start = time.perf_counter()
    subprocess.run([poppler, "-layout", str(path), "-"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def pdfium_floor(path: Path, boxes: bool = True) -> float:
    """Seconds of the least PDFium work that gives the PDF's characters and their boxes
    (see the module's docstring); without *boxes*, of loading its pages and text pages
    alone."""
    import ctypes

    import pypdfium2
    import pypdfium2.raw as pdfium_c

    charbox = ctypes.PYFUNCTYPE(ctypes.c_int)(
        ctypes.cast(pdfium_c.FPDFText_GetCharBox, ctypes.c_void_p).value)
    box = (ctypes.c_double * 4)()
    left, right, bottom, top = (ctypes.byref(box, offset) for offset in (0, 8, 16, 24))
    start = time.perf_counter()
    document = pypdfium2.PdfDocument(path.read_bytes())
    for index in range(len(document)):
        page = pdfium_c.FPDF_LoadPage(document.raw, index)
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not boxes:
            pdfium_c.FPDFText_ClosePage(textpage)
            pdfium_c.FPDF_ClosePage(page)
            continue
        count = pdfium_c.FPDFText_CountChars(textpage)
        buffer = (ctypes.c_ushort * (2 * count + 2))()
        written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer) - 1
        text = ctypes.string_at(buffer, 2 * max(written, 0)).decode("utf-16-le", "replace")
        handle = ctypes.cast(textpage, ctypes.c_void_p)
        for i in chain.from_iterable(starmap(range, (m.span() for m in _RUN.finditer(text)))):
            charbox(handle, i, left, right, bottom, top)
        pdfium_c.FPDFText_ClosePage(textpage)
        pdfium_c.FPDF_ClosePage(page)
    document.close()
    return time.perf_counter() - start


def cpu_seconds() -> tuple[float, float] | None:
    """CPU seconds the whole machine and this process (with its children) have used so
    far, where ``/proc/stat`` tells (Linux); else None."""
    import resource

    try:
        with open("/proc/stat", encoding="ascii") as stat:
            ticks = [int(n) for n in stat.readline().split()[1:]]
    except OSError:
        return None
    busy = (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")  # less idle, iowait
    own = sum(getattr(resource.getrusage(who), field)
              for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for field in ("ru_utime", "ru_stime"))
    return busy, own


def median_of(samples: list[float]) -> float:
    return statistics.median(samples) if samples else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    default = os.environ.get("FINREPORT_CORPUS") or str(ROOT.parent / "shared" / "reference")
    parser.add_argument("paths", nargs="*", default=[default])
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs of each per PDF, in turn, after a warm-up (default 5)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="extract_text(jobs=N): pages in N processes (default 1)")
    parser.add_argument("--floor", action="store_true",
                        help="also time the least PDFium work for the same characters")
    args = parser.parse_args()
    pdfs: list[Path] = []
    for given in map(Path, args.paths):
        pdfs.extend(sorted(given.rglob("*.pdf")) if given.is_dir() else [given])
    poppler = shutil.which("pdftotext")
    if poppler is None:
        print("pdftotext (poppler-utils) is not installed: finreport's side only, no ratio")
    finreport.preload()

    runs: list[tuple[str, Callable[[Path], object]]] = [
        ("finreport", lambda path: findings(path, args.jobs))]
    if poppler is not None:
        runs.append(("pdftotext", lambda path, poppler=poppler: pdftotext(path, poppler)))
    if args.floor:
        runs.append(("load", lambda path: pdfium_floor(path, boxes=False)))
        runs.append(("floor", pdfium_floor))

    print(f"{'report':46} {'pages':>5} {'extract':>8} {'pars+chk':>8} {'total':>8}"
          + (f" {'pdftotext':>9} {'ratio':>6}" if poppler else "")
          + (f" {'load':>8} {'floor':>8}" if args.floor else ""))
    sums = {"extract": 0.0, "check": 0.0, "pdftotext": 0.0, "load": 0.0, "floor": 0.0}
    pages = 0
    started, clock = cpu_seconds(), time.perf_counter()
    for path in pdfs:
        for _, run in runs:  # warm-up
            run(path)
        samples: dict[str, list[float]] = {name: [] for name in sums}
        for _ in range(args.repeat):
            for name, run in runs:
                result = run(path)
                if name == "finreport":
                    assert isinstance(result, tuple)
                    samples["extract"].append(result[0])
                    samples["check"].append(result[1])
                else:
                    assert isinstance(result, float)
                    samples[name].append(result)
        median = {name: median_of(values) for name, values in samples.items()}
        for name in sums:
            sums[name] += median[name]
        count = pages_of(path.read_bytes())
        pages += count
        total = median["extract"] + median["check"]
        line = (f"{path.stem[:46]:46} {count:5d} {median['extract'] * 1e3:6.0f}ms "
                f"{median['check'] * 1e3:6.0f}ms {total * 1e3:6.0f}ms")
        if poppler:
            line += f" {median['pdftotext'] * 1e3:7.0f}ms {total / median['pdftotext']:6.2f}"
        if args.floor:
            line += f" {median['load'] * 1e3:6.0f}ms {median['floor'] * 1e3:6.0f}ms"
        print(line, flush=True)
    ended, seconds = cpu_seconds(), time.perf_counter() - clock
    if started is not None and ended is not None:
        others = (ended[0] - started[0]) - (ended[1] - started[1])
        print(f"other processes used {others / (seconds * (os.cpu_count() or 1)):.0%} of "
              f"the machine's {os.cpu_count()} CPUs during the run (figures are fair when "
              "that is near 0)")
    total = sums["extract"] + sums["check"]
    print(f"all: {len(pdfs)} PDFs, {pages} pages; finreport {total:.2f} s (extract "
          f"{sums['extract']:.2f} s, parse + check {sums['check']:.2f} s, jobs={args.jobs})")
    if poppler:
        print(f"pdftotext -layout, a process per PDF: {sums['pdftotext']:.2f} s; "
              f"ratio {total / sums['pdftotext']:.2f}")
    if args.floor:
        print(f"PDFium loading the pages and text pages alone: {sums['load']:.2f} s"
              + (f" = {sums['load'] / sums['pdftotext']:.2f} × pdftotext" if poppler else ""))
        print(f"PDFium floor (pages, text pages, the text, a box per character): "
              f"{sums['floor']:.2f} s; with parse + check {sums['floor'] + sums['check']:.2f} s"
              + (f" = {(sums['floor'] + sums['check']) / sums['pdftotext']:.2f} × pdftotext"
                 if poppler else ""))


if __name__ == "__main__":
    main()
