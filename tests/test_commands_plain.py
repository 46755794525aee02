"""Each command is a plain function returning its exit code, callable without typer's runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommissorium.commands import fmt, rules, validate
from kommissorium.errors import UsageError

GOOD = "navn: Et udvalg\ntype: udvalg\nområde: region-nordjylland\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "charters" / "nord").mkdir(parents=True)
    (tmp_path / "charters" / "nord" / "a.yaml").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_validate_returns_its_exit_code(repo, capsys):
    assert validate.run(cwd=repo, format="json") == 0
    assert '"status"' in capsys.readouterr().out
    (repo / "charters" / "nord" / "b.yaml").write_text("navn: [\n", encoding="utf-8")
    assert validate.run(cwd=repo, format="text") == 1
    assert "Y001" in capsys.readouterr().out


def test_user_errors_raise_the_one_error_type(repo):
    with pytest.raises(UsageError, match="ukendt format 'xml'"):
        validate.run(cwd=repo, format="xml")
    with pytest.raises(UsageError, match="ukendt regel"):
        rules.run(code="Q999")


def test_fmt_check_reports_without_writing(repo, capsys):
    path = repo / "charters" / "nord" / "a.yaml"
    path.write_text("type: udvalg\nnavn: Et udvalg\nområde: region-nordjylland\n", encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    assert fmt.run(check=True, cwd=repo) == 1
    assert path.read_text(encoding="utf-8") == before
    assert "ville blive omformateret" in capsys.readouterr().out
