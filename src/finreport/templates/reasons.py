"""How reports give the reason for a change (``主要原因是…``), as the templates word it.

Patterns match the folded text (``text.view.fold``: ``；`` is ``;``, ``：`` is ``:``).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
           "BOTH_HALVES",
           "CLAUSE_BREAK",
           "DIRECTED_REASON_ANCHOR",
           "ITEM_WORDS",
           "REASON_AFTER_CHANGE",
           "REASON_DIRECTION_WORD",
           "REASON_END",
           "REASON_WITH_DIRECTION",
           "SUBJECT_TAIL",
]

#: A reason that says the direction of the change it explains, after the name of what
#: changed: ``财政拨款收入支出增加的主要原因是``, ``持平的主要原因是``, ``减少因系``.
REASON_WITH_DIRECTION: Final[re.Pattern[str]] = re.compile(
    r"(增加|减少|增长|下降|上升|降低|持平)的?主要?原因(?:是|为|在于|主要是|主要有|:)|"
    r"(增加|减少|增长|下降|上升|降低)(?:的原因|因|主要)系")

#: Where a reason that says its direction ends: a reason's marker (``原因``) or the ``系``
#: of ``减少因系``.  The reader looks for these first and tries
#: :data:`REASON_WITH_DIRECTION` only a few characters before each (direction words are
#: everywhere in a report; these are not).
DIRECTED_REASON_ANCHOR: Final[re.Pattern[str]] = re.compile(r"原因|系")

#: A reason written after the change it explains, in that change's own clause:
#: ``…减少5万元，主要原因是…``, ``…，主要是由于…``.
REASON_AFTER_CHANGE: Final[re.Pattern[str]] = re.compile(
    r"主要原因(?:是|为|在于|有|:)|原因(?:是|为|在于)|主要(?:是由于|由于|是因为|因为|系)")

#: Where a clause ends: the name a reason gives starts after it, and a reason's own
#: words end at a sentence's or list item's end.
CLAUSE_BREAK: Final[re.Pattern[str]] = re.compile(r"[。;，,:]")
#: Where a reason's words end: the end of its sentence or list item.
REASON_END: Final[re.Pattern[str]] = re.compile(r"[。;]")

#: ``收入支出`` in a reason's name: it names both halves (``财政拨款收入支出`` is
#: ``财政拨款收入`` and ``财政拨款支出``).
BOTH_HALVES: Final[re.Pattern[str]] = re.compile(r"收入(?:和|及|、|与)?支出")

#: Words at the end of a quantity's name that do not change which quantity it is
#: (``财政拨款支出预算`` is ``财政拨款支出``).
SUBJECT_TAIL: Final[re.Pattern[str]] = re.compile(r"(?:预算数|预算|决算数|决算|数)$")

#: A word of a reason's own text that says a direction (``人员增加``, ``压减会议``):
#: a reason with none can explain a rise and a fall alike (``根据工作需要``).
REASON_DIRECTION_WORD: Final[re.Pattern[str]] = re.compile(
    r"增加|减少|增长|下降|上升|降低|压减|缩减|减员|增员|提高|新增")


#: Items whose reasons name what they are about, and the words that name each: a reason
#: under one (``会议费…减少，主要原因是…``) that names another and not its own
#: (``压减公务接待``) was copied from the other's.  A name matching several rows (the
#: 三公 total, ``会议费和培训费``) is not one item's.
ITEM_WORDS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("overseas", re.compile(r"出国|出境|境外|出访|国\(境\)外|因公出")),
    ("reception", re.compile(r"接待")),
    ("vehicles", re.compile(r"公务用车|车辆|用车|公车")),
    ("meetings", re.compile(r"会议")),
    ("training", re.compile(r"培训")),
)
