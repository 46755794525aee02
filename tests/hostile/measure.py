"""Generate the big hostile inputs and measure a `kommissorium` run on each: wall time and the
child's own peak memory (ru_maxrss of the process, read at exit).

Used by tests/test_hostile_limits.py; run directly (``python3 tests/hostile/measure.py``) it
prints the Markdown table for docs/robusthed.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

BASE = """\
navn: Stort Testudvalg
type: udvalg
område: region-nordjylland
"""

#: A fork server: imports kommissorium once (warming every lazy import with one run on a tiny
#: repository), then forks one child per job. Each child runs the CLI and writes its exit code,
#: its wall time and its own peak resident memory (ru_maxrss, which includes the ~40 MB the
#: interpreter and the imports take) to the job's stats file; a crash (signal) is reported too.
_SERVER = r"""
import json, os, resource, sys, time, traceback
jobs = json.loads(sys.argv[1])
from kommissorium.cli import app
def run(args):
    try:
        app(args=args, standalone_mode=True, prog_name="kommissorium")
        return 0
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
warm = jobs.pop(0)
os.chdir(warm["root"])
devnull = os.open(os.devnull, os.O_WRONLY)
saved = os.dup(1), os.dup(2)
os.dup2(devnull, 1); os.dup2(devnull, 2)
run(warm["args"])
sys.stdout.flush(); sys.stderr.flush()
os.dup2(saved[0], 1); os.dup2(saved[1], 2)
for job in jobs:
    pid = os.fork()
    if pid == 0:
        rc = 3
        try:
            os.chdir(job["root"])
            out = os.open(job["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            err = os.open(job["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(out, 1); os.dup2(err, 2)
            start = time.perf_counter()
            try:
                rc = run(job["args"])
            except BaseException:
                traceback.print_exc()
            seconds = time.perf_counter() - start
            sys.stdout.flush(); sys.stderr.flush()
            with open(job["stats"], "w") as fh:
                json.dump({"rc": rc, "seconds": seconds,
                           "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}, fh)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        with open(job["stats"], "w") as fh:
            json.dump({"rc": -os.WTERMSIG(status), "seconds": 0, "maxrss_kb": 0}, fh)
"""


@dataclass
class Measured:
    name: str
    size_bytes: int
    rc: int
    seconds: float
    maxrss_mb: float
    stdout: str
    stderr: str


def _write(path: Path, chunks) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("wb") as fh:
        for chunk in chunks:
            data = chunk.encode("utf-8") if isinstance(chunk, str) else chunk
            fh.write(data)
            n += len(data)
    return n


def gen_50mb(path: Path) -> int:
    """et kommissorium på 50 MB (et formål på 50 MB prosa)"""
    line = "  Sundhedsklyngen samarbejder om borgernes forløb på tværs af sektorer og fag.\n"
    count = 50 * 1024 * 1024 // len(line.encode("utf-8")) + 1
    return _write(path, [BASE, "formål: |\n", *(line for _ in range(count))])


def gen_1mb_line(path: Path) -> int:
    """et gyldigt kommissorium, hvis formål er én linje på 1 MB"""
    word = "samarbejde "
    text = (word * (1024 * 1024 // len(word) + 1)).strip()
    return _write(path, [BASE, f"formål: {text}\n"])


def gen_many_values(path: Path) -> int:
    """under grænsen på 5 MB: 1,6 mio. værdier i én liste"""
    return _write(path, [BASE, "andre-navne: [", "a," * 1_600_000, "a]\n"])


def gen_deep_flow(depth: int) -> Callable[[Path], int]:
    def gen(path: Path) -> int:
        return _write(path, [BASE, "kilde: ", "[" * depth, "]" * depth, "\n"])
    gen.__doc__ = f"{depth:,} niveauer indlejrede [ ]-lister".replace(",", ".")
    return gen


def gen_deep_flow_map(path: Path) -> int:
    """10.000 niveauer indlejrede { }-mappings"""
    return _write(path, [BASE, "kilde: ", "{a: " * 10_000, "}" * 10_000, "\n"])


def gen_deep_block(path: Path) -> int:
    """10.000 niveauer indlejrede bloklister ('- - - …') på én linje"""
    return _write(path, [BASE, "kilde:\n  ", "- " * 10_000, "x\n"])


def gen_alias_bomb(path: Path) -> int:
    """alias-bombe: 10 niveauer à 10 aliaser (10^10 værdier)"""
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]\n']
    for i in range(1, 11):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n")
    return _write(path, lines)


def gen_many_files(path: Path) -> int:
    """500 kommissorier, hvert andet med en syntaksfejl"""
    folder = path.parent
    n = 0
    for i in range(500):
        body = BASE.replace("Stort", f"Nr. {i}") if i % 2 else f"navn: [ufuldstændig {i}\n"
        n += _write(folder / f"organ-{i:03d}.yaml", [body])
    return n


GENERATORS: dict[str, Callable[[Path], int]] = {
    "fil-50mb": gen_50mb,
    "linje-1mb": gen_1mb_line,
    "vaerdier-1-6mio": gen_many_values,
    "dybde-10000-lister": gen_deep_flow(10_000),
    "dybde-1mio-lister": gen_deep_flow(1_000_000),
    "dybde-10000-mappings": gen_deep_flow_map,
    "dybde-10000-listepunkter": gen_deep_block,
    "alias-bombe-10-niveauer": gen_alias_bomb,
    "500-filer": gen_many_files,
}


def measure_many(jobs: list[tuple[str, Path, list[str]]], timeout: float = 600) -> dict[str, Measured]:
    """Run ``kommissorium <args>`` in ``root`` for each (name, root, args), in forks of one warm
    interpreter; the first job only warms the imports. Returns name -> Measured."""
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        spec = []
        for name, root, args in jobs:
            spec.append({"root": str(root), "args": args, "stdout": str(folder / f"{name}.out"),
                         "stderr": str(folder / f"{name}.err"), "stats": str(folder / f"{name}.json")})
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
        env.pop("KOMMISSORIUM_DEBUG", None)
        env.pop("GITHUB_ACTIONS", None)
        proc = subprocess.run([sys.executable, "-c", _SERVER, json.dumps(spec)], env=env,
                              capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0:
            raise RuntimeError(f"measuring failed: {proc.stderr[-3000:]}")
        result = {}
        for (name, root, args), job in zip(jobs[1:], spec[1:]):
            stats = json.loads(Path(job["stats"]).read_text())
            result[name] = Measured(
                name, 0, stats["rc"], stats["seconds"], stats["maxrss_kb"] / 1024,
                Path(job["stdout"]).read_text(errors="replace"),
                Path(job["stderr"]).read_text(errors="replace"),
            )
        return result


def measure_all(root: Path) -> dict[str, Measured]:
    """Generate every big input (each in its own repository below ``root``) and measure
    `validate` on it, plus a small valid charter as the baseline."""
    jobs: list[tuple[str, Path, list[str]]] = []
    sizes: dict[str, int] = {}
    for name in ["warm", "baseline", *GENERATORS]:
        repo = root / name
        path = repo / "charters" / "stort" / f"{name}.yaml"
        if name in GENERATORS:
            sizes[name] = GENERATORS[name](path)
        else:
            sizes[name] = _write(path, [BASE])
        jobs.append((name, repo, ["validate"]))
    result = measure_many(jobs)
    for name, m in result.items():
        m.size_bytes = sizes[name]
    return result


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(n / 1024))} kB"


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        rows = measure_all(Path(d))
    print("| input | størrelse | exitkode | tid | maks. hukommelse (RSS) | første fund |")
    print("|---|---:|---:|---:|---:|---|")
    for name, m in rows.items():
        label = GENERATORS[name].__doc__.strip().split("\n")[0] if name in GENERATORS else \
            "et lille gyldigt kommissorium (grundlinje)"
        lines = [ln for ln in m.stdout.splitlines() if ": fejl " in ln]
        first = lines[0].split(": fejl ", 1)[1] if lines else m.stdout.strip().splitlines()[-1]
        first = first.rsplit(" [", 1)[0]
        first = first if len(first) <= 80 else first[:77] + "…"
        tb = " **TRACEBACK**" if "Traceback" in m.stdout + m.stderr else ""
        secs = f"{m.seconds:.2f} s".replace(".", ",")
        print(f"| `{name}`: {label} | {_size(m.size_bytes)} | {m.rc} | {secs} | "
              f"{m.maxrss_mb:.0f} MB | {first}{tb} |")


if __name__ == "__main__":
    main()
