"""How the narrative opens and numbers its lists: ``包括：`` before a complete list of a
total's parts, the numbered items of such a list, a sub-list's marker, the glossary's items.
Numbers come from the grammar (``finreport.templates.numbering``)."""

from __future__ import annotations

import re

from .numbering import CHINESE_NUMBER

__all__ = ["ENUMERATION_ITEM", "GLOSSARY_ITEM", "LIST_INCLUDES", "SUBLIST_MARK"]


#: An item of the glossary: ``1.`` or ``一、`` at the start of a sentence.
GLOSSARY_ITEM = re.compile(r"(?:^|(?<=[。;]))(?:\d{1,2}[.、]|" + CHINESE_NUMBER + r"、)(?=\D)")


#: ``包括：`` opens the complete list of a total's parts (``其中`` may name only some).
LIST_INCLUDES = re.compile(r"包括[:：]")


ENUMERATION_ITEM = re.compile(r"(?:^|(?<=[。;:]))(\d{1,2})[.、](?=\D)")


SUBLIST_MARK = re.compile(r"\(" + CHINESE_NUMBER + r"\)")
