"""The site in a real browser: Debian's Chromium, headless, driven by Playwright for Python.

Checks the front page, a charter page, the diagram and the search; axe-core (WCAG 2.1 AA tags)
reports no violations on any page type; Tab reaches every link; without JavaScript everything
but the search works and the search page says so. No request leaves file:// and 127.0.0.1.

Needs: ``pip install playwright axe-playwright-python`` (the ``test`` extra; axe-core's
``axe.min.js`` comes bundled in axe-playwright-python) and ``apt-get install chromium``.
Never ``playwright install``: the browser is Debian's. Skipped only when Chromium is absent.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator

import pytest

from .conftest import AXE_TAGS, axe_source, browser_context

SHOTS = Path(os.environ.get("KOMMISSORIUM_SCREENSHOTS", "/tmp"))

CHARTER = "kommissorier/nordjylland/strategisk-sundhedsforum.html"
PAGES = {
    "forside": "index.html",
    "kommissorium": CHARTER,
    "diagram": "organisationsdiagram.html",
    "soegning": "soeg.html?q=Strategisk%20Sundhedsforum",
}




def url(site: Path, rel: str) -> str:
    path, _, query = rel.partition("?")
    return (site / path).as_uri() + (f"?{query}" if query else "")


def shot(pg: Any, name: str) -> None:
    pg.screenshot(path=str(SHOTS / f"kommissorium-site-{name}.png"), full_page=False)


# -- the page types -----------------------------------------------------------------------------


def test_front_page_lists_bodies_by_region_and_level(page: Any, real_site: Path):
    page.goto(url(real_site, "index.html"))
    assert page.locator("html").get_attribute("lang") == "da"
    assert page.get_by_role("heading", level=1).inner_text() == "Kommissorier for sundhedssamarbejdet"
    regions = page.locator("section.omraade > h2").all_inner_texts()
    assert "Region Nordjylland" in regions and "Landsdækkende" in regions
    nord = page.locator("section.omraade", has=page.get_by_role("heading", name="Region Nordjylland", exact=True))
    assert "Politisk niveau" in nord.locator("h3").all_inner_texts()
    # The stylesheet is applied (relative link from file://).
    bg = page.locator("header.sidehoved").evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg == "rgb(31, 78, 121)"
    shot(page, "forside")
    page.get_by_role("link", name="Strategisk Sundhedsforum", exact=True).click()
    assert page.url.endswith(CHARTER)
    assert page.get_by_role("heading", level=1).inner_text() == "Kommissorium for Strategisk Sundhedsforum"


def test_charter_page_has_document_pdf_relations_and_history(page: Any, real_site: Path):
    page.goto(url(real_site, CHARTER))
    main = page.get_by_role("main")
    assert main.get_by_role("heading", name="Formål", exact=True).is_visible()
    pdf = page.get_by_role("link", name="Hent kommissoriet som PDF")
    href = pdf.get_attribute("href")
    assert href == "strategisk-sundhedsforum.pdf"
    assert (real_site / CHARTER).with_suffix(".pdf").read_bytes()[:5] == b"%PDF-"
    related = page.locator("section", has=page.get_by_role("heading", name="Forbindelser til andre organer"))
    ssu = related.get_by_role("link", name="Sundhedssamarbejdsudvalget").first
    assert ssu.is_visible()
    assert page.get_by_role("heading", name="Ændringshistorik").is_visible()
    crumbs = page.get_by_role("navigation", name="Brødkrumme")
    assert crumbs.get_by_role("link", name="Forside").get_attribute("href") == "../../index.html"
    shot(page, "kommissorium")
    ssu.click()
    assert page.url.endswith("kommissorier/nordjylland/sundhedssamarbejdsudvalget.html")
    # ... and the way back: the committee's page names the forum among the bodies about it.
    back = page.locator("section", has=page.get_by_role("heading", name="Forbindelser til andre organer"))
    assert back.get_by_role("link", name="Strategisk Sundhedsforum", exact=True).first.is_visible()


def test_diagram_page_shows_one_svg_per_area_with_a_text_alternative(page: Any, real_site: Path):
    page.goto(url(real_site, "organisationsdiagram.html"))
    headings = page.locator("section.diagramgruppe > .bredde > h2").all_inner_texts()
    assert headings[0] == "Landsdækkende" and "Region Nordjylland" in headings
    svgs = page.locator("svg[role=img]")
    assert svgs.count() == len(headings) >= 2
    names = []
    for i in range(svgs.count()):
        svg = svgs.nth(i)
        labelled = (svg.get_attribute("aria-labelledby") or "").split()
        name = svg.evaluate("(e, id) => document.getElementById(id).textContent", labelled[0])
        assert name == f"Organisationsdiagram – {headings[i]}"
        described = svg.get_attribute("aria-describedby") or ""
        assert svg.evaluate("(e, id) => document.getElementById(id).textContent",
                            described).startswith("Diagram over")
        names.append(name)
    assert len(set(names)) == len(names)
    # Every diagram by its accessible name; the region's one is large enough to read.
    nord = page.get_by_role("img", name="Organisationsdiagram – Region Nordjylland", exact=True)
    assert nord.is_visible()
    box = nord.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200
    assert page.locator("svg g.node").count() >= 30
    # The table of contents jumps to a diagram; each one links its own SVG file.
    toc = page.get_by_role("navigation", name="Diagrammer på siden")
    toc.get_by_role("link", name="Region Nordjylland").click()
    assert page.url.endswith("#diagram-nordjylland")
    section = page.locator("section.diagramgruppe", has=page.locator("#diagram-nordjylland"))
    assert (section.get_by_role("link", name="Åbn diagrammet alene (SVG)").get_attribute("href")
            == "organisationsdiagram-nordjylland.svg")
    text = page.locator("section", has=page.get_by_role("heading", name="Relationerne som tekst"))
    assert text.get_by_role("link", name="Strategisk Sundhedsforum", exact=True).count() >= 1
    page.goto(url(real_site, "organisationsdiagram.html"))
    shot(page, "diagram")
    nord.scroll_into_view_if_needed()
    shot(page, "diagram-nordjylland")


def test_search_finds_strategisk_sundhedsforum(page: Any, real_site: Path):
    page.goto(url(real_site, "soeg.html"))
    field = page.get_by_label("Søgeord")
    assert field.is_visible()
    assert not page.locator("#soeg-uden-js").is_visible()
    field.fill("Strategisk Sundhedsforum")
    field.press("Enter")
    results = page.locator("#soegeresultater > li > a")
    results.first.wait_for()
    assert results.first.inner_text() == "Strategisk Sundhedsforum"
    assert "matcher «Strategisk Sundhedsforum»" in page.get_by_role("status").inner_text()
    shot(page, "soegning")
    results.first.click()
    assert page.url.endswith(CHARTER)


def test_search_over_tasks_and_from_the_address(page: Any, real_site: Path):
    page.goto(url(real_site, "soeg.html?q=patientinddragelse"))
    results = page.locator("#soegeresultater > li")
    results.first.wait_for()
    assert results.count() >= 1
    assert page.get_by_label("Søgeord").input_value() == "patientinddragelse"
    page.get_by_label("Søgeord").fill("xyzzy-findes-ikke")
    page.get_by_label("Søgeord").press("Enter")
    assert page.get_by_role("status").inner_text() == "Ingen organer matcher «xyzzy-findes-ikke»."
    assert page.locator("#soegeresultater > li").count() == 0


def test_search_over_all_text_with_danish_folding(page: Any, real_site: Path):
    """The search fixtures of tests/site/search/cases.json, typed into the real page."""
    import json

    cases = json.loads((Path(__file__).parent / "search" / "cases.json").read_text(encoding="utf-8"))
    for case in cases["queries"]:
        if case.get("ingen"):
            continue
        page.goto(url(real_site, "soeg.html"))
        field = page.get_by_label("Søgeord")
        field.fill(case["q"])
        field.press("Enter")
        links = page.locator("#soegeresultater > li > a")
        links.first.wait_for()
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        for cid in case.get("finder", []):
            assert f"kommissorier/{cid}.html" in hrefs, (case["q"], hrefs)
        if "foerst" in case:
            assert hrefs[0] == f"kommissorier/{case['foerst']}.html", (case["q"], hrefs)
    # the hit shows where the word stands: the section heading and an excerpt
    page.goto(url(real_site, "soeg.html?q=forebyggelse"))
    excerpt = page.locator("#soegeresultater > li .uddrag").first
    excerpt.wait_for()
    assert "forebyggelse" in excerpt.inner_text().lower()
    shot(page, "soegning-forebyggelse")


def test_works_without_javascript_except_search(browser: Any, real_site: Path):
    ctx, outside = browser_context(browser, java_script_enabled=False)
    pg = ctx.new_page()
    try:
        pg.goto(url(real_site, "soeg.html"))
        assert not pg.locator("#soegeformular").is_visible()
        note = pg.locator("#soeg-uden-js")
        assert note.is_visible() and "JavaScript" in note.inner_text()
        shot(pg, "soegning-uden-js")
        note.get_by_role("link", name="forsiden").click()
        pg.get_by_role("link", name="Strategisk Sundhedsforum", exact=True).click()
        assert pg.get_by_role("heading", level=1).inner_text() == "Kommissorium for Strategisk Sundhedsforum"
        pg.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Organisationsdiagram").click()
        assert pg.get_by_role("img", name="Organisationsdiagram – Landsdækkende", exact=True).is_visible()
    finally:
        ctx.close()
    assert not outside


# -- accessibility ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(real_site: Path) -> Iterator[str]:
    """The site over HTTP on 127.0.0.1 (axe-core reads the stylesheets, which file:// forbids)."""
    from kommissorium.site.serve import Preview

    with Preview(real_site) as base:
        yield base


@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_reports_no_wcag21aa_violations(page: Any, served: str, kind: str):
    page.goto(served + PAGES[kind])
    if kind == "soegning":
        page.locator("#soegeresultater > li").first.wait_for()
    page.evaluate(axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    version = tuple(int(x) for x in result["testEngine"]["version"].split(".")[:2])
    assert version >= (4, 8)
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:5]]}"
        for v in result["violations"]
    ]
    assert problems == []


