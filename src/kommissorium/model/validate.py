"""Validate plain data against a model and turn pydantic's errors into located Danish problems.

Each pydantic error location (a path of Danish keys and list indexes) is walked through the
source map to the line and column of the offending key or value, falling back to the nearest
parent when the key is missing (as rendercv does).
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kommissorium.load.yaml import SourceMap
from kommissorium.problems import Problem, Severity

M = TypeVar("M", bound=BaseModel)

SCHEMA_CODES = {
    "S001": ("skema.ukendt-noegle", "Nøglen findes ikke i kommissorieformatet."),
    "S002": ("skema.type", "Værdien har forkert type."),
    "S003": ("skema.mangler", "Et påkrævet felt mangler."),
    "S004": ("skema.vaerdi", "Værdien er ikke tilladt."),
    "S005": ("skema.id", "Kommissoriets id stemmer ikke med filens sti, eller to filer har samme id."),
    "S006": ("skema.usynligt-tegn", "Et navn eller en tekst indeholder et kontroltegn, et "
             "retningstegn (bidi) eller et tegn uden bredde."),
    "S007": ("skema.laengde", "Et navn, et id eller et filnavn er længere end grænsen."),
    "S008": ("skema.tal", "Et tal er uden for det rimelige område eller skrevet med eksponent."),
    "S009": ("skema.konfliktmarkoer", "Filen indeholder en git-konfliktmarkør (<<<<<<<, =======, >>>>>>>)."),
}

_TYPE_DA = {
    "string_type": "tekst",
    "int_type": "et helt tal",
    "int_parsing": "et helt tal",
    "int_from_float": "et helt tal",
    "float_type": "et tal",
    "float_parsing": "et tal",
    "finite_number": "et endeligt tal (ikke .inf eller .nan)",
    "bool_type": "true eller false",
    "bool_parsing": "true eller false",
    "list_type": "en liste",
    "dict_type": "en mapping (nøgle: værdi)",
    "model_type": "en mapping (nøgle: værdi)",
    "model_attributes_type": "en mapping (nøgle: værdi)",
    "date_type": "en dato",
    "date_parsing": "en dato (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_parsing": "en dato (ÅÅÅÅ-MM-DD)",
}


def schema_problem(code: str, message: str, file: str, line: int, column: int) -> Problem:
    name, _ = SCHEMA_CODES[code]
    return Problem(code, name, Severity.ERROR, message, file, line, column)


def describe(value: Any) -> str:
    """A short Danish description of a YAML value, quoting it."""
    if value is None:
        return "ingen værdi (null)"
    if isinstance(value, bool):
        return f"sandhedsværdien {'true' if value else 'false'}"
    if isinstance(value, int):
        return f"tallet {value}"
    if isinstance(value, float):
        return f"tallet {value:g}".replace(".", ",")
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "…"
        return f"teksten '{shown}'"
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, dict):
        return "en mapping"
    return type(value).__name__


def fold(text: str) -> str:
    return (
        text.lower()
        .replace("æ", "ae")
        .replace("ø", "oe")
        .replace("å", "aa")
        .replace("_", "-")
        .replace(" ", "-")
    )


def suggest(word: str, candidates: list[str]) -> str | None:
    """The closest candidate, comparing with and without Danish letters folded."""
    if not candidates:
        return None
    folded = {fold(c): c for c in candidates}
    if fold(word) in folded:
        return folded[fold(word)]
    # A key that starts with or contains the typed text ('klynge-nord' → 'klynge-nordjylland-nord')
    # beats a merely similar one; shortest first, then the one that starts with it.
    w = fold(word)
    if len(w) >= 3:
        containing = [f for f in folded if w in f]
        if containing:
            tokens = set(w.split("-"))
            return folded[min(containing, key=lambda f: (
                not tokens <= set(f.split("-")), not f.startswith(w), len(f), f))]
    hit = difflib.get_close_matches(fold(word), list(folded), n=1, cutoff=0.6)
    return folded[hit[0]] if hit else None


def _unwrap(annotation: Any) -> Any:
    """Strip Optional, Annotated and containers down to a model class when there is one."""
    seen = 0
    while seen < 10:
        seen += 1
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else (args[0] if args else annotation)
            continue
        return annotation
    return annotation


def model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that holds the key at ``loc`` (loc of the parent mapping)."""
    current: Any = root
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            origin = typing.get_origin(current)
            if origin in (list, tuple):
                current = typing.get_args(current)[0]
                continue
            return None
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = next(
                (f for n, f in current.model_fields.items() if (f.alias or n) == part), None
            )
            if field is None:
                return None
            current = field.annotation
            continue
        origin = typing.get_origin(current)
        if origin is dict:
            current = typing.get_args(current)[1]
            continue
        return None
    current = _unwrap(current)
    if typing.get_origin(current) in (list, tuple):
        current = _unwrap(typing.get_args(current)[0])
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def aliases(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]


