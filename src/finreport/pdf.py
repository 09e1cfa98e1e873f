"""PDF in: the text of a report's PDF, for :func:`finreport.parse` (the ``pdf`` extra).

The core takes ``str``; reading PDFs is an edge, and needs ``pip install 'finreport[pdf]'``
(pypdfium2; see docs/dependencies.md for why).  :func:`extract_text` lays each page out as
``pdftotext -layout`` does: the characters of one visual line on one text line, in
reading order, with white space where the page has it, so the narrative reads as running
text and each table row stands on one line with its cells apart.  Pages are separated by
a form feed.  Spans and ``line:col`` of a report parsed from this text point into it.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from ._errors import ReportError

__all__ = ["extract_text"]

#: A character on the page: text, left, bottom, right, top (PDF points).
_Char = tuple[str, float, float, float, float]


def extract_text(data: bytes) -> str:
    """The text of the PDF in *data*, one visual line per text line, pages apart (``\\f``).

    Raises :class:`~finreport.ReportError` when the pdf extra is not installed, when *data*
    is not a PDF, or when the PDF has no text layer (a scan needs OCR first).
    """
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        raise ReportError("reading PDFs needs the pdf extra: pip install 'finreport[pdf]'"
                          ) from exc
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ReportError(f"not a readable PDF: {exc}") from exc
    pages: list[str] = []
    characters = 0
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            textpage = page.get_textpage()
            chars: list[_Char] = []
            for i in range(textpage.count_chars()):
                ch = textpage.get_text_range(i, 1)
                if not ch or ch.isspace():
                    continue
                left, bottom, right, top = textpage.get_charbox(i)
                if top <= 0 or bottom >= height or right <= 0 or left >= width:
                    continue  # off the page: never seen by a reader (a copy left behind)
                chars.append((ch, left, bottom, right, top))
            characters += len(chars)
            pages.append(layout_page(chars))
    finally:
        document.close()
    if characters == 0:
        raise ReportError("the PDF has no text layer (a scanned document?): run OCR first")
    return "\f".join(pages)


def layout_page(chars: Sequence[_Char]) -> str:
    """One page's characters as lines of text: a character whose vertical middle lies
    within the line's box (the full-height characters' bottoms and tops: a comma sits low)
    or within half a line height of its middle joins the line; read left to right; a gap of
    more than one character's width becomes white space in proportion (one column is
    half the page's usual character height, so a full-width character takes two)."""
    if not chars:
        return ""
    height = median(top - bottom for _, _, bottom, _, top in chars) or 1.0
    column = height / 2
    rows: list[list[_Char]] = []
    boxes: list[tuple[float, float]] = []  # each row's bottom and top
    for char in sorted(chars, key=lambda c: -(c[2] + c[4]) / 2):
        middle = (char[2] + char[4]) / 2
        if rows and (boxes[-1][0] <= middle <= boxes[-1][1]
                     or abs((boxes[-1][0] + boxes[-1][1]) / 2 - middle) <= height / 2):
            # within the row's height: a comma or a full stop sits low, yet on the line
            rows[-1].append(char)
            if char[2] - char[4] != 0 and char[4] - char[2] >= height / 2:
                boxes[-1] = (min(boxes[-1][0], char[2]), max(boxes[-1][1], char[4]))
        else:
            rows.append([char])
            boxes.append((char[2], char[4]) if char[4] - char[2] >= height / 2
                         else (middle - height / 2, middle + height / 2))
    lines = []
    for row in rows:
        row.sort(key=lambda c: c[1])
        text: list[str] = []
        cursor: float | None = None
        for ch, left, _, right, _ in row:
            if cursor is not None:
                gap = (left - cursor) / column
                if gap >= 2.5:
                    text.append(" " * round(gap))
            text.append(ch)
            cursor = right
        lines.append("".join(text))
    return "\n".join(lines) + "\n"
