"""Atomic file writes: the one way kommissorium writes a file.

Data goes to a temporary file in the target's own folder and is moved into place with
``os.replace``, so a reader (or an interrupted run) never sees half a file. An existing file's
permission bits are kept; a new file gets 0644.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: bytes | str) -> None:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    # The temporary name is short whatever the final name: a 250-character file name must not
    # make the temporary one exceed the 255-byte limit of the file system.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:40]}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        except OSError:
            mode = 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
