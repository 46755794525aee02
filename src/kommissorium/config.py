"""Repository configuration: ``kommissorium.toml`` or ``[tool.kommissorium]`` in pyproject.toml
(``kommissorium.toml`` may hold its settings at the top or in a ``[tool.kommissorium]`` table).

    [tool.kommissorium]
    charters = "charters"                 # the charters folder, relative to the file
    deaktiver = ["P001"]                  # rules switched off (codes or dotted names)

    [tool.kommissorium.alvor]             # severities per rule: fejl | advarsel | info
    M004 = "advarsel"

English spellings (``disable``, ``severity``) are accepted too.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kommissorium.errors import UsageError
from kommissorium.problems import Severity


class ConfigError(UsageError):
    """A configuration the user must fix (exit code 2)."""


@dataclass
class Config:
    root: Path | None = None
    source: Path | None = None
    charters: str = "charters"
    severities: dict[str, Severity] = field(default_factory=dict)
    disabled: set[str] = field(default_factory=set)
    templates: str = "templates"
    #: Line of each setting in the configuration file (for messages that point at it).
    lines: dict[str, int] = field(default_factory=dict)

    def where(self, *keys: str) -> str:
        """'kommissorium.toml:3:1: ' for the first of ``keys`` that is set, else ''."""
        if self.source is None:
            return ""
        for key in keys:
            if key in self.lines:
                return f"{self.source.name}:{self.lines[key]}:1: "
        return ""

    @property
    def charters_dir(self) -> Path | None:
        return (self.root / self.charters) if self.root else None

    def rule_config(self):
        from kommissorium.rules.engine import RuleConfig

        return RuleConfig(dict(self.severities), set(self.disabled))


def load_config(root: Path | None) -> Config:
    if root is None:
        return Config()
    for name in ("kommissorium.toml", "pyproject.toml"):
        path = root / name
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path.name}: kan ikke læses som TOML: {exc}") from None
        table = data.get("tool", {}).get("kommissorium") if isinstance(data.get("tool"), dict) else None
        if name == "kommissorium.toml" and table is None:
            table = data
        elif name == "kommissorium.toml" and set(data) != {"tool"}:
            # `[tool.kommissorium]` (as in pyproject.toml) is accepted in kommissorium.toml too,
            # but not mixed with top-level settings: one of them would be silently ignored.
            raise ConfigError(f"{path.name}: brug enten [tool.kommissorium] eller indstillinger "
                              "øverst i filen, ikke begge.")
        if table is None:
            continue
        cfg = _parse(table, root, path)
        cfg.lines = _lines(path)
        return cfg
    return Config(root=root)


def _lines(path: Path) -> dict[str, int]:
    """The line each top-level or [tool.kommissorium] key is set on (first occurrence)."""
    import re

    out: dict[str, int] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = re.match(r"\s*\"?([\w-]+)\"?\s*=", line)
        if m and m.group(1) not in out:
            out[m.group(1)] = n
    return out


def _parse(table: dict, root: Path, path: Path) -> Config:
    from kommissorium.rules import lookup

    cfg = Config(root=root, source=path)
    known = {"charters", "deaktiver", "disable", "alvor", "severity", "skabeloner", "templates"}
    for key in table:
        if key not in known:
            raise ConfigError(
                f"{path.name}: ukendt indstilling '{key}'; kendte er {', '.join(sorted(known))}."
            )
    cfg.charters = str(table.get("charters", cfg.charters))
    cfg.templates = str(table.get("skabeloner", table.get("templates", cfg.templates)))
    disabled = table.get("deaktiver", table.get("disable", []))
    if not isinstance(disabled, list):
        raise ConfigError(f"{path.name}: 'deaktiver' skal være en liste af regelkoder.")
    for item in disabled:
        r = lookup(str(item))
        if r is None:
            raise ConfigError(f"{path.name}: 'deaktiver' nævner den ukendte regel '{item}'.")
        cfg.disabled.add(r.code)
    severities = table.get("alvor", table.get("severity", {}))
    if not isinstance(severities, dict):
        raise ConfigError(f"{path.name}: 'alvor' skal være en tabel: REGEL = \"advarsel\".")
    for code, level in severities.items():
        r = lookup(str(code))
        if r is None:
            raise ConfigError(f"{path.name}: 'alvor' nævner den ukendte regel '{code}'.")
        try:
            cfg.severities[r.code] = Severity.parse(str(level))
        except ValueError:
            raise ConfigError(
                f"{path.name}: alvor for {code} skal være fejl, advarsel eller info, ikke '{level}'."
            ) from None
    return cfg
