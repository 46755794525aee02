"""The workspace (root, configuration, targets, selection) and the one error type."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from kommissorium.commands._common import guarded
from kommissorium.config import ConfigError
from kommissorium.errors import KommissoriumError, UsageError
from kommissorium.workspace import Target, Workspace, find_root, renderable

CHARTER = "navn: Et udvalg\ntype: udvalg\nområde: region-nordjylland\n"


def _repo(tmp_path: Path) -> Path:
    (tmp_path / "charters" / "a").mkdir(parents=True)
    (tmp_path / "charters" / "a" / "x.yaml").write_text(CHARTER, encoding="utf-8")
    (tmp_path / "charters" / "a" / "y.yaml").write_text("navn: [\n", encoding="utf-8")
    return tmp_path


def test_root_config_and_targets(tmp_path):
    repo = _repo(tmp_path)
    ws = Workspace.find(repo / "charters" / "a")
    assert ws.root == repo.resolve() and find_root(repo / "charters") == repo.resolve()
    [whole] = ws.targets([])
    assert whole.root == (repo / "charters").resolve() and whole.paths == ()
    [one] = ws.targets([Path("x.yaml")])
    assert one.paths == ((repo / "charters" / "a" / "x.yaml").resolve(),)
    assert one.selects(repo / "charters" / "a" / "x.yaml")
    assert not one.selects(repo / "charters" / "a" / "y.yaml")
    with pytest.raises(UsageError, match="findes ikke"):
        ws.targets([Path("nope.yaml")])


def test_broken_configuration_is_a_usage_error_with_exit_code_2(tmp_path):
    repo = _repo(tmp_path)
    (repo / "kommissorium.toml").write_text("deaktiver = [\n", encoding="utf-8")
    ws = Workspace.find(repo)
    with pytest.raises(ConfigError) as info:
        ws.targets([])
    assert isinstance(info.value, UsageError) and info.value.exit_code == 2


def test_renderable_leaves_out_files_with_errors(tmp_path):
    repo = _repo(tmp_path)
    target = Target((repo / "charters").resolve())
    cs = target.load(repo)
    chosen = renderable(cs, target, repo)
    assert chosen.ids == ["a/x"]
    assert chosen.files == 2 and chosen.failed == 1
    assert {p.file for p in chosen.problems} == {"charters/a/y.yaml"}


def test_the_guard_prints_the_message_and_uses_the_exit_code():
    app = typer.Typer()

    @app.command()
    @guarded
    def boom() -> None:
        raise KommissoriumError("noget gik galt", exit_code=3)

    result = CliRunner().invoke(app, [])
    assert result.exit_code == 3
    assert result.output.strip() == "fejl: noget gik galt"
