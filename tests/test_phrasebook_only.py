"""Issue #14: no Danish sentence built from charter data outside the phrasebook (``danish/``).

A grep over the source: the places that write about a charter (document, diff, diagram, site,
render, commands, reporters, corpus) may not build the sentences the phrasebook owns, and no
module anywhere concatenates 'Kommune' onto a name, phrases a meeting frequency itself, or uses
«…». The importer reads Danish (its patterns are not sentences it writes) and model/load
validation messages quote the accepted input forms; both are exempt from the sentence leads but
not from the quote and 'Kommune' checks.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "kommissorium"
PHRASEBOOK = SRC / "danish"

#: f-strings (or + concatenations) that start a sentence the phrasebook owns.
LEADS = re.compile(
    r"""f["'](?:Der afholdes|Der holdes|Der kan|Der koordineres|Formandskabet|Formanden|"""
    r"""Næstformanden|Sekretariatsbetjeningen|Sekretariatet|Derudover deltager|Som observatør|"""
    r"""Medlemmerne udpeges|Udpegningen|I alt |Godkendt|Dagsordenen|Dagsordener|"""
    r"""Beslutninger træffes|Ved stemmelighed|Kommissoriet offentliggøres|Under \{|"""
    r"""Udbygger rammen|Afsnittet følger|Mødefrekvensen|Møderne|Heraf|Nyt kommissorium)""")
#: Building a kommune's name or a frequency by concatenation.
KOMMUNE = re.compile(r"""f["'][^"'\n]*\{[^}]*\}\s+Kommune\b""")
FREQUENCY = re.compile(r"""f["'][^"'\n]*\}\s+(?:møder|møde|gange|gang)\s+(?:årligt|om året)""")
HERAF = re.compile(r"""f["'][^"'\n]*heraf \{""")
#: «…» (French order); Danish quotes are »…«.
FRENCH = re.compile(r"(?<![\wæøå.!?)])«(?=\S)[^«»\n]*»")
#: Modules that read Danish rather than write it, or only validate input.
READERS = ("importer", "load", "model")
#: Modules that write about a charter: no sentence leads here.
WRITERS = ("document", "diff", "site", "render", "commands", "reporters", "graph.py",
           "corpus.py", "check.py", "cli.py", "formatdoc.py")


def _files() -> list[Path]:
    return sorted(p for p in SRC.rglob("*") if p.suffix in (".py", ".j2")
                  and PHRASEBOOK not in p.parents)


def _part(p: Path) -> str:
    return p.relative_to(SRC).parts[0]


@pytest.mark.parametrize("rx, what", [(KOMMUNE, "'Kommune' sat på et navn"),
                                      (FREQUENCY, "en mødefrekvens formuleret uden for danish/"),
                                      (HERAF, "'heraf' formuleret uden for danish/")])
def test_no_phrasing_of_charter_values_outside_the_phrasebook(rx, what):
    hits = []
    for p in _files():
        if _part(p) in READERS:
            continue
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if rx.search(line):
                hits.append(f"{p.relative_to(SRC)}:{i}: {line.strip()[:100]}")
    assert hits == [], f"{what}:\n" + "\n".join(hits)


def test_writers_build_no_sentences_of_their_own():
    hits = []
    for p in _files():
        if _part(p) not in WRITERS or p.suffix != ".py":
            continue
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if LEADS.search(line):
                hits.append(f"{p.relative_to(SRC)}:{i}: {line.strip()[:100]}")
    assert hits == [], "sætninger uden for danish/:\n" + "\n".join(hits)


def test_templates_say_nothing_about_the_charter_themselves():
    for p in _files():
        if p.suffix == ".j2":
            text = p.read_text(encoding="utf-8")
            assert "følger rammen" not in text, p
            assert not FRENCH.search(text), p


def test_no_french_quotes_in_generated_text():
    hits = [f"{p.relative_to(SRC)}:{i}" for p in _files() if _part(p) not in READERS
            for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
            if FRENCH.search(line)]
    assert hits == []


def test_the_grep_finds_what_it_looks_for():
    """The patterns are not vacuous: each matches the kind of line it forbids."""
    assert KOMMUNE.search('return f"{entry.name} Kommune"')
    assert FREQUENCY.search('text = f"{count} møder årligt"')
    assert HERAF.search('text += f", heraf {part}"')
    assert LEADS.search('blocks.append(Paragraph(f"Derudover deltager {desc}."))')
    assert FRENCH.search("rammen «X»") and not FRENCH.search("rammen »X«")
    assert not FRENCH.search("fx »A«, »B« eller »C«.")
