"""`kommissorium kalender`: the meeting plans as an iCalendar file (RFC 5545)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kommissorium.commands._common import guarded


def register(app: typer.Typer) -> None:
    @app.command("kalender")
    @guarded
    def kalender(
        path: Optional[Path] = typer.Argument(
            None, help="Mappen med kommissorier, eller ét organs kommissorium eller mødeplan. "
            "Standard: repositoriets charters/.", show_default=False,
        ),
        output: Optional[Path] = typer.Option(
            None, "--uddata", "-o", "--output", help="Skriv kalenderen til denne fil (fx møder.ics) i stedet "
            "for standard-output.", show_default=False,
        ),
        name: Optional[str] = typer.Option(
            None, "--navn", help="Kalenderens navn (standard: organets navn, eller 'Møder').",
            show_default=False,
        ),
    ) -> None:
        """Skriv mødeplanerne som en iCalendar-fil (.ics) til Outlook, Google Kalender m.fl.

        Mødeplanen står ved siden af kommissoriet i <organ>.moeder.yaml. Hvert møde får et fast
        id (UID), så en ny import opdaterer møderne i stedet for at lave dem to gange; aflyste
        møder står som aflyst. Kalenderen nævner ingen personer.

        Exitkoder: 0 kalenderen er skrevet, 1 en mødeplan har fejl (den er udeladt),
        2 brugs- eller læsefejl.
        """
        raise typer.Exit(run_calendar(path, output, name))


def run_calendar(path: Path | None, output: Path | None, name: str | None = None,
                 cwd: Path | None = None) -> int:
    """The calendar command as a function: returns the exit code."""
    import sys

    from kommissorium.corpus import display_path
    from kommissorium.errors import UsageError
    from kommissorium.problems import Severity, sort_problems
    from kommissorium.reporters import REPORTERS
    from kommissorium.roster.calendar import build_calendar, calendar_ids
    from kommissorium.roster.files import companion_of
    from kommissorium.workspace import Workspace

    ws = Workspace.find(cwd)
    found = ws.targets([path] if path is not None else [])
    if len(found) != 1:
        raise UsageError("Angiv én mappe med kommissorier eller ét organs fil.")
    target = found[0]
    cs = target.load(ws.cwd)
    problems = [p for p in cs.problems if target.selects(ws.cwd / p.file)]
    ids = None
    if target.paths and not any(p.is_dir() for p in target.paths):
        wanted = {companion_of(p).resolve() for p in target.paths}
        ids = [f.id for f in cs.valid() if f.path.resolve() in wanted]
    chosen = calendar_ids(cs, ids)
    data = build_calendar(cs, chosen, name)
    failed = [p for p in problems if p.severity is Severity.ERROR]
    if problems:
        REPORTERS["text"](sort_problems(problems), len(cs.files), sys.stderr)
    meetings = sum(len(cs.plans[c].data.meetings) for c in chosen)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        from kommissorium.contain import write_file_checked

        if ws.path(output).is_dir():
            raise UsageError(f"'{output}' er en mappe; angiv en fil, fx {output}/møder.ics.")
        out = write_file_checked(output, data, ws.cwd)
        noun = "organ" if len(chosen) == 1 else "organer"
        typer.echo(f"Skrev {display_path(out, ws.cwd)}: {meetings} {'møde' if meetings == 1 else 'møder'} fra {len(chosen)} "
                   f"{noun}.", err=True)
    if not chosen:
        typer.echo("Fandt ingen mødeplaner (<organ>.moeder.yaml ved siden af kommissoriet); "
                   "kalenderen er tom.", err=True)
    return 1 if failed else 0
