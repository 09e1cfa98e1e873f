"""Batch throughput of ``finreport check``: reports per second with 1 and 2 processes.

    python benchmarks/batch.py [--count 1000] [--seed 2021] [--jobs 1 2] [--keep DIR]

Generates a folder of reports from the fixture ``seedstyle_consistent.txt`` and the
bundled sample (``examples/data/sample_report.txt``): each copy has every amount in 万元
scaled by its own factor (Decimal arithmetic, the written number of decimals kept), so
the texts differ in their numbers while keeping the structure of a real report (rounding
after scaling breaks some sums and cross-references, so the run also exercises the path
that reports findings, as a real batch does).  Then it
runs ``python -m finreport check --quiet --jobs N FOLDER`` as a subprocess for each N,
timed with ``time.perf_counter`` (process start-up included), and prints the reports per
second.  The folder is a temporary one, removed at the end, unless ``--keep`` names one.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "tests" / "fixtures" / "sichuan_trade_union_final" / "seedstyle_consistent.txt",
           ROOT / "examples" / "data" / "sample_report.txt")
_AMOUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?=万元)")


def vary(text: str, rng: random.Random) -> str:
    """*text* with every amount in 万元 multiplied by one random factor in [0.50, 2.00],
    rounded to the decimals it was written with."""
    factor = Decimal(rng.randint(50, 200)) / 100

    def scale(match: re.Match[str]) -> str:
        written = Decimal(match.group(1))
        exponent = written.as_tuple().exponent
        quantum = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
        return str((written * factor).quantize(quantum))

    return _AMOUNT.sub(scale, text)


def generate(folder: Path, count: int, seed: int) -> None:
    """Write *count* varied reports into *folder* (100 per sub-folder)."""
    rng = random.Random(seed)
    texts = [path.read_text(encoding="utf-8") for path in SOURCES]
    for i in range(count):
        target = folder / f"batch{i // 100:02d}" / f"report{i:04d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(vary(texts[i % len(texts)], rng), encoding="utf-8")


def time_check(folder: Path, jobs: int) -> tuple[float, int]:
    """Seconds ``finreport check`` takes on *folder* with *jobs* processes, and its exit code."""
    command = [sys.executable, "-m", "finreport", "check", "--quiet", "--jobs", str(jobs),
               str(folder)]
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"finreport check failed ({done.returncode}): {done.stderr}")
    return elapsed, done.returncode


def main(argv: list[str] | None = None) -> int:
    """Generate the reports, time the runs, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="reports to generate")
    parser.add_argument("--seed", type=int, default=2021, help="random seed")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2],
                        help="process counts to time (default: 1 2)")
    parser.add_argument("--keep", type=Path, default=None,
                        help="write the reports here and keep them")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="finreport-bench-") as scratch:
        folder: Path = args.keep or Path(scratch) / "reports"
        start = time.perf_counter()
        generate(folder, args.count, args.seed)
        print(f"generated {args.count} reports in {time.perf_counter() - start:.1f} s "
              f"(seed {args.seed})")
        for jobs in args.jobs:
            elapsed, code = time_check(folder, jobs)
            print(f"--jobs {jobs}: {args.count} reports in {elapsed:.2f} s = "
                  f"{args.count / elapsed:.1f} reports/s (exit {code})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
