"""The member, person and persons pages of the site in Debian's Chromium: axe-core (WCAG 2.1 AA)
reports no violations, and Tab reaches every link. Built from the fictional example in
docs/eksempel (the real charters have no rosters). Same set-up as test_site_browser.py."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("KOMMISSORIUM_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "medlemmer": "medlemmer/sundhedsforum.html",
    "person": "personer/birgitte-skov.html",
    "personer": "personer/index.html",
    "kommissorium-med-medlemmer": "kommissorier/sundhedsforum.html",
}


def _axe() -> str:
    explicit = os.environ.get("KOMMISSORIUM_AXE_JS")
    if explicit:
        return Path(explicit).read_text(encoding="utf-8")
    spec = importlib.util.find_spec("axe_playwright_python")
    assert spec is not None and spec.submodule_search_locations, "axe-core mangler"
    return (Path(next(iter(spec.submodule_search_locations))) / "axe.min.js").read_text("utf-8")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from kommissorium.corpus import load_corpus
    from kommissorium.site import build_site
    from kommissorium.site.serve import Preview

    out = tmp_path_factory.mktemp("eksempel-site") / "site"
    build_site(load_corpus(ROOT / "docs" / "eksempel"), out)
    with Preview(out) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"Chromium findes ikke ({CHROMIUM}); installér Debians pakke 'chromium'.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1200, "height": 900}, locale="da-DK")
    outside: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(("http://127.0.0.1:", "data:", "about:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    ctx.route("**/*", guard)
    pg = ctx.new_page()
    yield pg
    ctx.close()
    assert not outside, f"requests left the machine: {outside}"


@pytest.mark.parametrize("kind", list(PAGES))
def test_roster_pages_have_no_wcag21aa_violations(page: Any, served: str, kind: str):
    page.goto(served + PAGES[kind])
    page.evaluate(_axe())
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
