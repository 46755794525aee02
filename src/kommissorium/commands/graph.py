"""`kommissorium graph`: the organisation diagram as Mermaid, DOT, SVG or PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kommissorium.commands._common import fail_usage, guarded, join, parse_day

FORMATS = ("mermaid", "markdown", "dot", "svg", "pdf")


def register(app: typer.Typer) -> None:
    @app.command("graph")
    @guarded
    def graph(
        path: Optional[Path] = typer.Argument(
            None, help="Mappen med kommissorier. Standard: repositoriets charters/.",
            show_default=False,
        ),
        format: str = typer.Option(
            "mermaid", "--format", "-f",
            help="mermaid, markdown (Mermaid i en ```-blok), dot, svg eller pdf "
            "(svg og pdf kræver Graphviz).",
        ),
        output: Optional[Path] = typer.Option(
            None, "--uddata", "-o", "--output", help="Skriv til denne fil i stedet for standard-output.",
            show_default=False,
        ),
        region: Optional[str] = typer.Option(
            None, "--region", help="Kun organer i denne region, fx 'nordjylland'.",
            show_default=False,
        ),
        kilde: Optional[str] = typer.Option(
            None, "--kilde", help="Kun kommissorier, hvis 'kilde' indeholder denne tekst.",
            show_default=False,
        ),
        under: Optional[str] = typer.Option(
            None, "--under", help="Kun kommissorier med id under dette præfiks, fx "
            "'nordjylland/klynge-nord'.", show_default=False,
        ),
        dato: Optional[str] = typer.Option(
            None, "--dato", metavar="ÅÅÅÅ-MM-DD",
            help="Tegn organerne, som de findes denne dag: ophørte organer og områder udelades "
            "(fx 2027-01-01: uden sundhedsklynger).", show_default=False,
        ),
        eksterne: bool = typer.Option(
            True, "--eksterne/--uden-eksterne",
            help="Vis organisationer og organer uden for udvalget som eksterne knuder.",
        ),
    ) -> None:
        """Tegn organisationsdiagrammet over organer og deres relationer.

        Organerne grupperes efter region og niveau, med relationerne mellem dem (refererer til,
        forbereder for, årlig status, opgaver fra, udbygger, …).

        Exitkoder: 0 diagrammet er skrevet, 2 brugsfejl eller Graphviz mangler (svg/pdf).
        """
        raise typer.Exit(run(path=path, format=format, output=output, region=region, kilde=kilde,
                             under=under, eksterne=eksterne, dato=dato))


def run(
    path: Optional[Path] = None,
    format: str = "mermaid",
    output: Optional[Path] = None,
    region: Optional[str] = None,
    kilde: Optional[str] = None,
    under: Optional[str] = None,
    eksterne: bool = True,
    dato: Optional[str] = None,
) -> int:
    """`kommissorium graph` as a plain function: its exit code (user errors raise
    ``KommissoriumError``, which the command guard reports)."""
    import sys

    from kommissorium.corpus import load_corpus
    from kommissorium.errors import UsageError
    from kommissorium.graph import build_graph, render_graphviz, to_dot, to_mermaid
    from kommissorium.workspace import Workspace

    if format not in FORMATS:
        raise fail_usage(f"ukendt format '{format}'; vælg mellem {join(FORMATS)}.")
    root = Workspace.find().charters_folder(path, "Angiv mappen.")
    if path is not None and path.resolve() != root and root in path.resolve().parents:
        under = under or path.resolve().relative_to(root).as_posix()
    cs = load_corpus(root)
    g = build_graph(cs, region=region, source=kilde, under=under, externals=eksterne,
                    when=parse_day(dato))
    if not g.nodes:
        raise UsageError("Ingen kommissorier passer til udvalget; diagrammet ville være tomt.")
    if format in ("mermaid", "markdown"):
        text = to_mermaid(g)
        if format == "markdown":
            text = f"```mermaid\n{text}```\n"
        data = text.encode("utf-8")
    elif format == "dot":
        data = to_dot(g).encode("utf-8")
    else:
        data = render_graphviz(to_dot(g), format)
    if output is None:
        if format == "pdf" and sys.stdout.isatty():
            raise fail_usage("PDF skrives ikke til terminalen; angiv en fil med -o.")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    from kommissorium.contain import write_file_checked

    write_file_checked(output, data)
    typer.echo(f"Skrev {output} ({len(g.nodes)} organer, {len(g.edges)} relationer).", err=True)
    return 0
