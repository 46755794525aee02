"""Big hostile inputs, generated into a temporary folder (never committed): a 50 MB file, a 1 MB
line, 10,000- and 1,000,000-deep nesting, 1.6 million values, an alias bomb, 500 files. Each
runs `kommissorium validate` in its own process (a fork of one warm interpreter), which reports
its own peak memory and wall time; a crash by signal shows as a negative exit code.

Bounds (stated in docs/robusthed.md; measured figures there are far below them):
  * time: TIME_BOUND seconds wall clock per run;
  * memory: MEMORY_BOUND_MB peak resident memory of the process.
Before the loader's event prescan, 100,000-deep nesting crashed the interpreter (SIGSEGV) and a
4.8 MB list took 27 s and 700 MB.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "hostile"))
from measure import GENERATORS, Measured, measure_all  # noqa: E402

#: Bounds per run of `validate` (interpreter start excluded: the runs are forks of one warm
#: interpreter; peak memory includes the interpreter and its imports, ~35 MB).
TIME_BOUND = 5.0  # seconds; measured ≤ 0.7 s
MEMORY_BOUND_MB = 150.0  # measured ≤ 55 MB

EXPECTED = {
    "fil-50mb": (1, "Y008"),
    "linje-1mb": (0, None),
    "vaerdier-1-6mio": (1, "Y008"),
    "dybde-10000-lister": (1, "Y008"),
    "dybde-1mio-lister": (1, "Y008"),
    "dybde-10000-mappings": (1, "Y008"),
    "dybde-10000-listepunkter": (1, "Y008"),
    "alias-bombe-10-niveauer": (1, "Y007"),
    "500-filer": (1, "Y001"),
}


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Measured]:
    return measure_all(tmp_path_factory.mktemp("stort"))


def test_every_generated_input_has_an_expectation():
    assert set(EXPECTED) == set(GENERATORS)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_big_input_is_refused_in_bounds(name: str, measured: dict[str, Measured]):
    m = measured[name]
    rc, code = EXPECTED[name]
    assert "Traceback" not in m.stdout + m.stderr
    assert "intern fejl" not in m.stderr
    assert m.rc == rc, (m.stdout[-2000:], m.stderr[-2000:])
    if code:
        assert f"fejl {code} " in m.stdout
    assert m.seconds < TIME_BOUND
    assert 0 < m.maxrss_mb < MEMORY_BOUND_MB
    if name == "fil-50mb":  # refused from its size alone: not read into memory
        assert m.maxrss_mb < measured["baseline"].maxrss_mb + 20
    if name == "500-filer":
        assert m.stdout.count("fejl Y001") == 250


def test_50mb_file_message_is_danish_and_located(measured: dict[str, Measured]):
    line = next(ln for ln in measured["fil-50mb"].stdout.splitlines() if "Y008" in ln)
    assert line.startswith("charters/stort/fil-50mb.yaml:1:1: fejl Y008 Filen fylder 50,0 MB")
