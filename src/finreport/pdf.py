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
from typing import Any

from .model.errors import ReportError

__all__ = ["MissingExtraError", "PdfError", "extract_text"]

#: A character on the page: text, left, bottom, right, top (PDF points).
_Char = tuple[str, float, float, float, float]


class PdfError(ReportError):
    """A PDF finreport cannot read, in its own words; ``code`` is the problem code
    (``pdf_unreadable``, ``encrypted`` or ``no_text_layer``: ``finreport.model.problems``)."""

    def __init__(self, message: str, code: str = "pdf_unreadable") -> None:
        super().__init__(message)
        self.code = code


class MissingExtraError(ImportError):
    """What reading this input needs is not installed (``pip install 'finreport[pdf]'``);
    problem code ``missing_extra``."""

    code = "missing_extra"


#: PDFium's reasons for not opening a document (``FPDF_GetLastError``) in finreport's
#: words: 2 file, 3 format, 4 password, 5 security handler.
_NOT_OPENED = {
    2: "PDFium cannot open it",
    3: "the PDF is damaged: PDFium cannot make out its structure",
    5: "the PDF is protected by a security handler PDFium does not support",
}

#: What a file named .pdf may be instead, by its first bytes.
_OTHER_KINDS = ((b"<!doctype html", "an HTML page"), (b"<html", "an HTML page"),
                (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx document)"),
                (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"),
                (b"{\\rtf", "an RTF document"))


def _open_document(pdfium: Any, data: bytes, password: str | None) -> Any:
    """PDFium's document of *data*, or a :class:`PdfError` saying why not."""
    if not data:
        raise PdfError("the file is empty (0 bytes)")
    if b"%PDF-" not in data[:1024]:
        head = data[:64].lstrip().lower()
        kind = next((name for start, name in _OTHER_KINDS if head.startswith(start.lower())),
                    None)
        raise PdfError(f"not a PDF but {kind}" if kind else
                       f"not a PDF: it does not start with %PDF- but with {data[:8]!r}")
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        reason = getattr(exc, "err_code", None)
        if reason == 4 and password is None:
            raise PdfError("the PDF is encrypted: give its password with --password",
                           "encrypted") from exc
        if reason == 4:
            raise PdfError("the password given does not open the PDF", "encrypted") from exc
        if reason == 5:
            raise PdfError(_NOT_OPENED[5], "encrypted") from exc
        if b"%%EOF" not in data[-2048:]:
            raise PdfError("the PDF is truncated (its end is missing) and PDFium cannot "
                           "repair it") from exc
        raise PdfError(_NOT_OPENED.get(reason or 0, f"PDFium cannot open it ({exc})")
                       ) from exc


def extract_text(data: bytes, *, password: str | None = None) -> str:
    """The text of the PDF in *data*, one visual line per text line, pages apart (``\\f``).
    *password* opens an encrypted PDF.

    Raises :class:`PdfError` (a :class:`~finreport.ReportError`, with its problem
    ``code``) when *data* is not a readable PDF (empty, truncated, damaged, of another
    kind), is encrypted and *password* does not open it, when PDFium cannot read one of
    its pages, or when the PDF has no text layer (a scan needs OCR first); and
    :class:`MissingExtraError` (an ``ImportError``, not a ``ReportError``: the document is
    not at fault) when the pdf extra is not installed.
    """
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:
        raise MissingExtraError("reading PDFs needs the pdf extra: "
                                "pip install 'finreport[pdf]'") from exc
    document = _open_document(pdfium, data, password)
    pages: list[str] = []
    characters = 0
    index = 0
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            chars = _characters(page.get_textpage(), width, height)
            characters += len(chars)
            pages.append(layout_page(chars))
    except pdfium.PdfiumError as exc:
        raise PdfError(f"cannot read page {index + 1} of the PDF: {exc}") from exc
    finally:
        document.close()
    if characters == 0:
        raise PdfError("the PDF has no text layer (a scanned document?): run OCR first",
                       "no_text_layer")
    return "\f".join(pages)


def _characters(textpage: Any, width: float, height: float) -> list[_Char]:
    """The page's characters that a reader sees, with their boxes, in PDFium's order.

    A character is what ``textpage.get_text_range(i, 1)`` gives, white space and
    characters PDFium leaves out of its text (``get_text_range`` gives ``""``) dropped.
    PDFium is asked through its raw functions: the page's text once, then per character
    its place in that text and its box (pypdfium2's helpers cost about 15 µs a character,
    most of the time of a PDF's reading).  Where the page's text does not line up with
    the characters one unit each (a character beyond the Basic Multilingual Plane),
    each character's text is asked for on its own, as ``get_text_range(i, 1)`` does.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c
    from pypdfium2 import PdfiumError

    handle = textpage.raw
    count = textpage.count_chars()
    text_index = pdfium_c.FPDFText_GetTextIndexFromCharIndex
    places = [text_index(handle, i) for i in range(count)]  # -1: left out of the text
    text = _page_text(handle, count, places)
    one = (ctypes.c_ushort * 4)()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    charbox = pdfium_c.FPDFText_GetCharBox
    chars: list[_Char] = []
    for i, place in enumerate(places):
        if place == -1:
            continue
        if text is not None:
            unit = text[0][place - text[1]]
            ch = "" if 0xD800 <= unit <= 0xDFFF else chr(unit)  # a lone surrogate: dropped
        else:
            n = pdfium_c.FPDFText_GetText(handle, i, 1, one) - 1
            ch = bytes(memoryview(one).cast("B")[: max(n, 0) * 2]).decode("utf-16-le",
                                                                          "ignore")
        if not ch or ch.isspace():
            continue
        if not charbox(handle, i, left, right, bottom, top):  # yes: left, right, bottom, top
            raise PdfiumError("Failed to get charbox.")
        box = (left.value, bottom.value, right.value, top.value)
        if box[3] <= 0 or box[1] >= height or box[2] <= 0 or box[0] >= width:
            continue  # off the page: never seen by a reader (a copy left behind)
        chars.append((ch, *box))
    return chars


def _page_text(handle: Any, count: int, places: list[int]) -> tuple[list[int], int] | None:
    """The text of the page's *count* characters as UTF-16 units, and the place (in
    PDFium's text) of its first unit, when each character PDFium keeps (its place in
    *places* is not -1) is one unit there; else None."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    printing = [place for place in places if place != -1]
    if not printing:
        return None
    first, last = printing[0], printing[-1]  # PDFium's text runs from the first to the last
    # room for every character as two UTF-16 units and the NUL: PDFium writes it all
    buffer = (ctypes.c_ushort * (2 * count + 2))()
    written = pdfium_c.FPDFText_GetText(handle, 0, count, buffer) - 1  # less the NUL
    if written != last - first + 1 or not all(first <= place <= last for place in printing):
        return None  # a character of two units (beyond the BMP) or out of order
    return list(buffer[:written]), first


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
    half = height / 2
    rows: list[list[_Char]] = []
    row: list[_Char] = []
    low = high = 0.0  # the open row's bottom and top
    middles = [(char[2] + char[4]) / 2 for char in chars]
    # top to bottom by vertical middle; characters of one middle in PDFium's order (the
    # sort is stable, also in reverse)
    for k in sorted(range(len(chars)), key=middles.__getitem__, reverse=True):
        char, middle = chars[k], middles[k]
        bottom, top = char[2], char[4]
        if rows and (low <= middle <= high or abs((low + high) / 2 - middle) <= half):
            # within the row's height: a comma or a full stop sits low, yet on the line
            row.append(char)
            if bottom - top != 0 and top - bottom >= half:
                low, high = min(low, bottom), max(high, top)
        else:
            row = [char]
            rows.append(row)
            low, high = (bottom, top) if top - bottom >= half else (middle - half, middle + half)
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