def validate_model(
    model: type[M],
    data: Any,
    source_map: SourceMap,
    display: str,
    prefix: tuple[Any, ...] = (),
) -> tuple[M | None, list[Problem]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = [
            _problem(model, err, data, source_map, display, prefix) for err in exc.errors()
        ]
        return None, _dedupe(problems)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple] = set()
    out = []
    for p in problems:
        key = (p.line, p.column, p.code, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    # pydantic adds markers like '[key]' for dict keys and function names for validators.
    return tuple(p for p in loc if not (isinstance(p, str) and (p.startswith("[") or p.startswith("function-"))))


def _as_written(loc: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    """``loc`` as the file has it: a compact form (``opgaver: [a, b]`` for
    ``opgaver: {punkter: [a, b]}``) leaves out the key the model put in, so that the error is
    located at the item itself, not at the nearest key the file has."""
    out: list[Any] = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(node, list) and isinstance(part, str):
            continue  # the list stands for {part: list}
        out.append(part)
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return tuple(out) + tuple(loc[i + 1:])
    return tuple(out)


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for p in loc:
        out += f"[{p + 1}]" if isinstance(p, int) else (("." if out else "") + str(p))
    return out or "(øverste niveau)"


def _problem(
    root: type[BaseModel],
    err: Any,
    data: Any,
    source_map: SourceMap,
    display: str,
    prefix: tuple[Any, ...],
) -> Problem:
    etype = err["type"]
    loc = _as_written(_clean_loc(tuple(err["loc"])), data)
    full = prefix + loc
    value = err.get("input")
    where = _dotted(loc)

    if etype == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        holder = model_at(root, loc[:-1])
        hint = ""
        if holder is not None:
            best = suggest(key, aliases(holder))
            if best:
                hint = f" Mente du '{best}'?"
            else:
                hint = " Tilladte nøgler her: " + ", ".join(sorted(aliases(holder))) + "."
        line, col = source_map.key(full)
        parent = _dotted(loc[:-1])
        place = f" under '{parent}'" if loc[:-1] else ""
        return schema_problem("S001", f"Ukendt nøgle '{key}'{place}.{hint}", display, line, col)

    if etype == "missing":
        key = str(loc[-1]) if loc else "?"
        line, col = source_map.key(full[:-1]) if len(full) > 1 else (1, 1)
        parent = _dotted(loc[:-1])
        place = f" i '{parent}'" if loc[:-1] else ""
        return schema_problem("S003", f"Feltet '{key}' mangler{place}.", display, line, col)

    line, col = source_map.value(full)
    if etype in _TYPE_DA:
        expected = _TYPE_DA[etype]
        hint = ""
        if etype == "string_type" and isinstance(value, (int, float, bool)):
            hint = " Sæt værdien i anførselstegn, hvis den er tekst."
        if etype in ("bool_type", "bool_parsing"):
            hint = (" Skriv true eller false (ja/nej, yes/no, on/off og y/n er ikke sandhedsværdier"
                    " i YAML 1.2)." if isinstance(value, str) else " Skriv true eller false.")
        return schema_problem(
            "S002", f"'{where}' skal være {expected}, men er {describe(value)}.{hint}", display, line, col
        )
    if etype in ("enum", "literal_error"):
        expected = err.get("ctx", {}).get("expected", "")
        expected = expected.replace(" or ", " eller ")
        options = [s.strip(" '") for s in expected.replace(" eller ", ",").split(",") if s.strip()]
        best = suggest(str(value), options) if isinstance(value, str) else None
        hint = f" Mente du '{best}'?" if best else ""
        return schema_problem(
            "S004",
            f"'{where}' kan ikke være {describe(value)}; tilladt er {expected}.{hint}",
            display,
            line,
            col,
        )
    if etype in ("value_error", "assertion_error"):
        msg = str(err.get("ctx", {}).get("error", err["msg"]))
        return schema_problem("S004", f"'{where}': {msg}.".replace("..", "."), display, line, col)
    if etype in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        ctx = err.get("ctx", {})
        bound = next(iter(ctx.values()), "?")
        rel = {
            "greater_than_equal": "mindst",
            "greater_than": "større end",
            "less_than_equal": "højst",
            "less_than": "mindre end",
        }[etype]
        return schema_problem(
            "S004", f"'{where}' skal være {rel} {bound}, men er {describe(value)}.", display, line, col
        )
    if etype in ("string_too_short", "too_short"):
        return schema_problem("S004", f"'{where}' må ikke være tom.", display, line, col)
    if etype == "too_long":
        return schema_problem("S004", f"'{where}' har for mange elementer.", display, line, col)
    return schema_problem(
        "S004", f"'{where}' er ugyldig ({describe(value)}): {err['msg']}.", display, line, col
    )
