"""Document model → bytes in one format: HTML and Markdown through Jinja2, PDF through Typst.

Typst is imported lazily, only when a PDF is asked for, and one compiler (with its fonts loaded)
is kept per process. It never fetches anything: the Typst source is generated from our
templates, packages (``@preview/…``) are refused, and fonts come from the typst wheel itself
plus, when installed, the Liberation fonts of Debian's ``fonts-liberation2`` package or a
``templates/fonts/`` folder in the repository.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from kommissorium.document import Document
from kommissorium.errors import KommissoriumError
from kommissorium.render.environment import TEMPLATES, environment

#: Standards every PDF meets: archival PDF/A-2b and accessible PDF/UA-1 in the same file.
PDF_STANDARDS = ["a-2b", "ua-1"]

#: Folders searched for fonts besides those embedded in typst (Debian: fonts-liberation2,
#: fonts-liberation, fonts-dejavu-core).
FONT_DIRS = (
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/truetype/dejavu",
)

_PACKAGE_IMPORT = re.compile(r"""(?:import|include)\s+"@""")


class RenderError(KommissoriumError):
    """A document could not be rendered (template or Typst error); the message is Danish."""


def context(doc: Document, fmt: str) -> dict[str, Any]:
    return {"doc": doc, "format": fmt}


def _shown_template(filename: str) -> str:
    """A template's file name as the user knows it: without the private copy's folder."""
    m = re.search(r"kommissorium-skabeloner-[^/]+/(.+)$", filename)
    return m.group(1) if m else filename


@contextmanager
def template_guard(name: str) -> Iterator[None]:
    """Run a template: within the time budget per render, and with template errors (and a
    template that runs too long) as a Danish ``RenderError`` naming the template and line."""
    from jinja2 import TemplateError

    from kommissorium.budget import TimeUp, seconds_text, soft_deadline, template_seconds

    seconds = template_seconds()
    try:
        with soft_deadline(seconds):
            yield
    except TimeUp:
        raise RenderError(
            f"skabelonen {name} brugte mere end {seconds_text(seconds)} s på ét dokument "
            "og er stoppet (grænse pr. dokument: KOMMISSORIUM_SKABELON_SEKUNDER). Har den en "
            "løkke, der aldrig slutter?"
        ) from None
    except TemplateError as exc:
        import traceback

        filename, lineno = getattr(exc, "filename", None), getattr(exc, "lineno", None)
        if not filename:
            # Runtime errors: Jinja2 puts the template line into the traceback.
            for frame in reversed(traceback.extract_tb(exc.__traceback__)):
                if frame.filename.endswith(".j2"):
                    filename, lineno = frame.filename, frame.lineno
                    break
        where = f" i {_shown_template(filename) if filename else name}" + (f":{lineno}" if lineno else "")
        raise RenderError(f"skabelonfejl{where}: {exc}") from None


def render_text(doc: Document, kind: str, search: tuple[Path, ...] = ()) -> str:
    """'html', 'md' or 'typ' source of a document."""
    env = environment(kind, search)
    with template_guard(TEMPLATES[kind]):
        return env.get_template(TEMPLATES[kind]).render(context(doc, kind))


_compiler: Any = None


def _font_dirs(search: tuple[Path, ...]) -> list[str]:
    dirs = [str(p / "fonts") for p in search if (p / "fonts").is_dir()]
    dirs += [d for d in FONT_DIRS if os.path.isdir(d)]
    return dirs


def compiler(search: tuple[Path, ...] = ()) -> Any:
    global _compiler
    if _compiler is None:
        import typst

        # No package folders: packages cached in ~/.cache/typst lie outside the project.
        nowhere = str(Path(__file__).resolve().parent / "_ingen-typst-pakker")
        _compiler = typst.Compiler(font_paths=_font_dirs(search), ignore_system_fonts=True,
                                   package_path=nowhere, package_cache_path=nowhere)
    return _compiler


def typst_root(search: tuple[Path, ...] = ()) -> Path:
    """The only folder Typst may read files from (``#read``, ``#image``): the first template
    folder, else the packaged templates. Never the repository root, which holds ``.git/config``
    (CI credentials) and every other file of the checkout."""
    from kommissorium.render.environment import packaged_templates

    return next((p for p in search if p.is_dir()), packaged_templates())


