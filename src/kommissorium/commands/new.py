"""`kommissorium new`: a new charter from a frame or a type."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kommissorium.commands._common import guarded


def register(app: typer.Typer) -> None:
    @app.command("new")
    @guarded
    def new(
        id: str = typer.Argument(
            ..., help="Det nye kommissoriums id = stien under charters/ uden .yaml, "
            "fx 'nordjylland/klynge-nord/politisk'.",
        ),
        navn: Optional[str] = typer.Option(None, "--navn", help="Organets fulde navn.",
                                           show_default=False),
        type: Optional[str] = typer.Option(
            None, "--type", help="politisk, administrativ, fagligt-strategisk, forum, netværk, "
            "arbejdsgruppe, udvalg, sekretariat, sundhedsråd, … (standard: rammens). Med "
            "sundhedsråd og --område <sundhedsråd> udbygger kommissoriet den nationale ramme "
            "for sundhedsråd, som lægges i repositoriet, hvis den mangler; navnet er rådets.",
            show_default=False),
        omraade: Optional[str] = typer.Option(
            None, "--område", "--omraade",
            help="Registernøgle for området, fx 'klynge-nordjylland-nord' (standard: rammens).",
            show_default=False),
        ramme: Optional[str] = typer.Option(
            None, "--fra-ramme", help="Id på rammen, kommissoriet udbygger; dens afsnit arves.",
            show_default=False),
        forkortelse: Optional[str] = typer.Option(None, "--forkortelse", show_default=False,
                                                  help="Organets forkortelse, fx 'SSU'."),
        formaal: Optional[str] = typer.Option(None, "--formål", "--formaal", show_default=False,
                                              help="Organets formål."),
        moeder: Optional[str] = typer.Option(
            None, "--møder", "--moeder", show_default=False,
            help="Møder om året: 4, \"3-4\", \"ca. 10\" eller \"efter behov\"."),
        charters: Optional[Path] = typer.Option(
            None, "--kommissorier", "--charters", help="Mappen med kommissorier (standard: repositoriets charters/).",
            show_default=False),
    ) -> None:
        """Opret et nyt kommissorium fra en ramme eller en type.

        Alle valg kan gives som flag (til scripts); mangler navnet, og er terminalen
        interaktiv, spørges der. Filen overskrives aldrig, og den valideres, når den er
        skrevet. Med --fra-ramme skrives 'udbygger:', og rammens afsnit arves i stedet for at
        blive kopieret. Exitkoder: 0 oprettet og gyldig, 1 oprettet med fund, 2 brugsfejl.
        """
        raise typer.Exit(run(id=id,
                             navn=navn,
                             type=type,
                             omraade=omraade,
                             ramme=ramme,
                             forkortelse=forkortelse,
                             formaal=formaal,
                             moeder=moeder,
                             charters=charters))


def run(
    id: str,
    navn: Optional[str] = None,
    type: Optional[str] = None,
    omraade: Optional[str] = None,
    ramme: Optional[str] = None,
    forkortelse: Optional[str] = None,
    formaal: Optional[str] = None,
    moeder: Optional[str] = None,
    charters: Optional[Path] = None,
) -> int:
    """`kommissorium new` as a plain function: its exit code (user errors raise
    ``KommissoriumError``, which the command guard reports)."""
    import sys

    from kommissorium.check import check
    from kommissorium.corpus import display_path
    from kommissorium.errors import UsageError
    from kommissorium.workspace import Workspace, find_root
    from kommissorium.new import NewCharter, create
    from kommissorium.reporters import REPORTERS

    if navn is None and type != "sundhedsråd":
        if sys.stdin.isatty():
            navn = typer.prompt("Organets navn")
        else:
            raise UsageError("Angiv organets navn med --navn.")
    if charters is None:
        ws = Workspace.find()
        charters = ws.charters("Angiv den med --kommissorier.")
        repo_root = ws.root
    else:
        if not charters.is_dir():
            raise UsageError(f"'{charters}' er ikke en mappe.")
        repo_root = find_root(charters) or charters.resolve().parent
    spec = NewCharter(id, navn or "", type, omraade, ramme, forkortelse, formaal, moeder)
    path = create(spec, charters.resolve(), Path(repo_root).resolve())
    typer.echo(f"Oprettede {display_path(path)}.", err=True)
    result = check([path])
    if result.problems:
        REPORTERS["text"](result.problems, result.files, sys.stdout)
    return result.exit_code()
