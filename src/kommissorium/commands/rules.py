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
        raise typer.Exit(run(code=code, markdown=markdown))


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


def _load_table(console) -> None:
    from rich.table import Table

    from kommissorium.rules.docs import load_codes

    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold",
                  title="Indlæsning og format (altid fejl; kan ikke slås fra)", title_justify="left")
    table.add_column("Kode", no_wrap=True)
    table.add_column("Navn", no_wrap=True)
    table.add_column("Beskrivelse")
    for code, name, text in load_codes():
        table.add_row(code, name, text)
    console.print()
    console.print(table)


def run(
    code: Optional[str] = None,
    markdown: bool = False,
) -> int:
    """`kommissorium rules` as a plain function: its exit code (user errors raise
    ``KommissoriumError``, which the command guard reports)."""
    import sys

    from kommissorium.rules import RULES, lookup

    if markdown:
        from kommissorium.rules.docs import markdown as page

        sys.stdout.write(page())
        return 0
    from rich.console import Console

    console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    if code is None:
        _table(console, list(RULES.values()))
        _load_table(console)
        return 0
    r = lookup(code)
    if r is None:
        from kommissorium.model.validate import suggest
        from kommissorium.rules.docs import LOAD_INTRO, load_codes

        loading = {c: (n, t) for c, n, t in load_codes()}
        hit = next((c for c, (n, _) in loading.items()
                    if code.strip().upper() == c or code.strip() == n), None)
        if hit is not None:
            name, text = loading[hit]
            console.print(f"[bold]{hit}[/] {name}  (indlæsning og format; altid fejl)\n")
            console.print(text + "\n")
            console.print(LOAD_INTRO.split("\n\n", 1)[1].strip())
            return 0
        names = list(RULES) + [x.name for x in RULES.values()] + list(loading)
        best = suggest(code, names)
        hint = f" Mente du '{best}'?" if best else ""
        raise fail_usage(f"ukendt regel '{code}'.{hint} Se 'kommissorium rules'.")
    _explain(console, r)
    return 0
