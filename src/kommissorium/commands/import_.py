"""`kommissorium import`: a draft charter from a .docx, .pdf, .html, .txt or .md document."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kommissorium.commands._common import guarded


def register(app: typer.Typer) -> None:
    @app.command("import")
    @guarded
    def import_(
        kilde: str = typer.Argument(
            ..., metavar="KILDE",
            help="Dokumentet: .docx, .pdf (med tekstlag), .html, .txt eller .md; '-' læser "
            "standardinput.",
        ),
        output: Optional[str] = typer.Option(
            None, "--uddata", "-o", "--output", metavar="FIL.yaml|MAPPE/",
            help="Skriv udkastet til FIL.yaml, eller ét udkast pr. organ i MAPPE/ (navngivet "
            "efter organet). Standard: udkastet på standardoutput.", show_default=False,
        ),
        omraade: Optional[str] = typer.Option(
            None, "--område", "--omraade", metavar="NØGLE",
            help="Registernøgle for området, fx 'region-nordjylland' (standard: gættes ud fra "
            "navnene i teksten).", show_default=False,
        ),
        format: str = typer.Option(
            "text", "--format", "-f", help="Rapporten: text eller json (på standardfejl, når "
            "udkastet skrives på standardoutput).",
        ),
    ) -> None:
        """Lav et udkast til et kommissorium ud fra et eksisterende dokument.

        Overskrifter, pladser, formandskab, sekretariat, møder, beslutninger og godkendelse
        bliver til data med forfatterens ordlyd i 'tekst'; resten står som prosa i det afsnit,
        det kom fra. Intet går tabt: hver sætning i kilden står i udkastet, og rapporten siger
        pr. afsnit, hvad der blev data, hvad der blev prosa, og hvad importen var usikker på,
        med kildens linje. Et dokument, der beskriver flere organer, giver ét udkast pr. organ
        (brug -o MAPPE/). Eksisterende filer overskrives ikke. Exitkoder: 0 udkastet er skrevet
        og uden valideringsfejl, 1 skrevet, men med fejl eller uplacerede sætninger, 2 brugs-
        eller læsefejl.
        """
        import sys

        from kommissorium.errors import UsageError
        from kommissorium.importer import import_document
        from kommissorium.importer.report import json_report, text_report
        from kommissorium.workspace import charters_root_of, find_root

        if format not in ("text", "json"):
            raise UsageError(f"ukendt rapportformat '{format}'; brug 'text' eller 'json'.")
        out_path = Path(output) if output else None
        to_dir = out_path is not None and (output.endswith(("/", "\\")) or out_path.is_dir())
        # The repository the draft goes to: its charters and registry are the names it knows.
        base = (out_path if to_dir else out_path.parent) if out_path is not None else Path.cwd()
        base = base.resolve()
        charters_dir: Path | None = None
        id_prefix: str | None = None
        probe = base
        while not probe.exists() and probe != probe.parent:
            probe = probe.parent
        root_of = charters_root_of(probe if probe.is_dir() else probe.parent)
        if root_of.name == "charters":
            charters_dir = root_of
            rel = base.relative_to(root_of).as_posix() if base != root_of else ""
            id_prefix = f"{rel}/" if rel and rel != "." else ""
        else:
            root = find_root(Path.cwd())
            if root is not None and (root / "charters").is_dir():
                charters_dir = root / "charters"
        result = import_document(kilde, omraade, charters_dir, id_prefix)
        n = len(result.charters)
        files: dict[str, str] = {}
        written: list[Path] = []
        if out_path is None:
            if n > 1:
                raise UsageError(
                    f"Dokumentet beskriver {n} organer; skriv dem til en mappe med -o MAPPE/.")
            sys.stdout.write(result.charters[0].yaml)
            files[result.charters[0].slug] = "<standardoutput>"
        else:
            if to_dir:
                targets = [(imp, out_path / f"{imp.slug}.yaml") for imp in result.charters]
            else:
                if n > 1:
                    raise UsageError(
                        f"Dokumentet beskriver {n} organer; skriv dem til en mappe med -o MAPPE/ "
                        "i stedet for én fil.")
                if out_path.suffix not in (".yaml", ".yml"):
                    raise UsageError(f"'{output}' skal ende på .yaml (eller / for en mappe).")
                targets = [(result.charters[0], out_path)]
            _contain([p for _, p in targets])
            existing = [str(p) for _, p in targets if p.exists() or p.is_symlink()]
            if existing:
                raise UsageError(f"{', '.join(existing)} findes allerede; import overskriver ikke "
                                 "filer. Vælg et andet navn eller en tom mappe.")
            from kommissorium.fsutil import atomic_write

            for imp, path in targets:
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(path, imp.yaml)
                written.append(path)
                files[imp.slug] = str(path)
        findings = _validate(written, result, files) if written else None
        report = (json_report if format == "json" else text_report)(result, files, findings)
        (sys.stderr if out_path is None else sys.stdout).write(report)
        errors = sum(1 for probs in (findings or {}).values() for p in probs if p.startswith("fejl"))
        unplaced = sum(len(i.unplaced) for i in result.charters)
        raise typer.Exit(1 if errors or unplaced else 0)


def _contain(paths: list[Path]) -> None:
    """A draft goes into charters/ (that is its place), but never through a symbolic link in the
    repository and never into .git (kommissorium.contain)."""
    import os

    from kommissorium.contain import ContainmentError, in_git, real, shown, symlink_below
    from kommissorium.workspace import find_root

    for path in paths:
        path = Path(os.path.abspath(path))
        root = find_root(path.parent if path.parent.exists() else Path.cwd())
        if root is None:
            continue
        link = symlink_below(path.parent, root)
        if link is not None:
            raise ContainmentError(
                f"'{shown(path)}' går gennem den symbolske henvisning '{shown(link)}'; kommissorium "
                "skriver aldrig gennem en symbolsk henvisning i repositoriet.")
        if in_git(real(path), real(root)):
            raise ContainmentError(f"'{shown(path)}' ligger i repositoriets .git-mappe.")


def _validate(paths: list[Path], result, files: dict[str, str]) -> dict[str, list[str]]:
    """Findings per imported charter (slug → 'fejl R001 …' lines), from the real rules."""
    from kommissorium.check import check

    try:
        res = check(paths)
    except Exception as exc:  # noqa: BLE001 - the draft is written; say why it was not checked
        return {imp.slug: [f"ikke valideret: {exc}"] for imp in result.charters}
    slug_of = {Path(f).resolve(): slug for slug, f in files.items()}
    by_file: dict[str, list[str]] = {}
    for p in res.problems:
        slug = slug_of.get(Path(p.file).resolve(), Path(p.file).stem)
        by_file.setdefault(slug, []).append(
            f"{p.severity.value if hasattr(p.severity, 'value') else p.severity} {p.code} "
            f"linje {p.line}: {p.message}")
    return by_file
