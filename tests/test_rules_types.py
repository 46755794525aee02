"""Compact forms of counts, frequencies and durations: accepted as people write them, the same
forms in the JSON Schema, and a Danish message that fits the field when a form is not accepted."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from kommissorium.model.types import Count, Duration, Frequency
from kommissorium.schema import DURATION_PATTERN, FREQUENCY_PATTERN


@pytest.mark.parametrize("text,expected", [
    ("4 møder årligt", (4, 4, None)),
    ("mindst fire gange årligt", (4, None, None)),
    ("3-4 gange om året", (3, 4, None)),
    ("månedligt", (12, 12, None)),
    ("kvartalsvis", (4, 4, None)),
    ("hver anden måned", (6, 6, None)),
    ("halvårligt", (2, 2, None)),
    ("årligt", (1, 1, None)),
    ("ca. 10 møder årligt", (None, None, 10)),
    ("mindst kvartalsvis og efter behov", (4, None, None)),
])
def test_frequency_forms(text: str, expected: tuple) -> None:
    f = Frequency.model_validate(text)
    assert (f.minimum, f.maximum, f.approximately) == expected
    assert re.fullmatch(FREQUENCY_PATTERN, text), text


@pytest.mark.parametrize("text,expected", [
    ("2 timer", (2, 2)), ("2-3 timer", (2, 3)), ("1 time", (1, 1)), ("2", (2, 2)), ("2-3", (2, 3)),
])
def test_duration_forms(text: str, expected: tuple) -> None:
    d = Duration.model_validate(text)
    assert (d.minimum, d.maximum) == expected
    assert re.fullmatch(DURATION_PATTERN, text), text


def test_duration_has_its_own_message() -> None:
    with pytest.raises(ValidationError) as err:
        Duration.model_validate("en halv dag")
    assert "ikke en varighed i timer" in str(err.value)
    assert "mødefrekvens" not in str(err.value)
    assert not re.fullmatch(DURATION_PATTERN, "en halv dag")


def test_frequency_rejects_hours() -> None:
    with pytest.raises(ValidationError) as err:
        Frequency.model_validate("2 timer")
    assert "ikke en mødefrekvens" in str(err.value)
    assert not re.fullmatch(FREQUENCY_PATTERN, "2 timer")


def test_count_about_explains_what_to_write() -> None:
    with pytest.raises(ValidationError) as err:
        Count.model_validate("ca. 3")
    assert "angives præcist" in str(err.value) and '"2-4"' in str(err.value)


@pytest.mark.parametrize("text,line,column", [
    ("navn: X\nmøder:\n  pr-år: 4\n   varighed-timer: 2\n", 4, 18),  # one space too many (at the colon, as the parser says)
    ("navn: X\nmøder:\n    pr-år: 4\n  varighed-timer: 2\n", 4, 3),  # between two levels
])
def test_bad_indentation_is_named(text: str, line: int, column: int) -> None:
    from kommissorium.load.yaml import load_text

    doc = load_text(text, display="x.yaml")
    [p] = doc.problems
    assert (p.code, p.line, p.column) == ("Y001", line, column)
    assert "indrykningen passer ikke med linjen over" in p.message


def test_colon_in_value_keeps_its_message() -> None:
    from kommissorium.load.yaml import load_text

    [p] = load_text("navn: a: b\n", display="x.yaml").problems
    assert "kolon" in p.message
