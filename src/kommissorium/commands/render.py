"""`kommissorium render`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kommissorium.commands._common import fail_usage, guarded, join

ALL_FORMATS = ("pdf", "html", "md", "docx")
#: Without --format: the three formats `make demo` and the site use (docx on request).
DEFAULT_FORMATS = ("pdf", "html", "md")
#: The format names users write (as diff and graph: "markdown"; "md" and "word" stay as aliases).
FORMAT_NAMES = ("pdf", "html", "markdown", "docx")
#: Above this many documents a progress bar is shown (on a terminal).
PROGRESS_FROM = 5


def parse_formats(value: str | None) -> tuple[str, ...]:
    if not value:
        return DEFAULT_FORMATS
    out: list[str] = []
    for part in value.replace(" ", "").split(","):
        if not part:
            continue
        part = {"markdown": "md", "htm": "html", "word": "docx"}.get(part.lower(), part.lower())
        if part not in ALL_FORMATS:
            raise fail_usage(f"ukendt format '{part}'; vælg mellem {join(FORMAT_NAMES)}.")
        if part not in out:
            out.append(part)
    if not out:
        raise fail_usage("angiv mindst ét format, fx --format pdf,html,md.")
    return tuple(out)


_FORMAT_NAMES = {"pdf": "PDF", "html": "HTML", "md": "Markdown", "docx": "Word (docx)"}


def register(app: typer.Typer) -> None:
    @app.command("render")
    @guarded
    def render(
        paths: Optional[list[Path]] = typer.Argument(
            None, help="Filer eller mapper. Standard: repositoriets charters/.", show_default=False
        ),
        output: Optional[Path] = typer.Option(
            None, "--uddata", "-o", "--output", help="Uddatamappe (standard: build/ i repositoriets rod).",
            show_default=False,
        ),
        format: Optional[str] = typer.Option(
            None, "--format", "-f", help="Formater, kommasepareret: pdf, html, markdown, docx (Word) (standard: pdf, html og markdown).",
            show_default=False,
        ),
        template: Optional[Path] = typer.Option(
            None, "--skabelon", "-t", "--template",
            help="Mappe med egne skabeloner; søges før repositoriets templates/ og standardskabelonerne.",
            show_default=False,
        ),
        jobs: Optional[int] = typer.Option(
            None, "--job", "-j", "--jobs", min=1, help="Antal processer (standard: antal tilgængelige kerner).",
            show_default=False,
        ),
        quiet: bool = typer.Option(False, "--stille", "-q", "--quiet", help="Kun fejl; ingen statuslinje."),
    ) -> None:
        """Gengiv kommissorier som danske dokumenter i PDF, HTML, Markdown og Word.

        Der skrives én fil pr. kommissorium for hvert format, navngivet efter id'et.

        Kommissorier med læse- eller formatfejl springes over og rapporteres (exitkode 1);
        de øvrige gengives. Exitkoder: 0 alt gengivet, 1 fejl i et eller flere kommissorier,
        2 brugs- eller læsefejl.
        """
        raise typer.Exit(run(list(paths or []), output, parse_formats(format), template,
                                    jobs, quiet))


def run(paths: list[Path], output: Path | None, formats: tuple[str, ...],
               template: Path | None, jobs: int | None, quiet: bool,
               cwd: Path | None = None) -> int:
    """The render command as a function: returns the exit code."""
    import sys
    import time

    from kommissorium.corpus import display_path
    from kommissorium.errors import UsageError
    from kommissorium.problems import sort_problems
    from kommissorium.render.environment import template_option, template_search_path
    from kommissorium.render.gitinfo import git_info_for
    from kommissorium.reporters import REPORTERS
    from kommissorium.workspace import Workspace, renderable

    started = time.perf_counter()
    ws = Workspace.find(cwd)
    cwd = ws.cwd
    template = template_option(template, cwd)
    targets = ws.targets(paths)
    outdir = ws.path(output) if output is not None else (ws.root or cwd) / "build"
    if outdir.exists() and not outdir.is_dir():
        raise UsageError(f"Uddatamappen '{display_path(outdir, cwd)}' er en fil, ikke en mappe.")
    from kommissorium.contain import output_folder, source_folders

    outdir = output_folder(outdir, ws.root, source_folders(ws.root, [t.root for t in targets],
                                                           ws.config.templates), cwd)

    problems = []
    rendered = 0
    failed = 0
    files_seen = 0
    for target in targets:
        cs = target.load(cwd)
        chosen = renderable(cs, target, cwd)
        problems += chosen.problems
        files_seen += chosen.files
        failed += chosen.failed
        ids = chosen.ids
        if not ids:
            continue
        search = template_search_path(target.root.parent, template, ws.config.templates,
                                          ws.config.where("skabeloner", "templates"))
        git = git_info_for(target.root)
        results = _run(cs, ids, formats, outdir, search, git, jobs, cwd, quiet)
        for r in results:
            if r.error:
                failed += 1
                f = cs.get(r.id)
                where = f.display if f is not None else r.id
                typer.echo(f"{where}: fejl: {r.error}", err=True)
            else:
                rendered += 1

    if problems:
        REPORTERS["text"](sort_problems(problems), files_seen, sys.stderr)
    if not quiet:
        elapsed = time.perf_counter() - started
        noun = "kommissorium" if rendered == 1 else "kommissorier"
        where = display_path(outdir, cwd)
        if where.startswith(".."):
            where = str(outdir)
        seconds = f"{elapsed:.1f}".replace(".", ",")
        msg = f"Gengav {rendered} {noun} som {join([_FORMAT_NAMES.get(f, f) for f in formats])} i {where}/ på {seconds} s."
        if failed:
            msg += f" {failed} blev ikke gengivet på grund af fejl."
        typer.echo(msg, err=True)
    if failed:
        return 1
    if rendered == 0 and not problems:
        raise UsageError("Fandt ingen kommissorier at gengive.")
    return 0


def _run(cs, ids, formats, outdir, search, git, jobs, cwd, quiet):
    from kommissorium.render.batch import render_batch

    if quiet or len(ids) < PROGRESS_FROM:
        return render_batch(cs, ids, formats, outdir, search, git, jobs, cwd)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if not console.is_terminal:
        return render_batch(cs, ids, formats, outdir, search, git, jobs, cwd)
    progress = Progress(
        TextColumn("Gengiver"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True,
    )
    task = progress.add_task("render", total=len(ids))
    try:
        return render_batch(
            cs, ids, formats, outdir, search, git, jobs, cwd,
            on_result=lambda r: progress.advance(task),
            before_wait=progress.start,
        )
    finally:
        progress.stop()
