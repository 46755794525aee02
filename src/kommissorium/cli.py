"""The command line: wires arguments to the stages. No logic lives here.

Each command is a small module in ``kommissorium.commands`` with a ``register(app)`` function;
heavy imports (PDF engine, templates) happen inside the command functions, so that
``kommissorium --help`` starts fast.
"""

from __future__ import annotations

import importlib
import sys

import typer

from kommissorium import __version__
from kommissorium.commands.click_danish import DanishGroup, DanishTyper

#: Command modules, in the order `--help` lists them.
COMMANDS = ["validate", "rules", "fmt", "schema", "render", "diff", "site", "kalender", "graph",
            "new", "register", "overgang", "import_"]

app = DanishTyper(
    cls=DanishGroup,
    name="kommissorium",
    help="Kommissorier som kode: validér, gengiv og sammenlign kommissorier for danske "
    "samarbejdsorganer.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--hjælp", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kommissorium {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Vis versionen og afslut."
    ),
) -> None:
    """Kommissorier som kode: validér, gengiv og sammenlign kommissorier."""


for _name in COMMANDS:
    importlib.import_module(f"kommissorium.commands.{_name}").register(app)


def main() -> None:
    from kommissorium.budget import start_run_budget

    start_run_budget()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("Afbrudt.\n")
        sys.exit(2)
