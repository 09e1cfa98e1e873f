"""Start-up: how long a process takes to import finreport and to check one report.

    python benchmarks/startup.py [REPORT] [--runs 20]

Times, as whole processes (each run a fresh interpreter, best and median of ``--runs``):
``python -c pass`` (the interpreter alone), ``import attrs``, ``import finreport``,
``finreport --version`` and ``finreport check --quiet REPORT`` (default: the bundled
sample report).  Then, inside one process, where the time of that check goes: importing
attrs, the command line, the first parse (which loads the model and the parser) and the
first check (which loads the rules).  Last, what loading the reading and checking modules
(``finreport.preload()``) costs, split into compiling regular expressions, attrs building
classes and the rest (the modules' own code): the part of start-up that is paid before
finreport reads a character, whatever the report.  Run it once before measuring so that
Python's bytecode caches exist: with ``PYTHONDONTWRITEBYTECODE`` set (as on some CI
machines) every import compiles its module again and start-up takes tens of milliseconds
more.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_STAGES = """
import sys, time
t0 = time.perf_counter()
import attrs
t1 = time.perf_counter()
import finreport.cli
t2 = time.perf_counter()
import finreport
report = finreport.parse(open(sys.argv[1], encoding="utf-8").read())
t3 = time.perf_counter()
finreport.check(report)
t4 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3)
"""

_SPLIT = """
import sys, time
import attrs
import attr._next_gen
import re._compiler

spent = {"regex": [0.0, 0], "attrs": [0.0, 0]}


def timed(kind, function):
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[kind][0] += time.perf_counter() - start
            spent[kind][1] += 1
    return run


re._compiler.compile = timed("regex", re._compiler.compile)
attr._next_gen.attrs = timed("attrs", attr._next_gen.attrs)  # what attrs.define calls
start = time.perf_counter()
import finreport
finreport.preload()
total = time.perf_counter() - start
print(total, *spent["regex"], *spent["attrs"])
"""


def _time(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report", nargs="?",
                        default=str(ROOT / "examples" / "data" / "sample_report.txt"))
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    py = sys.executable
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "import attrs": [py, "-c", "import attrs"],
        "import finreport": [py, "-c", "import finreport"],
        "finreport --version": [py, "-m", "finreport", "--version"],
        "finreport check --quiet": [py, "-m", "finreport", "check", "--quiet", args.report],
    }
    for argv in commands.values():
        _time(argv)  # bytecode caches written, files in the page cache
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, argv in commands.items():
            times[name].append(_time(argv))
    print(f"{'process':28} {'best ms':>8} {'median ms':>10}")
    for name, values in times.items():
        print(f"{name:28} {min(values) * 1e3:8.0f} {statistics.median(values) * 1e3:10.0f}")
    stages = []
    for _ in range(args.runs):
        out = subprocess.run([py, "-c", _STAGES, args.report], capture_output=True,
                             text=True, check=True, env={**os.environ}).stdout
        stages.append([float(x) for x in out.split()])
    print("\ninside `finreport check` (median ms): " + ", ".join(
        f"{name} {statistics.median(s[k] for s in stages) * 1e3:.0f}"
        for k, name in enumerate(("import attrs", "import finreport.cli",
                                  "first parse (loads the parser)",
                                  "first check (loads the rules)"))))
    splits = []
    for _ in range(args.runs):
        out = subprocess.run([py, "-c", _SPLIT], capture_output=True, text=True, check=True).stdout
        splits.append([float(x) for x in out.split()])
    total, regex, patterns, building, classes = (statistics.median(s[k] for s in splits)
                                              for k in range(5))
    print(f"loading the reading and checking modules (median ms): {total * 1e3:.0f} = "
          f"compiling {patterns:.0f} regular expressions {regex * 1e3:.0f} + attrs building "
          f"{classes:.0f} classes {building * 1e3:.0f} + the modules' own code "
          f"{(total - regex - building) * 1e3:.0f}")


if __name__ == "__main__":
    main()
