"""The organisation diagram can be read: levels top-down, parallel relations merged, and each
region's diagram fits 1,280 pixels with labels at least 10 pixels high (issue 16)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kommissorium.corpus import load_corpus
from kommissorium.graph import DIAGRAM_LEVELS, build_graph, layout, merged_edges, render_graphviz, to_dot

ROOT = Path(__file__).resolve().parents[1]
PX_PER_PT = 4 / 3  # CSS: 1pt = 4/3 px


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "charters")


def _groups(cs) -> list[str]:
    """The area groups the site draws one diagram each for (landsdækkende, each region)."""
    g = build_graph(cs)
    return sorted({n.region for n in g.nodes.values() if not n.external})


def _svg_size(svg: str) -> tuple[float, float, float]:
    """Width in pt, the viewBox width and the drawing's own scale."""
    head = re.search(r"<svg[^>]*>", svg)[0]
    width = float(re.search(r'width="([\d.]+)pt"', head)[1])
    view = float(re.search(r'viewBox="[\d.-]+ [\d.-]+ ([\d.]+) [\d.]+"', head)[1])
    m = re.search(r'transform="scale\(([\d.]+) ([\d.]+)\)', svg)
    return width, view, float(m[1]) if m else 1.0


def test_every_region_fits_1280_px_with_labels_at_least_10_px(corpus) -> None:
    assert shutil.which("dot"), "Graphviz (dot) is installed on this machine"
    groups = _groups(corpus)
    assert {"region-nordjylland", "region-syddanmark", "landsdaekkende"} <= set(groups)
    for group in groups:
        svg = render_graphviz(to_dot(build_graph(corpus, region=group)), "svg").decode()
        width_pt, view_w, scale = _svg_size(svg)
        natural_px = width_pt * PX_PER_PT
        assert natural_px <= 1280, f"{group}: {natural_px:.0f} px wide"
        shown = min(1280, natural_px) / view_w  # px per user unit at a 1,280-pixel window
        sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)]
        assert sizes, group
        smallest = min(sizes) * scale * shown
        assert smallest >= 10, f"{group}: labels {smallest:.1f} px high"


def test_nordjylland_was_a_strip_and_is_not_any_more(corpus) -> None:
    svg = render_graphviz(to_dot(build_graph(corpus, region="nordjylland")), "svg").decode()
    width_pt, _, _ = _svg_size(svg)
    assert width_pt < 960  # was 4,413 points wide


def test_levels_are_drawn_top_down(corpus) -> None:
    g = build_graph(corpus, region="nordjylland")
    placed = {p.id: p for p in layout(g)[0]}
    top = {}
    for n in g.nodes.values():
        if n.external or n.id not in placed:
            continue
        level = n.level if n.level in DIAGRAM_LEVELS else "zz"
        top.setdefault(level, []).append(placed[n.id].y)
    order = [lvl for lvl in DIAGRAM_LEVELS if lvl in top]
    # Political bodies on top; a standing committee or a council sits between them and the
    # administrative level, working groups below it.
    assert order[0] == "politisk" and "administrativ" in order
    assert order.index("administrativ") < order.index("arbejdsgruppe")
    for upper, lower in zip(order, order[1:]):
        assert max(top[upper]) < min(top[lower]), (upper, lower)
    externals = [placed[n.id].y for n in g.nodes.values() if n.external and "#" not in n.id]
    assert min(externals) > max(y for ys in top.values() for y in ys)


def test_wide_levels_wrap_and_nothing_overlaps(corpus) -> None:
    g = build_graph(corpus, region="nordjylland")
    placed, width, _ = layout(g)
    assert width <= 900
    boxes = [p for p in placed if not p.id.startswith(("niveau_", "gruppe_"))]
    assert len({p.y for p in boxes if "samarbejdsudvalg" in p.id}) >= 2  # Udvalg wraps
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = (abs(a.x - b.x) >= (a.w + b.w) / 2) or (abs(a.y - b.y) >= (a.h + b.h) / 2)
            assert apart, (a.id, b.id)


def test_parallel_relations_are_one_line_with_a_combined_label(repo) -> None:
    repo("nordjylland/a.yaml", """\
        navn: Organ A
        type: administrativ
        område: region-nordjylland
        relationer:
          refererer-til: nordjylland/b
          forbereder-for: nordjylland/b
          koordinerer-med: nordjylland/b
        """)
    repo("nordjylland/b.yaml", """\
        navn: Organ B
        type: politisk
        område: region-nordjylland
        relationer:
          opgaver-fra: nordjylland/a
        """)
    g = build_graph(load_corpus(repo.root / "charters"))
    assert len(g.edges) == 4
    merged = merged_edges(g)
    assert len(merged) == 1
    assert merged[0].labels == ["refererer til", "forbereder for", "koordinerer med", "opgaver fra"]
    assert merged[0].both
    dot = to_dot(g)
    assert dot.count(" -> ") == 1
    assert 'label="refererer til\\nforbereder for\\nkoordinerer med\\nopgaver fra"' in dot
    assert "dir=both" in dot
