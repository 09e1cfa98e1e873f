"""Template residue: words of the template that were never filled in or removed."""

from __future__ import annotations

from ..model.figures import Year
from ..model.span import Phrase
from ..templates.residue import AS_OF, ORGANIZATION_SUFFIXES, OTHER_KIND_WORDING, TEMPLATE_RESIDUE
from ..text.view import TextView

__all__ = ["AS_OF", "ORGANIZATION_SUFFIXES", "TEMPLATE_RESIDUE", "find_as_of",
           "find_name_variants", "find_other_kind", "find_residue"]

def find_residue(view: TextView) -> list[Phrase]:
    """Every piece of template residue in the view, in text order."""
    found = []
    for _, pattern in TEMPLATE_RESIDUE:
        for m in pattern.finditer(view.text):
            found.append((m.start(), m.end()))
    found.sort()
    merged: list[tuple[int, int]] = []
    for a, b in found:
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return [view.phrase(a, b) for a, b in merged]


def find_other_kind(view: TextView, budget: bool) -> list[Phrase]:
    """Where the view (the sections describing the report's make-up) names the report's
    parts in the other kind's words (:data:`OTHER_KIND_WORDING`)."""
    return [view.phrase(m.start(), m.end())
            for m in OTHER_KIND_WORDING[budget].finditer(view.text)]


def find_as_of(view: TextView) -> list[Year]:
    """The years of every ``截至…`` date in the view."""
    return [Year(int(m.group(1)), view.span(m.start(1), m.end(1) + 1))
            for m in AS_OF.finditer(view.text)]


def find_name_variants(view: TextView, name: str) -> list[Phrase]:
    """Places where *name* is written with one character changed.

    Every occurrence of the name's suffix (``总工会``, ``局`` …) is read back over the
    length of the name; a stretch that starts like the name and differs from it in
    exactly one other character, a Chinese one, is a variant (``广元市昭化县总工会`` for
    ``广元市昭化区总工会``).  Shorter forms (``区总工会``) and other organizations
    (``市总工会``) start differently and are not variants.
    """
    suffix = next((s for s in ORGANIZATION_SUFFIXES if name.endswith(s)), None)
    if suffix is None or len(name) < 4:
        return []
    found = []
    text = view.text
    start = text.find(suffix)
    while start >= 0:
        end = start + len(suffix)
        begin = end - len(name)
        if begin >= 0:
            written = text[begin:end]
            diff = [i for i, (a, b) in enumerate(zip(written, name, strict=True)) if a != b]
            if len(diff) == 1 and diff[0] > 0 and (
                    "\u4e00" <= written[diff[0]] <= "\u9fff"):  # a Chinese character
                found.append(view.phrase(begin, end))
        start = text.find(suffix, end)
    return found
