"""PDF in: the text of a report's PDF, for :func:`finreport.parse` (the ``pdf`` extra).

The core takes ``str``; reading PDFs is an edge, and needs ``pip install 'finreport[pdf]'``
(pypdfium2; see docs/dependencies.md for why).  :func:`extract_text` lays each page out as
``pdftotext -layout`` does: the characters of one visual line on one text line, in
reading order, with white space where the page has it, so the narrative reads as running
text and each table row stands on one line with its cells apart.  Pages are separated by
a form feed.  Spans and ``line:col`` of a report parsed from this text point into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from contextlib import suppress
from functools import cache
from itertools import chain, pairwise, starmap
from statistics import median
from typing import TYPE_CHECKING, Any, cast

from .model.errors import ReportError

if TYPE_CHECKING:
    import ctypes
    from multiprocessing.connection import Connection
    from multiprocessing.sharedctypes import Synchronized

__all__ = ["MissingExtraError", "PdfError", "extract_text"]

#: A character on the page: text, left, bottom, right, top (PDF points).
_Char = tuple[str, float, float, float, float]

#: A page's characters as columns: their texts (one item a character), lefts, bottoms,
#: rights and tops (PDF points), in PDFium's order.
_Columns = tuple[Sequence[str], list[float], list[float], list[float], list[float]]

#: A run of characters that are not white space (``\S`` is ``not str.isspace()``).
_PRINTING = re.compile(r"\S+")


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


def extract_text(data: bytes, *, password: str | None = None, jobs: int = 1) -> str:
    """The text of the PDF in *data*, one visual line per text line, pages apart (``\\f``).
    *password* opens an encrypted PDF.

    *jobs* > 1 reads the pages in that many processes (this one and *jobs* − 1 others,
    never more than the PDF has pages): for a large PDF that is the only input.  The text
    is the same whatever *jobs* is.

    Raises :class:`PdfError` (a :class:`~finreport.ReportError`, with its problem
    ``code``) when *data* is not a readable PDF (empty, truncated, damaged, of another
    kind, not bytes), is encrypted and *password* does not open it, when PDFium cannot
    read one of its pages, or when the PDF has no text layer (a scan needs OCR first);
    :class:`~finreport.ReportError` when *jobs* is not a whole number of at least 1; and
    :class:`MissingExtraError` (an ``ImportError``, not a ``ReportError``: the document is
    not at fault) when the pdf extra is not installed.
    """
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise PdfError(f"extract_text reads a PDF's bytes, not {type(data).__name__}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ReportError(f"jobs must be a whole number of at least 1, not {jobs!r}")
    pdfium = _pdfium()
    document = _open_document(pdfium, data, password)
    try:
        count = len(document)
        workers = min(jobs, count)
        if workers > 1:
            pages = _pages_in_processes(data, password, document, count, workers)
        else:
            pages = _read_pages(document.raw, range(count))
    finally:
        document.close()
    if sum(characters for _, characters in pages) == 0:
        raise PdfError("the PDF has no text layer (a scanned document?): run OCR first",
                       "no_text_layer")
    return "\f".join(text for text, _ in pages)


def _pdfium() -> Any:
    """pypdfium2, or a :class:`MissingExtraError` naming the extra to install."""
    try:
        import pypdfium2
    except ImportError as exc:
        raise MissingExtraError("reading PDFs needs the pdf extra: "
                                "pip install 'finreport[pdf]'") from exc
    return pypdfium2


def _read_pages(document: Any, indices: Sequence[int]) -> list[tuple[str, int]]:
    """The layout text of the pages *indices* of the PDFium *document*, and how many
    characters each has.  Raises :class:`PdfError` naming a page PDFium cannot read."""
    from pypdfium2 import PdfiumError

    pages = []
    index = 0
    try:
        for index in indices:
            pages.append(_read_page(document, index))
    except PdfiumError as exc:
        raise PdfError(f"cannot read page {index + 1} of the PDF: {exc}") from exc
    return pages


def _read_page(document: Any, index: int) -> tuple[str, int]:
    """Page *index*'s layout text and how many characters it has (PDFium's raw functions:
    the page and its text page are loaded and closed here, with no helper objects)."""
    import pypdfium2.raw as pdfium_c
    from pypdfium2 import PdfiumError

    page = pdfium_c.FPDF_LoadPage(document, index)
    if not page:
        raise PdfiumError("Failed to load page.")
    try:
        width = pdfium_c.FPDF_GetPageWidthF(page)
        height = pdfium_c.FPDF_GetPageHeightF(page)
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            raise PdfiumError("Failed to load text page.")
        try:
            columns = _characters(textpage, width, height)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
    finally:
        pdfium_c.FPDF_ClosePage(page)
    return _layout(*columns), len(columns[1])


def _pages_in_processes(data: bytes, password: str | None, document: Any, count: int,
                        workers: int) -> list[tuple[str, int]]:
    """The pages of the PDF in *data* (opened by *password*) read by *workers* processes:
    this one (which has
    the PDF open as *document*) and *workers* − 1 others started for it.  Each process
    takes the next page no process has taken yet, until none is left: pages that take
    long and a process that starts late even out, and where this process has read every
    page before the others took one (a short PDF; a slow start, ``spawn``) they are
    stopped, not waited for.  A page PDFium cannot read is reported as when the pages
    are read in turn: the first (every page before it was taken, so read, by some
    process).  In a daemonic process, which may not start others, the pages are read
    here in turn."""
    import multiprocessing
    import threading

    if multiprocessing.current_process().daemon:
        return _read_pages(document.raw, range(count))
    context = multiprocessing.get_context()
    next_page = context.Value("i", 0)
    processes = []
    receivers = []  # the pages each process read
    senders = []  # the PDF to each process
    threads: list[threading.Thread] = []
    answered = False
    try:
        for _ in range(workers - 1):
            data_in, data_out = context.Pipe(duplex=False)
            pages_in, pages_out = context.Pipe(duplex=False)
            process = context.Process(target=_take_pages_and_send,
                                      args=(data_in, password, count, next_page, pages_out),
                                      name="finreport-pdf-pages")
            process.start()
            data_in.close()
            pages_out.close()
            processes.append(process)
            receivers.append(pages_in)
            senders.append(data_out)
        # the PDF goes out from threads, not as the processes' arguments: a process
        # started by spawn reads its arguments only once its interpreter is up, and this
        # one reads pages meanwhile
        threads = [threading.Thread(target=_send, args=(sender, data), daemon=True)
                   for sender in senders]
        for thread in threads:
            thread.start()
        results = [_take_pages(document.raw, count, next_page)]
        if len(results[0][0]) < count:  # else the others have nothing to say
            for receiver in receivers:
                try:
                    results.append(receiver.recv())
                except EOFError as exc:
                    raise PdfError("cannot read the PDF: a process reading its pages "
                                   "stopped without an answer") from exc
            answered = True
    finally:
        for process in processes:
            if not answered:
                process.terminate()
            process.join()
        for thread in threads:
            thread.join()
        for connection in (*receivers, *senders):
            connection.close()
    failures = [failure for _, failure in results if failure is not None]
    if failures:
        index, message = min(failures)
        raise PdfError(f"cannot read page {index + 1} of the PDF: {message}")
    pages: list[tuple[str, int]] = [("", 0)] * count
    for read, _ in results:
        for index, text, characters in read:
            pages[index] = (text, characters)
    return pages


#: Pages read by one process: (index, layout text, characters) of each, and the index and
#: PDFium's message of the page it could not read (None when it read every page it took).
_Taken = tuple[list[tuple[int, str, int]], tuple[int, str] | None]


def _take_pages(document: Any, count: int, next_page: Synchronized[int]) -> _Taken:
    """Read the pages of *document* that no other process has taken (*next_page*, shared
    between the processes, is the next one), until none is left or a page cannot be read
    (then no process takes another)."""
    from pypdfium2 import PdfiumError

    pages: list[tuple[int, str, int]] = []
    lock = next_page.get_lock()
    while True:
        with lock:
            index = next_page.value
            if index >= count:
                return pages, None
            next_page.value = index + 1
        try:
            pages.append((index, *_read_page(document, index)))
        except PdfiumError as exc:
            with lock:
                next_page.value = count
            return pages, (index, str(exc))


def _take_pages_and_send(data_in: Connection, password: str | None, count: int,
                         next_page: Synchronized[int], pages_out: Connection) -> None:
    """:func:`_take_pages` in a process of its own: the PDF received through *data_in*
    (the calling process has read it), the pages sent back through *pages_out*."""
    data = data_in.recv_bytes()
    data_in.close()
    document = _pdfium().PdfDocument(data, password=password)
    try:
        taken = _take_pages(document.raw, count, next_page)
    finally:
        document.close()
    pages_out.send(taken)
    pages_out.close()


def _send(connection: Connection, data: bytes) -> None:
    """Send *data* through *connection*, unless the process at the other end was
    stopped first (it was not needed)."""
    with suppress(OSError):
        connection.send_bytes(data)


def _characters(textpage: Any, width: float, height: float) -> _Columns:
    """The characters of the PDFium text page *textpage* that a reader sees, with their
    boxes, in PDFium's order, as columns.

    A character is what pypdfium2's ``get_text_range(i, 1)`` gives, white space and
    characters PDFium leaves out of its text (``get_text_range`` gives ``""``) dropped, and
    characters whose box lies off the page.  PDFium is asked through its raw functions:
    the page's text once and, where each of the page's characters is one UTF-16 unit of
    it (every page of the reference PDFs and the corpus), only the box of each character
    that is not white space: one call per character, into one buffer.  Elsewhere each
    character's place in the text is asked for too, and where the text does not line up
    with the characters one unit each (a character beyond the Basic Multilingual Plane),
    each character's text is asked for on its own, as ``get_text_range(i, 1)`` does.
    """
    import pypdfium2.raw as pdfium_c
    from pypdfium2 import PdfiumError

    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return "", [], [], [], []
    indices, texts = _printing(textpage, count)
    if not texts:
        return "", [], [], [], []
    values = _boxes(textpage, indices)
    if values is None:
        raise PdfiumError("Failed to get charbox.")
    # PDFium writes a box as left, right, bottom, top
    lefts, rights, bottoms, tops = values[0::4], values[1::4], values[2::4], values[3::4]
    # off the page: never seen by a reader (a copy left behind).  The extremes tell at once
    # whether any character is (min and max pass over NaN: the test below keeps those)
    if min(tops) > 0 and max(bottoms) < height and min(rights) > 0 and max(lefts) < width:
        return texts, lefts, bottoms, rights, tops
    seen = [k for k, (left, bottom, right, top) in enumerate(zip(lefts, bottoms, rights, tops,
                                                                 strict=True))
            if not (top <= 0 or bottom >= height or right <= 0 or left >= width)]
    return ([texts[k] for k in seen], [lefts[k] for k in seen], [bottoms[k] for k in seen],
            [rights[k] for k in seen], [tops[k] for k in seen])


def _printing(textpage: Any, count: int) -> tuple[Iterable[int], Sequence[str]]:
    """The indices of the page's characters that are neither white space nor left out of
    PDFium's text, and their texts (a ``str`` of one character each where the page's text
    lines up with its characters)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    # room for every character as two UTF-16 units and the NUL: PDFium writes it all
    units = (ctypes.c_ushort * (2 * count + 2))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, units) - 1  # less the NUL
    text = _page_text(textpage, count, units, written)
    if text is not None:
        runs = [run.span() for run in _PRINTING.finditer(text)]
        return chain.from_iterable(starmap(range, runs)), "".join(text.split())
    return _printing_one_by_one(textpage, count, units[:max(written, 0)])


