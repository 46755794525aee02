"""`kommissorium rules [CODE]`: list the rules, or explain one; `--markdown` writes the rule page."""

from __future__ import annotations

from typing import Optional

import typer

from kommissorium.commands._common import fail_usage, guarded


def register(app: typer.Typer) -> None:
    @app.command("rules")
    @guarded
    def rules(
        code: Optional[str] = typer.Argument(
            None, help="Regelkode eller navn, fx R001 eller reference.ukendt.", show_default=False),
        markdown: bool = typer.Option(
            False, "--markdown",
            help="Skriv regelsiden som Markdown (som docs/regler.md) og afslut."),
    ) -> None:
        """Vis reglerne, eller forklar én regel med eksempler."""
        import sys

        from kommissorium.rules import RULES, lookup

        if markdown:
            from kommissorium.rules.docs import markdown as page

            sys.stdout.write(page())
            return
        from rich.console import Console

        console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
        if code is None:
            _table(console, list(RULES.values()))
            return
        r = lookup(code)
        if r is None:
            from kommissorium.model.validate import suggest

            names = list(RULES) + [x.name for x in RULES.values()]
            best = suggest(code, names)
            hint = f" Mente du '{best}'?" if best else ""
            raise fail_usage(f"ukendt regel '{code}'.{hint} Se 'kommissorium rules'.")
        _explain(console, r)


_STYLE = {"fejl": "bold red", "advarsel": "yellow", "info": "cyan"}


def _table(console, rules) -> None:
    from rich.table import Table

    from kommissorium.rules.docs import FAMILIES

    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("Kode", no_wrap=True)
    table.add_column("Alvor", no_wrap=True)
    table.add_column("Navn", no_wrap=True)
    table.add_column("Beskrivelse")
    order = list(FAMILIES)
    for r in sorted(rules, key=lambda r: (order.index(r.family) if r.family in order else 99, r.code)):
        sev = r.severity.value
        table.add_row(r.code, f"[{_STYLE[sev]}]{sev}[/]", r.name, r.summary)
    console.print(table)
    console.print(f"\n{len(rules)} regler. 'kommissorium rules KODE' forklarer én regel.")


def _explain(console, r) -> None:
    from rich.markup import escape

    from kommissorium.rules.docs import FAMILIES

    family = FAMILIES.get(r.family, (r.family, ""))[0]
    sev = r.severity.value
    console.print(f"[bold]{r.code}[/] {escape(r.name)}  ({family.lower()}; standardalvor: "
                  f"[{_STYLE[sev]}]{sev}[/])\n")
    console.print(escape(r.summary) + "\n")
    for line in r.doc.splitlines():
        if line.strip() in ("Godt:", "Dårligt:"):
            style = "green" if line.strip() == "Godt:" else "red"
            console.print(f"[bold {style}]{line}[/]")
        else:
            console.print(escape(line))
    console.print(
        f"\nSlå reglen fra i kommissorium.toml: deaktiver = [\"{r.code}\"]; undertryk den i ét "
        f"kommissorium med  undertryk: [{{regel: {r.code}, begrundelse: …}}]"
    )
