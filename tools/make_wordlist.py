"""Regenerate src/kommissorium/importer/data/ord.txt: the Danish words the repair knows.

The import's OCR repair ("mgder" → "møder") accepts a candidate only when it is a known word.
Known words come from the Danish text this repository already holds (the design notes, the
docs, the registry and the example charters except those made from the scanned seed 004, so
that the repair of that seed is not taught by its own answer) plus a short list of common
words below. Run: python tools/make_wordlist.py
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMON = """
udføre udfører bistå bistår indgår indgå omsætte omsætter målgruppe målgrupper planlægge
planlægger bærende pejlemærker dagsordenssætning dagsordenssætningen udmøntning udmøntningen
fællesskab fællesskabet pårørende pårørendes optageområde optageområdet målrettet målrettede
sammensættes sammensat hospitalsrepræsentant hospitalsrepræsentanter tilgængelig løbende
løsning løsninger forløb forløbene drøfte drøfter drøftelse drøftelser møde møder mødet
møderne årlig årligt årlige område området områder formål formålet øvrige øvrig øget øgede
nære nærhed være værende gøre gør gjort udgøre udgør følge følger følgende fællesadministration
fælles sammenhæng sammenhængen sammenhængende være på få må så nå går går år året
understøtte understøtter sætte sætter igangsætte igangsættes ansøgning høring høringer
beslutningsdygtig beslutningsdygtige afstemning stemmelighed afgørende næstformand næstformænd
formænd ordfører tiltræder tiltrådt ikrafttræden træder ændring ændringer ændres mødeleder
mødeform mødested ekstraordinære ekstraordinært fremmøde fremmødte flertal tilslutning
referatet godkendes sekretariatsbetjening sekretariatsbetjeningen ansvarlig ansvarlige
sundhedsvæsen sundhedsvæsenet samarbejdsudvalg kræver kræves både også nødvendig nødvendigt
øvrigt tilgængelig tilgængelige tilgængeligt dagsordenssætning initiativer særlig særligt særlige
""".split()


def main() -> None:
    files = [p for p in (ROOT / "charters").rglob("*.yaml")
             if "seed 004" not in p.read_text(encoding="utf-8")[:400]]
    files += sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
    files += [ROOT / "src/kommissorium/registry/data/danmark.yaml"]
    words = set(COMMON)
    for p in files:
        for w in re.findall(r"[A-Za-zÆØÅæøå]+", p.read_text(encoding="utf-8")):
            words.add(w.lower())
    out = ROOT / "src/kommissorium/importer/data/ord.txt"
    out.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} ord skrevet til {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