def _page_text(textpage: Any, count: int, units: ctypes.Array[ctypes.c_ushort],
               written: int) -> str | None:
    """The text of the page's *count* characters, one character of it each, when PDFium's
    text of the page (the *written* UTF-16 *units*) is that: *count* units, none a
    surrogate, and the last character's place in it the last.  Else None.

    PDFium's text holds one unit for each character it keeps (the others are left out),
    so *count* units without a surrogate mean that every character is kept and
    character *i* is unit *i*; the last character's place confirms it.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    if written != count or pdfium_c.FPDFText_GetTextIndexFromCharIndex(
            textpage, count - 1) != count - 1:
        return None
    try:
        text = ctypes.string_at(units, 2 * count).decode("utf-16-le")
    except UnicodeDecodeError:  # a lone surrogate
        return None
    return text if len(text) == count else None  # else a pair: a character of two units


def _printing_one_by_one(textpage: Any, count: int, units: list[int]
                         ) -> tuple[list[int], list[str]]:
    """:func:`_printing` for a page whose text (its UTF-16 *units*) does not line up
    with its characters: each character's place in the text asked for, and its text
    taken from there (or asked for on its own where the text is out of line)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    text_index = pdfium_c.FPDFText_GetTextIndexFromCharIndex
    places = [text_index(textpage, i) for i in range(count)]  # -1: left out of the text
    first = _first_place(places, len(units))
    one = (ctypes.c_ushort * 4)()
    indices: list[int] = []
    texts: list[str] = []
    for i, place in enumerate(places):
        if place == -1:
            continue
        if first is not None:
            unit = units[place - first]
            ch = "" if 0xD800 <= unit <= 0xDFFF else chr(unit)  # a lone surrogate: dropped
        else:
            n = pdfium_c.FPDFText_GetText(textpage, i, 1, one) - 1
            ch = bytes(memoryview(one).cast("B")[: max(n, 0) * 2]).decode("utf-16-le",
                                                                          "ignore")
        if ch and not ch.isspace():
            indices.append(i)
            texts.append(ch)
    return indices, texts


