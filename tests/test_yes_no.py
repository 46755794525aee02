"""Issue #14: a yes/no field means what it says — only true/false; anything else is a located
S002 with the fix ('skriv true eller false'), never read as text or as its opposite."""

from __future__ import annotations

import typing

import pytest
from pydantic import BaseModel

from kommissorium.check import check
from kommissorium.model.charter import Charter

HEAD = "navn: Testudvalget\ntype: forum\nområde: region-nordjylland\n"


def _s002(repo, body: str) -> list:
    repo("nord/a.yaml", HEAD + body)
    result = check([])
    hits = [p for p in result.problems if p.code == "S002"]
    assert result.exit_code() == 1
    return hits


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "ja", "nej", "Ja", "NEJ"])
def test_yaml_11_and_danish_words_are_refused_in_a_yes_no_field(repo, word):
    (p,) = _s002(repo, f"ramme: {word}\n")
    assert (p.line, p.column) == (4, 8)
    assert f"'ramme' skal være true eller false, men er teksten '{word}'" in p.message
    assert "Skriv true eller false" in p.message


def test_suppleanter_nej_is_an_error_not_allowed(repo):
    (p,) = _s002(repo, "sammensætning:\n  suppleanter: nej\n")
    assert (p.line, p.column) == (5, 16)
    assert "'sammensætning.suppleanter'" in p.message and "teksten 'nej'" in p.message


def test_suppleanter_ja_is_an_error_not_a_paragraph(repo):
    (p,) = _s002(repo, "sammensætning:\n  suppleanter: ja\n")
    assert "teksten 'ja'" in p.message


def test_extraordinary_meetings_ja_is_an_error(repo):
    (p,) = _s002(repo, "møder:\n  pr-år: 4\n  ekstraordinære: ja\n")
    assert (p.line, p.column) == (6, 19)
    assert "'møder.ekstraordinære'" in p.message


def test_mapping_form_and_numbers_are_refused_too(repo):
    hits = _s002(repo, "sammensætning:\n  suppleanter: {tilladt: Nej}\nmøder:\n  virtuelle: 1\n"
                       "  pr-år: {mindst: 4, efter-behov: on}\n")
    assert [(p.line, p.column) for p in hits] == [(5, 26), (7, 14), (8, 35)]
    assert "men er tallet 1. Skriv true eller false." in hits[1].message


def test_true_false_and_a_sentence_are_accepted(repo):
    repo("nord/a.yaml", HEAD + "ramme: false\nsammensætning:\n  suppleanter: Der udpeges "
                               "personlige suppleanter.\nmøder:\n  pr-år: 4\n  ekstraordinære: true\n")
    assert [p for p in check([]).problems if p.code.startswith("S")] == []


def _bool_fields(model: type[BaseModel], seen: set) -> list[tuple[str, str]]:
    out = []
    if model in seen:
        return out
    seen.add(model)
    for name, field in model.model_fields.items():
        ann = field.annotation
        args = typing.get_args(ann) or (ann,)
        if bool in args:
            out.append((model.__name__, field.alias or name))
        for a in args:
            for inner in (typing.get_args(a) or (a,)):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    out += _bool_fields(inner, seen)
    return out


def test_every_yes_no_field_of_the_model_is_strict():
    """A new bool field that forgets ``YesNo`` would read 'yes' as true: caught here."""
    fields = _bool_fields(Charter, set())
    assert len(fields) >= 10
    lax = []
    for model_name, alias in fields:
        model = next(m for m in _models(Charter) if m.__name__ == model_name)
        field = next(f for n, f in model.model_fields.items() if (f.alias or n) == alias)
        if not any(type(m).__name__ == "Strict" for m in field.metadata):
            lax.append(f"{model_name}.{alias}")
    assert lax == [], f"bool-felter uden YesNo: {lax}"


def _models(root: type[BaseModel], seen: set | None = None) -> list[type[BaseModel]]:
    seen = set() if seen is None else seen
    if root in seen:
        return []
    seen.add(root)
    out = [root]
    for field in root.model_fields.values():
        stack = [field.annotation]
        while stack:
            a = stack.pop()
            if isinstance(a, type) and issubclass(a, BaseModel):
                out += _models(a, seen)
            stack += list(typing.get_args(a))
    return out
