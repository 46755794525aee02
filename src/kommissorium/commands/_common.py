"""Shared plumbing for commands: Danish user errors, internal errors, output format choice."""

from __future__ import annotations

import functools
import os
import sys
import traceback
from typing import Any, Callable

import typer


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
