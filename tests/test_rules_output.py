"""Rules as the user meets them: `kommissorium rules`, the generated page, SARIF output,
repository configuration (disabled rules, severities) and suppressions."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from kommissorium.check import check
from kommissorium.cli import app
from kommissorium.problems import Severity
from kommissorium.reporters import REPORTERS
from kommissorium.reporters.sarif import to_sarif
from kommissorium.rules import RULES
from kommissorium.rules.docs import markdown

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "rules"
runner = CliRunner()


# -- the rule page ----------------------------------------------------------------------------
def test_docs_page_is_up_to_date() -> None:
    page = ROOT / "docs" / "regler.md"
    assert page.is_file(), "docs/regler.md missing: python -m kommissorium.rules.docs > docs/regler.md"
    assert page.read_text(encoding="utf-8") == markdown(), (
        "docs/regler.md is stale: run  python -m kommissorium.rules.docs > docs/regler.md"
    )


def test_docs_page_lists_every_rule_with_examples() -> None:
    page = markdown()
    for code, r in RULES.items():
        assert f"### {code}" in page and f"`{r.name}`" in page
    assert page.count("**Godt:**") == len(RULES) == page.count("**Dårligt:**")
    assert page.count("```yaml") >= 2 * len(RULES)


def test_readme_links_the_rule_page() -> None:
    readme = ROOT / "README.md"
    if readme.is_file():
        assert "docs/regler.md" in readme.read_text(encoding="utf-8")


# -- `kommissorium rules` ---------------------------------------------------------------------
def test_rules_lists_every_rule() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0, result.output
    for code, r in RULES.items():
        assert code in result.output and r.name in result.output


def test_rules_explains_one_by_code_or_name() -> None:
    by_code = runner.invoke(app, ["rules", "c002"])
    by_name = runner.invoke(app, ["rules", "sammensaetning.heraf-opfyldt"])
    assert by_code.exit_code == by_name.exit_code == 0
    assert by_code.output == by_name.output
    assert "Godt:" in by_code.output and "Dårligt:" in by_code.output
    assert "psykiatrien-nordjylland" in by_code.output


def test_rules_unknown_code_is_a_usage_error() -> None:
    result = runner.invoke(app, ["rules", "M03"])
    assert result.exit_code == 2
    assert "M003" in result.output  # "mente du"


def test_rules_markdown_is_the_page() -> None:
    result = runner.invoke(app, ["rules", "--markdown"])
    assert result.exit_code == 0
    assert result.output == markdown()


# -- SARIF ------------------------------------------------------------------------------------
def test_sarif_for_a_fail_set() -> None:
    folder = FIXTURES / "X001" / "fail"
    result = check([folder], cwd=folder)
    out = io.StringIO()
    REPORTERS["sarif"](result.problems, result.files, out)
    doc = json.loads(out.getvalue())
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-2.1.0.json")
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "kommissorium"
    ids = [r["id"] for r in driver["rules"]]
    assert set(RULES) <= set(ids) and len(ids) == len(set(ids))
    for r in driver["rules"]:
        assert r["shortDescription"]["text"] and r["help"]["text"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    [res] = run["results"]
    assert res["ruleId"] == "X001" and ids[res["ruleIndex"]] == "X001"
    assert res["level"] == "error" and res["message"]["text"].startswith("Relationerne går i ring")
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "x/a.yaml"
    assert loc["region"] == {"startLine": 5, "startColumn": 18}
    related = res["relatedLocations"]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == ["x/b.yaml", "x/c.yaml"]
    assert all(r["message"]["text"] and isinstance(r["id"], int) for r in related)


def test_sarif_describes_load_codes_and_levels() -> None:
    from kommissorium.problems import Problem

    problems = [
        Problem("Y001", "yaml.syntaks", Severity.ERROR, "YAML-fejl", "a.yaml", 3, 4),
        Problem("X003", "relationer.isoleret", Severity.INFO, "alene", "b.yaml", 1, 7),
    ]
    doc = to_sarif(problems)
    driver = doc["runs"][0]["tool"]["driver"]
    ids = [r["id"] for r in driver["rules"]]
    assert "Y001" in ids
    levels = [r["level"] for r in doc["runs"][0]["results"]]
    assert levels == ["error", "note"]


def test_validate_format_sarif_cli() -> None:
    folder = FIXTURES / "P001" / "fail"
    result = runner.invoke(app, ["validate", "--format", "sarif", str(folder)])
    assert result.exit_code == 1
    doc = json.loads(result.output)
    assert {r["ruleId"] for r in doc["runs"][0]["results"]} == {"P001"}


# -- configuration and suppressions -----------------------------------------------------------
def _repo(tmp_path: Path, config: str | None, fixture: str) -> Path:
    shutil.copytree(FIXTURES / fixture / "fail", tmp_path / "charters")
    for extra in (tmp_path / "charters").glob("expected.txt"):
        extra.unlink()
    if config is not None:
        (tmp_path / "kommissorium.toml").write_text(config, encoding="utf-8")
    return tmp_path


def test_config_disables_a_rule_by_name(tmp_path: Path) -> None:
    repo = _repo(tmp_path, 'deaktiver = ["moeder.varighed-rimelig"]\n', "M005")
    assert check([], cwd=repo).problems == []


def test_config_changes_severity(tmp_path: Path) -> None:
    repo = _repo(tmp_path, '[alvor]\nM005 = "advarsel"\n', "M005")
    result = check([], cwd=repo)
    assert [(p.code, p.severity) for p in result.problems] == [("M005", Severity.WARNING)]
    assert result.exit_code() == 0 and result.exit_code(strict=True) == 1


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    repo = _repo(tmp_path, None, "M005")
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.kommissorium]\ndeaktiver = ["M005"]\n', encoding="utf-8")
    assert check([], cwd=repo).problems == []


def test_suppression_with_reason_removes_the_finding(tmp_path: Path) -> None:
    repo = _repo(tmp_path, None, "M005")
    path = repo / "charters" / "forum.yaml"
    path.write_text(path.read_text(encoding="utf-8")
                    + "undertryk:\n  - regel: M005\n    begrundelse: Døgnseminar.\n", encoding="utf-8")
    assert check([], cwd=repo).problems == []


def test_unknown_rule_in_config_is_a_usage_error(tmp_path: Path) -> None:
    from kommissorium.errors import UsageError

    repo = _repo(tmp_path, 'deaktiver = ["Q999"]\n', "M005")
    try:
        check([], cwd=repo)
    except UsageError as exc:
        assert "Q999" in str(exc)
    else:
        raise AssertionError("expected a usage error")


def test_p001_message_says_where_each_count_comes_from() -> None:
    folder = FIXTURES / "P001" / "fail"
    messages = [p.message for p in check([folder], cwd=folder).problems if p.code == "P001"]
    assert any("giver 19 i Region Midtjylland (98 i hele landet)" in m for m in messages)
    assert any("giver 4 i Sundhedsklynge Horsens" in m for m in messages)


# -- json status and [tool.kommissorium] in kommissorium.toml -------------------------------------
def test_json_status_counts_only_errors_and_warnings() -> None:
    from kommissorium.problems import Problem
    from kommissorium.reporters.machine import report_json

    def status(*severities: Severity) -> str:
        out = io.StringIO()
        problems = [Problem("X001", "x", s, "m", "f.yaml", 1, 1) for s in severities]
        report_json(problems, 1, out)
        return json.loads(out.getvalue())["status"]

    assert status() == "ok"
    assert status(Severity.INFO) == "ok"
    assert status(Severity.INFO, Severity.WARNING) == "advarsler"
    assert status(Severity.WARNING, Severity.ERROR) == "fejl"


def test_tool_table_in_kommissorium_toml(tmp_path: Path) -> None:
    import pytest

    from kommissorium.config import ConfigError, load_config

    (tmp_path / "kommissorium.toml").write_text(
        '[tool.kommissorium]\ncharters = "kommissorier"\n', encoding="utf-8")
    assert load_config(tmp_path).charters == "kommissorier"
    (tmp_path / "kommissorium.toml").write_text('charters = "k2"\n', encoding="utf-8")
    assert load_config(tmp_path).charters == "k2"
    (tmp_path / "kommissorium.toml").write_text(
        'charters = "k2"\n[tool.kommissorium]\ncharters = "k3"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(tmp_path)
