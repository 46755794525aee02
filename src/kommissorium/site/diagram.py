"""The organisation diagram as SVG from the graph stage (Graphviz ``dot``), made accessible.

Inline in the page the SVG gets ``role="img"``, a ``<title>`` and a ``<desc>``; the page beside
it lists every relation as text with links, which is the text alternative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TITLE = "Organisationsdiagram"


@dataclass(frozen=True)
class Svg:
    standalone: str  # a complete SVG file
    inline: str  # the <svg> element for embedding in HTML


_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def accessible_svg(svg: str, nodes: int, edges: int) -> Svg:
    """Give the SVG a title and a description (inline: referenced by aria-labelledby)."""
    from markupsafe import escape

    body = _COMMENT.sub("", _PROLOG.sub("", svg, count=1)).strip()
    desc = (f"Diagram over {nodes} organer og {edges} relationer mellem dem, ordnet efter område "
            "og niveau. Den samme information står som tekst under diagrammet.")
    head_end = body.index(">") + 1
    open_tag, rest = body[:head_end], body[head_end:]
    inline_tag = open_tag.replace(
        "<svg", '<svg role="img" aria-labelledby="diagram-titel diagram-beskrivelse" '
        'focusable="false"', 1)
    inline = (f'{inline_tag}\n<title id="diagram-titel">{escape(TITLE)}</title>\n'
              f'<desc id="diagram-beskrivelse">{escape(desc)}</desc>{rest}')
    standalone = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
                  + open_tag.replace("<svg", '<svg xml:lang="da"', 1)
                  + f"\n<title>{escape(TITLE)}</title>\n<desc>{escape(desc)}</desc>{rest}\n")
    return Svg(standalone, inline)


def diagram_svg(graph: object) -> Svg | None:
    """The diagram of a ``kommissorium.graph.Graph``, or None when Graphviz is not installed."""
    from kommissorium.graph import GraphError, render_graphviz, to_dot

    try:
        svg = render_graphviz(to_dot(graph), "svg").decode("utf-8")  # type: ignore[arg-type]
    except GraphError:
        return None
    if "<svg" not in svg:
        return None
    return accessible_svg(svg, len(graph.nodes), len(graph.edges))  # type: ignore[attr-defined]
