"""Fixtures for the render tests and the ``--update-golden`` flag (registered in tests/conftest.py).

``pytest --update-golden`` (or ``UPDATE_GOLDEN=1 pytest …``) rewrites the golden
files in tests/render/golden/ instead of comparing against them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
FIXTURES = HERE / "fixtures" / "charters"
CORPUS = REPO / "charters"


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    try:
        flag = bool(request.config.getoption("--update-golden"))
    except ValueError:  # option not registered (conftest not an initial conftest)
        flag = False
    return flag or os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="session")
def fixture_cs():
    from kommissorium.corpus import load_corpus

    cs = load_corpus(FIXTURES, REPO)
    assert not cs.problems, cs.problems
    return cs


@pytest.fixture(scope="session")
def corpus_cs():
    from kommissorium.corpus import load_corpus

    return load_corpus(CORPUS, REPO)
