"""Property-based tests (hypothesis): generated charters, valid and mutated, never crash
`validate`, `render`, `diff` or `fmt`; `fmt` round-trips every valid generated charter without
losing data or comments.

The in-suite run is short (profile "suite"). ``make fuzz`` runs the profile "fuzz":
HYPOTHESIS_PROFILE=fuzz, ≥ 10,000 cases over all the properties together.
"""

from __future__ import annotations

import io
import os
import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kommissorium.load.yaml import load_text

settings.register_profile(
    "suite", max_examples=int(os.environ.get("SUITE_EXAMPLES", "12")), deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")), deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

#: Counts for docs/robusthed.md: cases run per property (written by `make fuzz`).
COUNTS: dict[str, int] = {}


def _count(name: str) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + 1


def _write_counts() -> None:
    target = os.environ.get("FUZZ_REPORT")
    if target and COUNTS:
        import json

        Path(target).write_text(json.dumps(COUNTS, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


__import__("atexit").register(_write_counts)


# -- strategies ---------------------------------------------------------------------------------

AREAS = ["region-nordjylland", "region-syddanmark", "region-hovedstaden", "landsdaekkende", "aalborg"]
TYPES = ["politisk", "administrativ", "fagligt-strategisk", "forum", "netværk", "arbejdsgruppe",
         "udvalg", "sekretariat"]

#: Text an attacker would try in prose: template syntax, HTML, Typst code, Markdown, YAML-isms.
NASTY = [
    "{{ 7*7 }}", "{% raw %}", "{% endraw %}", "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "<script>alert(1)</script>", "</p><h1>x</h1>", "&amp;", "#set page(width: 1cm)",
    '#import "@preview/cetz:0.2.2": *', '#read("/etc/passwd")', "#{ panic() }", "$x^2$", "\\",
    "*fed* _kursiv_ `kode`", "[link](javascript:alert(1))", "| a | b |", "- punkt", "1. januar",
    "---", "...", "# overskrift", "no", "on", "010", "1_000", "2022-06-23", "~", "null", "'", '"',
    ": ", " #", "@", "%", "&a", "*a", "!!python/object", "æøå ÆØÅ", "–—…“”", "\u00a0",
]

_TEXT_ALPHABET = st.characters(
    codec="utf-8",
    # format characters (bidi overrides, zero-width) and line separators are refused (S006)
    exclude_categories=("Cs", "Cc", "Co", "Cn", "Cf", "Zl", "Zp"),
) | st.sampled_from(list("\n\t "))

text = st.one_of(
    st.text(_TEXT_ALPHABET, min_size=1, max_size=60),
    st.sampled_from(NASTY),
    st.lists(st.sampled_from(NASTY) | st.text(string.ascii_letters + "æøå ", max_size=10),
             min_size=1, max_size=4).map(" ".join),
).filter(lambda s: s.strip() != "")

#: A name: text without line breaks or tabs (S006 refuses them in names).
name = text.map(lambda s: s.replace("\n", " ").replace("\t", " ").replace("\r", " ")).filter(
    lambda s: s.strip() != "")

ref = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
count = st.one_of(st.integers(0, 30), st.sampled_from(["2-4", "op til 3", "mindst 2", "1"]))
frequency = st.one_of(
    st.integers(0, 52), st.sampled_from(["3-4", "ca. 10", "mindst 4", "efter behov", "4 eller efter behov"]),
    st.fixed_dictionaries({"mindst": st.integers(0, 6)}, optional={"efter-behov": st.booleans()}),
)
partial_date = st.one_of(
    st.dates(min_value=__import__("datetime").date(1950, 1, 1),
             max_value=__import__("datetime").date(2100, 12, 31)).map(lambda d: d.isoformat()),
    st.tuples(st.integers(1950, 2100), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
    st.sampled_from(["august 2022", "23. juni 2022", "2024"]),
)

seat = st.fixed_dictionaries(
    {"rolle": text},
    optional={
        "antal": count,
        "fra": st.sampled_from(AREAS),
        "for-hver": st.sampled_from(["kommune", "klynge"]),
        "tekst": text,
        "note": text,
        "efter-behov": st.booleans(),
        "stemmeret": st.booleans(),
    },
)

charter_dict = st.fixed_dictionaries(
    {
        "navn": name,
        "type": st.sampled_from(TYPES),
        "område": st.sampled_from(AREAS),
    },
    optional={
        "forkortelse": name,
        "andre-navne": st.lists(name, max_size=3),
        "dato": partial_date,
        "version": text,
        "kilde": text,
        "baggrund": text,
        "formål": text,
        "principper": st.lists(text, min_size=1, max_size=4),
        "opgaver": st.one_of(
            st.lists(text, min_size=1, max_size=4),
            st.fixed_dictionaries({"punkter": st.lists(text, min_size=1, max_size=3)},
                                  optional={"indledning": text, "noter": st.lists(text, max_size=2)}),
        ),
        "sammensætning": st.fixed_dictionaries(
            {"medlemmer": st.lists(seat, min_size=1, max_size=4)},
            optional={"indledning": text, "suppleanter": st.booleans() | text},
        ),
        "formandskab": st.fixed_dictionaries({}, optional={"tekst": text, "delt-mellem": st.just(["kommuner", "region"])}),
        "sekretariat": st.fixed_dictionaries({}, optional={"tekst": text, "opgaver": st.lists(text, max_size=3)}),
        "møder": st.fixed_dictionaries({}, optional={"pr-år": frequency, "tekst": text,
                                                     "dagsorden-udsendes-dage-før": st.integers(0, 30)}),
        "relationer": st.fixed_dictionaries({}, optional={"koordinerer-med": st.lists(st.sampled_from(AREAS), max_size=2)}),
        "afsnit": st.lists(st.fixed_dictionaries({"overskrift": text}, optional={"tekst": text}), max_size=2),
        "noter": st.lists(text, max_size=2),
    },
)


def dump(data: dict) -> str:
    """YAML text for a dict, as a secretariat's editor might write it (block style, UTF-8)."""
    from ruamel.yaml import YAML

    y = YAML(typ="safe", pure=True)
    y.default_flow_style = False
    y.allow_unicode = True
    y.width = 4096
    y.sort_base_mapping_type_on_output = False
    buf = io.StringIO()
    y.dump(data, buf)
    return buf.getvalue()


WRONG = st.one_of(st.integers(-5, 10**6), st.floats(allow_nan=True), st.booleans(), st.none(),
                  st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
                  text)


@st.composite
def mutated_dict(draw) -> dict:
    """A valid charter with one to three structural mutations."""
    data = draw(charter_dict)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["drop", "wrong", "unknown", "nested-wrong", "unicode-key"]))
        keys = list(data)
        if kind == "drop" and keys:
            data.pop(draw(st.sampled_from(keys)))
        elif kind == "wrong" and keys:
            data[draw(st.sampled_from(keys))] = draw(WRONG)
        elif kind == "unknown":
            data[draw(st.text(_TEXT_ALPHABET, min_size=1, max_size=12))] = draw(WRONG)
        elif kind == "unicode-key":
            data[draw(st.sampled_from(["formaal", "Navn", "møde", "sammensaetning", "pr-aar"]))] = draw(WRONG)
        elif kind == "nested-wrong":
            holders = [k for k, v in data.items() if isinstance(v, dict) and v]
            if holders:
                inner = data[draw(st.sampled_from(holders))]
                inner[draw(st.sampled_from(list(inner)))] = draw(WRONG)
    return data


@st.composite
def mutated_text(draw) -> str:
    """The YAML text of a valid charter with bytes changed: truncation, insertion, deletion."""
    text_ = dump(draw(charter_dict))
    for _ in range(draw(st.integers(1, 3))):
        pos = draw(st.integers(0, len(text_)))
        kind = draw(st.sampled_from(["cut", "insert", "delete", "swap-indent"]))
        if kind == "cut":
            text_ = text_[:pos]
        elif kind == "insert":
            text_ = text_[:pos] + draw(st.sampled_from(
                [":", "- ", "\t", "  ", "[", "{", "'", '"', "&a ", "*a", "!!str ", "? ", "#", "\n", "---\n",
                 "\x00", "\x07", "\ufeff", "|", ">", "%"]) | st.text(max_size=3)) + text_[pos:]
        elif kind == "delete":
            text_ = text_[:pos] + text_[pos + draw(st.integers(1, 5)):]
        else:
            text_ = text_.replace("\n  ", "\n ", 1)
    return text_


@st.composite
def commented(draw) -> tuple[str, list[str]]:
    """A valid charter's YAML text with comments before top-level keys and after keys that open
    a block; returns the text and the comments put in."""
    lines = dump(draw(charter_dict)).split("\n")
    out, comments = [], []
    for ln in lines:
        top_key = bool(ln) and not ln[0].isspace() and ln[0] not in "-#"
        if top_key and draw(st.integers(0, 3)) == 0:
            c = f"# kommentar {len(comments)}: " + draw(st.text(string.ascii_letters + "æøå ", max_size=12))
            comments.append(c.rstrip())
            out.append(c.rstrip())
        if top_key and ln.endswith(":") and draw(st.booleans()):
            c = f"# efter nøgle {len(comments)}"
            comments.append(c)
            ln = f"{ln} {c}"
        out.append(ln)
    if draw(st.booleans()):
        comments.insert(0, "# øverst")
        out.insert(0, "# øverst")
    return "\n".join(out), comments


# -- helpers ------------------------------------------------------------------------------------


def _repo(tmp: Path, files: dict[str, str | bytes]) -> Path:
    import shutil

    root = tmp / "repo"
    if root.exists():
        shutil.rmtree(root)
    for rel, content in files.items():
        path = root / "charters" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    (root / "charters").mkdir(parents=True, exist_ok=True)
    return root


def _validate(root: Path):
    from kommissorium.check import check

    result = check([], cwd=root)
    assert result.exit_code() in (0, 1)
    return result


_TMP_COUNTER = [0]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("egenskaber")


def _fresh(scratch: Path) -> Path:
    _TMP_COUNTER[0] += 1
    d = scratch / str(_TMP_COUNTER[0])
    d.mkdir()
    return d


# -- properties ---------------------------------------------------------------------------------


@given(data=charter_dict)
def test_valid_generated_charter_loads_exactly(data: dict):
    """Dumped and loaded again, a generated charter is the same data (the loader's scalars agree
    with a YAML 1.2 writer), and the model accepts it."""
    _count("load")
    doc = load_text(dump(data))
    assert doc.problems == []
    assert doc.data == data


@given(data=charter_dict)
def test_validate_accepts_and_render_renders_valid_charters(data: dict, scratch: Path):
    from kommissorium.document import build_document
    from kommissorium.render.engine import render, render_text

    _count("validate+render")
    root = _repo(_fresh(scratch), {"test/organ.yaml": dump(data)})
    result = _validate(root)
    assert not [p for p in result.problems if p.code[0] in "YS"], result.problems
    cs = result.corpora[0]
    doc = build_document(cs, "test/organ")
    html = render(doc, "html").decode("utf-8")
    md = render(doc, "md").decode("utf-8")
    typ = render_text(doc, "typ")
    # Charter text stays text: no script tag, no evaluated template, no live Typst code.
    assert "<script>" not in html and "<script>" not in md
    if "{{ 7*7 }}" in data["navn"]:
        assert "{{ 7*7 }}" in html
    # Outside Typst string literals ("…", where '#' is just a character), no '#' of the prose
    # may stay unescaped.
    code = re.sub(r'\\.|"(?:[^"\\\n]|\\.)*"', lambda m: m[0] if m[0][0] == "\\" else '""', typ)
    assert not re.search(r"(?<!\\)#(set page\(width: 1cm|read\(\"/etc|import \"@preview|\{ panic)", code)


@given(data=mutated_dict())
def test_validate_survives_mutated_charters(data: dict, scratch: Path):
    _count("validate-mutated")
    root = _repo(_fresh(scratch), {"test/organ.yaml": dump(data)})
    result = _validate(root)
    for p in result.problems:
        assert p.line >= 1 and p.column >= 1 and p.message


@given(text_=mutated_text())
def test_validate_survives_mutated_text(text_: str, scratch: Path):
    _count("validate-bytes")
    root = _repo(_fresh(scratch), {"test/organ.yaml": text_.encode("utf-8", "surrogatepass")})
    _validate(root)


@given(raw=st.binary(max_size=400))
def test_loader_survives_random_bytes(raw: bytes):
    from kommissorium.load.yaml import load_bytes

    _count("loader-bytes")
    doc = load_bytes(raw, Path("x.yaml"), "x.yaml")
    assert doc.data is not None or doc.problems


@given(pair=commented())
def test_fmt_round_trips_without_loss(pair: tuple[str, list[str]]):
    from kommissorium.fmt import comments_of, format_text

    _count("fmt")
    source, comments = pair
    before = load_text(source)
    assert before.problems == []
    out = format_text(source, "organ.yaml")
    after = load_text(out)
    assert after.problems == []
    assert after.data == before.data
    assert sorted(comments_of(out)) == sorted(comments_of(source))
    for c in comments:
        assert c in out
    assert format_text(out, "organ.yaml") == out  # idempotent


@given(data=mutated_dict())
def test_fmt_never_crashes_on_mutated_charters(data: dict):
    from kommissorium.fmt import FormatError, format_text

    _count("fmt-mutated")
    source = dump(data)
    try:
        out = format_text(source, "organ.yaml")
    except FormatError as exc:
        # A clean, Danish refusal that leaves the file alone is fine for a broken charter (e.g.
        # ruamel.yaml re-printing 1.670488813001006e-137 as …005e-137: fmt notices and refuses).
        assert exc.message
        return
    assert load_text(out).data == load_text(source).data


@given(old=charter_dict, new=st.one_of(charter_dict, mutated_dict()))
def test_diff_never_crashes(old: dict, new: dict, scratch: Path):
    from kommissorium.corpus import load_corpus
    from kommissorium.diff import compare_sets, render_json, render_markdown, render_text

    _count("diff")
    a = _repo(_fresh(scratch), {"test/organ.yaml": dump(old)})
    b = _repo(_fresh(scratch), {"test/organ.yaml": dump(new), "test/andet.yaml": dump(old)})
    d = compare_sets(load_corpus(a / "charters", cwd=a), load_corpus(b / "charters", cwd=b), "før", "efter")
    "\n".join(render_text(d))
    md = "\n".join(render_markdown(d))
    assert "<script>" not in md
    render_json(d)


def test_hypothesis_profile_is_known():
    assert os.environ.get("HYPOTHESIS_PROFILE", "suite") in ("suite", "fuzz")
