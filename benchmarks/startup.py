"""Start-up: how long a process takes to import finreport and to check one report.

    python benchmarks/startup.py [REPORT] [--runs 20]

Times, as whole processes (each run a fresh interpreter, best and median of ``--runs``):
``python -c pass`` (the interpreter alone), ``import attrs``, ``import finreport``,
``finreport --version`` and ``finreport check --quiet REPORT`` (default: the bundled
sample report).  Then, inside one process, where the time of that check goes: importing
attrs, the command line, the first parse (which loads the model and the parser) and the
first check (which loads the rules).  Run it once before measuring so that Python's bytecode caches
exist: with ``PYTHONDONTWRITEBYTECODE`` set (as on some CI machines) every import compiles
its module again and start-up takes tens of milliseconds more.
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


if __name__ == "__main__":
    main()
