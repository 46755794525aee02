"""Shared test helpers: a minimal valid charter and a throwaway charters/ repository."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHARTERS = ROOT / "charters"

MINIMAL = """\
navn: Testudvalget
type: forum
område: region-nordjylland
formål: At afprøve kommissorium.
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="Rewrite golden files (tests/render/golden/) instead of comparing with them.",
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A temporary repository with an empty charters/ folder; cwd is its root.

    Returns a function write(rel_path, text) that writes a charter below charters/.
    """
    (tmp_path / "charters").mkdir()
    monkeypatch.chdir(tmp_path)

    def write(rel: str, text: str) -> Path:
        path = tmp_path / "charters" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    write.root = tmp_path  # type: ignore[attr-defined]
    return write
