"""The organisation diagrams as SVG from the graph stage (Graphviz ``dot``), made accessible.

One diagram per area group (landsdækkende, then each region): one picture of every body is too
wide to read. Inline in the page each SVG gets ``role="img"``, a ``<title>`` (its accessible name,
``aria-labelledby``) and a ``<desc>`` (``aria-describedby``) with ids unique on the page
(``diagram-titel-<slug>``), and Graphviz' own element ids get the prefix ``d-<slug>-``, so
several diagrams can share one page. The page beside them lists every relation
as text with links, which is the text alternative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TITLE = "Organisationsdiagram"


@dataclass(frozen=True)
class Svg:
    standalone: str  # a complete SVG file
    inline: str  # the <svg> element for embedding in HTML
    title: str  # the accessible name (the <title>)
    title_id: str  # id of the inline <title>


_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ID = re.compile(r'(\sid=")([^"]*)(")')
_REF = re.compile(r'((?:xlink:)?href="#|url\(#)([^")]*)')


def _prefix_ids(text: str, prefix: str) -> str:
    """Prefix every id (and every reference to one) so that inline SVGs do not collide."""
    text = _ID.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}{m.group(3)}", text)
    return _REF.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", text)


def accessible_svg(svg: str, nodes: int, edges: int, slug: str = "", title: str = TITLE) -> Svg:
    """Give the SVG a title and a description (inline: referenced by aria-labelledby).

    ``slug`` makes the inline ids unique on a page with several diagrams.
    """
    from markupsafe import escape

    suffix = f"-{slug}" if slug else ""
    title_id, desc_id = f"diagram-titel{suffix}", f"diagram-beskrivelse{suffix}"
    body = _COMMENT.sub("", _PROLOG.sub("", svg, count=1)).strip()
    desc = (f"Diagram over {nodes} organer og {edges} relationer mellem dem, ordnet efter område "
            "og niveau. Den samme information står som tekst under diagrammerne.")
    head_end = body.index(">") + 1
    open_tag, rest = body[:head_end], body[head_end:]
    inline_rest = _prefix_ids(rest, f"d{suffix}-") if slug else rest
    inline_tag = open_tag.replace(
        "<svg", f'<svg role="img" aria-labelledby="{title_id}" aria-describedby="{desc_id}" '
        'focusable="false"', 1)
    inline = (f'{inline_tag}\n<title id="{title_id}">{escape(title)}</title>\n'
              f'<desc id="{desc_id}">{escape(desc)}</desc>{inline_rest}')
    standalone = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
                  + open_tag.replace("<svg", '<svg xml:lang="da"', 1)
                  + f"\n<title>{escape(title)}</title>\n<desc>{escape(desc)}</desc>{rest}\n")
    return Svg(standalone, inline, title, title_id)


def diagram_svg(graph: object, slug: str = "") -> Svg | None:
    """The diagram of a ``kommissorium.graph.Graph``, or None when Graphviz is not installed."""
    from kommissorium.graph import GraphError, render_graphviz, to_dot

    try:
        svg = render_graphviz(to_dot(graph), "svg").decode("utf-8")  # type: ignore[arg-type]
    except GraphError:
        return None
    if "<svg" not in svg:
        return None
    return accessible_svg(svg, len(graph.nodes), len(graph.edges), slug,  # type: ignore[attr-defined]
                          getattr(graph, "title", TITLE) or TITLE)
