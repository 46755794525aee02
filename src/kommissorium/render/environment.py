"""The Jinja2 environments: sandboxed, escaping by default, user templates before packaged ones.

Search order for a template name such as ``kommissorium.html.j2``:

1. ``--template DIR`` (explicit on the command line),
2. the repository's own ``templates/`` folder (next to ``charters/``),
3. the packaged defaults in ``kommissorium/templates/``.

The packaged defaults are also reachable as ``standard/<name>``, so an override can
``{% extends "standard/kommissorium.html.j2" %}`` and replace just one block.

Escaping: HTML templates are autoescaped; Markdown and Typst templates escape every
``{{ value }}`` through ``finalize`` (values already marked safe, e.g. from ``|typst`` or
``|safe``, pass unchanged). Templates run in Jinja2's immutable sandbox.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable

FORMATS = ("pdf", "html", "md", "docx")

#: Output format → (template name, file suffix).
TEMPLATES = {
    "html": "kommissorium.html.j2",
    "md": "kommissorium.md.j2",
    "typ": "kommissorium.typ.j2",
}
SUFFIX = {"pdf": ".pdf", "html": ".html", "md": ".md", "docx": ".docx"}


def packaged_templates() -> Path:
    return Path(__file__).resolve().parent.parent / "templates"


def _loader(search: tuple[Path, ...]):
    from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader

    standard = FileSystemLoader(str(packaged_templates()), encoding="utf-8")
    loaders = [FileSystemLoader(str(p), encoding="utf-8") for p in search if p.is_dir()]
    loaders.append(standard)
    loaders.append(PrefixLoader({"standard": standard}))
    return ChoiceLoader(loaders)


def _escaper(kind: str) -> Callable[[object], object] | None:
    from kommissorium.render.escape import md_escape, typst_escape

    return {"md": md_escape, "typ": typst_escape}.get(kind)


def _sandbox_class():
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from kommissorium.document import model

    #: The document model's own types: plain data, safe to read (no leading underscore).
    trusted = (model.Document, model.Section, model.Paragraph, model.BulletList,
               model.MemberTable, model.MemberRow, model.Fact, model.Facts)

    class Sandbox(ImmutableSandboxedEnvironment):
        """Jinja2's immutable sandbox, with a fast path for reading document-model fields
        (the full check costs more than the rest of rendering a page)."""

        def is_safe_attribute(self, obj, attr, value):  # type: ignore[override]
            if type(obj) in trusted and not attr.startswith("_"):
                return True
            return super().is_safe_attribute(obj, attr, value)

    return Sandbox


@lru_cache(maxsize=16)
def environment(kind: str, search: tuple[Path, ...] = ()):
    """The environment for ``kind`` ('html', 'md' or 'typ'), built once per process."""
    from jinja2 import StrictUndefined

    from kommissorium.render.escape import md_escape, md_inline, typst_escape, typst_string

    escaper = _escaper(kind)
    env = _sandbox_class()(
        loader=_loader(search),
        autoescape=(kind == "html"),
        finalize=escaper,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["typst"] = typst_escape
    env.filters["typst_string"] = typst_string
    env.filters["md"] = md_escape
    env.filters["md_inline"] = md_inline
    return env


def template_option(template: Path | None, cwd: Path) -> Path | None:
    """``--template DIR`` made absolute; a folder that does not exist is a usage error."""
    if template is None:
        return None
    from kommissorium.errors import UsageError

    template = (cwd / template) if not template.is_absolute() else template
    if not template.is_dir():
        raise UsageError(f"Skabelonmappen '{template}' findes ikke.")
    return template


def template_search_path(root: Path | None, extra: Path | None,
                         configured: str = "templates", where: str = "") -> tuple[Path, ...]:
    """``--template DIR`` first, then the repository's template folder (``configured``, the
    setting ``skabeloner``; default ``templates/``), each as a private copy of its allowed files
    (``templatedir``). The repository's folder must lie inside the repository and must not be
    reached through a symbolic link; ``where`` locates the setting for the message."""
    from kommissorium.contain import ContainmentError, contained, shown, symlink_below
    from kommissorium.render.templatedir import private_copy

    out: list[Path] = []
    if extra is not None:
        out.append(private_copy(extra.resolve(), shown(extra)))
    if root is not None:
        folder = root / configured
        if folder.exists() or folder.is_symlink():
            link = symlink_below(folder, root)
            if link is not None:
                raise ContainmentError(
                    f"{where}Skabelonmappen '{shown(folder)}' går gennem den symbolske henvisning "
                    f"'{shown(link)}' (til '{_readlink(link)}'); skabeloner bruges kun fra en "
                    "almindelig mappe i repositoriet."
                )
            real = contained(folder, root, "skabelonmappen", where)
            if real.is_dir():
                out.append(private_copy(real, configured.rstrip("/")))
        elif configured != "templates":
            from kommissorium.errors import UsageError

            raise UsageError(f"{where}Skabelonmappen '{configured}' findes ikke.")
    return tuple(out)


def _readlink(path: Path) -> str:
    import os

    from kommissorium.sanitize import printable

    try:
        return printable(os.readlink(path))
    except OSError:
        return "?"
