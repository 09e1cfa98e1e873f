"""The package's data files (``finreport/data``): reference lists and the audit page's
style and scripts."""

from __future__ import annotations

import os

__all__ = ["package_data"]


def package_data(name: str) -> str:
    """The text of ``finreport/data/<name>``: read beside this module (an installed or
    source tree), through :mod:`importlib.resources` only when the package is not on
    disk (a zip), since importing that machinery costs more than reading the file."""
    try:
        with open(os.path.join(os.path.dirname(__file__), "data", name),
                  encoding="utf-8") as file:
            return file.read()
    except OSError:
        from importlib import resources

        return resources.files("finreport").joinpath("data", name).read_text("utf-8")
