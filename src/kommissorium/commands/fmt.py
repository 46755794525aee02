"""`kommissorium fmt`: canonical formatting of charter files."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kommissorium.commands._common import guarded


def register(app: typer.Typer) -> None:
    @app.command("fmt")
    @guarded
    def fmt(
        paths: Optional[list[Path]] = typer.Argument(
            None, help="Filer eller mapper. Standard: repositoriets charters/.", show_default=False
        ),
        check: bool = typer.Option(
            False, "--tjek", "--check",
            help="Skriv intet; list filer, der ville blive ændret (exitkode 1, hvis der er nogen).",
        ),
        diff: bool = typer.Option(
            False, "--forskel", "--diff",
            help="Skriv intet; vis ændringerne som unified diff (exitkode 1, hvis der er nogen).",
        ),
        only_charters: bool = typer.Option(
            False, "--kun-kommissorier",
            help="Formatér kun de angivne filer, der ligger i repositoriets mappe med kommissorier "
            "(charters/ eller mappen i kommissorium.toml); andre filer springes over. Til pre-commit.",
        ),
    ) -> None:
        """Formatér kommissorier kanonisk: nøglerækkefølge og indrykning.

        Kommentarer, anførselstegn, tomme linjer og blok-tekster bevares. Registerfiler
        (charters/_register/) indrykkes, men deres nøgler flyttes ikke.
        Exitkoder: 0 alt er formateret, 1 filer ville blive ændret (--tjek/--forskel) eller kan
        ikke læses, 2 brugsfejl.
        """
        raise typer.Exit(run(paths=paths,
                             check=check,
                             diff=diff,
                             only_charters=only_charters))


def _inside_charters(paths: list[Path], cwd: Optional[Path] = None) -> list[Path]:
    """The paths that lie in the repository's configured charters folder (all of it when none
    were given)."""
    from kommissorium.workspace import Workspace

    ws = Workspace.find(cwd)
    folder = ws.config.charters_dir
    if folder is None or not folder.is_dir():
        return []
    folder = folder.resolve()
    if not paths:
        return [folder]
    return [p for p in paths if folder in ws.path(p).resolve().parents]


def run(
    paths: Optional[list[Path]] = None,
    check: bool = False,
    diff: bool = False,
    only_charters: bool = False,
    cwd: Optional[Path] = None,
) -> int:
    """`kommissorium fmt` as a plain function: its exit code (user errors raise
    ``KommissoriumError``, which the command guard reports)."""
    import difflib
    import sys

    from kommissorium.corpus import REGISTER_DIR, display_path
    from kommissorium.danish import plural
    from kommissorium.fmt import FormatError, collect, format_file, write_result

    dry_run = check or diff
    if only_charters:
        paths = _inside_charters(list(paths or []), cwd)
        if not paths:
            typer.echo("Ingen af filerne ligger i mappen med kommissorier.", err=True)
            return 0
    links: list = []
    files = collect(list(paths or []), cwd, links=links)
    from kommissorium.roster.files import companion_kind
    from kommissorium.sanitize import printable

    for link in links:
        typer.echo(f"{printable(display_path(link, cwd))}: bemærk: mappen er en symbolsk henvisning og "
                   "formateres ikke.", err=True)
    changed: list[str] = []
    errors = 0
    for path in files:
        display = printable(display_path(path, cwd))  # a file name cannot send terminal escapes
        # Registry files, rosters and meeting plans keep their key order (re-indented only).
        is_register = REGISTER_DIR in path.parts or companion_kind(path) is not None
        try:
            result = format_file(path, display, charter=not is_register)
        except FormatError as exc:
            typer.echo(f"{display}:{exc.line}:{exc.column}: fejl: {exc.message}", err=True)
            errors += 1
            continue
        if not result.changed:
            continue
        changed.append(display)
        if diff:
            sys.stdout.writelines(difflib.unified_diff(
                result.original.splitlines(True), result.formatted.splitlines(True),
                f"a/{display}", f"b/{display}",
            ))
        if check:
            typer.echo(f"{display}: ville blive omformateret")
        elif diff:
            pass
        else:
            write_result(result)
            typer.echo(f"{display}: formateret", err=True)
    n = len(files)
    if dry_run:
        if changed:
            typer.echo(
                f"{len(changed)} af {n} {plural(n, 'fil', 'filer')} ville blive "
                "omformateret; kør 'kommissorium fmt'.", err=True,
            )
        elif not errors:
            typer.echo(
                f"{plural(n, 'Filen', f'Alle {n} filer')} er formateret.", err=True
            )
    else:
        same = n - len(changed) - errors
        typer.echo(
            f"{len(changed)} {plural(len(changed), 'fil', 'filer')} formateret, "
            f"{same} {plural(same, 'uændret', 'uændrede')}.", err=True
        )
    return 1 if (errors or (dry_run and changed)) else 0
