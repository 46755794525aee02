"""Build the static site: front page, one page per charter (with its PDF), the organisation
diagram and a search page. Every link is relative, so the folder works from ``file://`` and from
any sub-path of a web server. Templates run in the render stage's sandboxed, autoescaping Jinja2
environment; charter pages reuse the render stage's HTML template blocks and PDF output."""

from __future__ import annotations

from kommissorium.danish import BODY_TYPE_GROUPS

import json
import posixpath
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable

from kommissorium import __version__
from kommissorium.corpus import CharterSet
from kommissorium.site.history import History, histories
from kommissorium.site.output import OutputDir
from kommissorium.site.relations import Edge, RelationIndex, relation_index

DEFAULT_TITLE = "Kommissorier for sundhedssamarbejdet"

INDEX = "index.html"
DIAGRAM = "organisationsdiagram.html"
SEARCH = "soeg.html"
TRANSITION = "overgang.html"
SEARCH_INDEX_JSON = "soegeindeks.json"
SEARCH_INDEX_JS = "assets/soegeindeks.js"
CHARTER_DIR = "kommissorier"
STATIC = ("site.css", "soeg.js")

#: Level (body type) → heading on the front page, in this order.
LEVELS: dict[str, str] = BODY_TYPE_GROUPS
NATIONAL = "Landsdækkende"
OTHER = "Andre områder"


@dataclass
class SiteOptions:
    title: str = DEFAULT_TITLE
    pdf: bool = True
    #: Template folders searched before the packaged templates (``--template``, repo templates/).
    templates: tuple[Path, ...] = ()
    #: The day of the transition page (overgang.html); None: the registry's next change after
    #: today (1 January 2027 in December 2026); no page when the registry knows of none.
    transition: "date | None" = None


@dataclass
class SiteResult:
    out: Path
    charters: int = 0
    pdfs: int = 0
    pages: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    diagram: bool = False


def charter_page(cid: str) -> str:
    return f"{CHARTER_DIR}/{cid}.html"


def charter_pdf(cid: str) -> str:
    return f"{CHARTER_DIR}/{cid}.pdf"


def diagram_svg_file(slug: str) -> str:
    """The standalone SVG of one area group's diagram."""
    return f"organisationsdiagram-{slug}.svg"


def relative(from_page: str, target: str) -> str:
    """The link from one site file to another ('../index.html')."""
    base = posixpath.dirname(from_page)
    rel = posixpath.relpath(target, base or ".")
    return rel


def danish_sort_key(text: str) -> str:
    """Sort Danish names with æ, ø, å after z."""
    return text.casefold().replace("aa", "å").translate(str.maketrans({"æ": "{", "ø": "|", "å": "}"}))


def file_size(n: int) -> str:
    if n < 1024:
        return f"{n} byte"
    kb = n / 1024
    if kb < 1000:
        return f"{kb:.0f} kB"
    return f"{kb / 1024:.1f} MB".replace(".", ",")


