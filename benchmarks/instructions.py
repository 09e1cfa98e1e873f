"""Instructions per parse + check, counted by valgrind: a measure the machine's noise leaves alone.

    python benchmarks/instructions.py FILE... [--src DIR ...]

For each report FILE and each source tree (``--src``, default this project's ``src``;
give two, e.g. a ``git worktree`` of an older commit and ``src``, to compare), runs
``valgrind --tool=callgrind`` on a process that parses and checks the report once and
then four times, and prints ``(instructions of 4 − instructions of 1) / 3`` in millions:
start-up and imports cancel out, what is left is one warm parse + check.  Wall-clock times
on a shared 2-core machine move by 10–25 % from run to run; these counts move by about
1 %.  Needs ``valgrind`` (Debian: ``apt-get install valgrind``); ``PYTHONHASHSEED`` is
fixed so that set and dict orders do not move the counts.  Takes about half a minute per
report and tree.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_RUN = """
import sys
sys.path.insert(0, sys.argv[1])
import finreport
text = open(sys.argv[3], encoding="utf-8").read()
for _ in range(int(sys.argv[2])):
    try:
        finreport.check(finreport.parse(text))
    except finreport.ReportError:  # an older version may refuse the text: its reading counts
        pass
"""


def instructions(src: str, path: str, runs: int) -> int:
    """Instructions valgrind counts for a process parsing and checking *path* *runs* times."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         sys.executable, "-c", _RUN, src, str(runs), path],
        capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"})
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no count from valgrind:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--src", action="append", metavar="DIR",
                        help="a source tree holding finreport/ (repeatable)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    trees = args.src or [str(ROOT / "src")]
    print(f"{'report':45} " + " ".join(f"{Path(t).parent.name + '/' + Path(t).name:>24}"
                                        for t in trees))
    for path in args.files:
        counts = [(instructions(t, path, 4) - instructions(t, path, 1)) / 3 for t in trees]
        print(f"{Path(path).name:45} " + " ".join(f"{c / 1e6:22.1f} M" for c in counts),
              flush=True)


if __name__ == "__main__":
    main()
