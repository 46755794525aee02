"""CLI conventions (issue 11, point 8): one language for option names, through the real CLI."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from kommissorium.cli import COMMANDS, app
from kommissorium.commands.click_danish import ENGLISH_ALIASES

runner = CliRunner()

_NAMES = [c.rstrip("_") for c in COMMANDS]


@pytest.mark.parametrize("command", _NAMES)
def test_help_shows_only_danish_option_names(command):
    r = runner.invoke(app, [command, "--help"])
    assert r.exit_code == 0, r.output
    shown = set(re.findall(r"(?<![\w-])--[a-zæøå][\w-]*", r.output))
    english = shown & set(ENGLISH_ALIASES)
    assert not english, f"{command} --help viser engelske navne: {english}"
    assert "[required]" not in r.output and "[default:" not in r.output


def test_new_help_says_paakraevet_not_required():
    r = runner.invoke(app, ["new", "--help"])
    assert "[påkrævet]" in r.output and "[required]" not in r.output
    assert "--kommissorier" in r.output


@pytest.mark.parametrize("danish, english", [("--streng", "--strict"), ("--tjek", "--check")])
def test_danish_and_hidden_english_names_both_work(tmp_path, monkeypatch, danish, english):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "charters").mkdir()
    (tmp_path / "charters" / "a.yaml").write_text("id: a\n", encoding="utf-8")
    command = "validate" if danish == "--streng" else "fmt"
    for name in (danish, english):
        r = runner.invoke(app, [command, name])
        if command == "fmt":
            assert r.exit_code == 0, (name, r.output)
        else:  # an incomplete charter: findings, so exit 1 both ways, and not a usage error
            assert r.exit_code == 1, (name, r.output)


def test_hjaelp_is_a_help_option():
    r = runner.invoke(app, ["validate", "--hjælp"])
    assert r.exit_code == 0 and "--streng" in r.output
