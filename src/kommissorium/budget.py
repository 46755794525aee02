"""Time budgets: no template, no PDF and no run can take forever.

A pull request controls the templates, and a template is a program: ``{% for i in range(99999) %}``
nested twice runs for hours. Three bounds, each with a Danish message when it is exceeded:

* per template render (Jinja2): ``TEMPLATE_SECONDS`` (default 10 s; environment variable
  ``KOMMISSORIUM_SKABELON_SEKUNDER``). The render is interrupted (a timer signal) and that one
  document fails with a message; the others are rendered.
* per PDF (Typst): ``PDF_SECONDS`` (default 60 s; ``KOMMISSORIUM_PDF_SEKUNDER``). Typst runs in
  native code that cannot be interrupted, so the process stops with the message (exit code 2);
  a render worker that stops this way is reported by the parent.
* per run: ``RUN_SECONDS`` (default 1800 s; ``KOMMISSORIUM_TIDSGRAENSE``): the whole command
  stops with a message and exit code 2 (``site --serve`` is exempt while it serves).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Iterator


def _seconds(var: str, default: float) -> float:
    try:
        value = float(os.environ.get(var, ""))
    except ValueError:
        return default
    return value if value > 0 else default


def template_seconds() -> float:
    return _seconds("KOMMISSORIUM_SKABELON_SEKUNDER", 10.0)


def pdf_seconds() -> float:
    return _seconds("KOMMISSORIUM_PDF_SEKUNDER", 60.0)


def run_seconds() -> float:
    return _seconds("KOMMISSORIUM_TIDSGRAENSE", 1800.0)


def seconds_text(seconds: float) -> str:
    """'10', '2,5'."""
    return (f"{seconds:g}").replace(".", ",")


class TimeUp(Exception):
    """A soft deadline passed (raised inside the interrupted code)."""


@contextmanager
def soft_deadline(seconds: float) -> Iterator[None]:
    """Raise ``TimeUp`` in the running code after ``seconds`` (main thread only; elsewhere no
    soft deadline applies and the hard ones still do)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def ring(signum, frame):  # noqa: ANN001, ARG001
        raise TimeUp()

    old = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _stop(message: str) -> None:
    try:
        sys.stderr.write(f"fejl: {message}\n")
        sys.stderr.flush()
    finally:
        os._exit(2)


@contextmanager
def hard_deadline(seconds: float, message: str) -> Iterator[None]:
    """Stop the process with ``message`` (exit code 2) if the block runs longer than
    ``seconds``: for native code (Typst) that a signal cannot interrupt."""
    timer = threading.Timer(seconds, _stop, (message,))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


_run_timer: threading.Timer | None = None


def start_run_budget() -> None:
    """The per-run budget, started once by the command line."""
    global _run_timer
    seconds = run_seconds()
    _run_timer = threading.Timer(seconds, _stop, (
        f"kørslen brugte mere end {seconds_text(seconds)} s og er stoppet (grænse: "
        "KOMMISSORIUM_TIDSGRAENSE). Er et input eller en skabelon lavet til at tage tid?",))
    _run_timer.daemon = True
    _run_timer.start()


def stop_run_budget() -> None:
    """For a command that runs until stopped (``site --serve``)."""
    if _run_timer is not None:
        _run_timer.cancel()
