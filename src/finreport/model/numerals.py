"""Chinese numerals as numbers: the value of ``九``, ``十二`` or ``12`` as an integer.

The numerals are language, not template: the numbering grammar of the templates
(``finreport.templates.numbering``) builds its patterns from :data:`NUMERALS`, and a
section's ordinal is read with :func:`numeral_value`.
"""

from __future__ import annotations

from typing import Final

__all__ = ["NUMERALS", "numeral_value", "ordinal_of"]

#: The Chinese numerals one to ten, in order.
NUMERALS: Final[str] = "一二三四五六七八九十"
#: The circled numbers ① to ⑳ (a list's items: ``①中长跑``).
_FIRST_CIRCLED: Final = "\u2460"
_LAST_CIRCLED: Final = "\u2473"


def numeral_value(written: str) -> int | None:
    """The value of a number written in Chinese or Arabic numerals (1 to 99), or None.

    >>> numeral_value("九"), numeral_value("十二"), numeral_value("二十"), numeral_value("12")
    (9, 12, 20, 12)
    >>> numeral_value("③"), numeral_value("１２")
    (3, 12)
    """
    if written.isdecimal():
        return int(written)  # Arabic digits, half or full width
    if len(written) == 1 and _FIRST_CIRCLED <= written <= _LAST_CIRCLED:
        return ord(written) - ord(_FIRST_CIRCLED) + 1  # ① … ⑳ (isdigit, not decimal)
    if not written or any(ch not in NUMERALS for ch in written):
        return None
    if written == "十":
        return 10
    if "十" in written:
        tens, _, units = written.partition("十")
        return (NUMERALS.index(tens) + 1 if tens else 1) * 10 + (
            NUMERALS.index(units) + 1 if units else 0
        )
    return NUMERALS.index(written) + 1 if len(written) == 1 else None


def ordinal_of(number: str) -> int | None:
    """The integer a written numbering holds (``九、`` → 9, ``（二）`` → 2, ``第3部分`` → 3,
    ``附件1`` → 1): its numerals and digits, the marks around them left out."""
    return numeral_value("".join(ch for ch in number if ch.isdigit() or ch in NUMERALS
                                 or _FIRST_CIRCLED <= ch <= _LAST_CIRCLED))
