"""The output folder of a site: atomic writes that cannot leave it, and a manifest of what was
written so that a rebuild removes stale pages but never touches files it did not write."""

from __future__ import annotations

from kommissorium.fsutil import atomic_write

import json
from pathlib import Path

from kommissorium.errors import UsageError

#: The manifest file: marks a folder as a generated site and lists its files.
MANIFEST = ".kommissorium-site.json"


class OutputDir:
    def __init__(self, root: Path):
        self.root = root
        self.written: list[str] = []
        self._previous: list[str] = []

    def prepare(self) -> None:
        """Create the folder, or accept it when it is empty or an earlier generated site."""
        root = self.root
        if root.exists() and not root.is_dir():
            raise UsageError(f"'{root}' findes og er ikke en mappe.")
        root.mkdir(parents=True, exist_ok=True)
        self.root = root.resolve()
        manifest = self.root / MANIFEST
        if manifest.is_file():
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
                self._previous = [str(p) for p in data.get("files", []) if isinstance(p, str)]
            except (OSError, ValueError, AttributeError):
                self._previous = []
        elif any(self.root.iterdir()):
            raise UsageError(
                f"Mappen '{root}' er ikke tom og er ikke et websted, som kommissorium har bygget. "
                "Vælg en tom eller ny mappe med -o."
            )

    def path(self, rel: str) -> Path:
        """The absolute path of ``rel`` inside the folder; refuses anything that leaves it."""
        if not rel or rel.startswith(("/", "\\")) or "\\" in rel or "\x00" in rel:
            raise ValueError(f"unsafe output path {rel!r}")
        target = (self.root / rel).resolve()
        if target == self.root or self.root not in target.parents:
            raise ValueError(f"output path {rel!r} leaves the site folder")
        return target

    def write(self, rel: str, data: bytes | str) -> Path:
        target = self.path(rel)
        atomic_write(target, data)
        self.written.append(rel)
        return target

    def finish(self) -> list[str]:
        """Write the manifest and remove files of the previous build that are gone now."""
        keep = set(self.written)
        removed = []
        for rel in self._previous:
            if rel in keep:
                continue
            try:
                target = self.path(rel)
            except ValueError:
                continue
            if target.is_file() and not target.is_symlink():
                target.unlink()
                removed.append(rel)
                parent = target.parent
                while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
                    parent.rmdir()
                    parent = parent.parent
        self.write(MANIFEST, json.dumps({"files": sorted(keep)}, ensure_ascii=False, indent=1))
        return removed
