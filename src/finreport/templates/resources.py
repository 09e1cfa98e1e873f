"""Files of the package: the templates' reference lists and the audit page's style and
scripts."""

from __future__ import annotations

import os

__all__ = ["package_text"]

#: The folder of the ``finreport`` package.
_PACKAGE = os.path.dirname(os.path.dirname(__file__))


def package_text(*parts: str) -> str:
    """The text of ``finreport/<parts…>`` (``package_text("data", "page.css")``): read
    from the package's folder (an installed or source tree), through
    :mod:`importlib.resources` only when the package is not on disk (a zip), since
    importing that machinery costs more than reading the file."""
    try:
        with open(os.path.join(_PACKAGE, *parts), encoding="utf-8") as file:
            return file.read()
    except OSError:
        from importlib import resources

        return resources.files("finreport").joinpath(*parts).read_text("utf-8")
