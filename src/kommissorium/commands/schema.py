"""`kommissorium schema`: the JSON Schema of the charter format."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kommissorium.commands._common import fail_usage, guarded


def register(app: typer.Typer) -> None:
    @app.command("schema")
    @guarded
    def schema(
        output: Optional[Path] = typer.Option(
            None, "--uddata", "-o", "--output",
            help="Skriv skemaet til denne fil (fx schema/kommissorium.schema.json) i stedet for "
            "at udskrive det.",
            show_default=False,
        ),
        kind: str = typer.Option(
            "kommissorium", "--art",
            help="Filtypen: kommissorium, medlemmer (<organ>.medlemmer.yaml) eller moeder "
            "(<organ>.moeder.yaml).",
        ),
        check: bool = typer.Option(
            False, "--tjek", "--check",
            help="Skriv intet; exitkode 1, hvis filen (-o, ellers repositoriets "
            "schema/<art>.schema.json) ikke svarer til modellerne.",
        ),
    ) -> None:
        """Udskriv JSON Schema for kommissorieformatet (med danske beskrivelser).

        Med --art medlemmer eller --art moeder: skemaet for medlemslister og mødeplaner.

        Kommissorier henviser til skemaet med linjen
        '# yaml-language-server: $schema=../../schema/kommissorium.schema.json', så editoren
        foreslår og kontrollerer nøgler, mens man skriver.
        """
        raise typer.Exit(run(output=output, kind=kind, check=check))


def run(
    output: Optional[Path] = None,
    kind: str = "kommissorium",
    check: bool = False,
) -> int:
    """`kommissorium schema` as a plain function: its exit code (user errors raise
    ``KommissoriumError``, which the command guard reports)."""
    import sys

    from kommissorium.workspace import find_root
    from kommissorium.schema import KINDS, schema_path, schema_text

    if kind not in KINDS:
        raise fail_usage(f"ukendt filtype '{kind}'; vælg mellem kommissorium, medlemmer og moeder.")
    text = schema_text(kind)
    if check:
        target = output
        if target is None:
            root = find_root(Path.cwd())
            if root is None:
                raise fail_usage(
                    "fandt ikke repositoriets rod (kommissorium.toml eller charters/); "
                    "angiv filen med -o."
                )
            target = root / schema_path(kind)
        if not target.is_file():
            typer.echo(f"{target}: skemaet findes ikke; kør 'kommissorium schema -o {target}'.")
            return 1
        if target.read_text(encoding="utf-8") != text:
            typer.echo(
                f"{target}: skemaet er forældet i forhold til modellerne; kør "
                f"'kommissorium schema -o {target}'."
            )
            return 1
        typer.echo(f"{target}: skemaet er opdateret.")
        return 0
    if output is None:
        sys.stdout.write(text)
        return 0
    from kommissorium.contain import write_file_checked

    write_file_checked(output, text)
    typer.echo(f"Skrev {output}.", err=True)
    return 0
