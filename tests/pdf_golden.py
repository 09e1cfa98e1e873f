"""Recorded layout text of every PDF the tests can read, to prove a change to the PDF
reading left it as it was.

For each PDF of the reference corpus (``reference/…``) and of the field
(``corpus/…``, ``../shared/corpus``), :func:`record` keeps the SHA-256 of the PDF and of
the text :func:`finreport.pdf.extract_text` gives (or the message it refuses the PDF with).
A change meant to make the reading faster must give the same digests; a change meant to
make it read better is re-recorded, each changed text looked at first::

    python -m tests.pdf_golden
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from finreport import ReportError

from .conftest import ROOT, corpus_dir, field_dir

#: Where the recorded digests are kept.
RECORD = Path(__file__).resolve().parent / "golden" / "pdf_text.json"


@cache
def pdf_paths() -> dict[str, Path]:
    """Every PDF here, by the name it is recorded under."""
    found: dict[str, Path] = {}
    for prefix, where in (("reference", corpus_dir()), ("corpus", field_dir())):
        if where is not None:
            found.update((f"{prefix}/{p.relative_to(where).as_posix()}", p)
                         for p in sorted(where.rglob("*.pdf")))
    return found


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_digest(data: bytes, jobs: int = 1) -> str:
    """The SHA-256 of the PDF's layout text (its pages read in *jobs* processes), or
    ``ReportError: …`` where it is refused."""
    from finreport.pdf import extract_text

    try:
        return sha256(extract_text(data, jobs=jobs).encode("utf-8"))
    except ReportError as exc:
        return f"ReportError: {exc}"


def record() -> dict[str, dict[str, str]]:
    """The digests of every PDF here."""
    result = {}
    for name, path in pdf_paths().items():
        data = path.read_bytes()
        result[name] = {"pdf_sha256": sha256(data), "text_sha256": text_digest(data)}
    return result


def main() -> None:
    """Record the digests (run from the project root)."""
    recorded = record()
    RECORD.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {len(recorded)} PDFs in {RECORD.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
