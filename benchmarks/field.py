"""Benchmark: parse + check per character over the field (``../shared/corpus``).

Run: ``python benchmarks/field.py [FOLDER]`` (default ``../shared/corpus``; needs the ``pdf``
extra).  Every PDF is read once with :func:`finreport.pdf.extract_text` (not timed); then
parse + check of each text is timed, *repeat* times in rounds over the whole field, and the
median round is reported: seconds for the field, characters, and microseconds per
character.  Texts finreport refuses (``ReportError``) count their time too: a batch pays
for them.

``--texts DIR`` reads ``*.txt`` from a folder instead (the same texts for two versions
of the code, compared in one session: ``PYTHONPATH=other/src python benchmarks/field.py
--texts DIR``).  ``--save DIR`` writes the extracted texts there.  Figures go in
docs/performance.md; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from pathlib import Path

import finreport

ROOT = Path(__file__).resolve().parent.parent


def load(folder: Path, texts: bool) -> list[tuple[str, str]]:
    """The texts of the field: extracted from its PDFs, or read from ``*.txt``."""
    if texts:
        return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    from finreport.pdf import extract_text

    found = []
    for path in sorted(folder.glob("*.pdf")):
        try:
            found.append((path.stem, extract_text(path.read_bytes())))
        except finreport.ReportError:
            continue  # no text to parse: nothing of parse + check to time
    return found


def parse_check(text: str) -> None:
    """Parse and check one text, as a batch would."""
    with contextlib.suppress(finreport.ReportError):
        finreport.check(finreport.parse(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--texts", action="store_true", help="FOLDER holds *.txt texts")
    parser.add_argument("--save", metavar="DIR", help="write the extracted texts to DIR")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = load(Path(args.folder), args.texts)
    if not texts:
        raise SystemExit(f"no texts in {args.folder}")
    if args.save:
        out = Path(args.save)
        out.mkdir(parents=True, exist_ok=True)
        for name, text in texts:
            (out / f"{name}.txt").write_text(text, encoding="utf-8")
    finreport.preload()
    for _, text in texts:  # warm-up
        parse_check(text)
    rounds = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _, text in texts:
            parse_check(text)
        rounds.append(time.perf_counter() - start)
    seconds = statistics.median(rounds)
    characters = sum(len(text) for _, text in texts)
    print(f"{len(texts)} texts, {characters} characters: parse + check {seconds:.3f} s "
          f"(median of {args.repeat} rounds; min {min(rounds):.3f} s), "
          f"{seconds / characters * 1e6:.3f} µs per character")


if __name__ == "__main__":
    main()