@pytest.mark.parametrize("kind", list(PAGES))
def test_keyboard_reaches_every_link_with_visible_focus(page: Any, real_site: Path, kind: str):
    page.goto(url(real_site, PAGES[kind]))
    if kind == "soegning":
        page.locator("#soegeresultater > li").first.wait_for()
    total = page.evaluate("""() => {
        const links = [...document.querySelectorAll('a[href]')]
            .filter(a => a.getClientRects().length > 0);  // not in a hidden part of the page
        links.forEach((a, i) => { a.dataset.kbd = String(i); });
        window.__focused = new Set();
        window.__noOutline = [];
        document.addEventListener('focusin', e => {
            const i = e.target.dataset && e.target.dataset.kbd;
            if (i !== undefined) {
                window.__focused.add(i);
                const s = getComputedStyle(e.target);
                if (s.outlineStyle === 'none' || s.outlineWidth === '0px') window.__noOutline.push(i);
            }
        });
        return links.length;
    }""")
    assert total >= 5
    for _ in range(total + 15):
        page.keyboard.press("Tab")
    missing = page.evaluate(
        "n => [...Array(n).keys()].map(String).filter(i => !window.__focused.has(i))"
        ".map(i => document.querySelector(`[data-kbd='${i}']`).outerHTML.slice(0, 120))",
        total,
    )
    assert missing == []
    assert page.evaluate("window.__noOutline") == []


def test_skip_link_is_first_and_moves_focus_to_main(page: Any, real_site: Path):
    page.goto(url(real_site, CHARTER))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Gå til indholdet"
    box = page.locator("a.spring-over").bounding_box()
    assert box is not None and box["y"] >= 0  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "indhold"


# -- served over loopback from a sub-path ---------------------------------------------------------


def test_served_from_a_sub_path(page: Any, real_site: Path):
    from kommissorium.site.serve import Preview

    with Preview(real_site.parent) as base:
        response = page.goto(base + real_site.name + "/index.html")
        assert response is not None and response.ok
        bg = page.locator("header.sidehoved").evaluate("e => getComputedStyle(e).backgroundColor")
        assert bg == "rgb(31, 78, 121)"
        page.get_by_role("link", name="Søg", exact=True).click()
        page.get_by_label("Søgeord").fill("Strategisk Sundhedsforum")
        page.get_by_label("Søgeord").press("Enter")
        page.locator("#soegeresultater > li > a").first.click()
        assert page.url == base + real_site.name + "/" + CHARTER
        page.wait_for_load_state("networkidle")
