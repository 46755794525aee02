"""Reporters: problems → text (rich), json, github annotations, sarif. Looked up by name."""

from __future__ import annotations

from typing import Callable, TextIO

from kommissorium.problems import Problem

Reporter = Callable[[list[Problem], int, TextIO], None]


def _text(problems: list[Problem], files: int, out: TextIO) -> None:
    from kommissorium.reporters.text import report

    report(problems, files, out)


def _json(problems: list[Problem], files: int, out: TextIO) -> None:
    from kommissorium.reporters.machine import report_json

    report_json(problems, files, out)


def _github(problems: list[Problem], files: int, out: TextIO) -> None:
    from kommissorium.reporters.machine import report_github

    report_github(problems, files, out)


def _sarif(problems: list[Problem], files: int, out: TextIO) -> None:
    from kommissorium.reporters.sarif import report_sarif

    report_sarif(problems, files, out)


REPORTERS: dict[str, Reporter] = {"text": _text, "json": _json, "github": _github, "sarif": _sarif}


def get(name: str) -> Reporter:
    return REPORTERS[name]
