"""One cattrs converter for the whole model: plain JSON-ready data and back.

Decimals become strings (``"19.70"`` keeps its two decimals), enums their values, and a
field that may hold any figure carries a ``"type"`` tag (``Amount``, ``Percent``, ``Count``).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, TypeVar

import cattrs
from cattrs.strategies import configure_tagged_union

from ..model.figures import Amount, Count, Percent

__all__ = ["converter", "from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T")


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, lambda value, _: Decimal(str(value)))
    configure_tagged_union(Amount | Percent | Count, conv, tag_name="type")
    return conv


#: The converter behind :func:`to_dict` and :func:`from_dict`.
converter: cattrs.Converter = _make_converter()


def to_dict(obj: object) -> Any:
    """*obj* (a report, a finding, any model object or a list of them) as plain data."""
    return converter.unstructure(obj)


def from_dict(data: Any, cls: type[T]) -> T:
    """The object of type *cls* that :func:`to_dict` turned into *data*."""
    return converter.structure(data, cls)


def to_json(obj: object, *, indent: int | None = None) -> str:
    """*obj* as JSON text (UTF-8 characters kept as they are)."""
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent)


def from_json(text: str, cls: type[T]) -> T:
    """The object of type *cls* written by :func:`to_json`."""
    return from_dict(json.loads(text), cls)
