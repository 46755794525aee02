"""`kommissorium register`: the registry in force on a day."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kommissorium.commands._common import fail_usage, guarded, join, parse_day

FORMATS = ("text", "json")


def register(app: typer.Typer) -> None:
    @app.command("register")
    @guarded
    def register_(
        path: Optional[Path] = typer.Argument(
            None, help="Mappen med kommissorier, hvis _register/ tælles med. Standard: "
            "repositoriets charters/ (uden repository: kun det nationale register).",
            show_default=False,
        ),
        dato: Optional[str] = typer.Option(
            None, "--dato", metavar="ÅÅÅÅ-MM-DD", help="Dagen, registret vises for "
            "(standard: i dag).", show_default=False,
        ),
        format: str = typer.Option("text", "--format", "-f", help="text eller json."),
    ) -> None:
        """Vis registret, som det gælder på en dag: regioner, kommuner, sundhedsklynger eller
        sundhedsråd, organer og organisationer.

        Hver post vises med sin kilde; oplysninger, som ingen primærkilde bekræfter, står som
        '(ikke bekræftet)'. Et repository retter en post i charters/_register/ med
        'rettelse: <begrundelse>'. Exitkoder: 0 vist, 2 brugsfejl.
        """
        import json
        import sys
        from datetime import date

        from kommissorium.corpus import load_corpus
        from kommissorium.registry import load_registry
        from kommissorium.registry.view import registry_on, registry_text
        from kommissorium.workspace import Workspace

        if format not in FORMATS:
            raise fail_usage(f"ukendt format '{format}'; vælg mellem {join(FORMATS)}.")
        when = parse_day(dato) or date.today()
        ws = Workspace.find()
        folder = None
        if path is not None:
            folder = ws.charters_folder(path, "")
        elif ws.root is not None and ws.config.charters_dir is not None \
                and ws.config.charters_dir.is_dir():
            folder = ws.config.charters_dir.resolve()
        if folder is not None:
            reg = load_corpus(folder, ws.cwd).registry
        else:
            reg, _ = load_registry()
        if format == "json":
            sys.stdout.write(json.dumps(registry_on(reg, when), ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(registry_text(reg, when))
