"""`kommissorium graph`: the organisation diagram, and the 2017 diagram of source 003."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommissorium.cli import app
from kommissorium.corpus import load_corpus
from kommissorium.graph import build_graph, to_dot, to_mermaid

ROOT = Path(__file__).resolve().parents[1]
SOURCE_003 = "27. juni 2017"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "charters")


def test_003_bodies_and_relations(corpus) -> None:
    g = build_graph(corpus, source=SOURCE_003)
    nl = "nordjylland/"
    bodies = {
        "kommunekontaktraadet", "sundhedspolitisk-dialogforum",
        "sundhedsdirektoerernes-forretningsudvalg", "sundhedskoordinationsudvalget",
        "politiske-forankringsgrupper", "den-administrative-styregruppe",
        "somatiske-samarbejdsfora", "psykiatriske-samarbejdsfora", "portefoeljestyregruppen",
        "projektgrupper", "praksisplanudvalget", "den-administrative-forhandlingsgruppe",
        "samarbejdsudvalg",
    }
    own = {n.id for n in g.nodes.values() if not n.external}
    assert {nl + b for b in bodies} <= own
    # only bodies of the 2017 document: the 2022 bodies are not in this diagram
    assert nl + "strategisk-sundhedsforum" not in own
    edges = g.edge_set()
    # "DAS har reference til Sundhedskoordinationsudvalget"
    assert (nl + "den-administrative-styregruppe", nl + "sundhedskoordinationsudvalget",
            "refers_to") in edges
    # "Forretningsudvalget udpeges af Kommunaldirektørkredsen"
    assert (nl + "sundhedsdirektoerernes-forretningsudvalg", "kommunaldirektoerkredsen-nordjylland",
            "appointed_by") in edges
    # Dialogforum's meetings are prepared together with FU
    assert (nl + "sundhedsdirektoerernes-forretningsudvalg", nl + "sundhedspolitisk-dialogforum",
            "prepares_for") in edges
    # the samarbejdsudvalg of each field extend the common frame
    assert any(k == "extends" and t == nl + "samarbejdsudvalg" for _, t, k in edges)
    # grouped by region and level
    node = g.nodes[nl + "kommunekontaktraadet"]
    assert (node.region, node.level) == ("region-nordjylland", "politisk")


def test_mermaid_groups_and_labels(corpus) -> None:
    text = to_mermaid(build_graph(corpus, source=SOURCE_003))
    assert text.startswith("---\ntitle: Organisationsdiagram – 27. juni 2017\n---\nflowchart TB\n")
    assert 'subgraph n_r_region_nordjylland["Region Nordjylland"]' in text
    assert '["Politisk niveau"]' in text
    assert ('n_nordjylland_den_administrative_styregruppe -->|"refererer til"| '
            "n_nordjylland_sundhedskoordinationsudvalget") in text
    assert text.count("subgraph") == text.count("\n  end") + text.count("\n    end")


def test_dot_and_svg(corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dot = to_dot(build_graph(corpus, region="nordjylland"))
    assert dot.startswith("digraph kommissorier {") and dot.rstrip().endswith("}")
    assert 'label="Organisationsdiagram – Region Nordjylland"' in dot
    if shutil.which("dot") is None:
        pytest.skip("Graphviz er ikke installeret")
    monkeypatch.chdir(ROOT)
    out = tmp_path / "diagram.svg"
    result = CliRunner().invoke(app, ["graph", "--kilde", SOURCE_003, "-f", "svg", "-o", str(out)])
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    assert "<svg" in svg and "Sundhedskoordinationsudvalget" in svg


def test_missing_graphviz_is_a_clear_message(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    result = CliRunner().invoke(app, ["graph", "-f", "pdf", "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2
    assert "Graphviz" in result.output and "--format mermaid" in result.output
    assert "Traceback" not in result.output
    # Mermaid still works without Graphviz
    result = CliRunner().invoke(app, ["graph", "--under", "nordjylland"])
    assert result.exit_code == 0 and "flowchart TB" in result.output


def test_small_corpus_edges_and_filters(repo) -> None:
    repo("nordjylland/a.yaml", """\
        navn: Organ A
        type: administrativ
        område: region-nordjylland
        relationer:
          refererer-til: nordjylland/b
          årlig-status-til: nordjylland/b
          koordinerer-med: [nordjylland/c]
          undergrupper: [{navn: Driftsdel}]
        """)
    repo("nordjylland/b.yaml", """\
        navn: Organ "B" & co
        type: politisk
        område: region-nordjylland
        relationer:
          koordinerer-med: nordjylland/a
        """)
    repo("nordjylland/c.yaml", """\
        navn: Organ C
        type: arbejdsgruppe
        område: region-nordjylland
        udbygger: nordjylland/a
        relationer:
          opgaver-fra: nordjylland/a
        """)
    cs = load_corpus(repo.root / "charters")
    g = build_graph(cs)
    assert {("nordjylland/a", "nordjylland/b", "refers_to"),
            ("nordjylland/a", "nordjylland/b", "annual_status_to"),
            ("nordjylland/c", "nordjylland/a", "extends"),
            ("nordjylland/c", "nordjylland/a", "tasks_from")} <= g.edge_set()
    # a symmetric relation stated from both ends is one edge
    assert sum(1 for e in g.edges if e.kind == "coordinates_with") == 2
    assert "nordjylland/a#driftsdel" in g.nodes
    text = to_mermaid(g)
    assert "Organ #quot;B#quot; #amp; co" in text
    assert '-->|"årlig status til"|' in text and '==>|"udbygger"|' in text
    assert 'label="Organ \\"B\\" & co"' in to_dot(g)
    only = build_graph(cs, under="nordjylland/c", externals=False)
    assert set(only.nodes) == {"nordjylland/c"} and not only.edges
    assert CliRunner().invoke(app, ["graph", "--kilde", "findes ikke"]).exit_code == 2
