"""The member, person and persons pages of the site in Debian's Chromium: axe-core (WCAG 2.1 AA)
reports no violations, and Tab reaches every link. Built from the fictional example in
docs/eksempel (the real charters have no rosters). Same set-up as test_site_browser.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from .conftest import AXE_TAGS, axe_source

ROOT = Path(__file__).resolve().parents[2]
PAGES = {
    "medlemmer": "medlemmer/sundhedsforum.html",
    "person": "personer/birgitte-skov.html",
    "personer": "personer/index.html",
    "kommissorium-med-medlemmer": "kommissorier/sundhedsforum.html",
}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from kommissorium.corpus import load_corpus
    from kommissorium.site import build_site
    from kommissorium.site.serve import Preview

    out = tmp_path_factory.mktemp("eksempel-site") / "site"
    build_site(load_corpus(ROOT / "docs" / "eksempel"), out)
    with Preview(out) as base:
        yield base


@pytest.mark.parametrize("kind", list(PAGES))
def test_roster_pages_have_no_wcag21aa_violations(page: Any, served: str, kind: str):
    page.goto(served + PAGES[kind])
    page.evaluate(axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS)
    assert result["testEngine"]["name"] == "axe-core"
    problems = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:5]]}"
                for v in result["violations"]]
    assert problems == []


@pytest.mark.parametrize("kind", ["medlemmer", "person"])
def test_tab_reaches_every_link_on_roster_pages(page: Any, served: str, kind: str):
    page.goto(served + PAGES[kind])
    total = page.evaluate("""() => {
        const links = [...document.querySelectorAll('a[href]')].filter(a => a.getClientRects().length);
        links.forEach((a, i) => { a.dataset.kbd = String(i); });
        window.__focused = new Set();
        document.addEventListener('focusin', e => {
            if (e.target.dataset && e.target.dataset.kbd !== undefined) window.__focused.add(e.target.dataset.kbd);
        });
        return links.length;
    }""")
    assert total >= 5
    for _ in range(total + 10):
        page.keyboard.press("Tab")
    assert page.evaluate("n => [...Array(n).keys()].filter(i => !window.__focused.has(String(i))).length",
                         total) == 0
