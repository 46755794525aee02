"""`kommissorium validate`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kommissorium.commands._common import default_format, fail_usage, guarded, join, parse_day

FORMATS = ("text", "json", "github", "sarif")


def register(app: typer.Typer) -> None:
    @app.command("validate")
    @guarded
    def validate(
        paths: Optional[list[Path]] = typer.Argument(
            None, help="Filer eller mapper. Standard: repositoriets charters/.", show_default=False
        ),
        format: Optional[str] = typer.Option(
            None, "--format", "-f",
            help="Uddata: text, json, github eller sarif (standard: text; github under GitHub Actions).",
            show_default=False,
        ),
        strict: bool = typer.Option(False, "--streng", "--strict", help="Advarsler giver også exitkode 1."),
        dato: Optional[str] = typer.Option(
            None, "--dato", metavar="ÅÅÅÅ-MM-DD",
            help="Kontrollér også hvert kommissorium, som om det gjaldt denne dag: områder, "
            "organer, henvisninger og pladser, der ikke findes den dag (regler D001-D004), "
            "med slutdato og efterfølger.",
            show_default=False,
        ),
    ) -> None:
        """Kontrollér kommissorier: format, henvisninger og regler på tværs af organer.

        Med --dato 2027-01-01 ses repositoriet, som det står den dag (sundhedsreformen).

        Exitkoder: 0 ingen fund, 1 fund (fejl; advarsler med --streng), 2 brugs- eller læsefejl.
        """
        raise typer.Exit(run(paths=paths, format=format, strict=strict, dato=dato))


def run(
    paths: Optional[list[Path]] = None,
    format: Optional[str] = None,
    strict: bool = False,
    dato: Optional[str] = None,
    cwd: Optional[Path] = None,
) -> int:
    """`kommissorium validate` as a plain function: its exit code (user errors raise
    ``KommissoriumError``, which the command guard reports)."""
    import sys

    from kommissorium.check import check
    from kommissorium.reporters import REPORTERS

    day = parse_day(dato)
    fmt = format or default_format()
    if fmt not in REPORTERS:
        raise fail_usage(
            f"ukendt format '{fmt}'; vælg mellem {join(sorted(REPORTERS))}."
        )
    result = check(list(paths or []), cwd=cwd, as_of=day)
    REPORTERS[fmt](result.problems, result.files, sys.stdout)
    return result.exit_code(strict)
