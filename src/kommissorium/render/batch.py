"""Rendering many charters: one file per charter per format, in parallel, written atomically.

Each worker process holds the corpus, the Jinja environments and the Typst compiler once and
renders many documents with them. On Linux the workers are forked after the corpus is loaded,
so they inherit it; elsewhere each worker loads it once in its initializer.
"""

from __future__ import annotations

from kommissorium.fsutil import atomic_write  # noqa: F401  (re-exported for callers)

import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Callable, Iterable

from kommissorium.document import GitInfo, build_document
from kommissorium.render.engine import RenderError, render
from kommissorium.render.environment import SUFFIX

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterSet

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(?:/[A-Za-z0-9][A-Za-z0-9_-]*)*")


@dataclass
class Result:
    id: str
    files: list[Path] = field(default_factory=list)
    error: str | None = None


def output_path(outdir: Path, charter_id: str, fmt: str) -> Path:
    """``<outdir>/<id>.<suffix>``; refuses ids that would leave ``outdir``."""
    if not _ID.fullmatch(charter_id):
        raise RenderError(f"Id'et '{charter_id}' kan ikke bruges som filnavn.")
    parts = PurePosixPath(charter_id).parts
    base = outdir.resolve()
    path = base.joinpath(*parts[:-1], parts[-1] + SUFFIX[fmt])
    if base not in path.resolve().parents:
        raise RenderError(f"Id'et '{charter_id}' peger uden for uddatamappen.")
    return path


@dataclass
class _State:
    cs: "CharterSet"
    formats: tuple[str, ...]
    outdir: Path
    search: tuple[Path, ...]
    git: dict[Path, GitInfo]


_STATE: _State | None = None


def _set_state(state: _State) -> None:
    global _STATE
    _STATE = state


def _parent_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - someone else's process: not ours any more
        return False
    try:  # killed but not yet reaped: a zombie is dead for us
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def die_with_parent(command_pid: int) -> None:
    """Make this worker end when the command that started it ends, however it ends (kill -9
    included): the kernel's parent-death signal (Linux ``prctl``) for the direct parent, and a
    watchdog thread for the command itself (the direct parent may be a fork server)."""
    import signal
    import threading
    import time

    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent or not _parent_alive(command_pid):
        os._exit(3)  # the parent died before the signal was set up

    def watch() -> None:
        while True:
            time.sleep(0.2)
            if os.getppid() != parent or not _parent_alive(command_pid):
                os._exit(3)

    threading.Thread(target=watch, name="kommissorium-watchdog", daemon=True).start()


def _init_worker(root: Path, cwd: Path, formats: tuple[str, ...], outdir: Path,
                 search: tuple[Path, ...], git: dict[Path, GitInfo],
                 selection: tuple[Path, ...] | None = None, command_pid: int | None = None) -> None:
    if command_pid is not None:
        die_with_parent(command_pid)
    if _STATE is not None and _STATE.cs.root == root:
        return  # forked with the corpus already loaded
    from kommissorium.corpus import load_corpus

    _set_state(_State(load_corpus(root, cwd, selection), formats, outdir, search, git))


def render_one(charter_id: str) -> Result:
    state = _STATE
    assert state is not None, "render state not initialised"
    result = Result(charter_id)
    try:
        f = state.cs.get(charter_id)
        git = state.git.get(f.path.resolve()) if f is not None else None
        doc = build_document(state.cs, charter_id, git)
        for fmt in state.formats:
            path = output_path(state.outdir, charter_id, fmt)
            try:
                data = render(doc, fmt, state.search)
            except RenderError as exc:  # the other formats are still written
                result.error = result.error or str(exc)
                continue
            atomic_write(path, data)
            result.files.append(path)
    except RenderError as exc:
        result.error = str(exc)
    return result


def _render_chunk(ids: list[str]) -> list[Result]:
    return [render_one(i) for i in ids]


def _start_method() -> str | None:
    """'fork' (workers inherit the loaded corpus) unless typst is already loaded here: its Rust
    thread pool does not survive a fork, and a forked child would wait on it forever."""
    import sys

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and not any(m == "typst" or m.startswith("typst.") for m in sys.modules):
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def render_batch(
    cs: "CharterSet",
    ids: list[str],
    formats: Iterable[str],
    outdir: Path,
    search: tuple[Path, ...] = (),
    git: dict[Path, GitInfo] | None = None,
    jobs: int | None = None,
    cwd: Path | None = None,
    on_result: Callable[[Result], None] | None = None,
    before_wait: Callable[[], None] | None = None,
) -> list[Result]:
    """Render ``ids`` of ``cs`` into ``outdir``; results in the order of ``ids``."""
    formats = tuple(formats)
    outdir = outdir.resolve()
    git = git or {}
    jobs = jobs or default_jobs()
    state = _State(cs, formats, outdir, search, git)
    _set_state(state)
    results: dict[str, Result] = {}
    if jobs <= 1 or len(ids) <= 2:
        if before_wait:
            before_wait()
        for cid in ids:
            r = render_one(cid)
            results[cid] = r
            if on_result:
                on_result(r)
        return [results[i] for i in ids]

    workers = min(jobs, len(ids))
    # Small chunks keep the progress bar moving and the cores balanced.
    size = max(1, min(8, len(ids) // (workers * 4) or 1))
    chunks = [ids[i:i + size] for i in range(0, len(ids), size)]
    ctx = multiprocessing.get_context(_start_method())
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_init_worker,
        initargs=(cs.root, cwd or Path.cwd(), formats, outdir, search, git, cs.selection, os.getpid()),
    ) as pool:
        futures = {pool.submit(_render_chunk, c): c for c in chunks}
        if before_wait:
            before_wait()  # e.g. start a progress bar thread, after the workers are forked
        for fut in as_completed(futures):
            try:
                done = fut.result()
            except BrokenProcessPool:
                # A worker stopped (a time budget, or killed): its documents and those queued
                # behind it are reported, not lost silently.
                done = [Result(i, error="gengivelsesprocessen stoppede undervejs (se beskeden "
                                        "ovenfor); dokumentet blev ikke gengivet.")
                        for i in futures[fut] if i not in results]
            for r in done:
                results[r.id] = r
                if on_result:
                    on_result(r)
    return [results[i] for i in ids]
