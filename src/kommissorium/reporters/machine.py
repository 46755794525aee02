"""Machine formats: json (stable keys) and GitHub Actions workflow commands."""

from __future__ import annotations

import json
from typing import TextIO

from kommissorium.problems import Problem, Severity


def report_json(problems: list[Problem], files: int, out: TextIO) -> None:
    severities = {p.severity for p in problems}
    status = ("fejl" if Severity.ERROR in severities
              else "advarsler" if Severity.WARNING in severities else "ok")
    doc = {
        "status": status,
        "files": files,
        "problems": [p.to_dict() for p in problems],
    }
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def report_github(problems: list[Problem], files: int, out: TextIO) -> None:
    for p in problems:
        props = (
            f"file={_escape_prop(p.file)},line={p.line},col={p.column},"
            f"title={_escape_prop(p.code + ' ' + p.name)}"
        )
        out.write(f"::{_LEVEL[p.severity]} {props}::{_escape_data(p.message)}\n")
    from kommissorium.reporters.text import summary

    out.write(summary(problems, files) + "\n")
