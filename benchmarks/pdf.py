"""Benchmark: PDF → findings, per report and per page (needs the ``pdf`` extra).

Run: ``python benchmarks/pdf.py [PDF or folder …]`` (default: every PDF under
``$FINREPORT_CORPUS`` or ``../shared/reference``).  For each PDF it prints its pages, the
median seconds of text extraction, of parse + check, and of the whole (PDF bytes in,
findings out), then the time per page.  One core, one process, after one warm-up run.
Figures go in docs/performance.md; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parse_check import timed

import finreport
from finreport.pdf import extract_text

ROOT = Path(__file__).resolve().parent.parent


def pages_of(data: bytes) -> int:
    """How many pages the PDF has."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default = os.environ.get("FINREPORT_CORPUS") or str(ROOT.parent / "shared" / "reference")
    parser.add_argument("paths", nargs="*", default=[default])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pdfs: list[Path] = []
    for given in map(Path, args.paths):
        pdfs.extend(sorted(given.rglob("*.pdf")) if given.is_dir() else [given])
    print(f"{'report':46} {'pages':>5} {'extract':>9} {'parse+check':>12} {'total':>9} "
          f"{'per page':>9} {'tables':>6} {'findings':>8}")
    all_pages = 0
    all_time = 0.0
    for path in pdfs:
        data = path.read_bytes()
        pages = pages_of(data)
        text = extract_text(data)
        extract = timed(lambda data=data: extract_text(data), args.repeat)  # type: ignore[misc]
        report = finreport.parse(text)
        findings = finreport.check(report)
        check = timed(lambda text=text: finreport.check(finreport.parse(text)),  # type: ignore[misc]
                      args.repeat)
        whole = extract + check
        all_pages += pages
        all_time += whole
        print(f"{path.stem[:46]:46} {pages:5d} {extract * 1000:7.0f}ms {check * 1000:10.0f}ms "
              f"{whole * 1000:7.0f}ms {whole / pages * 1000:7.1f}ms {len(report.tables):6d} "
              f"{len(findings):8d}")
    if all_pages:
        print(f"all: {len(pdfs)} PDFs, {all_pages} pages, {all_time:.2f} s, "
              f"{all_time / all_pages * 1000:.1f} ms per page, "
              f"{all_time / len(pdfs) * 1000:.0f} ms per report")


if __name__ == "__main__":
    main()
