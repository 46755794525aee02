"""`kommissorium site --serve`: the built folder over HTTP on 127.0.0.1 only."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kommissorium.corpus import load_corpus
from kommissorium.site import SiteOptions, build_site
from kommissorium.site.serve import Preview

#: No proxy: the tests only ever talk to the loopback address.
_open = urllib.request.build_opener(urllib.request.ProxyHandler({})).open


def test_preview_serves_the_folder_on_loopback(small_repo: Path, tmp_path: Path):
    out = tmp_path / "out"
    build_site(load_corpus(small_repo / "charters"), out, SiteOptions(pdf=False))
    with Preview(out) as url:
        assert url.startswith("http://127.0.0.1:") and not url.endswith(":0/")
        with _open(url, timeout=10) as r:
            assert r.status == 200
            assert r.headers["Content-Type"].startswith("text/html")
            assert "Strategisk Sundhedsforum" in r.read().decode("utf-8")
        with _open(url + "assets/soeg.js", timeout=10) as r:
            assert r.headers["Content-Type"].startswith("text/javascript")
        with pytest.raises(urllib.error.HTTPError) as err:
            _open(url + "findes-ikke.html", timeout=10)
        assert err.value.code == 404
    with pytest.raises(OSError):
        _open(url, timeout=2)  # stopped


def test_cli_serve_until_ctrl_c(small_repo: Path, tmp_path: Path):
    out = tmp_path / "public"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kommissorium", "site", "--serve", "--port", "0", "--no-pdf",
         "-o", str(out)],
        cwd=small_repo, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )
    try:
        url = None
        deadline = time.monotonic() + 60
        lines = []
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            lines.append(line)
            m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
            if m:
                url = m.group(1)
                break
        assert url, "".join(lines)
        with _open(url + "kommissorier/nordjylland/strategisk-sundhedsforum.html", timeout=10) as r:
            assert "<h1>Kommissorium for Strategisk Sundhedsforum</h1>" in r.read().decode("utf-8")
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "Stoppet." in err and "Traceback" not in err
    assert (out / "index.html").is_file()


def test_cli_serve_without_output_uses_a_temporary_folder_and_removes_it(small_repo: Path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "kommissorium", "site", "--serve", "--port", "0", "--no-pdf"],
        cwd=small_repo, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        first = proc.stderr.readline()
        m = re.search(r"i (\S+)/ på", first)
        assert m, first
        folder = (small_repo / m.group(1)).resolve()
        assert (folder / "index.html").is_file()
        line = proc.stderr.readline()
        assert "127.0.0.1" in line
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0
    assert not folder.exists()
    assert not (small_repo / "build").exists()


def test_cli_serve_on_a_busy_port_is_a_usage_error(small_repo: Path, tmp_path: Path):
    import socket

    from typer.testing import CliRunner

    from kommissorium.cli import app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        r = CliRunner().invoke(app, ["site", "--serve", "--port", str(port), "--no-pdf",
                                     "-o", str(tmp_path / "out"), str(small_repo / "charters")])
    assert r.exit_code == 2
    assert f"127.0.0.1:{port}" in r.stderr and "--port 0" in r.stderr
    # the port is checked before the site is built: nothing was written
    assert not (tmp_path / "out").exists()
