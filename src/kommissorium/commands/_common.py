"""Shared plumbing for commands: Danish user errors, internal errors, output format choice."""

from __future__ import annotations

import functools
import os
import sys
import traceback
from typing import Any, Callable

import typer
from typer.core import TyperCommand, TyperGroup


def fail_usage(message: str) -> typer.Exit:
    typer.echo(f"fejl: {message}", err=True)
    return typer.Exit(2)


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn user errors into a Danish message with exit code 2, and any other exception into a
    short 'this is a bug' message (exit 2) — never a bare traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from kommissorium.check import UsageError

        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except UsageError as exc:
            raise fail_usage(str(exc)) from None
        except KeyboardInterrupt:
            raise
        except BrokenPipeError:
            # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
            try:
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - swallow the final flush
            except OSError:
                pass
            raise typer.Exit(1) from None
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if os.environ.get("KOMMISSORIUM_DEBUG"):
                traceback.print_exc()
            typer.echo(
                f"intern fejl: {type(exc).__name__}: {exc}\n"
                "Dette er en fejl i kommissorium, ikke i dine filer. Kør igen med "
                "KOMMISSORIUM_DEBUG=1 for detaljer, og meld fejlen.",
                err=True,
            )
            raise typer.Exit(2) from None

    return wrapper


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def stdout() -> Any:
    return sys.stdout


_DANISH_PANELS = {
    "OPTIONS_PANEL_TITLE": "Tilvalg",
    "COMMANDS_PANEL_TITLE": "Kommandoer",
    "ARGUMENTS_PANEL_TITLE": "Argumenter",
    "ERRORS_PANEL_TITLE": "Fejl",
    "ABORTED_TEXT": "Afbrudt.",
    "DEFAULT_STRING": "[standard: {}]",
    "REQUIRED_LONG_STRING": "[påkrævet]",
    "ENVVAR_STRING": "[miljøvariabel: {}]",
}


def _danish_help(cls: type) -> type:
    """A typer command/group class whose --help speaks Danish (click's texts are English)."""

    class Danish(cls):  # type: ignore[misc, valid-type]
        def get_help_option(self, ctx):  # noqa: ANN001
            option = super().get_help_option(ctx)
            if option is not None:
                option.help = "Vis denne hjælp og afslut."
            return option

        def format_help(self, ctx, formatter):  # noqa: ANN001
            try:
                from typer import rich_utils
            except ImportError:  # pragma: no cover - rich is a dependency
                rich_utils = None
            if rich_utils is not None:
                for name, text in _DANISH_PANELS.items():
                    setattr(rich_utils, name, text)
            return super().format_help(ctx, formatter)

        def get_usage(self, ctx):  # noqa: ANN001
            return super().get_usage(ctx).replace("Usage:", "Brug:", 1)

    Danish.__name__ = f"Danish{cls.__name__}"
    return Danish


DanishGroup = _danish_help(TyperGroup)
DanishCommand = _danish_help(TyperCommand)


class DanishTyper(typer.Typer):
    """A Typer app whose commands default to Danish help texts."""

    def command(self, *args: Any, cls: Any = None, **kwargs: Any) -> Any:
        return super().command(*args, cls=cls or DanishCommand, **kwargs)
