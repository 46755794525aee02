"""`kommissorium rules [CODE]`: list the rules, or explain one."""

from __future__ import annotations

from typing import Optional

import typer

from kommissorium.commands._common import fail_usage, guarded


def register(app: typer.Typer) -> None:
    @app.command("rules")
    @guarded
    def rules(
        code: Optional[str] = typer.Argument(None, help="Regelkode eller navn, fx R001."),
    ) -> None:
        """Vis reglerne, eller forklar én regel med eksempler."""
        from kommissorium.problems import Severity
        from kommissorium.rules import RULES, lookup

        if code is None:
            for r in RULES.values():
                typer.echo(f"{r.code:<6} {r.severity.value:<9} {r.name:<34} {r.summary}")
            return
        r = lookup(code)
        if r is None:
            raise fail_usage(f"ukendt regel '{code}'; se 'kommissorium rules'.")
        typer.echo(f"{r.code} {r.name} (standardalvor: {r.severity.value})\n")
        typer.echo(r.summary + "\n")
        typer.echo(r.doc)
        _ = Severity
