"""References: every reference resolves to a charter or a registry entry."""

from __future__ import annotations

from typing import Iterator

from kommissorium.corpus import CharterSet, refs_in
from kommissorium.model.validate import suggest
from kommissorium.problems import Severity
from kommissorium.rules.base import Finding, at, rule


@rule(
    "R001",
    "reference.ukendt",
    Severity.ERROR,
    "En henvisning peger hverken på et kommissorium eller på en post i registret.",
)
def unknown_reference(cs: CharterSet) -> Iterator[Finding]:
    """
    En henvisning (fx `udbygger`, `godkendt.af`, `fra`, `udpeget-af`, `relationer.*`) er enten
    et kommissoriums id (stien under charters/ uden .yaml) eller en nøgle i registret
    (regioner, kommuner, klynger, hospitaler, organisationer). En henvisning, der ikke findes,
    er næsten altid en stavefejl eller et organ, der mangler sit kommissorium; kommissorium
    foreslår det nærmeste navn ("mente du …?").

    Godt:
        relationer:
          refererer-til: nordjylland/sundhedssamarbejdsudvalget

    Dårligt:
        relationer:
          refererer-til: nordjylland/sundhedssamarbejdsudvalg   # mente du '…udvalget'?
    """
    known = cs.known_refs()
    for cf in cs.valid():
        for path, ref in refs_in(cf.charter):
            if cs.exists(ref):
                continue
            best = suggest(ref, known)
            hint = f" Mente du '{best}'?" if best else ""
            kind = "intet kommissorium" if "/" in ref else "ingen registerpost"
            yield Finding(
                f"Henvisningen '{ref}' findes ikke ({kind} med det id).{hint}",
                **at(cf, *path),
            )
