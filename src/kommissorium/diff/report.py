"""A diff as text (terminal), Markdown (a PR comment) or JSON. Problems are written by the shared
text reporter's line format, and every text line passes its sanitiser, so a control character
in a file name or a charter reaches the terminal as ``\\x1b``, never raw."""

from __future__ import annotations

import json
import re
from typing import Callable, Iterator

from kommissorium.danish import changes as words
from kommissorium.diff.model import CorpusDiff
from kommissorium.reporters.text import problem_line
from kommissorium.sanitize import md_code, md_text, printable


#: Whitespace a charter's text may hold, harmless on a terminal.
_KEEP = " \n\t"


def summary(d: CorpusDiff) -> str:
    return words.diff_summary(d.base, d.head, d.counts(), len(d.introduced), len(d.resolved))


def _split_space(t: str) -> tuple[str, str, str]:
    core = t.strip()
    if not core:
        return t, "", ""
    lead = t[: len(t) - len(t.lstrip())]
    trail = t[len(t.rstrip()):]
    return lead, core, trail


def _words_render(words: list[tuple[str, str]], deleted: str, added: str,
                  esc: Callable[[str], str] = lambda x: x) -> str:
    out = []
    for op, t in words:
        if op == "lig":
            out.append(esc(t))
            continue
        lead, core, trail = _split_space(t)
        if not core:
            out.append(t if op == "tilføjet" else "")
            continue
        marker = deleted if op == "slettet" else added
        out.append(lead + marker.format(esc(core)) + trail)
    return re.sub(r"  +", " ", "".join(out))


def _words_text(words: list[tuple[str, str]]) -> str:
    return _words_render(words, "[-{}-]", "{{+{}+}}")


def _words_markdown(words: list[tuple[str, str]]) -> str:
    # A PR comment line must stay one line: every run of white space (a line break in a block
    # of prose included) is one space before the words are escaped.
    flat = [(op, re.sub(r"\s+", " ", t)) for op, t in words]
    return _words_render(flat, "~~{}~~", "**{}**", _md)


def _md(text: str) -> str:
    """Untrusted text for the PR comment (``sanitize.md_text``)."""
    return md_text(text)


def _text_lines(d: CorpusDiff) -> Iterator[str]:
    yield summary(d)
    for notice in d.notices:
        yield notice
    for c in d.charters:
        yield ""
        yield f"{words.CHANGE_STATUS[c.status]}: {c.name} ({c.file})"
        for ch in c.changes:
            yield f"  • {ch.text}"
            if ch.words:
                yield f"      {_words_text(ch.words)}"
    for title, problems in (("Nye fund", d.introduced), ("Løste fund", d.resolved)):
        if problems:
            yield ""
            yield f"{title} ({len(problems)}):"
            for p in problems:
                yield f"  {problem_line(p)}"


def render_text(d: CorpusDiff) -> Iterator[str]:
    """The diff for a terminal: every line through the sanitiser."""
    for line in _text_lines(d):
        yield printable(line, _KEEP)


def _markdown_lines(d: CorpusDiff) -> Iterator[str]:
    yield "## Ændringer i kommissorierne"
    yield ""
    yield _md(summary(d))
    for notice in d.notices:
        yield ""
        yield f"> ⚠️ {_md(notice)}"
    for c in d.charters:
        yield ""
        yield f"### {words.CHANGE_STATUS[c.status]}: {_md(c.name)}"
        yield ""
        yield md_code(c.file)
        yield ""
        for ch in c.changes:
            yield f"- {_md(ch.text)}"
            if ch.words:
                yield f"  > {_words_markdown(ch.words)}"
    for title, icon, problems in (("Nye fund", "⚠️", d.introduced), ("Løste fund", "✅", d.resolved)):
        if problems:
            yield ""
            yield f"### {icon} {title} ({len(problems)})"
            yield ""
            for p in problems:
                yield (f"- **{p.severity.value} {p.code}** {md_code(f'{p.file}:{p.line}:{p.column}')} "
                       f"{_md(p.message)} ({_md(p.name)})")


def render_markdown(d: CorpusDiff) -> Iterator[str]:
    """The diff as a PR comment: every line through the sanitiser."""
    for line in _markdown_lines(d):
        # one line each (a raw line break could start a block); the word joiner that md_text puts
        # after '@' (no mention) stays
        yield printable(line, " \u2060")


def render_json(d: CorpusDiff) -> str:
    return json.dumps(d.to_dict(), ensure_ascii=False, indent=2)
