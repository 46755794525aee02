"""Fixtures for the site tests: a small charters repository in git, and built sites."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHARTERS = ROOT / "charters"

#: A little corpus: a forum that recommends to a committee, which has a subgroup.
SMALL = {
    "nordjylland/strategisk-sundhedsforum.yaml": """\
        navn: Strategisk Sundhedsforum
        type: administrativ
        område: region-nordjylland
        formål: At træffe tværsektorielle beslutninger.
        opgaver:
          - Forberedende arbejde for Sundhedssamarbejdsudvalget.
          - Strategisk koordinering af vidensdeling mellem sundhedsklyngerne.
        relationer:
          indstiller-til: nordjylland/sundhedssamarbejdsudvalget
        """,
    "nordjylland/sundhedssamarbejdsudvalget.yaml": """\
        navn: Sundhedssamarbejdsudvalget
        forkortelse: SSU
        type: politisk
        område: region-nordjylland
        formål: At sikre sammenhæng i sundhedsvæsenet.
        opgaver:
          - Udarbejde sundhedsaftalen.
        """,
    "landsdaekkende/testnetvaerket.yaml": """\
        navn: Testnetværket <b>for</b> "alle" & enhver
        type: netværk
        område: landsdaekkende
        formål: At afprøve escaping af <script>alert(1)</script>.
        opgaver:
          - Udveksle erfaringer om patientinddragelse.
        """,
}


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
           "GIT_AUTHOR_DATE": "2024-05-04T12:00:00+02:00",
           "GIT_COMMITTER_DATE": "2024-05-04T12:00:00+02:00"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout


def write_corpus(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / "charters" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root / "charters"


@pytest.fixture
def small_repo(tmp_path: Path) -> Path:
    """A git repository with the small corpus: two commits on the forum's charter."""
    root = tmp_path / "repo"
    write_corpus(root, SMALL)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "charters")
    git(root, "commit", "-q", "-m", "First charters")
    forum = root / "charters/nordjylland/strategisk-sundhedsforum.yaml"
    forum.write_text(forum.read_text(encoding="utf-8") + "version: '1.1'\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "Forum: version 1.1")
    return root


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the repository's own charters/, built once (with PDFs)."""
    from kommissorium.corpus import load_corpus
    from kommissorium.site import build_site

    out = tmp_path_factory.mktemp("site") / "site"
    cs = load_corpus(CHARTERS)
    build_site(cs, out)
    return out
