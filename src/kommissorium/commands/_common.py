"""Shared plumbing for commands: the one guard (user errors, internal errors), output format
choice, dates from options. Click's localisation is in ``click_danish``."""

from __future__ import annotations

import functools
import os
import sys
import traceback
from typing import TYPE_CHECKING, Any, Callable

import typer

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.errors import UsageError


def fail_usage(message: str) -> "UsageError":
    """A usage error to raise (exit code 2): ``raise fail_usage("…")``."""
    from kommissorium.errors import UsageError

    return UsageError(message)


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The one guard: a user error (``KommissoriumError``) becomes its Danish message and its exit
    code, any other exception a short 'this is a bug' message (exit 2) — never a bare traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from kommissorium.errors import KommissoriumError

        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except KommissoriumError as exc:
            typer.echo(f"fejl: {exc.message}", err=True)
            raise typer.Exit(exc.exit_code) from None
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


def join(items: Any, conjunction: str = "og") -> str:
    """'a, b og c' (danish.join, imported only when a message needs it)."""
    from kommissorium.danish import join as _join

    return _join([str(i) for i in items], conjunction)


def parse_day(text: str | None, option: str = "--dato") -> "date | None":
    """'2027-01-01' → a date; anything else is a Danish usage error (exit 2)."""
    from datetime import date

    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise fail_usage(
            f"{option} skal være en dato som ÅÅÅÅ-MM-DD, fx 2027-01-01; fik '{text}'."
        ) from None


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