class _Site:
    def __init__(self, cs: CharterSet, out: OutputDir, options: SiteOptions,
                 ids: list[str] | None = None):
        from kommissorium.render.environment import environment

        self.cs = cs
        self.out = out
        self.options = options
        self.env = environment("html", options.templates)
        valid = [f.id for f in cs.valid()]
        self.ids = sorted(
            (i for i in valid if ids is None or i in set(ids)),
            key=lambda i: danish_sort_key(cs.name_of(i)),
        )
        self.relations: RelationIndex = relation_index(cs, self.ids)
        #: The document of each charter page, for the search index (all of its text).
        self.documents: dict[str, Any] = {}
        self.transition_day = self._transition_day()

    def _transition_day(self) -> "date | None":
        from kommissorium.corpus import today
        from kommissorium.transition import next_change

        return self.options.transition or next_change(self.cs, today())

    # -- names and links -------------------------------------------------------------------------
    def name(self, ref: str) -> str:
        entry = None if ref in self.cs.by_id else self.cs.registry.get(ref)
        if entry is not None:
            from kommissorium.danish.names import proper_name

            return proper_name(entry)  # 'Københavns Kommune', 'Bornholms Regionskommune'
        return self.cs.name_of(ref)

    def area_name(self, cid: str) -> str:
        c = self.cs.charter(cid)
        return self.name(c.area) if c is not None else ""

    def region_of(self, cid: str) -> str:
        c = self.cs.charter(cid)
        if c is None:
            return OTHER
        entry = self.cs.registry.get(c.area)
        if entry is not None and entry.kind == "land":
            return NATIONAL
        region = self.cs.registry.region_of(c.area)
        if region is None:
            return OTHER
        return self.cs.name_of(region)

    def level_of(self, cid: str) -> str:
        c = self.cs.charter(cid)
        return LEVELS.get(c.type.value, c.type.value) if c is not None else ""

    def linker(self, page: str) -> Callable[[str], str]:
        return lambda target: relative(page, target)

    # -- rendering ---------------------------------------------------------------------------------
    def render(self, template: str, page: str, **context: Any) -> str:
        from kommissorium.render.engine import template_guard

        with template_guard(f"site/{template}"):
            return self._render(template, page, **context)

    def _render(self, template: str, page: str, **context: Any) -> str:
        tmpl = self.env.get_template(f"site/{template}")
        return tmpl.render(
            site_title=self.options.title,
            page=page,
            url=self.linker(page),
            version=__version__,
            charter_url=charter_page,
            transition_page=TRANSITION if self.transition_day else None,
            **context,
        )

    def write_page(self, page: str, template: str, **context: Any) -> None:
        self.out.write(page, self.render(template, page, **context))

    # -- pages -------------------------------------------------------------------------------------
    def entry(self, cid: str, page: str) -> dict[str, Any]:
        c = self.cs.charter(cid)
        assert c is not None
        return {
            "id": cid,
            "name": c.name,
            "short_name": c.short_name,
            "url": relative(page, charter_page(cid)),
            "area": self.area_name(cid),
            "level": self.level_of(cid),
            "frame": c.frame,
        }

    def front_page(self) -> None:
        regions: dict[str, dict[str, list[str]]] = {}
        for cid in self.ids:
            regions.setdefault(self.region_of(cid), {}).setdefault(self.level_of(cid), []).append(cid)
        level_order = list(LEVELS.values())

        def region_key(name: str) -> tuple[int, str]:
            return (0 if name == NATIONAL else 2 if name == OTHER else 1, danish_sort_key(name))

        groups = []
        for i, region in enumerate(sorted(regions, key=region_key), start=1):
            levels = regions[region]
            groups.append({
                "name": region,
                "anchor": f"omraade-{i}",
                "count": sum(len(v) for v in levels.values()),
                "levels": [
                    {"name": lvl, "bodies": [self.entry(cid, INDEX) for cid in levels[lvl]]}
                    for lvl in sorted(levels, key=lambda n: (level_order.index(n)
                                                             if n in level_order else 99, n))
                ],
            })
        self.write_page(INDEX, "index.html.j2", groups=groups, total=len(self.ids))

    def edge_view(self, e: Edge, page: str, other: str) -> dict[str, Any]:
        return {
            "verb": e.verb,
            "name": self.name(other),
            "url": relative(page, charter_page(other)) if other in self.cs.by_id and
            self.cs.charter(other) is not None else None,
        }

    def charter_pages(self, result: SiteResult) -> None:
        from kommissorium.document import GitInfo, build_document
        from kommissorium.render.engine import RenderError, render
        from kommissorium.render.gitinfo import git_info_for

        git = git_info_for(self.cs.root)
        paths = {cid: self.cs.by_id[cid].path for cid in self.ids}
        hist = histories(list(paths.values()))
        for cid in self.ids:
            page = charter_page(cid)
            path = paths[cid].resolve()
            info: GitInfo | None = git.get(path)
            doc = build_document(self.cs, cid, info)
            self.documents[cid] = doc
            pdf = None
            if self.options.pdf:
                try:
                    data = render(doc, "pdf", self.options.templates)
                except RenderError:
                    raise
                self.out.write(charter_pdf(cid), data)
                result.pdfs += 1
                pdf = {"url": relative(page, charter_pdf(cid)), "size": file_size(len(data))}
            outgoing = [self.edge_view(e, page, e.target) for e in self.relations.outgoing[cid]]
            incoming = [self.edge_view(e, page, e.source) for e in self.relations.incoming[cid]]
            c = self.cs.charter(cid)
            self.write_page(
                page, "kommissorium.html.j2",
                doc=doc,
                document_html=self.document_html(doc),
                body=self.entry(cid, page),
                region=self.region_of(cid),
                pdf=pdf,
                outgoing=outgoing,
                incoming=incoming,
                history=self.history_view(hist.get(path)),
                source_file=self.cs.by_id[cid].display,
                members_url=self.members_link(cid, page),
                document_self=_document_self(c),
                description=(c.purpose or "").strip().split("\n")[0][:300] if c else "",
            )
            result.charters += 1

    def members_link(self, cid: str, page: str) -> str | None:
        from kommissorium.site.roster import members_link

        return members_link(self, cid, page)

    def document_html(self, doc: Any) -> str:
        """The document's header and body, rendered by the render stage's HTML template blocks."""
        from kommissorium.render.engine import template_guard
        from kommissorium.render.environment import TEMPLATES

        with template_guard(TEMPLATES["html"]):
            return self._document_html(doc)

    def _document_html(self, doc: Any) -> str:
        from markupsafe import Markup

        from kommissorium.render.environment import TEMPLATES

        tmpl = self.env.get_template(TEMPLATES["html"])
        ctx = tmpl.new_context({"doc": doc, "format": "html"})
        parts = []
        for block in ("header", "body"):
            fn = tmpl.blocks.get(block)
            if fn is not None:
                parts.append("".join(fn(ctx)))
        if not parts:  # a user template without blocks: take what stands inside <main>
            html = tmpl.render(doc=doc, format="html")
            start, end = html.find("<main"), html.rfind("</main>")
            if start >= 0 and end > start:
                parts.append(html[html.index(">", start) + 1:end])
        return Markup("".join(parts))

    @staticmethod
    def history_view(h: History | None) -> dict[str, Any]:
        from kommissorium.danish import format_date

        if h is None:
            return {"state": "nogit", "changes": []}
        return {
            "state": "untracked" if h.untracked else "ok",
            "dirty": h.dirty,
            "changes": [
                {"commit": c.commit, "iso": c.date.isoformat() if c.date else "",
                 "date": format_date(c.date) if c.date else "", "subject": c.subject,
                 "author": c.author}
                for c in h.changes
            ],
        }

    def diagram_groups(self) -> list[tuple[str, str]]:
        """(region key, label) of every area group with a body: landsdækkende first, then each
        region by name, anything else last."""
        from kommissorium.graph import NATIONAL as NATIONAL_KEY

        graph = self.relations.graph
        chosen = set(self.ids)
        found = {(n.region, n.region_label) for n in graph.nodes.values()  # type: ignore[attr-defined]
                 if not n.external and n.id in chosen}

        def key(group: tuple[str, str]) -> tuple[int, str]:
            return (0 if group[0] == NATIONAL_KEY else 2 if group[0] == "andet" else 1,
                    danish_sort_key(group[1]))

        return sorted(found, key=key)

    def diagram(self, result: SiteResult) -> None:
        from kommissorium.graph import build_graph
        from kommissorium.site.diagram import diagram_svg

        diagrams = []
        for region, label in self.diagram_groups():
            slug = re.sub(r"[^a-z0-9]+", "-", region.removeprefix("region-").lower()).strip("-")
            graph = build_graph(self.cs, region=region)
            svg = diagram_svg(graph, slug)
            view: dict[str, Any] = {
                "name": label, "anchor": f"diagram-{slug}", "svg": None, "svg_url": None,
                "nodes": len(graph.nodes), "edges": len(graph.edges),
            }
            if svg is not None:
                file = diagram_svg_file(slug)
                self.out.write(file, svg.standalone)
                view.update(svg=svg.inline, svg_url=file, title=svg.title)
                result.diagram = True
            diagrams.append(view)
        graph = self.relations.graph
        bodies = []
        for node in sorted(graph.nodes.values(),  # type: ignore[attr-defined]
                           key=lambda n: (n.external, danish_sort_key(n.label))):
            edges = [self.edge_view(e, DIAGRAM, e.target) for e in self.relations.edges
                     if e.source == node.id]
            if edges:
                entry = {"name": node.label, "url": relative(DIAGRAM, charter_page(node.id))
                         if node.id in self.relations.outgoing else None}
                bodies.append({**entry, "edges": edges})
        self.write_page(
            DIAGRAM, "organisationsdiagram.html.j2",
            diagrams=diagrams,
            graphviz=result.diagram,
            bodies=bodies,
            node_count=len(graph.nodes),  # type: ignore[attr-defined]
            edge_count=len(graph.edges),  # type: ignore[attr-defined]
        )

    def transition(self) -> None:
        """The transition page: the same verdicts as `kommissorium overgang`."""
        from kommissorium.danish import transition as phrases
        from kommissorium.transition import STATUSES, assess, counts

        when = self.transition_day
        if when is None:
            return
        chosen = set(self.ids)
        verdicts = [v for v in assess(self.cs, when) if v.id in chosen]

        def link(cid: str) -> str | None:
            return relative(TRANSITION, charter_page(cid)) if cid in chosen else None

        groups = []
        for status in STATUSES:
            items = []
            for v in (x for x in verdicts if x.status == status):
                successors = [{"name": s.name, "charters": [
                    {"id": c, "name": self.cs.name_of(c), "url": link(c)} for c in s.charters]}
                    for s in v.successors]
                items.append({
                    "id": v.id, "name": v.name, "url": link(v.id), "file": v.file,
                    "reasons": [{"line": r.line, "text": r.summary} for r in v.reasons
                                if v.status != "upåvirket"],
                    "successors": successors,
                    "unconfirmed": any(r.change is not None and r.change.unconfirmed
                                       for r in v.reasons),
                    "note": v.note if v.note != phrases.nothing_ends(when) else "",
                })
            groups.append({"status": status, "title": phrases.STATUS[status],
                           "explained": phrases.capitalize_first(phrases.STATUS_EXPLAINED[status]),
                           "anchor": f"status-{status}", "entries": items})
        self.write_page(TRANSITION, "overgang.html.j2",
                        title=phrases.transition_title(when),
                        summary=phrases.transition_summary(counts(verdicts), when),
                        day=when.isoformat(), groups=groups,
                        unconfirmed_mark=phrases.UNCONFIRMED)

    def search(self) -> None:
        items = []
        for cid in self.ids:
            c = self.cs.effective(cid)
            if c is None:
                continue
            tasks = list(c.tasks.items) if c.tasks else []
            names = [n for n in [c.short_name, *c.other_names] if n]
            doc = self.documents.get(cid)
            if doc is None:
                from kommissorium.document import build_document

                doc = build_document(self.cs, cid)
            items.append({
                "id": cid,
                "navn": c.name,
                "andre": names,
                "url": charter_page(cid),
                "omraade": self.area_name(cid),
                "niveau": self.level_of(cid),
                "opgaver": [" ".join(t.split()) for t in tasks],
                "tekst": search_passages(doc),
            })
        data = json.dumps(items, ensure_ascii=False, separators=(",", ":"))
        self.out.write(SEARCH_INDEX_JSON, data + "\n")
        # A script, not fetch(): browsers refuse fetch() of a local file under file://.
        # "</" is escaped so that no string can end the script element.
        self.out.write(SEARCH_INDEX_JS,
                       "window.kommissoriumSoegeindeks = " + data.replace("</", "<\\/") + ";\n")
        self.write_page(SEARCH, "soeg.html.j2", total=len(items))

    def static(self) -> None:
        folder = Path(__file__).resolve().parent.parent / "templates" / "site" / "static"
        for name in STATIC:
            override = [p / "site" / "static" / name for p in self.options.templates]
            src = next((p for p in override if p.is_file()), folder / name)
            self.out.write(f"assets/{name}", src.read_bytes())


