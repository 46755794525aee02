"""Fixtures for the site tests: a small charters repository in git, and built sites."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from pathlib import Path
from typing import Any, Iterator

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


# -- a real browser: Debian's Chromium driven by Playwright (never 'playwright install') ----------

CHROMIUM = os.environ.get("KOMMISSORIUM_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_source() -> str:
    """axe-core's axe.min.js: $KOMMISSORIUM_AXE_JS, else the copy in axe-playwright-python."""
    explicit = os.environ.get("KOMMISSORIUM_AXE_JS")
    if explicit:
        return Path(explicit).read_text(encoding="utf-8")
    import importlib.util

    spec = importlib.util.find_spec("axe_playwright_python")
    assert spec is not None and spec.submodule_search_locations, (
        "axe-core mangler: pip install axe-playwright-python (i test-ekstraen)"
    )
    return (Path(next(iter(spec.submodule_search_locations))) / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        if os.environ.get("CI") == "true":  # CI installs it (scripts/setup.sh): never skip there
            pytest.fail(f"Chromium findes ikke ({CHROMIUM}).")
        pytest.skip(f"Chromium findes ikke ({CHROMIUM}); installér Debians pakke 'chromium'.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def browser_context(browser: Any, **kw: Any) -> tuple[Any, list[str]]:
    ctx = browser.new_context(viewport={"width": 1200, "height": 900}, locale="da-DK", **kw)
    outside: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file://", "http://127.0.0.1:", "data:", "about:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    ctx.route("**/*", guard)
    return ctx, outside


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ctx, outside = browser_context(browser)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield pg
    ctx.close()
    assert not outside, f"requests left the machine: {outside}"
    assert not errors, f"errors in the page: {errors}"
