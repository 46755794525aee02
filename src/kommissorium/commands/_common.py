"""Shared plumbing for commands: Danish user errors, internal errors, output format choice."""

from __future__ import annotations

import functools
import os
import re
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


def _danish_help(cls: type) -> type:
    """A typer command/group class whose --help is plain, fast and Danish.

    Help is click's plain layout rather than typer's rich panels: importing rich's help
    machinery costs about 200 ms, and `kommissorium --help` must start fast. Click's own
    headings and texts are English, so the headings are written here.
    """

    class Danish(cls):  # type: ignore[misc, valid-type]
        def get_help_option(self, ctx):  # noqa: ANN001
            option = super().get_help_option(ctx)
            if option is not None:
                option.help = "Vis denne hjælp og afslut."
            return option

        def get_usage(self, ctx):  # noqa: ANN001
            return super().get_usage(ctx).replace("Usage:", "Brug:", 1)

        def format_usage(self, ctx, formatter):  # noqa: ANN001
            pieces = self.collect_usage_pieces(ctx)
            pieces = [
                _danish_name(p.replace("[OPTIONS]", "[TILVALG]").replace("COMMAND", "KOMMANDO")
                             .replace("[ARGS]", "[ARGUMENTER]"))
                for p in pieces
            ]
            formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Brug: ")

        def format_options(self, ctx, formatter):  # noqa: ANN001
            arguments, options = [], []
            for param in self.get_params(ctx):
                record = param.get_help_record(ctx)
                if record is None:
                    continue
                (arguments if param.param_type_name == "argument" else options).append(record)
            if arguments:
                with formatter.section("Argumenter"):
                    formatter.write_dl(
                        [(_danish_name(re.sub(r" <[^>]+>", "", n)), t) for n, t in arguments]
                    )
            if options:
                with formatter.section("Tilvalg"):
                    formatter.write_dl(
                        [(_danish_name(name), _danish_defaults(text)) for name, text in options]
                    )
            if hasattr(self, "list_commands"):
                self.format_commands(ctx, formatter)

        def format_commands(self, ctx, formatter):  # noqa: ANN001
            rows = []
            for name in self.list_commands(ctx):
                cmd = self.get_command(ctx, name)
                if cmd is None or cmd.hidden:
                    continue
                rows.append((name, cmd.get_short_help_str(limit=formatter.width - 16)))
            if rows:
                with formatter.section("Kommandoer"):
                    formatter.write_dl(rows)

    Danish.__name__ = f"Danish{cls.__name__}"
    return Danish


_TYPES = {"str": "TEKST", "path": "STI", "int": "TAL", "int range": "TAL", "float": "TAL",
          "choice": "VALG"}
_ARGS = {"paths": "STIER", "path": "STI", "code": "KODE", "id": "ID", "base": "BASE", "head": "HEAD"}


def _danish_name(name: str) -> str:
    """'-f, --format <str>' → '-f, --format TEKST'; 'paths... <list[Path]>' → 'STIER...'."""
    def typ(m: "re.Match[str]") -> str:
        inner = m.group(1)
        if inner.startswith("list["):
            return ""
        return " " + _TYPES.get(inner.lower(), inner.upper())

    name = re.sub(r" <([^>]+)>", typ, name)
    return re.sub(r"\b(paths|path|code|id|base|head)\b(?=\.\.\.|$|\])",
                  lambda m: _ARGS[m.group(1)], name)


def _danish_defaults(text: str) -> str:
    return (
        text.replace("[default: ", "[standard: ")
        .replace("[required]", "[påkrævet]")
        .replace("[env var: ", "[miljøvariabel: ")
    )


DanishGroup = _danish_help(TyperGroup)
DanishCommand = _danish_help(TyperCommand)


class DanishTyper(typer.Typer):
    """A Typer app whose commands default to Danish help texts."""

    def command(self, *args: Any, cls: Any = None, **kwargs: Any) -> Any:
        return super().command(*args, cls=cls or DanishCommand, **kwargs)
