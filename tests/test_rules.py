"""Every rule: documented, with a pass and a fail fixture set under tests/rules/<CODE>/.

A fixture folder is its own charters root (`kommissorium validate tests/rules/C001/fail` works);
`_register/` inside it adds registry data. Each fail folder has an `expected.txt` listing exactly
the rule's findings as `file:line:col CODE`.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from kommissorium.check import check
from kommissorium.problems import Severity
from kommissorium.rules import RULES

FIXTURES = Path(__file__).parent / "rules"


def _folders() -> list[tuple[str, str]]:
    return sorted(
        (d.name, kind)
        for d in FIXTURES.iterdir() if d.is_dir()
        for kind in ("pass", "fail") if (d / kind).is_dir()
    )


def _expected(folder: Path) -> list[str]:
    lines = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def _day(folder: Path) -> date | None:
    """A fixture checked on a given day (`validate --dato`) names it in dato.txt."""
    f = folder / "dato.txt"
    return date.fromisoformat(f.read_text(encoding="utf-8").strip()) if f.is_file() else None


@pytest.mark.parametrize("code,kind", _folders(), ids=lambda x: x)
def test_fixture(code: str, kind: str) -> None:
    folder = FIXTURES / code / kind
    result = check([folder], cwd=folder, as_of=_day(folder))
    own = [f"{p.file}:{p.line}:{p.column} {p.code}" for p in result.problems if p.code == code]
    others = [
        f"{p.file}:{p.line}:{p.column} {p.code} {p.message}"
        for p in result.problems
        if p.code != code and p.severity is not Severity.INFO
    ]
    assert not others, "other problems in the fixture set:\n" + "\n".join(others)
    if kind == "pass":
        assert own == []
    else:
        assert own == _expected(folder)
        for p in result.problems:
            if p.code == code:
                assert p.message and p.name == RULES[code].name
                assert p.severity is RULES[code].severity


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_documented_and_has_fixtures(code: str) -> None:
    r = RULES[code]
    assert re.fullmatch(r"[A-Z]{1,2}\d{3}", r.code)
    assert re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", r.name), r.name
    assert r.summary.strip()
    doc = r.doc
    assert "Godt:" in doc and "Dårligt:" in doc, f"{code}: docstring needs Godt:/Dårligt: examples"
    why = doc.split("Godt:")[0].strip()
    assert len(why) > 40, f"{code}: the docstring should explain why"
    assert (FIXTURES / code / "pass").is_dir(), f"{code}: tests/rules/{code}/pass/ missing"
    assert (FIXTURES / code / "fail").is_dir(), f"{code}: tests/rules/{code}/fail/ missing"
    assert _expected(FIXTURES / code / "fail"), f"{code}: fail/expected.txt lists no finding"


def test_fixture_folders_are_rules() -> None:
    assert {code for code, _ in _folders()} <= set(RULES)


def test_names_are_unique() -> None:
    names = [r.name for r in RULES.values()]
    assert len(names) == len(set(names))
