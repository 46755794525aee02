"""Click's English, said in Danish: usage errors rebuilt from click's exception attributes,
and help pages with Danish headings, placeholders and defaults.

The one place that knows click's internals. Help stays click's plain layout (rich's help
machinery costs about 200 ms at start-up); the patterns below match click's own rendering of
types (``<str>``), ranges (``1<=x<=10``) and defaults (``[default: …]``).
"""

from __future__ import annotations

import re
from typing import Any

import typer

try:  # typer >= 0.20 vendors click as typer._click; its exceptions are the ones raised
    from typer import _click as click
except ImportError:  # pragma: no cover - older typer on plain click
    import click  # type: ignore[no-redef]
from typer.core import TyperCommand, TyperGroup


class DanishUsageError(click.exceptions.ClickException):
    """A usage error told in Danish on one line (exit code 2), in place of click's English."""

    exit_code = 2

    def show(self, file: Any = None) -> None:  # noqa: ARG002 - always standard error
        click.echo(f"fejl: {self.message}", err=True)


def _quoted_or(names: list[str]) -> str:
    from kommissorium.danish import join

    return join([f"'{n}'" for n in names], "eller")


def _range_text(param: Any) -> str | None:
    """'mindst 1', 'højst 10', 'mellem 0 og 65535' from an option's min/max."""
    lo, hi = getattr(param, "min", None), getattr(param, "max", None)
    if lo is not None and hi is not None:
        return f"mellem {lo} og {hi}"
    if lo is not None:
        return f"mindst {lo}"
    if hi is not None:
        return f"højst {hi}"
    return None


def _param_label(param: Any) -> str:
    if param is None:
        return "værdien"
    if param.param_type_name == "argument":
        return f"argumentet {(param.name or '').upper()}"
    names = sorted(param.opts, key=len)
    return f"'{names[0]}'" if names else f"'{param.name}'"


def _danish_usage_error(exc: click.exceptions.UsageError) -> click.exceptions.ClickException:
    """Click's usage error in Danish, built from the exception's attributes (never its English
    text). The help prompt names the command the error belongs to."""
    from kommissorium.danish import join

    ex = click.exceptions
    if isinstance(exc, getattr(ex, "NoArgsIsHelpError", ())):
        return exc  # shows the help, as asked
    ctx = exc.ctx
    see = f" Se '{ctx.command_path} --help'." if ctx is not None else ""
    message = exc.message or ""
    unknown = re.match(r"No such command '([^']*)'", message)
    if unknown:
        import difflib

        name = unknown.group(1)
        msg = f"ukendt kommando '{name}'."
        commands = ctx.command.list_commands(ctx) if ctx is not None else []
        close = difflib.get_close_matches(name, commands)
        if close:
            msg += f" Mente du {_quoted_or(close)}?"
        elif commands:
            msg += f" Kommandoerne er {join(commands)}."
        return DanishUsageError(msg + see)
    if isinstance(exc, ex.NoSuchOption):
        msg = f"ukendt tilvalg '{exc.option_name}'."
        if exc.possibilities:
            msg += f" Mente du {_quoted_or(sorted(exc.possibilities))}?"
        return DanishUsageError(msg + see)
    if isinstance(exc, ex.BadOptionUsage):
        return DanishUsageError(
            f"tilvalget '{exc.option_name}' bruges forkert (mangler det en værdi?).{see}")
    if isinstance(exc, ex.MissingParameter):
        return DanishUsageError(f"mangler {_param_label(exc.param)}.{see}")
    if isinstance(exc, ex.BadParameter):
        param = exc.param
        why = None
        cause = exc.__cause__
        kinds = [e.get("type", "") for e in cause.errors()] if hasattr(cause, "errors") else []
        if any(k in ("greater_than_equal", "less_than_equal", "greater_than", "less_than")
               for k in kinds):
            why = f"skal være {_range_text(param)}"
        elif any(k.startswith("int_") for k in kinds):
            why = "skal være et helt tal"
        elif any(k.startswith("float_") for k in kinds):
            why = "skal være et tal"
        elif any(k in ("enum", "literal_error") for k in kinds):
            why = "ikke en af de mulige værdier"
        label = _param_label(param)
        return DanishUsageError(
            f"ugyldig værdi for {label}" + (f": {why}" if why else "") + f".{see}")
    extra = re.match(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)", message)
    if extra:
        return DanishUsageError(f"for mange argumenter: {extra.group(1)}.{see}")
    return DanishUsageError(f"kommandoen kan ikke bruges sådan.{see}")


def _danish_help(cls: type) -> type:
    """A typer command/group class whose --help is plain, fast and Danish.

    Help is click's plain layout rather than typer's rich panels: importing rich's help
    machinery costs about 200 ms, and `kommissorium --help` must start fast. Click's own
    headings and texts are English, so the headings are written here.
    """

    class Danish(cls):  # type: ignore[misc, valid-type]
        def make_context(self, info_name, args, parent=None, **extra):  # noqa: ANN001
            try:
                return super().make_context(info_name, args, parent=parent, **extra)
            except click.exceptions.UsageError as exc:
                raise _danish_usage_error(exc) from None

        def invoke(self, ctx):  # noqa: ANN001
            try:
                return super().invoke(ctx)
            except click.exceptions.UsageError as exc:
                raise _danish_usage_error(exc) from None

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
                for p in (re.sub(r"\{(\w+)\}", lambda m: m.group(1).upper(), p) for p in pieces)
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
                        [(_danish_name(re.sub(r" <[^>]+>", "", n)), _danish_defaults(t))
                         for n, t in arguments]
                    )
            if options:
                with formatter.section("Tilvalg"):
                    formatter.write_dl(
                        [(_hide_aliases(_danish_name(name)), _danish_defaults(text))
                         for name, text in options]
                    )
            if hasattr(self, "list_commands"):
                self.format_commands(ctx, formatter)

        def format_commands(self, ctx, formatter):  # noqa: ANN001
            rows = []
            for name in self.list_commands(ctx):
                cmd = self.get_command(ctx, name)
                if cmd is None or cmd.hidden:
                    continue
                # The whole first sentence: click's default cuts it at the terminal width ("på...").
                rows.append((name, cmd.get_short_help_str(limit=200)))
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


#: The English option names of earlier versions: they keep working, but --help shows only the
#: Danish ones (one language in the interface).
ENGLISH_ALIASES = ("--strict", "--check", "--diff", "--output", "--template", "--jobs", "--quiet",
                   "--serve", "--title", "--charters", "--no-pdf", "--help")


def _hide_aliases(name: str) -> str:
    """'-o, --uddata, --output STI' → '-o, --uddata STI'."""
    for alias in ENGLISH_ALIASES:
        name = re.sub(rf"(, | / ?){re.escape(alias)}(?=[ ,/]|$)", "", name)
    return name


def _danish_defaults(text: str) -> str:
    text = re.sub(r"(-?\d+(?:\.\d+)?)<=x<=(-?\d+(?:\.\d+)?)", "\\1–\\2", text)
    text = re.sub(r"\bx>=(-?\d+(?:\.\d+)?)", "mindst \\1", text)
    text = re.sub(r"\bx<=(-?\d+(?:\.\d+)?)", "højst \\1", text)
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
