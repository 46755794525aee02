"""Document model → HTML, Markdown and Typst source through Jinja2 (sandboxed, escaped per
format); Typst → PDF (A4, PDF/A-2b and PDF/UA-1). The repository's ``templates/`` and
``--template DIR`` are searched before the packaged templates."""

from kommissorium.render.engine import RenderError, render, render_text

__all__ = ["RenderError", "render", "render_text"]
