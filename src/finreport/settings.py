"""Settings of the command line from a file, as ruff and pytest read theirs: the
``[tool.finreport]`` table of a ``pyproject.toml``, or a ``finreport.toml`` (its keys at the
top level), found in the folder of the first path checked or the nearest folder above it
(the current folder when the path is a URL).  In each folder ``finreport.toml`` is looked
for first; a ``pyproject.toml`` without a ``[tool.finreport]`` table is passed over.
Options given on the command line win over the file's.

Keys are the long option names (``fail-on`` or ``fail_on``): ``select``, ``ignore``,
``locale``, ``encoding``, ``format``, ``baseline``, ``fail-on``, ``exit-zero``, ``jobs``,
``quiet``, ``statistics``, and ``accept``: the findings accepted in place (docs/cli.md,
*Accepting a finding*).  Paths (``baseline``) are relative to the settings file.  An
unknown key or a value of the wrong type is an error naming the file and the key: a
typo must not silently do nothing.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from .batch import Acceptance

__all__ = ["KEYS", "Settings", "SettingsError", "find_settings", "load_settings",
           "settings_for"]

#: Every key a settings file may hold, with the type of its value.
KEYS: Final[dict[str, type | tuple[type, ...]]] = {
    "select": (list, str), "ignore": (list, str), "locale": str, "encoding": str,
    "format": str, "baseline": str, "fail_on": str, "exit_zero": bool, "jobs": int,
    "quiet": bool, "statistics": bool, "accept": list,
}

_ACCEPT_KEYS: Final = frozenset({"fingerprint", "reason", "path", "code"})


class SettingsError(ValueError):
    """A settings file that cannot be used: unreadable, not TOML, an unknown key, a value
    of the wrong type.  The message names the file (and the key)."""


@attrs.frozen
class Settings:
    """The settings read from ``path`` (None: no file), by key (``fail_on`` with an
    underscore), and the acceptances (``accept``)."""

    path: Path | None = None
    values: dict[str, Any] = attrs.field(factory=dict)
    accept: tuple[Acceptance, ...] = ()

    def get(self, key: str, given: Any = None, default: Any = None) -> Any:
        """*given* (the command line's value) unless it is None, else this file's value
        of *key*, else *default*."""
        if given is not None:
            return given
        return self.values.get(key, default)


def _start(paths: Sequence[str]) -> Path:
    """The folder the search starts in: the first path's (a folder itself, or a file's
    folder), or the current folder for a URL or nothing."""
    if not paths or "://" in paths[0]:
        return Path.cwd()
    first = Path(paths[0]).resolve()
    if first.is_dir():
        return first
    return first.parent if first.parent.is_dir() else Path.cwd()


def find_settings(paths: Sequence[str]) -> Path | None:
    """The settings file for a run over *paths*: in the first path's folder or the
    nearest above it, ``finreport.toml``, or a ``pyproject.toml`` with a
    ``[tool.finreport]`` table; None when there is none."""
    for folder in (_start(paths), *_start(paths).parents):
        own = folder / "finreport.toml"
        if own.is_file():
            return own
        project = folder / "pyproject.toml"
        if project.is_file():
            try:
                data = tomllib.loads(project.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue  # not ours to judge: a tool that reads it will say
            if isinstance(data.get("tool"), dict) and "finreport" in data["tool"]:
                return project
    return None


def load_settings(path: Path) -> Settings:
    """The settings of the file at *path* (a ``pyproject.toml``'s ``[tool.finreport]``,
    or any other file's top level).  Raises :class:`SettingsError`."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not TOML: {exc}") from exc
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("finreport", {})
        where = "[tool.finreport]"
    else:
        table, where = data, "the file"
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: {where} is not a table")
    values: dict[str, Any] = {}
    for raw, value in table.items():
        key = raw.replace("-", "_")
        if key not in KEYS:
            raise SettingsError(f"{path}: unknown key {raw!r} in {where} (known: "
                                + ", ".join(k.replace("_", "-") for k in KEYS) + ")")
        if not isinstance(value, KEYS[key]) or (key == "jobs" and isinstance(value, bool)):
            raise SettingsError(f"{path}: {raw} = {value!r} is not a {_type_name(KEYS[key])}")
        values[key] = value
    for key in ("select", "ignore"):
        if key in values:
            values[key] = _codes(values[key], path, key)
    if "baseline" in values:
        values["baseline"] = str(path.parent / values["baseline"])
    accept = tuple(_acceptance(item, path) for item in values.pop("accept", []))
    return Settings(path, values, accept)


def settings_for(paths: Sequence[str], config: str | None = None,
                 isolated: bool = False) -> Settings:
    """The settings of a run over *paths*: the file *config* names, else the one
    :func:`find_settings` finds; none when *isolated*.  Raises :class:`SettingsError`."""
    if isolated:
        return Settings()
    path = Path(config) if config is not None else find_settings(paths)
    return load_settings(path) if path is not None else Settings()


def _type_name(kind: type | tuple[type, ...]) -> str:
    names = {list: "list", str: "string", bool: "boolean (true or false)", int: "whole number"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names[k] for k in kinds)


def _codes(value: list[Any] | str, path: Path, key: str) -> list[str]:
    items = value.split(",") if isinstance(value, str) else value
    if not all(isinstance(item, str) for item in items):
        raise SettingsError(f"{path}: {key} holds something other than rule codes")
    return [item.strip().upper() for item in items if item.strip()]


def _acceptance(item: object, path: Path) -> Acceptance:
    if not isinstance(item, dict):
        raise SettingsError(f"{path}: each accept entry is a table "
                            "(fingerprint = …, reason = …)")
    unknown = sorted(set(item) - _ACCEPT_KEYS)
    if unknown:
        raise SettingsError(f"{path}: accept entry {item!r}: unknown key {unknown[0]!r}")
    fingerprint, reason = item.get("fingerprint"), item.get("reason")
    if not isinstance(fingerprint, str) or not fingerprint:
        raise SettingsError(f"{path}: accept entry {item!r} needs its fingerprint")
    if not isinstance(reason, str) or not reason.strip():
        raise SettingsError(f"{path}: accept entry for {fingerprint} needs a reason: "
                            "an acceptance nobody can review is not one")
    where, code = item.get("path", "*"), item.get("code")
    if not isinstance(where, str) or (code is not None and not isinstance(code, str)):
        raise SettingsError(f"{path}: accept entry for {fingerprint}: path and code are "
                            "strings")
    return Acceptance(fingerprint, reason.strip(), where, code.upper() if code else None)