def _first_place(places: list[int], written: int) -> int | None:
    """The place of the first of the page's text's *written* units in PDFium's text, when
    each character PDFium keeps (its place in *places* is not -1) is one unit there;
    else None."""
    printing = [place for place in places if place != -1]
    if not printing:
        return None
    first, last = printing[0], printing[-1]  # PDFium's text runs from the first to the last
    if written != last - first + 1 or not all(first <= place <= last for place in printing):
        return None  # a character of two units (beyond the BMP) or out of order
    return first


def _boxes(textpage: Any, indices: Iterable[int]) -> list[float] | None:
    """The boxes of the characters *indices* as PDFium gives them, four numbers each
    (left, right, bottom, top), or None when PDFium gives one of them not.

    One call of ``FPDFText_GetCharBox`` per character, made as cheaply as ctypes allows:
    through a prototype without argument types (ctypes converts nothing: the text page
    and the four places to write are ready-made pointers), each box copied into one
    buffer that is read as doubles at the end (no float objects per call).
    """
    import ctypes

    box = (ctypes.c_double * 4)()
    left, right, bottom, top = (ctypes.byref(box, offset) for offset in (0, 8, 16, 24))
    charbox = _charbox()
    handle = ctypes.cast(textpage, ctypes.c_void_p)
    boxes = bytearray()
    for i in indices:
        if not charbox(handle, i, left, right, bottom, top):
            return None
        boxes += box
    return cast(list[float], memoryview(boxes).cast("d").tolist())


