"""Benchmark: parse + check per report, and how time grows with the size of the text.

Run: ``python benchmarks/parse_check.py`` (add ``--corpus DIR`` for the seed reports;
by default ``$FINREPORT_CORPUS`` or ``../shared/reference`` when present).  Prints the
median time per report over repeated runs, reports per second, the ratio to one regex
pass over the same text measured in the same run (the floor the issue compares with:
``re.finditer`` of the figure pattern), and for synthetic reports of growing size the
time per character, which stays flat when time is linear.

Profile mode: ``python benchmarks/parse_check.py --profile FILE [--top 25]`` runs parse +
check of one report under cProfile (after a warm-up, repeated) and prints the functions
by cumulative and by own time; ``--profile-out FILE.prof`` keeps the data for snakeviz
or ``python -m pstats``.  Figures go in docs/performance.md; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import finreport

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def timed(func: Callable[[], object], repeat: int) -> float:
    """Median seconds of *repeat* calls after one warm-up call."""
    func()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


#: One regex pass: every number with its unit, as the reader's token scan would find
#: them (the floor parse + check is compared with).
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:万元|元|%|个|人|辆)?")


def regex_pass(text: str) -> int:
    """How many figures one ``re.finditer`` pass over *text* finds."""
    return sum(1 for _ in _FIGURE.finditer(text))


def profile(text: str, repeat: int, top: int, out: str | None) -> None:
    """Parse + check *text* under cProfile, *repeat* times after a warm-up; print the
    *top* functions by cumulative and by own time."""
    import cProfile
    import pstats

    finreport.check(finreport.parse(text))
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        finreport.check(finreport.parse(text))
    profiler.disable()
    if out:
        profiler.dump_stats(out)
    stats = pstats.Stats(profiler)
    print(f"parse + check, {repeat} runs, {len(text)} characters")
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def synthetic(base: str, copies: int) -> str:
    """A report grown by repeating its annex narrative *copies* times."""
    cut = base.find("\n附件2\n")
    if cut < 0:
        return base * copies
    annex = base[cut + 1 :]
    paragraphs = "\n".join(annex.splitlines()[3:]) + "\n"
    return base + paragraphs * (copies - 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default = os.environ.get("FINREPORT_CORPUS") or str(ROOT.parent / "shared" / "reference")
    parser.add_argument("--corpus", default=default)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--profile", metavar="FILE", help="profile parse + check of FILE")
    parser.add_argument("--profile-out", metavar="FILE.prof", help="keep the profile data")
    parser.add_argument("--top", type=int, default=25, help="functions to list (profile)")
    args = parser.parse_args()
    if args.profile:
        profile(Path(args.profile).read_text(encoding="utf-8"), args.repeat, args.top,
                args.profile_out)
        return

    reports: list[tuple[str, str]] = []
    corpus = Path(args.corpus)
    for name in ("000_fc6d223913eecf93.txt", "002_8995176182b4ab80.txt",
                 "sample-shanghai-2024-putuo-finance-bureau.txt"):
        if (corpus / name).is_file():
            reports.append((name, (corpus / name).read_text(encoding="utf-8")))
    for name in ("seedstyle_consistent.txt", "seedstyle_flawed.txt", "pdf2024_consistent.txt"):
        reports.append((name, next(FIXTURES.rglob(name)).read_text(encoding="utf-8")))

    print(f"{'report':48} {'chars':>7} {'parse ms':>9} {'check ms':>9} "
          f"{'total ms':>9} {'rep/s':>7} {'regex ms':>9} {'ratio':>6}")
    for name, text in reports:
        report = finreport.parse(text)
        parse_s = timed(lambda text=text: finreport.parse(text), args.repeat)
        check_s = timed(lambda report=report: finreport.check(report), args.repeat)
        regex_s = timed(lambda text=text: regex_pass(text), args.repeat)
        total = parse_s + check_s
        print(f"{name:48} {len(text):7d} {parse_s * 1e3:9.2f} {check_s * 1e3:9.2f} "
              f"{total * 1e3:9.2f} {1 / total:7.1f} {regex_s * 1e3:9.3f} "
              f"{total / regex_s:6.0f}")

    base = next(FIXTURES.rglob("seedstyle_consistent.txt")).read_text(encoding="utf-8")
    print()
    print(f"{'synthetic copies':>16} {'chars':>9} {'parse+check ms':>15} {'us/char':>8}")
    for copies in (1, 4, 16, 64, 256):
        text = synthetic(base, copies)
        seconds = timed(lambda text=text: finreport.check(finreport.parse(text)),
                        max(3, args.repeat // copies))
        print(f"{copies:16d} {len(text):9d} {seconds * 1e3:15.1f} "
              f"{seconds / len(text) * 1e6:8.3f}")


if __name__ == "__main__":
    main()
