"""The package builds as a wheel and an sdist that pass `twine check`, from one version source.

The build runs without isolation (the build backend, setuptools>=77, is in the test extras), so the
test needs no network; the backend's version is checked against pyproject's ``build-system``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel",
                           "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "deprecated" not in (proc.stdout + proc.stderr).lower(), proc.stderr[-3000:]
    wheels = list(out.glob("*.whl"))
    sdists = list(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, list(out.iterdir())
    return {"wheel": wheels[0], "sdist": sdists[0]}


def _version() -> str:
    text = (ROOT / "src" / "kommissorium" / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r'^__version__ = "([^"]+)"$', text, re.M)
    assert m
    return m.group(1)


def test_one_version_source() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "kommissorium.__version__"}
    import kommissorium
    assert kommissorium.__version__ == _version()
    # the CHANGELOG has a section for the current version
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[?{re.escape(_version())}\]?", changelog, re.M), "CHANGELOG mangler versionen"
    # the install instructions name the current version's tag
    for doc in ("README.md", ".pre-commit-hooks.yaml"):
        assert f"v{_version()}" in (ROOT / doc).read_text(encoding="utf-8"), doc


def test_license_is_an_spdx_expression() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    assert (ROOT / "LICENSE").is_file()
    backend = project["build-system"]["requires"]
    assert any(re.fullmatch(r"setuptools>=(7[7-9]|[89]\d|\d{3,})(\..*)?", r) for r in backend), backend


def test_twine_check_passes(dists: dict[str, Path]) -> None:
    proc = subprocess.run([sys.executable, "-m", "twine", "check", "--strict",
                           str(dists["wheel"]), str(dists["sdist"])],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("PASSED") == 2, proc.stdout


def test_wheel_metadata_and_contents(dists: dict[str, Path]) -> None:
    with zipfile.ZipFile(dists["wheel"]) as whl:
        names = set(whl.namelist())
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(whl.read(meta_name).decode("utf-8"))
        entry = whl.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert meta["Name"] == "kommissorium"
    assert meta["Version"] == _version()
    assert meta["License-Expression"] == "MIT"
    assert meta["Description-Content-Type"] == "text/markdown"
    assert "kommissorium = kommissorium.cli:main" in entry
    # the data the program reads at run time is inside the wheel
    for needed in ("kommissorium/cli.py", "kommissorium/registry/data/", "kommissorium/templates/"):
        assert any(n.startswith(needed) for n in names), needed
    assert any(n.endswith("licenses/LICENSE") for n in names)


def test_sdist_has_sources_license_and_changelog(dists: dict[str, Path]) -> None:
    with tarfile.open(dists["sdist"]) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    for needed in ("pyproject.toml", "README.md", "LICENSE", "src/kommissorium/__init__.py"):
        assert needed in names, needed


def test_wheel_runs_from_its_own_files(dists: dict[str, Path], tmp_path: Path) -> None:
    """The installed wheel (not this checkout) answers --version and finds its templates."""
    target = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                           "--no-index", "--target", str(target), str(dists["wheel"])],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import kommissorium, pathlib;"
            "p = pathlib.Path(kommissorium.__file__).parent;"
            "assert str(p).startswith(sys.argv[1]), p;"
            "assert any((p / 'templates').rglob('*')), 'templates';"
            "from kommissorium.cli import main; sys.argv = ['kommissorium', '--version']; main()")
    run = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True,
                         timeout=120)
    assert run.stdout.strip() == f"kommissorium {_version()}", run.stdout + run.stderr
