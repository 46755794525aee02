"""The CLI through typer's runner: exit codes, formats, messages, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from kommissorium import __version__
from kommissorium.cli import app

runner = CliRunner()

GOOD = "navn: God\ntype: forum\nområde: region-nordjylland\n"


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"kommissorium {__version__}"


def test_python_dash_m_works():
    out = subprocess.run([sys.executable, "-m", "kommissorium", "--version"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"kommissorium {__version__}"


def test_clean_repository_exits_0(repo):
    repo("nord/good.yaml", GOOD)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert "Alt i orden: 1 fil kontrolleret, ingen fund." in result.output


def test_findings_exit_1_with_location_code_and_name(repo):
    repo("nord/good.yaml", GOOD)
    repo("nord/bad.yaml", "navn: God\ntype: forum\nområde: region-nordjylland\nformaal: x\n")
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    assert ("charters/nord/bad.yaml:4:1: fejl S001 Ukendt nøgle 'formaal'. "
            "Mente du 'formål'? [skema.ukendt-noegle]") in result.output
    assert "1 fejl og 1 info i 2 filer." in result.output
    assert "Traceback" not in result.output


def test_json_format_has_stable_keys(repo):
    repo("nord/bad.yaml", "navn: X\ntype: forum\nområde: region-nordjylland\nnavn: Y\n")
    result = runner.invoke(app, ["validate", "--format", "json"])
    assert result.exit_code == 1
    doc = json.loads(result.output)
    assert doc["status"] == "fejl"
    (p,) = doc["problems"]
    assert set(p) == {"code", "name", "severity", "message", "file", "line", "column", "related"}
    assert (p["code"], p["file"], p["line"], p["column"]) == ("Y002", "charters/nord/bad.yaml", 4, 1)


def test_github_format_writes_annotations(repo):
    repo("nord/bad.yaml", "navn: X\ntype: forum\nområde: region-nordjylland\nnavn: Y\n")
    result = runner.invoke(app, ["validate", "--format", "github"])
    assert result.exit_code == 1
    line = result.output.splitlines()[0]
    assert line.startswith("::error file=charters/nord/bad.yaml,line=4,col=1,title=Y002 yaml.dublet-noegle::")


def test_github_format_is_chosen_under_github_actions(repo, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    repo("nord/bad.yaml", "navn: X\ntype: forum\nområde: region-nordjylland\nnavn: Y\n")
    result = runner.invoke(app, ["validate"])
    assert result.output.startswith("::error ")


def test_unknown_format_is_a_usage_error(repo):
    repo("nord/good.yaml", GOOD)
    result = runner.invoke(app, ["validate", "--format", "xml"])
    assert result.exit_code == 2
    assert "ukendt format 'xml'" in result.output


def test_missing_path_is_a_usage_error(repo):
    result = runner.invoke(app, ["validate", "findes-ikke.yaml"])
    assert result.exit_code == 2
    assert "findes ikke" in result.output


def test_no_charters_folder_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "Fandt ingen charters/-mappe" in result.output


def test_strict_counts_warnings(repo):
    repo("nord/good.yaml", GOOD + "undertryk: [{regel: R001, begrundelse: ingen grund}]\n")
    lenient = runner.invoke(app, ["validate"])
    strict = runner.invoke(app, ["validate", "--strict"])
    assert lenient.exit_code == 0, lenient.output
    assert "advarsel K001" in lenient.output
    assert strict.exit_code == 1


def test_internal_error_is_not_a_traceback(repo, monkeypatch):
    repo("nord/good.yaml", GOOD)
    import kommissorium.check as check_mod

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(check_mod, "check", boom)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "intern fejl: RuntimeError: kaboom" in result.output
    assert "Traceback" not in result.output


def test_rules_lists_and_explains(repo):
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    assert "R001" in result.output and "reference.ukendt" in result.output
    one = runner.invoke(app, ["rules", "R001"])
    assert one.exit_code == 0 and "Godt:" in one.output and "Dårligt:" in one.output
    bad = runner.invoke(app, ["rules", "ZZ999"])
    assert bad.exit_code == 2


def test_real_charters_validate_clean():
    from pathlib import Path

    from kommissorium.check import check

    result = check([Path(__file__).resolve().parents[1] / "charters"])
    errors = [f"{p.file}:{p.line}:{p.column} {p.code} {p.message}" for p in result.problems
              if p.severity.value == "fejl"]
    assert errors == []


def test_terminal_escapes_in_file_names_are_not_sent(repo):
    repo("nord/x\x1b[31my.yaml", GOOD)
    result = runner.invoke(app, ["validate"])
    assert "\x1b" not in result.output
    assert "x\\x1b[31my.yaml" in result.output


def test_help_is_danish_and_imports_nothing_heavy():
    """`--help` must start fast: no rich, PDF engine, models, templates or YAML parser."""
    code = (
        "import sys\n"
        "sys.argv = ['kommissorium', '--help']\n"
        "from kommissorium.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('rich', 'typst', 'pydantic', 'jinja2', 'babel', 'ruamel.yaml',"
        " 'kommissorium.model', 'kommissorium.rules') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in out.stdout
    assert "Brug: kommissorium [TILVALG] KOMMANDO" in out.stdout
    assert "Kommandoer:" in out.stdout and "Vis denne hjælp og afslut." in out.stdout
    for command in ("validate", "render", "diff", "graph", "fmt", "new", "schema", "site", "rules"):
        assert f"\n  {command} " in out.stdout


def test_command_help_uses_danish_placeholders():
    result = runner.invoke(app, ["validate", "--help"])
    assert result.exit_code == 0
    assert "Brug: kommissorium validate [TILVALG] [STIER]..." in result.output
    assert "-f, --format TEKST" in result.output
    assert "<str>" not in result.output and "Usage" not in result.output


def test_usage_errors_are_danish():
    cases = {
        ("validate", "--bogus"): "fejl: ukendt tilvalg '--bogus'. Se 'kommissorium validate --help'.",
        ("new",): "mangler argumentet ID",
        ("valdate",): "ukendt kommando 'valdate'. Mente du 'validate'?",
        ("render", "-j", "0"): "ugyldig værdi for '-j': skal være mindst 1",
        ("site", "--port", "70000"): "skal være mellem 0 og 65535",
    }
    for args, expected in cases.items():
        result = CliRunner().invoke(app, list(args))
        assert result.exit_code == 2, args
        assert expected in result.output, (args, result.output)
        for english in ("Error", "Try '", "Invalid value", "Missing", "No such", "Input should"):
            assert english not in result.output, (args, result.output)
        assert "Traceback" not in result.output


def test_help_hints_are_danish():
    render = CliRunner().invoke(app, ["render", "--help"]).output
    assert "[mindst 1]" in render and "x>=" not in render
    site = CliRunner().invoke(app, ["site", "--help"]).output
    assert "0–65535" in site and "<=x<=" not in site
    new = CliRunner().invoke(app, ["new", "--help"]).output
    assert "{id}" not in new and "kommissorium new [TILVALG] ID" in new
    main = CliRunner().invoke(app, ["--help"]).output
    assert "på..." not in main and "regler på tværs" in main


def test_format_choices_join_with_og():
    result = CliRunner().invoke(app, ["validate", "-f", "xml"])
    assert result.exit_code == 2
    assert "vælg mellem github, json, sarif og text" in result.output


def test_rules_explains_load_and_format_codes():
    """The README's example finding is S001: `rules S001` must explain it, like Y and G001."""
    for code, name in (("S001", "skema.ukendt-noegle"), ("Y003", "yaml.tabulator"),
                       ("G001", "register.dublet")):
        result = runner.invoke(app, ["rules", code])
        assert result.exit_code == 0, result.output
        assert name in result.output and "kan ikke slås fra" in result.output
    listing = runner.invoke(app, ["rules"])
    assert "Indlæsning og format" in listing.output and "Y012" in listing.output
