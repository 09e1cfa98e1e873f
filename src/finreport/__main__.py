"""``python -m finreport``: the same command line as ``finreport``."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
