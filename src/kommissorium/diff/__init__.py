"""Semantic diff of the charters between two git revisions (or a revision and the working tree).

- ``git``: the two sides from git (through ``kommissorium.gitutil``, with a timeout);
- ``compare``: two ``CharterSet``s compared, one table entry per section;
- ``model``: what a diff finds (``Change``, ``CharterDiff``, ``CorpusDiff``);
- ``report``: text, Markdown and JSON, through the shared sanitiser.

Each side is loaded as a full ``CharterSet`` (``git archive`` of the charters folder into a
temporary folder; the working tree is read in place), and the rules run on both.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from kommissorium.diff.compare import compare_charters, compare_sets, describe_seat, word_diff
from kommissorium.diff.git import DiffError
from kommissorium.diff.model import Change, CharterDiff, CorpusDiff
from kommissorium.diff.report import render_json, render_markdown, render_text

__all__ = [
    "Change", "CharterDiff", "CorpusDiff", "DiffError", "compare_charters", "compare_sets",
    "describe_seat", "diff_revisions", "render_json", "render_markdown", "render_text",
    "word_diff",
]


def diff_revisions(base: str | None, head: str | None, cwd: Path | None = None) -> CorpusDiff:
    """Compare BASE (default: merge-base with main) with HEAD (default: the working tree)."""
    from kommissorium.corpus import load_corpus
    from kommissorium.diff.git import (default_base, extract, git_toplevel, hidden_by_attributes,
                                        resolve_revision)
    from kommissorium.workspace import CHARTERS_DIR, Workspace

    ws = Workspace.find(cwd)
    cwd = ws.cwd
    top = git_toplevel(cwd).resolve()
    if ws.root is None:  # no kommissorium.toml or charters/ above: the git work tree's root
        ws = Workspace(cwd, top)
    charters_dir = (ws.config.charters_dir or (top / CHARTERS_DIR)).resolve()
    try:
        rel = charters_dir.relative_to(top).as_posix()
    except ValueError:
        raise DiffError(f"charters-mappen {charters_dir} ligger uden for git-repositoriet {top}.") from None

    if base is None:
        base_label, base_commit = default_base(top)
    else:
        base_commit = resolve_revision(base, top)
        base_label = base
    if head is not None:
        head_commit = resolve_revision(head, top)
        head_label = head
    else:
        head_commit = None
        head_label = "arbejdstræet"
    rules = ws.config.rule_config()
    with tempfile.TemporaryDirectory(prefix="kommissorium-diff-") as tmp:
        tmp_path = Path(tmp)
        old_dir = tmp_path / "base"
        old_dir.mkdir()
        extract(top, base_commit, rel, old_dir)
        old_cs = load_corpus(old_dir / rel, cwd=old_dir)
        if head_commit is None:
            new_cs = load_corpus(charters_dir, cwd=top)
        else:
            new_dir = tmp_path / "head"
            new_dir.mkdir()
            extract(top, head_commit, rel, new_dir)
            new_cs = load_corpus(new_dir / rel, cwd=new_dir)
        result = compare_sets(old_cs, new_cs, _label(base_label, base_commit),
                              _label(head_label, head_commit), rules)
    hidden = hidden_by_attributes(top, head_commit or "HEAD", rel)
    if hidden:
        from kommissorium.danish.changes import attributes_notice

        result.notices.append(attributes_notice(hidden))
    return result


def _label(label: str, commit: str | None) -> str:
    if commit is None:
        return label
    if commit.startswith(label.lower()):
        return commit[:7]
    return f"{label} ({commit[:7]})"
