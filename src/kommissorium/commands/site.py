"""`kommissorium site`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

import typer

from kommissorium.commands._common import guarded


def register(app: typer.Typer) -> None:
    @app.command("site")
    @guarded
    def site(
        path: Optional[Path] = typer.Argument(
            None, help="Mappen med kommissorier. Standard: repositoriets charters/.", show_default=False
        ),
        output: Optional[Path] = typer.Option(
            None, "--uddata", "-o", "--output",
            help="Mappe til webstedet (standard: build/site i repositoriets rod; med --vis og uden "
            "-o en midlertidig mappe).",
            show_default=False,
        ),
        serve: bool = typer.Option(
            False, "--vis", "--serve", help="Vis webstedet lokalt på http://127.0.0.1 efter bygningen (Ctrl-C stopper)."
        ),
        port: int = typer.Option(
            8000, "--port", "-p", min=0, max=65535,
            help="Port til --vis (0: en ledig port).",
        ),
        pdf: bool = typer.Option(True, "--pdf/--uden-pdf", " /--no-pdf", help="Læg en PDF af hvert kommissorium på siden."),
        title: Optional[str] = typer.Option(
            None, "--titel", "--title", help="Webstedets titel (standard: »Kommissorier for sundhedssamarbejdet«).",
            show_default=False,
        ),
        template: Optional[Path] = typer.Option(
            None, "--skabelon", "-t", "--template",
            help="Mappe med egne skabeloner; søges før repositoriets templates/ og standardskabelonerne.",
            show_default=False,
        ),
        overgang: Optional[str] = typer.Option(
            None, "--overgang", metavar="ÅÅÅÅ-MM-DD",
            help="Dagen for siden 'Overgang' (standard: registrets næste ændring efter i dag, "
            "fx 2027-01-01).", show_default=False,
        ),
    ) -> None:
        """Byg et statisk, tilgængeligt websted med alle kommissorier.

        Forside efter område og niveau, en side og en PDF for hvert kommissorium,
        organisationsdiagram, overgangen til registrets næste ændring og søgning.

        Webstedet virker uden server (file://) og uden JavaScript, bortset fra søgningen.
        Exitkoder: 0 bygget, 1 bygget uden kommissorier med fejl, 2 brugs- eller læsefejl.
        """
        from kommissorium.commands._common import parse_day

        raise typer.Exit(run(path, output, serve=serve, port=port, pdf=pdf, title=title,
                             template=template,
                             transition=parse_day(overgang, "--overgang")))


def run(path: Path | None, output: Path | None, *, serve: bool = False, port: int = 8000,
        pdf: bool = True, title: str | None = None, template: Path | None = None,
        cwd: Path | None = None, transition: "date | None" = None) -> int:
    """The site command as a function: returns the exit code."""
    import shutil
    import sys
    import tempfile
    import time

    from kommissorium.corpus import display_path
    from kommissorium.errors import UsageError
    from kommissorium.problems import sort_problems
    from kommissorium.render.environment import template_option, template_search_path
    from kommissorium.reporters import REPORTERS
    from kommissorium.site import DEFAULT_TITLE, SiteOptions, build_site
    from kommissorium.workspace import Target, Workspace, renderable

    started = time.perf_counter()
    ws = Workspace.find(cwd)
    cwd = ws.cwd
    template = template_option(template, cwd)
    found = ws.targets([path] if path is not None else [])
    if len(found) != 1:
        raise UsageError("Angiv én mappe med kommissorier.")
    root, targets = found[0].root, found[0].paths
    if targets and any(t.is_file() for t in targets):
        raise UsageError("Webstedet bygges af en hel mappe med kommissorier, ikke af en enkelt fil.")

    temporary = None
    if output is None and serve:
        temporary = Path(tempfile.mkdtemp(prefix="kommissorium-site-"))
        outdir = temporary
    elif output is None:
        outdir = root.parent / "build" / "site"
    else:
        outdir = ws.path(output)

    if temporary is None:
        from kommissorium.contain import output_folder, source_folders

        output_folder(outdir, ws.root, source_folders(ws.root, [root], ws.config.templates), cwd)
    # The whole folder, whatever part of it was named.
    whole = Target(root)
    cs = whole.load(cwd)
    chosen = renderable(cs, whole, cwd)
    ids, failed = chosen.ids, chosen.failed
    if chosen.problems:
        REPORTERS["text"](sort_problems(chosen.problems), chosen.files, sys.stderr)
    options = SiteOptions(
        title=title or DEFAULT_TITLE, pdf=pdf, transition=transition,
        templates=template_search_path(root.parent, template, ws.config.templates,
                                       ws.config.where("skabeloner", "templates")),
    )
    # Bind the port before the (slow) build: a busy port is reported at once.
    server = _bind(outdir, port) if serve else None
    try:
        result = build_site(cs, outdir, options, ids)
        seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
        where = str(result.out) if temporary is not None else display_path(result.out, cwd)
        noun = "kommissorium" if result.charters == 1 else "kommissorier"
        msg = (f"Byggede webstedet med {result.charters} {noun} ({len(result.pages)} sider, "
               f"{result.pdfs} PDF'er) i {where}/ på {seconds} s.")
        if not result.diagram:
            msg += " Organisationsdiagrammet mangler: installér Graphviz (dot)."
        if failed:
            msg += f" {failed} kommissorier kom ikke med på grund af fejl."
        typer.echo(msg, err=True)
        if server is not None:
            _serve(server)
    finally:
        if server is not None:
            server.server_close()
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
    return 1 if failed else 0


def _bind(folder: Path, port: int):
    from kommissorium.errors import UsageError
    from kommissorium.site.serve import make_server

    try:
        return make_server(folder, port)
    except OSError as exc:
        raise UsageError(
            f"Kunne ikke lytte på 127.0.0.1:{port} ({exc.strerror or exc}). Vælg en anden port med "
            "--port, eller --port 0 for en ledig."
        ) from None


def _serve(server) -> None:
    from kommissorium.site.serve import url_of

    try:
        typer.echo(f"Webstedet vises på {url_of(server)} – tryk Ctrl-C for at stoppe.", err=True)
        from kommissorium.budget import stop_run_budget

        stop_run_budget()  # serving runs until stopped
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("Stoppet.", err=True)
