"""`kommissorium diff [BASE] [HEAD]`: what a change does to the charters, in Danish."""

from __future__ import annotations

from typing import Optional

import typer

from kommissorium.commands._common import fail_usage, guarded, join

FORMATS = ("text", "markdown", "json")


def register(app: typer.Typer) -> None:
    @app.command("diff")
    @guarded
    def diff(
        base: Optional[str] = typer.Argument(
            None, help="Git-revision at sammenligne fra. Standard: merge-base med main/master.",
            show_default=False,
        ),
        head: Optional[str] = typer.Argument(
            None, help="Git-revision at sammenligne til. Standard: arbejdstræet.",
            show_default=False,
        ),
        format: str = typer.Option(
            "text", "--format", "-f", help="Uddata: text, markdown (til en PR-kommentar) eller json.",
        ),
        strict: bool = typer.Option(
            False, "--streng", "--strict", help="Exitkode 1, hvis ændringen giver nye fejl.",
        ),
    ) -> None:
        """Vis ændringerne i kommissorierne mellem to git-revisioner, på dansk.

        For hvert ændret kommissorium: navn, mødefrekvens, pladser og det samlede medlemstal,
        formandskab, sekretariat, omformulerede opgaver (med ordforskel) og relationer; desuden
        de fund, ændringen giver eller løser.
        Exitkoder: 0 forskellen er vist, 1 nye fejl med --streng, 2 ukendt revision eller
        ikke et git-repositorium.
        """
        raise typer.Exit(run(base=base, head=head, format=format, strict=strict))


def run(
    base: Optional[str] = None,
    head: Optional[str] = None,
    format: str = "text",
    strict: bool = False,
) -> int:
    """`kommissorium diff` as a plain function: its exit code (user errors raise
    ``KommissoriumError``, which the command guard reports)."""
    import sys

    from kommissorium.diff import diff_revisions, render_json, render_markdown, render_text
    from kommissorium.problems import Severity

    if format not in FORMATS:
        raise fail_usage(f"ukendt format '{format}'; vælg mellem {join(FORMATS)}.")
    result = diff_revisions(base, head)
    if format == "json":
        sys.stdout.write(render_json(result) + "\n")
    else:
        lines = render_markdown(result) if format == "markdown" else render_text(result)
        for line in lines:
            sys.stdout.write(line + "\n")
    if strict and any(p.severity is Severity.ERROR for p in result.introduced):
        return 1
