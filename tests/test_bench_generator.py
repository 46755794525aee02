"""The benchmark corpus generator must keep producing charters that `validate` passes.

Timings live in bench/RESULTS.md, not here: this only pins that the generated corpus is valid
under every rule, realistic in size and structure, and deterministic.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from kommissorium.check import check
from kommissorium.problems import Severity

ROOT = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module
    spec.loader.exec_module(module)
    return module


gen = _generator()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # One region: its skeleton (39) plus kommune bodies of two kinds (sundhedsudvalg, KLU).
    out = tmp_path_factory.mktemp("korpus")
    gen.write(out, count=60, seed=7, regions=["nordjylland"])
    return out


def test_small_corpus_validates_clean(small: Path) -> None:
    result = check([small / "charters"], cwd=small)
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    assert result.files == 60
    assert errors == [], "\n".join(f"{p.file}:{p.line}:{p.column} {p.code} {p.message}"
                                   for p in errors[:20])


def test_small_corpus_has_national_structure(small: Path) -> None:
    root = small / "charters" / "nordjylland"
    files = sorted(root.rglob("*.yaml"))
    assert len(files) == 60
    # both klynge levels, frames and regional fora are there and refer to each other
    fs = (root / "klynge-nord" / "fagligt-strategisk.yaml").read_text(encoding="utf-8")
    assert "udbygger: nordjylland/ramme-fagligt-strategisk" in fs
    assert "forbereder-for: nordjylland/klynge-nord/politisk" in fs
    assert "nordjylland/klynge-syd/fagligt-strategisk" in fs
    assert (root / "fora" / "psykiatri.yaml").is_file()
    klu = (root / "kommuner" / "aalborg" / "klu.yaml").read_text(encoding="utf-8")
    assert "udbygger: nordjylland/ramme-klu" in klu
    lines = [len(f.read_text(encoding="utf-8").splitlines()) for f in files]
    assert min(lines) >= 75 and max(lines) <= 200


def test_generator_is_deterministic_and_exact() -> None:
    a = gen.build(count=45, seed=3, regions=["nordjylland"])
    b = gen.build(count=45, seed=3, regions=["nordjylland"])
    c = gen.build(count=45, seed=4, regions=["nordjylland"])
    assert a == b
    assert a != c
    assert len(a) == 45


def test_too_small_a_count_is_refused() -> None:
    with pytest.raises(ValueError, match="skelet"):
        gen.build(count=10, regions=["nordjylland"])


TYPED = """\
navn: "Udvalg: 1"
type: forum
område: region-nordjylland
tal: [1, -2, +3, 0o17, 0x1F, 1.5, .5, -.inf, .nan, 1e3, "7", '8']
sand: [true, True, TRUE, false, False, ~, null, Null, "", yes, no, on, off]
tekst: |
  Linje 1
  Linje 2
datoer: [2022-06-23, 2022-08, august 2022]
"1": nøgle, der ligner et tal
tom:
liste:
  - {a: 1, b: [x, {c: d}]}
  - - indlejret
"""


def test_fast_loader_equals_full_loader(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The one-pass loader (load/fast.py) gives the same data and positions as the full path."""
    import kommissorium.load.fast as fast
    from kommissorium.load.yaml import load_text

    texts = [p.read_text(encoding="utf-8") for p in sorted((small / "charters").rglob("*.yaml"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "charters").rglob("*.yaml"))]
    texts.append(TYPED)
    quick = [fast.build_clean(t) for t in texts]
    assert all(q is not None for q in quick)
    monkeypatch.setattr(fast, "build_clean", lambda text: None)
    for text, (data, source_map) in zip(texts, quick):
        full = load_text(text)
        assert full.problems == []
        assert repr(full.data) == repr(data)
        assert list(full.source_map.positions.items()) == list(source_map.positions.items())


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",            # anchors and aliases
    "a: !!str 1\n",                # explicit tags
    "a: 1\na: 2\n",                # duplicate keys
    "? [a]\n: 1\n",                # complex keys
    "<<: {a: 1}\n",                # merge key
    "- a\n",                       # not a mapping
    "a: 1\n---\nb: 2\n",           # two documents
    'a: "\\e[31m"\n',              # escaped control character
    "a: [1, 2\n",                  # syntax error
])
def test_fast_loader_leaves_the_rest_to_the_full_path(text: str) -> None:
    from kommissorium.load.fast import build_clean

    assert build_clean(text) is None
