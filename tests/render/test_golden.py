"""Golden Markdown and HTML: the rendered documents, byte for byte.

After an intended change of templates, the document model or the charters, refresh with
``python3 -m pytest tests/render --update-golden`` (or ``UPDATE_GOLDEN=1``) and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kommissorium.document import build_document
from kommissorium.render import render

GOLDEN = Path(__file__).resolve().parent / "golden"

#: Real charters of charters/ (one per source) and the test fixtures.
CORPUS_IDS = [
    "nordjylland/strategisk-sundhedsforum",
    "landsdaekkende/kl-sundhedsstrategisk-gruppe",
    "syddanmark/fagligt-strategisk-ramme",
    "nordjylland/klynge-nord/fagligt-strategisk",
]
FIXTURE_IDS = ["test/kontaktforum", "test/ramme", "test/klynge/fagligt"]


def _check(cs, cid: str, fmt: str, update: bool) -> None:
    if cs.charter(cid) is None:
        pytest.fail(f"{cid} findes ikke (gyldigt); ret listen i {Path(__file__).name}")
    got = render(build_document(cs, cid), fmt).decode("utf-8")
    path = GOLDEN / f"{cid.replace('/', '__')}.{fmt}"
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
        if not update:
            pytest.fail(f"ny golden-fil skrevet: {path.name}; kør testen igen")
        return
    want = path.read_text(encoding="utf-8")
    assert got == want, (
        f"{path.name} er forældet; kør 'python3 -m pytest tests/render --update-golden' og se diff'en"
    )


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("cid", CORPUS_IDS)
def test_golden_corpus(corpus_cs, cid, fmt, update_golden) -> None:
    _check(corpus_cs, cid, fmt, update_golden)


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("cid", FIXTURE_IDS)
def test_golden_fixtures(fixture_cs, cid, fmt, update_golden) -> None:
    _check(fixture_cs, cid, fmt, update_golden)