@cache
def _charbox() -> Any:
    """``FPDFText_GetCharBox`` of pypdfium2's raw bindings through a ctypes prototype of
    its own: the C calling convention (pypdfium2 loads PDFium as a ``CDLL``), the ``int``
    it returns, no argument types (pypdfium2 declares them, and ctypes then checks and
    converts all six arguments of each call), and the GIL kept during the call (it takes
    well under a microsecond; releasing and taking the GIL back costs a tenth of that).
    Each of these saves about a tenth of the time of a call."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    address = ctypes.cast(pdfium_c.FPDFText_GetCharBox, ctypes.c_void_p).value
    assert address is not None  # a function's address
    return ctypes.PYFUNCTYPE(ctypes.c_int)(address)


def layout_page(chars: Sequence[_Char]) -> str:
    """One page's characters as lines of text: a character whose vertical middle lies
    within the line's box (the full-height characters' bottoms and tops: a comma sits low)
    or within half a line height of its middle joins the line; read left to right; a gap of
    more than one character's width becomes white space in proportion (one column is
    half the page's usual character height, so a full-width character takes two)."""
    if not chars:
        return ""
    texts, lefts, bottoms, rights, tops = (list(column) for column in zip(*chars, strict=True))
    return _layout(texts, lefts, bottoms, rights, tops)


def _layout(texts: Sequence[str], lefts: list[float], bottoms: list[float],
            rights: list[float], tops: list[float]) -> str:
    """:func:`layout_page` of a page's characters given as columns."""
    count = len(lefts)
    if not count:
        return ""
    height = median([top - bottom for bottom, top in zip(bottoms, tops, strict=True)]) or 1.0
    column = height / 2
    half = height / 2
    middles = [(bottom + top) / 2 for bottom, top in zip(bottoms, tops, strict=True)]
    # top to bottom by vertical middle; characters of one middle in PDFium's order (the
    # sort is stable, also in reverse)
    order = sorted(range(count), key=middles.__getitem__, reverse=True)
    first = order[0]
    row = [first]
    rows = [row]
    bottom, top, middle = bottoms[first], tops[first], middles[first]
    # the open row's bottom, top and their middle
    low, high = (bottom, top) if top - bottom >= half else (middle - half, middle + half)
    centre = (low + high) / 2
    for k in order[1:]:
        middle = middles[k]
        if low <= middle <= high or abs(centre - middle) <= half:
            # within the row's height: a comma or a full stop sits low, yet on the line
            row.append(k)
            bottom, top = bottoms[k], tops[k]
            if bottom - top != 0 and top - bottom >= half:
                if bottom < low:  # min(low, bottom)
                    low = bottom
                    centre = (low + high) / 2
                if top > high:  # max(high, top)
                    high = top
                    centre = (low + high) / 2
        else:
            row = [k]
            rows.append(row)
            bottom, top = bottoms[k], tops[k]
            low, high = (bottom, top) if top - bottom >= half else (middle - half,
                                                                     middle + half)
            centre = (low + high) / 2
    lines = []
    for row in rows:
        if len(row) == 1:
            lines.append(texts[row[0]])
            continue
        row.sort(key=lefts.__getitem__)
        # the gap before each character but the first, from the right of the one before
        gaps = [(lefts[k] - rights[j]) / column for j, k in pairwise(row)]
        if max(gaps) < 2.5:  # no white space in the line (NaN gaps add none either)
            lines.append("".join([texts[k] for k in row]))
        else:
            lines.append(texts[row[0]] + "".join([
                " " * round(gap) + texts[k] if gap >= 2.5 else texts[k]
                for gap, k in zip(gaps, row[1:], strict=True)]))
    return "\n".join(lines) + "\n"