def search_passages(doc: Any) -> list[dict[str, str]]:
    """All text of a charter's document as passages with the heading they stand under: what the
    search looks through (every paragraph, list item, member row and fact, as the page shows it)."""
    from kommissorium.document.model import BulletList, Facts, MemberTable, Paragraph

    out: list[dict[str, str]] = []

    def add(heading: str, text: str | None) -> None:
        text = " ".join((text or "").split())
        if text:
            out.append({"afsnit": heading, "tekst": text})

    for part in (doc.subtitle, doc.approval_line):
        add("", part)
    for fact in doc.facts:
        add("", f"{fact.label}: {fact.value}")
    for section in doc.sections:
        heading = section.heading or ""
        for block in section.blocks:
            if isinstance(block, Paragraph):
                add(heading, block.text)
            elif isinstance(block, BulletList):
                for item in block.items:
                    add(heading, item)
            elif isinstance(block, MemberTable):
                for row in block.rows:
                    add(heading, f"{row.text} ({row.detail})" if row.detail else row.text)
                add(heading, block.total_text)
            elif isinstance(block, Facts):
                for fact in block.items:
                    add(heading, f"{fact.label}: {fact.value}")
    return out


def build_site(cs: CharterSet, out: Path, options: SiteOptions | None = None,
               ids: list[str] | None = None) -> SiteResult:
    """Write the site for the valid charters of ``cs`` (all, or those in ``ids``) into ``out``."""
    options = options or SiteOptions()
    target = OutputDir(out)
    target.prepare()
    site = _Site(cs, target, options, ids)
    result = SiteResult(target.root)
    site.static()
    site.front_page()
    site.charter_pages(result)
    site.diagram(result)
    site.transition()
    site.search()
    from kommissorium.site.roster import write_pages

    write_pages(site, result)
    from kommissorium.site.api import write_api

    write_api(site)
    result.removed = target.finish()
    result.pages = [p for p in target.written if p.endswith(".html")]
    return result


def _document_self(charter) -> str:
    """'kommissoriet', 'forretningsordenen', 'vedtægten' (the phrasebook's word for the kind)."""
    from kommissorium.danish.vocabulary import document_self

    return document_self(charter.kind if charter is not None else None)
