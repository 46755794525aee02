"""The static site without a browser: files, links, relations, history, escaping, safety, CLI."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from typer.testing import CliRunner

from kommissorium.cli import app
from kommissorium.corpus import load_corpus
from kommissorium.site import SiteOptions, build_site
from kommissorium.site.build import relative
from kommissorium.site.output import MANIFEST, OutputDir

from .conftest import SMALL, git, write_corpus

runner = CliRunner()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if a.get("id"):
            self.ids.add(a["id"] or "")
        for key in ("href", "src"):
            if a.get(key) is not None:
                self.refs.append((tag, a[key] or ""))


def parse(path: Path) -> _Links:
    p = _Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def check_links(site: Path) -> int:
    """Every href/src of every page is relative and points at an existing file (and id)."""
    checked = 0
    pages = sorted(site.rglob("*.html"))
    assert pages
    parsed = {p: parse(p) for p in pages}
    for page, links in parsed.items():
        assert links.lang == "da", page
        for tag, ref in links.refs:
            if tag == "link" and ref == "data:,":  # the empty favicon: no request at all
                continue
            parts = urlsplit(ref)
            assert not parts.scheme and not parts.netloc, f"{page}: absolute link {ref!r}"
            assert not ref.startswith("/"), f"{page}: root-relative link {ref!r}"
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{page}: broken link {ref!r}"
            assert site.resolve() in target.parents, f"{page}: link leaves the site {ref!r}"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in parsed[target].ids, f"{page}: no #{parts.fragment}"
            checked += 1
    return checked


def build_small(repo: Path, out: Path, **kw: object):
    cs = load_corpus(repo / "charters")
    return build_site(cs, out, SiteOptions(**kw))  # type: ignore[arg-type]


def test_small_site_has_every_page_and_only_relative_working_links(small_repo: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = build_small(small_repo, out)
    assert result.charters == 3 and result.pdfs == 3 and result.diagram
    for rel in ("index.html", "organisationsdiagram.html", "organisationsdiagram-nordjylland.svg",
                "organisationsdiagram-landsdaekkende.svg", "soeg.html",
                "soegeindeks.json", "assets/soegeindeks.js", "assets/site.css", "assets/soeg.js",
                "kommissorier/nordjylland/strategisk-sundhedsforum.html",
                "kommissorier/nordjylland/strategisk-sundhedsforum.pdf", MANIFEST):
        assert (out / rel).is_file(), rel
    assert (out / "kommissorier/nordjylland/strategisk-sundhedsforum.pdf").read_bytes()[:5] == b"%PDF-"
    assert check_links(out) > 30


def test_real_corpus_site_links(real_site: Path):
    assert check_links(real_site) > 500
    assert len(list((real_site / "kommissorier").rglob("*.pdf"))) >= 30


def test_front_page_groups_by_region_then_level(small_repo: Path, tmp_path: Path):
    build_small(small_repo, tmp_path / "out")
    html = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    # National first, then the regions; inside a region the political level before the
    # administrative one.
    order = [html.index(s) for s in (">Landsdækkende</h2>", ">Region Nordjylland</h2>",
                                     ">Politisk niveau</h3>", ">Administrativt niveau</h3>")]
    assert order == sorted(order)
    assert 'href="kommissorier/nordjylland/sundhedssamarbejdsudvalget.html">Sundhedssamarbejdsudvalget</a> (SSU)' in html


def test_relations_are_linked_both_ways(small_repo: Path, tmp_path: Path):
    out = tmp_path / "out"
    build_small(small_repo, out)
    forum = (out / "kommissorier/nordjylland/strategisk-sundhedsforum.html").read_text(encoding="utf-8")
    ssu = (out / "kommissorier/nordjylland/sundhedssamarbejdsudvalget.html").read_text(encoding="utf-8")
    assert 'indstiller til <a href="sundhedssamarbejdsudvalget.html">Sundhedssamarbejdsudvalget</a>' in forum
    assert re.search(r'<a href="strategisk-sundhedsforum.html">Strategisk Sundhedsforum</a> '
                     r'indstiller til Sundhedssamarbejdsudvalget', ssu)
    net = (out / "kommissorier/landsdaekkende/testnetvaerket.html").read_text(encoding="utf-8")
    assert "nævner ingen relationer" in net


def test_charter_page_contains_the_rendered_document_and_the_pdf(small_repo: Path, tmp_path: Path):
    out = tmp_path / "out"
    build_small(small_repo, out)
    page = (out / "kommissorier/nordjylland/strategisk-sundhedsforum.html").read_text(encoding="utf-8")
    assert "<h1>Kommissorium for Strategisk Sundhedsforum</h1>" in page
    assert "Forberedende arbejde for Sundhedssamarbejdsudvalget." in page
    assert 'href="strategisk-sundhedsforum.pdf" download' in page
    assert page.count("<h1") == 1
    assert '<link rel="stylesheet" href="../../assets/site.css">' in page


def test_history_from_git_with_danish_dates(small_repo: Path, tmp_path: Path):
    out = tmp_path / "out"
    build_small(small_repo, out)
    page = (out / "kommissorier/nordjylland/strategisk-sundhedsforum.html").read_text(encoding="utf-8")
    hist = page[page.index('id="site-historik"'):]
    assert '<time datetime="2024-05-04">4. maj 2024</time>: Forum: version 1.1' in hist
    assert "First charters" in hist
    assert hist.index("Forum: version 1.1") < hist.index("First charters")  # newest first
    ssu = (out / "kommissorier/nordjylland/sundhedssamarbejdsudvalget.html").read_text(encoding="utf-8")
    assert "Forum: version 1.1" not in ssu and "First charters" in ssu


def test_history_follows_renames(small_repo: Path, tmp_path: Path):
    git(small_repo, "mv", "charters/landsdaekkende/testnetvaerket.yaml",
        "charters/landsdaekkende/netvaerket.yaml")
    git(small_repo, "commit", "-q", "-m", "Rename the network")
    out = tmp_path / "out"
    build_small(small_repo, out, pdf=False)
    page = (out / "kommissorier/landsdaekkende/netvaerket.html").read_text(encoding="utf-8")
    assert "Rename the network" in page and "First charters" in page


def test_uncommitted_and_non_git_history(small_repo: Path, tmp_path: Path):
    forum = small_repo / "charters/nordjylland/strategisk-sundhedsforum.yaml"
    forum.write_text(forum.read_text(encoding="utf-8") + "kilde: ny\n", encoding="utf-8")
    write_corpus(small_repo, {"nordjylland/nyt.yaml": "navn: Nyt Udvalg\ntype: udvalg\n"
                                                       "område: region-nordjylland\n"})
    out = tmp_path / "out"
    build_small(small_repo, out, pdf=False)
    page = (out / "kommissorier/nordjylland/strategisk-sundhedsforum.html").read_text(encoding="utf-8")
    assert "ændringer, som endnu ikke er committet" in page
    new = (out / "kommissorier/nordjylland/nyt.html").read_text(encoding="utf-8")
    assert "ikke committet i git" in new

    plain = tmp_path / "plain"
    write_corpus(plain, SMALL)
    out2 = tmp_path / "out2"
    build_small(plain, out2, pdf=False)
    page2 = (out2 / "kommissorier/nordjylland/strategisk-sundhedsforum.html").read_text(encoding="utf-8")
    assert "ligger ikke i et git-repositorium" in page2


def test_text_is_escaped_everywhere(small_repo: Path, tmp_path: Path):
    out = tmp_path / "out"
    build_small(small_repo, out, pdf=False)
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page
        assert "<b>for</b>" not in text, page
    net = (out / "kommissorier/landsdaekkende/testnetvaerket.html").read_text(encoding="utf-8")
    assert "Testnetværket &lt;b&gt;for&lt;/b&gt; &#34;alle&#34; &amp; enhver" in net
    js = (out / "assets/soegeindeks.js").read_text(encoding="utf-8")
    assert "</" not in js  # no string can close the script element
    data = json.loads((out / "soegeindeks.json").read_text(encoding="utf-8"))
    assert {"Testnetværket <b>for</b> \"alle\" & enhver"} <= {d["navn"] for d in data}


def test_search_index_has_names_and_tasks(small_repo: Path, tmp_path: Path):
    out = tmp_path / "out"
    build_small(small_repo, out, pdf=False)
    data = json.loads((out / "soegeindeks.json").read_text(encoding="utf-8"))
    forum = next(d for d in data if d["navn"] == "Strategisk Sundhedsforum")
    assert forum["url"] == "kommissorier/nordjylland/strategisk-sundhedsforum.html"
    assert "Forberedende arbejde for Sundhedssamarbejdsudvalget." in forum["opgaver"]
    ssu = next(d for d in data if d["navn"] == "Sundhedssamarbejdsudvalget")
    assert ssu["andre"] == ["SSU"]
    js = (out / "assets/soegeindeks.js").read_text(encoding="utf-8")
    assert js.startswith("window.kommissoriumSoegeindeks = [")


def test_one_accessible_diagram_per_area_group_with_a_text_alternative(small_repo: Path,
                                                                         tmp_path: Path):
    out = tmp_path / "out"
    build_small(small_repo, out, pdf=False)
    page = (out / "organisationsdiagram.html").read_text(encoding="utf-8")
    # Landsdækkende first, then the region; each under its own heading, listed at the top.
    headings = re.findall(r'<h2 id="(diagram-[a-z-]+)">([^<]+)</h2>', page)
    assert headings == [("diagram-indhold", "Diagrammer på siden"),
                        ("diagram-landsdaekkende", "Landsdækkende"),
                        ("diagram-nordjylland", "Region Nordjylland")]
    start = page.index('id="diagram-indhold"')
    toc = page[start:page.index("</nav>", start)]
    assert re.findall(r'href="#([^"]+)"', toc) == ["diagram-landsdaekkende", "diagram-nordjylland",
                                                     "site-relationer"]
    # One inline SVG per group, named by its own <title>/<desc>.
    svgs = re.findall(r'<svg role="img" aria-labelledby="([^"]+)" aria-describedby="([^"]+)"', page)
    assert svgs == [("diagram-titel-landsdaekkende", "diagram-beskrivelse-landsdaekkende"),
                    ("diagram-titel-nordjylland", "diagram-beskrivelse-nordjylland")]
    assert ('<title id="diagram-titel-nordjylland">Organisationsdiagram – Region Nordjylland</title>'
            in page)
    assert '<title id="diagram-titel-landsdaekkende">Organisationsdiagram – Landsdækkende</title>' in page
    assert '<desc id="diagram-beskrivelse-nordjylland">Diagram over 2 organer og 1 relationer' in page
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page
    # Graphviz' own ids (graph0, node1, …) are prefixed: no id twice on the page.
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)) and "d-nordjylland-graph0" in ids
    # Each standalone SVG is linked from its figure.
    links = re.findall(r'<a href="(organisationsdiagram-[a-z]+\.svg)">Åbn diagrammet alene \(SVG\)</a>',
                       page)
    assert links == ["organisationsdiagram-landsdaekkende.svg", "organisationsdiagram-nordjylland.svg"]
    alt = page[page.index('id="site-relationer"'):]
    assert ('<a href="kommissorier/nordjylland/strategisk-sundhedsforum.html">Strategisk Sundhedsforum</a>'
            in alt)
    assert "indstiller til <a href=\"kommissorier/nordjylland/sundhedssamarbejdsudvalget.html\">" in alt
    svg = (out / "organisationsdiagram-nordjylland.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml")
    assert "<title>Organisationsdiagram – Region Nordjylland</title>" in svg
    assert "Sundhedssamarbejdsudvalget" in svg and "Testnetværket" not in svg
    national = (out / "organisationsdiagram-landsdaekkende.svg").read_text(encoding="utf-8")
    assert "Testnetværket" in national and "Sundhedssamarbejdsudvalget" not in national
    assert not (out / "organisationsdiagram.svg").exists()


def test_site_without_graphviz_says_so(small_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import kommissorium.graph

    monkeypatch.setattr(kommissorium.graph.shutil, "which", lambda name: None)
    out = tmp_path / "out"
    result = build_small(small_repo, out, pdf=False)
    assert not result.diagram and not list(out.glob("*.svg"))
    page = (out / "organisationsdiagram.html").read_text(encoding="utf-8")
    assert "Graphviz" in page and "indstiller til" in page
    assert "<svg" not in page and "Åbn diagrammet alene" not in page


# -- output folder ---------------------------------------------------------------------------------


def test_output_paths_cannot_leave_the_folder(tmp_path: Path):
    out = OutputDir(tmp_path / "site")
    out.prepare()
    for bad in ("../x.html", "a/../../x.html", "/etc/passwd", "", "a\\b.html", "a/\x00.html"):
        with pytest.raises(ValueError):
            out.write(bad, "x")
    (tmp_path / "outside").mkdir()
    (tmp_path / "site" / "link").symlink_to(tmp_path / "outside")
    with pytest.raises(ValueError):
        out.write("link/x.html", "x")
    assert not (tmp_path / "outside" / "x.html").exists()
    out.write("a/b.html", "ok")
    assert (tmp_path / "site/a/b.html").read_text() == "ok"
    assert not [p for p in (tmp_path / "site/a").iterdir() if p.name.startswith(".tmp-")]


def test_rebuild_removes_stale_pages_but_not_foreign_files(small_repo: Path, tmp_path: Path):
    out = tmp_path / "out"
    build_small(small_repo, out, pdf=False)
    (out / "egen-fil.txt").write_text("bliver")
    (small_repo / "charters/landsdaekkende/testnetvaerket.yaml").unlink()
    result = build_small(small_repo, out, pdf=False)
    assert "kommissorier/landsdaekkende/testnetvaerket.html" in result.removed
    assert not (out / "kommissorier/landsdaekkende").exists()
    assert (out / "egen-fil.txt").read_text() == "bliver"


def test_refuses_a_non_empty_folder_it_did_not_build(small_repo: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "andet"
    out.mkdir()
    (out / "vigtigt.txt").write_text("x")
    monkeypatch.chdir(small_repo)
    r = runner.invoke(app, ["site", "-o", str(out), "--no-pdf"])
    assert r.exit_code == 2
    assert "ikke tom" in r.stderr and "Traceback" not in r.output
    assert sorted(p.name for p in out.iterdir()) == ["vigtigt.txt"]


# -- command line ----------------------------------------------------------------------------------


def test_cli_builds_and_reports(small_repo: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(small_repo)
    r = runner.invoke(app, ["site", "-o", "public", "--no-pdf", "--title", "Sundhedsaftalen"])
    assert r.exit_code == 0, r.output
    assert "Byggede webstedet med 3 kommissorier" in r.stderr
    index = (small_repo / "public/index.html").read_text(encoding="utf-8")
    assert "<title>Sundhedsaftalen</title>" in index
    page = (small_repo / "public/kommissorier/nordjylland/strategisk-sundhedsforum.html")
    assert "findes ikke som PDF" in page.read_text(encoding="utf-8")
    assert not list((small_repo / "public").rglob("*.pdf"))


def test_cli_skips_invalid_charters_with_located_problems(small_repo: Path, monkeypatch):
    write_corpus(small_repo, {"nordjylland/fejl.yaml": "navn: Fejl\ntype: ukendt-type\n"
                                                        "område: region-nordjylland\n"})
    monkeypatch.chdir(small_repo)
    r = runner.invoke(app, ["site", "-o", "public", "--no-pdf"])
    assert r.exit_code == 1
    assert re.search(r"charters/nordjylland/fejl\.yaml:2:\d+", r.stderr)
    assert "1 kommissorier kom ikke med" in r.stderr
    assert (small_repo / "public/index.html").is_file()
    assert not (small_repo / "public/kommissorier/nordjylland/fejl.html").exists()


def test_cli_default_output_is_build_site(small_repo: Path, monkeypatch):
    monkeypatch.chdir(small_repo)
    r = runner.invoke(app, ["site", "--no-pdf"])
    assert r.exit_code == 0, r.output
    assert (small_repo / "build/site/index.html").is_file()


def test_relative_links():
    assert relative("index.html", "kommissorier/a/b.html") == "kommissorier/a/b.html"
    assert relative("kommissorier/a/b.html", "index.html") == "../../index.html"
    assert relative("kommissorier/a/b.html", "kommissorier/a/c.pdf") == "c.pdf"
    assert relative("kommissorier/a/b/c.html", "kommissorier/a/d.html") == "../d.html"


def test_help_is_danish():
    r = runner.invoke(app, ["site", "--help"])
    assert r.exit_code == 0
    assert "Byg et statisk, tilgængeligt websted" in r.output and "--vis" in r.output
