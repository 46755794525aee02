"""`kommissorium overgang`: which charters cease, must change or are unaffected on a day."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kommissorium.commands._common import fail_usage, guarded, join, parse_day

FORMATS = ("text", "markdown", "json")


def register(app: typer.Typer) -> None:
    @app.command("overgang")
    @guarded
    def overgang(
        path: Optional[Path] = typer.Argument(
            None, help="Mappen med kommissorier. Standard: repositoriets charters/.",
            show_default=False,
        ),
        dato: str = typer.Option(
            ..., "--dato", metavar="ÅÅÅÅ-MM-DD",
            help="Dagen, overgangen gælder, fx 2027-01-01 (sundhedsreformen).",
        ),
        format: str = typer.Option("text", "--format", "-f", help="text, markdown eller json."),
        output: Optional[Path] = typer.Option(
            None, "--uddata", "-o", "--output", help="Skriv til denne fil i stedet for standard-output.",
            show_default=False,
        ),
    ) -> None:
        """Overgangsrapport: hvilke kommissorier ophører, skal ændres eller er upåvirkede på en dag.

        Ophører: organet eller dets område nedlægges (en sundhedsklynge, et
        sundhedssamarbejdsudvalg). Skal ændres: kommissoriet henviser til, har pladser fra eller
        refererer til noget, der nedlægges. Hver grund nævner fil og linje, slutdato og
        efterfølger fra registret. Exitkoder: 0 rapporten er skrevet, 2 brugsfejl.
        """
        import json
        import sys

        from kommissorium.corpus import load_corpus
        from kommissorium.overgang import report_data, report_markdown, report_text
        from kommissorium.workspace import Workspace

        if format not in FORMATS:
            raise fail_usage(f"ukendt format '{format}'; vælg mellem {join(FORMATS)}.")
        when = parse_day(dato)
        ws = Workspace.find()
        root = ws.charters_folder(path, "Angiv mappen.")
        cs = load_corpus(root, ws.cwd)
        if format == "json":
            text = json.dumps(report_data(cs, when), ensure_ascii=False, indent=2) + "\n"
        elif format == "markdown":
            text = report_markdown(cs, when)
        else:
            text = report_text(cs, when)
        if output is None:
            sys.stdout.write(text)
            return
        from kommissorium.contain import write_file_checked

        write_file_checked(output, text)
        typer.echo(f"Skrev {output}.", err=True)