#: Every proxy variable points at a closed local port while Typst compiles: a template that builds
#: a package import at run time (``#import ("@pre" + "view/…")``) cannot download anything.
_DEAD_PROXY = "http://127.0.0.1:9"
_PROXY_VARS = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")


class _Offline:
    def __enter__(self) -> None:
        self.saved = {k: os.environ.get(k) for k in (*_PROXY_VARS, "NO_PROXY", "no_proxy")}
        for k in _PROXY_VARS:
            os.environ[k] = _DEAD_PROXY
        os.environ.pop("NO_PROXY", None)
        os.environ.pop("no_proxy", None)

    def __exit__(self, *exc: object) -> None:
        for k, v in self.saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _timestamp(doc: Document) -> datetime | None:
    """A reproducible creation date: SOURCE_DATE_EPOCH, else the charter's last commit."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    day = doc.meta.get("commit_date")
    if day:
        try:
            return datetime.fromisoformat(day).replace(hour=12, tzinfo=timezone.utc)
        except ValueError:
            return None
    return None


#: The largest Typst source compiled to a PDF. Typst's memory grows with the text (about 300 MB
#: for 1 MB of prose), so a larger document is refused, with a message, instead of taking the
#: machine's memory; HTML and Markdown of it are still written. A real charter is 5–30 kB.
MAX_TYPST_SOURCE = 1_200_000


def compile_pdf(source: str, doc: Document, search: tuple[Path, ...] = ()) -> bytes:
    if len(source) > MAX_TYPST_SOURCE:
        raise RenderError(
            f"Dokumentet er for stort til PDF ({len(source) / 1_000_000:.1f} MB Typst-kilde; "
            f"grænsen er {MAX_TYPST_SOURCE / 1_000_000:.1f} MB, da Typst bruger omkring 300 MB "
            "hukommelse pr. MB tekst). HTML og Markdown gengives stadig.".replace(".", ",", 2)
        )
    if _PACKAGE_IMPORT.search(source):
        raise RenderError(
            "Typst-skabelonen importerer en pakke ('@…'); kommissorium henter intet fra nettet. "
            "Læg i stedet koden i skabelonen."
        )
    import typst

    from kommissorium.budget import hard_deadline, pdf_seconds, seconds_text

    seconds = pdf_seconds()
    title = doc.meta.get("id") if isinstance(getattr(doc, "meta", None), dict) else None
    try:
        with _Offline(), hard_deadline(seconds, (
                f"Typst brugte mere end {seconds_text(seconds)} s "
                f"på PDF'en{' af ' + str(title) if title else ''} og er stoppet (grænse pr. "
                "dokument: KOMMISSORIUM_PDF_SEKUNDER). Har Typst-skabelonen en løkke, der aldrig "
                "slutter?")):
            pdf = compiler(search).compile(
                source.encode("utf-8"),
                format="pdf",
                pdf_standards=PDF_STANDARDS,
                timestamp=_timestamp(doc),
                root=str(typst_root(search)),
            )
    except typst.TypstError as exc:
        hints = "; ".join(getattr(exc, "hints", None) or [])
        where = ""
        m = re.search(r":(\d+):(\d+)", getattr(exc, "diagnostic", "") or "")
        if m:
            where = f" i den genererede Typst-kilde, linje {m[1]}, kolonne {m[2]}"
        raise RenderError(
            f"Typst kunne ikke lave PDF'en{where}: {getattr(exc, 'message', exc)}"
            + (f" ({hints})" if hints else "")
        ) from None
    if not isinstance(pdf, bytes):  # pragma: no cover - pdf output is one file
        raise RenderError("Typst returnerede ingen PDF.")
    return pdf


def render(doc: Document, fmt: str, search: tuple[Path, ...] = ()) -> bytes:
    """One document in one output format ('pdf', 'html', 'md' or 'docx') as bytes."""
    if fmt == "docx":
        from kommissorium.render.word import render_docx

        return render_docx(doc)
    if fmt == "pdf":
        return compile_pdf(render_text(doc, "typ", search), doc, search)
    if fmt in ("html", "md"):
        return render_text(doc, fmt, search).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")
