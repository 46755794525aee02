"""Human output: one line per problem, `fil:linje:kolonne: fejl KODE besked [navn]`."""

from __future__ import annotations

import os
from typing import TextIO

from kommissorium.problems import Problem, Severity
from kommissorium.sanitize import printable

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _console(out: TextIO):
    from rich.console import Console

    force = os.environ.get("FORCE_COLOR") is not None and os.environ.get("NO_COLOR") is None
    return Console(file=out, highlight=False, soft_wrap=True, emoji=False, force_terminal=force or None,
                   no_color=os.environ.get("NO_COLOR") is not None)


def summary(problems: list[Problem], files: int) -> str:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = sum(p.severity is Severity.WARNING for p in problems)
    infos = sum(p.severity is Severity.INFO for p in problems)
    noun = "fil" if files == 1 else "filer"
    if not problems:
        return f"Alt i orden: {files} {noun} kontrolleret, ingen fund."
    parts = []
    if errors:
        parts.append(f"{errors} {'fejl'}")
    if warnings:
        parts.append(f"{warnings} {'advarsel' if warnings == 1 else 'advarsler'}")
    if infos:
        parts.append(f"{infos} info")
    from kommissorium.danish import join

    return f"{join(parts)} i {files} {noun}."


def problem_line(p: Problem) -> str:
    """One problem as plain text, sanitised: `fil:linje:kolonne: fejl KODE besked [navn]`."""
    return (f"{printable(p.file)}:{p.line}:{p.column}: {p.severity.value} {p.code} "
            f"{printable(p.message)} [{printable(p.name)}]")


def report(problems: list[Problem], files: int, out: TextIO) -> None:
    from rich.markup import escape

    console = _console(out)
    for p in problems:
        style = _STYLE[p.severity]
        console.print(
            f"[bold]{escape(printable(p.file))}:{p.line}:{p.column}:[/bold] "
            f"[{style}]{p.severity.value} {p.code}[/{style}] {escape(printable(p.message))} "
            f"[dim]\\[{escape(p.name)}][/dim]"
        )
        for r in p.related:
            console.print(f"    [dim]se {escape(printable(str(r.location)))}[/dim] "
                          f"{escape(printable(r.message))}")
    style = "bold green" if not any(p.severity is Severity.ERROR for p in problems) else "bold red"
    console.print(f"[{style}]{escape(summary(problems, files))}[/{style}]")
