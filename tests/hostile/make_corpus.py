"""Write the bad-input corpus: tests/hostile/corpus/ and tests/hostile/expected.tsv.

Run ``python3 tests/hostile/make_corpus.py`` after changing a case; the files are committed so a
reader can open each one. Bytes that an editor would mangle (Latin-1, CP1252, NUL, control
characters, UTF-16) are written from here. Inputs that are big by design (50 MB, a 1 MB line,
10,000-deep nesting, 100,000 values) are not committed: tests/test_hostile_limits.py generates
them into a temporary folder.

Each case: file name, content, the problem code expected, and where (line, column). ``place``
puts the file somewhere else below charters/ (default ``hostile/<name>``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
EXPECTED = HERE / "expected.tsv"

BASE = """\
navn: Fælles Testudvalg
type: udvalg
område: region-nordjylland
formål: Udvalget samarbejder om sundhed på tværs af sektorer.
opgaver:
  - At koordinere indsatsen.
sammensætning:
  medlemmer:
    - rolle: direktør
      antal: 2
      fra: region-nordjylland
møder:
  pr-år: 4
"""


@dataclass
class Case:
    name: str
    content: bytes | str
    code: str  # expected problem code ("" for a file that must load cleanly)
    line: int = 1
    column: int = 1
    note: str = ""
    place: str = ""

    @property
    def data(self) -> bytes:
        return self.content.encode("utf-8") if isinstance(self.content, str) else self.content


def swap(old: str, new: str, text: str = BASE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def plus(extra: str, text: str = BASE) -> str:
    return text + extra


CASES: list[Case] = [
    # --- YAML syntax (Y001) ------------------------------------------------------------------
    Case("syntaks-liste-ikke-lukket.yaml", swap("  - At koordinere indsatsen.\n", "  [a, b\n"),
         "Y001", 7, 14, "flow list never closed"),
    Case("syntaks-liste-ikke-lukket-i-linjen.yaml", plus("andre-navne: [FTU, Testudvalget\n"),
         "Y001", 14, 14, "flow list not closed at end of file"),
    Case("syntaks-mapping-ikke-lukket.yaml", plus("gyldig: {fra: 2022-07-01\n"), "Y001", 14, 9,
         "flow mapping not closed"),
    Case("syntaks-anfoerselstegn-ikke-lukket.yaml", swap("navn: Fælles Testudvalg", 'navn: "Fælles Testudvalg'),
         "Y001", 1, 7, "double quote never closed: reported where it opens"),
    Case("syntaks-apostrof-ikke-lukket.yaml", plus("kilde: 'Sundhedsaftalen\n"), "Y001", 14, 8,
         "single quote never closed"),
    Case("syntaks-kolon-i-vaerdi.yaml", swap("formål: Udvalget samarbejder", "formål: Formålet er: at samarbejde"),
         "Y001", 4, 20, "': ' inside a plain value"),
    Case("syntaks-noegle-paa-samme-linje.yaml", swap("type: udvalg", "type: udvalg område: x"),
         "Y001", 2, 20, "two keys on one line"),
    Case("syntaks-forkert-indrykning.yaml", swap("      antal: 2", "     antal: 2"), "Y001", 10, 6,
         "one space too few"),
    Case("syntaks-indrykning-for-dyb.yaml", swap("type: udvalg", " type: udvalg"), "Y001", 2, 6,
         "a key indented under a scalar"),
    Case("syntaks-listepunkt-i-mapping.yaml", swap("type: udvalg\n", "type: udvalg\n- punkt\n"), "Y001", 3, 1,
         "list item where a key belongs"),
    Case("syntaks-noegle-i-liste.yaml", swap("  - At koordinere indsatsen.\n", "  - At koordinere indsatsen.\n  x: 1\n"),
         "Y001", 7, 3, "a key inside a list"),
    Case("syntaks-ukendt-alias.yaml", plus("kilde: *kilden\n"), "Y001", 14, 8, "alias to no anchor"),
    Case("syntaks-dobbelt-anker.yaml", plus("kilde: &a x\nversion: &a y\n"), "Y001", 15, 10, "anchor defined twice"),
    Case("syntaks-ukendt-escape.yaml", plus('kilde: "C:\\sager\\kommissorium"\n'), "Y001", 14, 11,
         "\\s escape in double quotes (a Windows path)"),
    Case("syntaks-ugyldig-unicode-escape.yaml", plus('kilde: "\\ud800"\n'), "Y001", 14, 11,
         "lone surrogate escape"),
    Case("syntaks-blok-indikator.yaml", swap("formål: Udvalget", "formål: |x\n  Udvalget"), "Y001", 4, 10,
         "bad block-scalar indicator"),
    Case("syntaks-snabel-a.yaml", plus("kilde: @sundhedsaftalen\n"), "Y001", 14, 8, "'@' cannot start a value"),
    Case("syntaks-backtick.yaml", plus("kilde: `x`\n"), "Y001", 14, 8, "'`' cannot start a value"),
    Case("syntaks-ukendt-direktiv.yaml", "%INCLUDE /etc/passwd\n---\n" + BASE, "Y001", 1, 1,
         "unknown % directive"),
    Case("syntaks-yaml-version-2.yaml", "%YAML 2.0\n---\n" + BASE, "Y001", 1, 1, "unsupported YAML version"),
    Case("syntaks-ekstra-lukkeparentes.yaml", plus("andre-navne: [FTU]]\n"), "Y001", 14, 19,
         "one bracket too many"),
    Case("syntaks-indhold-efter-slut.yaml", plus("...\nkilde: x\n"), "Y001", 15, 1,
         "content after the document end marker"),
    Case("syntaks-tom-noegle.yaml", plus(": ingen nøgle\n"), "Y001", 14, 1, "a value without a key"),
    Case("syntaks-ufuldstaendigt-tag.yaml", plus("kilde: !!\n"), "Y001", 14, 10, "tag with no name"),
    Case("syntaks-tekst-efter-citat.yaml", swap("navn: Fælles Testudvalg", "navn: 'Fælles' Testudvalg"),
         "Y001", 1, 16, "text after a closing quote"),
    Case("syntaks-blok-tekst-indrykning.yaml", swap("formål: Udvalget samarbejder om sundhed på tværs af sektorer.",
                                                    "formål: |\n    Første linje\n  anden linje"),
         "Y001", 6, 3, "block text dedents into nothing"),
    Case("syntaks-spoergsmaalstegn.yaml", plus("kilde: ? ukendt\n"), "Y001", 14, 8,
         "'? ' (complex-key marker) at the start of a value"),
    Case("syntaks-ukendt-tag-praefiks.yaml", plus("kilde: !k!x tekst\n"), "Y001", 14, 8,
         "a tag handle without a %TAG directive"),
    # --- tabs (Y003) -------------------------------------------------------------------------
    Case("tabulator-indrykning.yaml", swap("  pr-år: 4", "\tpr-år: 4"), "Y003", 13, 1, "tab indents a key"),
    Case("tabulator-i-liste.yaml", swap("    - rolle: direktør", "\t- rolle: direktør"), "Y003", 9, 1,
         "tab indents a list item"),
    Case("tabulator-blandet.yaml", swap("      antal: 2", "    \t  antal: 2"), "Y003", 10, 5,
         "spaces then a tab"),
    # --- encoding and characters (Y004) -----------------------------------------------------
    Case("kodning-latin1.yaml", BASE.encode("latin-1"), "Y004", 1, 8,
         "saved as Latin-1: 'æ' is byte E6"),
    Case("kodning-cp1252-citationstegn.yaml",
         BASE.encode("utf-8") + "kilde: “Sundhedsaftalen” – 2024\n".encode("cp1252"), "Y004", 14, 8,
         "Word's curly quotes saved as Windows-1252 (byte 93)"),
    Case("kodning-cp1252-tankestreg.yaml", BASE.encode("utf-8") + b"kilde: 2019 \x96 2023\n", "Y004", 14, 13,
         "en dash as Windows-1252 byte 96"),
    Case("kodning-utf16.yaml", b"\xff\xfe" + BASE.encode("utf-16-le"), "Y004", 1, 1, "saved as UTF-16"),
    Case("kodning-afkortet-utf8.yaml", BASE.encode("utf-8") + b"kilde: s\xc3", "Y004", 14, 9,
         "file ends inside a UTF-8 sequence"),
    Case("kodning-overlang-utf8.yaml", BASE.encode("utf-8") + b"kilde: \xc0\xaf\n", "Y004", 14, 8,
         "overlong UTF-8 encoding of '/'"),
    Case("binaer-png.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "Y004", 3, 1,
         "a PNG image renamed to .yaml"),
    Case("binaer-nul-byte.yaml", BASE.encode("utf-8").replace(b"udvalg\n", b"udvalg\x00\n", 1), "Y004", 1, 24,
         "a NUL byte in a text file"),
    Case("binaer-tilfaeldige-bytes.yaml", bytes(range(256)) * 4, "Y004", 1, 1, "all 256 byte values"),
    Case("tegn-klokke.yaml", swap("navn: Fælles Testudvalg", "navn: Fælles\x07Testudvalg"), "Y004", 1, 13,
         "BEL control character"),
    Case("tegn-lodret-tabulator.yaml", swap("type: udvalg", "type: udvalg\x0b"), "Y004", 2, 13,
         "vertical tab"),
    Case("tegn-c1-kontroltegn.yaml", swap("formål: Udvalget", "formål: \x80Udvalget"), "Y004", 4, 9,
         "C1 control U+0080 (a CP1252 byte read as Latin-1)"),
    Case("tegn-escape-sekvens.yaml", swap("navn: Fælles Testudvalg", "navn: \x1b[31mFælles Testudvalg\x1b[0m"),
         "Y004", 1, 7, "terminal escape sequence in a value (colours CI logs)"),
    Case("tegn-escape-i-citat.yaml", swap("navn: Fælles Testudvalg", 'navn: "\\e[31mFælles\\a Testudvalg"'),
         "Y004", 1, 7, "terminal escape written as a YAML escape in double quotes"),
    # --- empty (Y005) ------------------------------------------------------------------------
    Case("tom.yaml", b"", "Y005", 1, 1, "zero bytes"),
    Case("tom-kun-kommentarer.yaml", "# Kommissorium\n# skrives senere\n", "Y005", 1, 1, "comments only"),
    Case("tom-kun-mellemrum.yaml", "\n   \n\t\n\n", "Y005", 1, 1, "blank lines only"),
    Case("tom-kun-dokumentmarkoerer.yaml", "---\n...\n", "Y005", 1, 1, "document markers only"),
    Case("tom-bom.yaml", b"\xef\xbb\xbf", "Y005", 1, 1, "a UTF-8 byte-order mark and nothing else"),
    # --- tags (Y006) -------------------------------------------------------------------------
    Case("tag-python-object-apply.yaml",
         plus("kilde: !!python/object/apply:os.system ['touch /tmp/kommissorium-pwned']\n"), "Y006", 14, 8,
         "would run a shell command under an unsafe loader"),
    Case("tag-python-name.yaml", plus("kilde: !!python/name:os.system\n"), "Y006", 14, 8,
         "would import a Python object"),
    Case("tag-python-object-mapping.yaml",
         plus("godkendt: !!python/object:subprocess.Popen {args: [id]}\n"), "Y006", 14, 11,
         "tagged mapping"),
    Case("tag-include.yaml", plus("baggrund: !include /etc/passwd\n"), "Y006", 14, 11,
         "a local !include tag"),
    Case("tag-binary.yaml", plus("kilde: !!binary aGVtbWVsaWc=\n"), "Y006", 14, 8, "base64 binary"),
    Case("tag-set.yaml", plus("andre-navne: !!set {FTU, Testudvalget}\n"), "Y006", 14, 14, "a set"),
    Case("tag-direktiv.yaml", "%TAG !k! tag:kommissorium.dk,2024:\n---\n" + plus("kilde: !k!ekstern x\n"),
         "Y006", 16, 8, "a %TAG directive with a custom tag"),
    Case("tag-flet-noegle.yaml", plus("_skabelon: &s {type: udvalg}\nformandskab:\n  <<: *s\n"), "Y006", 16, 3,
         "YAML 1.1 merge key '<<'"),
    # --- aliases (Y007) ----------------------------------------------------------------------
    Case("alias-bombe.yaml",
         'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
         + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join(["*" + chr(97 + i)] * 9) + "]\n"
                   for i in range(8)),
         "Y007", 5, 4, "billion laughs: 9^9 values from 600 bytes"),
    Case("alias-selvreference-liste.yaml", plus("andre-navne: &n [FTU, *n]\n"), "Y007", 14, 14,
         "a list that contains itself"),
    Case("alias-selvreference-mapping.yaml", plus("godkendt: &g\n  af: *g\n"), "Y007", 14, 11,
         "a mapping that contains itself"),
    # --- size and depth (Y008) ---------------------------------------------------------------
    Case("dybde-100-lister.yaml", "navn: " + "[" * 100 + "]" * 100 + "\n", "Y008", 1, 70,
         "100 nested flow lists"),
    Case("dybde-200-listepunkter.yaml", "navn:\n  " + "- " * 200 + "x\n", "Y008", 2, 129,
         "200 nested block lists on one line"),
    Case("dybde-100-mappings.yaml", "".join("  " * i + f"n{i}:\n" for i in range(100)), "Y008", 65, 129,
         "100 nested block mappings"),
    # --- top level (Y009) --------------------------------------------------------------------
    Case("top-liste.yaml", "- navn: Fælles Testudvalg\n- type: udvalg\n", "Y009", 1, 1, "a list"),
    Case("top-tekst.yaml", "Kommissorium for Fælles Testudvalg\n", "Y009", 1, 1, "one line of prose"),
    Case("top-tal.yaml", "42\n", "Y009", 1, 1, "a number"),
    Case("top-mangler-mellemrum.yaml", "navn:Fælles Testudvalg\n", "Y009", 1, 1, "'navn:x' without a space"),
    # --- keys (Y010) -------------------------------------------------------------------------
    Case("noegle-liste.yaml", plus("? [a, b]\n: c\n"), "Y010", 14, 3, "a list as key"),
    Case("noegle-mapping.yaml", plus("{a: 1}: c\n"), "Y010", 14, 1, "a mapping as key"),
    # --- documents (Y011) --------------------------------------------------------------------
    Case("flere-dokumenter.yaml", BASE + "---\n" + BASE, "Y011", 14, 1, "two charters in one file"),
    # --- duplicate keys (Y002) ---------------------------------------------------------------
    Case("dublet-top.yaml", plus("navn: Andet Udvalg\n"), "Y002", 14, 1, "navn twice"),
    Case("dublet-indlejret.yaml", swap("      antal: 2\n", "      antal: 2\n      antal: 3\n"), "Y002", 11, 7,
         "antal twice in one seat"),
    Case("dublet-citeret.yaml", plus('"type": forum\n'), "Y002", 14, 1, "same key, once quoted"),
    # --- YAML 1.1 traps and wrong types (S00x) -----------------------------------------------
    Case("syntaks-kolon-i-flow-liste.yaml", plus("andre-navne: [FTU, kl. 12:30]\n"), "Y001", 14, 26,
         "':' inside a plain value in [ ]"),
    Case("yaml11-oktal-version.yaml", plus("version: 010\n"), "S002", 14, 10,
         "010 is the number 10 in YAML 1.2, not the text '010'"),
    Case("yaml11-tal-som-navn.yaml", swap("navn: Fælles Testudvalg", "navn: 1e3"), "S002", 1, 7,
         "a float where text belongs"),
    Case("yaml11-null-navn.yaml", swap("navn: Fælles Testudvalg", "navn: ~"), "S002", 1, 7, "null name"),
    Case("yaml11-on-som-type.yaml", swap("type: udvalg", "type: on"), "S004", 2, 7,
         "'on' stays text in YAML 1.2 and is no body type"),
    Case("yaml11-dato-ugyldig-maaned.yaml", plus("dato: 2022-13-01\n"), "S004", 14, 7, "month 13"),
    Case("yaml11-dato-31-februar.yaml", plus("dato: 2022-02-31\n"), "S004", 14, 7,
         "a day that does not exist"),
    Case("yaml11-dato-amerikansk.yaml", plus("dato: 06/23/2022\n"), "S004", 14, 7, "US date order"),
    Case("yaml11-uendelig.yaml", swap("  pr-år: 4", "  pr-år: .inf"), "S002", 13, 10,
         "infinite meetings a year"),
    Case("yaml11-nan.yaml", swap("      antal: 2", "      antal: .nan"), "S004", 10, 14, "NaN seats"),
    Case("type-navn-liste.yaml", swap("navn: Fælles Testudvalg", "navn: [Fælles, Testudvalg]"), "S002", 1, 7,
         "list where text belongs"),
    Case("type-type-tal.yaml", swap("type: udvalg", "type: 3"), "S004", 2, 7, "number as body type"),
    Case("type-omraade-mapping.yaml", swap("område: region-nordjylland", "område: {region: nordjylland}"),
         "S002", 3, 9, "mapping where a reference belongs"),
    Case("type-formaal-mapping.yaml", swap("formål: Udvalget samarbejder om sundhed på tværs af sektorer.",
                                           "formål:\n  tekst: x"), "S002", 5, 3, "mapping where prose belongs"),
    Case("type-opgaver-tal.yaml", swap("opgaver:\n  - At koordinere indsatsen.", "opgaver: 5"), "S002", 5, 10,
         "a number as the task list"),
    Case("type-sammensaetning-liste.yaml", swap("sammensætning:\n  medlemmer:", "sammensætning:\n  -"),
         "S002", 8, 3, "composition as a list"),
    Case("type-antal-tekst.yaml", swap("      antal: 2", "      antal: mange"), "S004", 10, 14,
         "'mange' is no count"),
    Case("type-antal-negativ.yaml", swap("      antal: 2", "      antal: -1"), "S004", 10, 14, "negative count"),
    Case("type-antal-omvendt.yaml", swap("      antal: 2", "      antal: {mindst: 5, højst: 3}"), "S004", 10, 14,
         "minimum above maximum"),
    Case("type-rolle-tom.yaml", swap("    - rolle: direktør", '    - rolle: ""'), "S004", 9, 14, "empty role"),
    Case("type-for-hver-ukendt.yaml", swap("      fra: region-nordjylland", "      for-hver: amt"), "S004", 11, 17,
         "'amt' is no expansion unit"),
    Case("type-moeder-tekst.yaml", swap("  pr-år: 4", "  pr-år: hver uge"), "S004", 13, 10,
         "'hver uge' is no frequency"),
    Case("type-dagsorden-for-mange-dage.yaml", plus("  dagsorden-udsendes-dage-før: 1000\n"), "S004", 14, 32,
         "agenda 1000 days ahead"),
    Case("type-relationer-tekst.yaml", plus("relationer: Sundhedssamarbejdsudvalget\n"), "S002", 14, 13,
         "prose where relations belong"),
    Case("type-henvisning-med-mellemrum.yaml", plus("udbygger: Nordjylland / Ramme\n"), "S004", 14, 11,
         "reference with capitals and spaces"),
    Case("type-ramme-tekst.yaml", plus("ramme: måske\n"), "S002", 14, 8, "'måske' is no boolean"),
    Case("type-undertryk-uden-begrundelse.yaml", plus("undertryk:\n  - regel: R001\n"), "S003", 15, 5,
         "suppression without a reason"),
    Case("type-afsnit-mapping.yaml", plus("afsnit:\n  overskrift: Ekstra\n"), "S002", 15, 3,
         "a mapping where a list of sections belongs"),
    Case("mangler-navn.yaml", swap("navn: Fælles Testudvalg\n", ""), "S003", 1, 1, "no name"),
    Case("ukendt-noegle.yaml", plus("formaal: dobbelt\n"), "S001", 14, 1, "'formaal' for 'formål'"),
    Case("ukendt-noegle-store-bogstaver.yaml", swap("type: udvalg", "Type: udvalg"), "S001", 2, 1,
         "'Type' with a capital"),
    # --- ids and references (S005, R001) -----------------------------------------------------
    Case("id-stemmer-ikke.yaml", "id: hostile/noget-andet\n" + BASE, "S005", 1, 5, "id and path disagree"),
    Case("id-sti-ud.yaml", "id: ../../etc/passwd\n" + BASE, "S005", 1, 5, "an id that climbs out"),
    Case("id-absolut.yaml", "id: /etc/passwd\n" + BASE, "S005", 1, 5, "an absolute id"),
    Case("henvisning-ukendt.yaml", plus("relationer:\n  refererer-til: hostile/findes-ikke\n"), "R001", 15, 18,
         "a reference to no charter"),
    Case("henvisning-selv.yaml", plus("relationer:\n  refererer-til: hostile/henvisning-selv\n"), "X001", 15, 18,
         "a body that reports to itself"),
    Case("udbygger-selv.yaml", plus("udbygger: hostile/udbygger-selv\n"), "F006", 14, 11,
         "a charter that extends itself"),
    Case("dublet-id.yml", BASE, "S005", 1, 1, "same id as dublet-id.yaml", "hostile/dublet-id.yml"),
]

#: Files that go with a case (placed next to it) but are valid themselves.
COMPANIONS: dict[str, bytes] = {
    "hostile/dublet-id.yaml": BASE.encode("utf-8"),
}

#: Valid files that hostile-looking bytes must not break: BOM, CRLF, no final newline, traps
#: that must stay text.
GOOD: dict[str, bytes] = {
    "godt-bom-crlf.yaml": b"\xef\xbb\xbf" + BASE.replace("\n", "\r\n").encode("utf-8"),
    "godt-uden-slutlinjeskift.yaml": BASE.rstrip("\n").encode("utf-8"),
    "godt-yaml11-faelder.yaml": plus(
        "forkortelse: NO\nversion: 2022-06-23\nandre-navne: [on, off, yes, 'no', 1_000]\ntitel: 12:30\n"
        "dato: 2022-06-23\nkilde: \"Tekst med {{ 7*7 }} og {% raw %} og <script>alert(1)</script>\"\n"
    ).encode("utf-8"),
    "godt-unicode.yaml": swap("navn: Fælles Testudvalg", "navn: Ærø–Østjysk Sundhedsråd “2024” ☃ 𝔘").encode("utf-8"),
}


def main() -> None:
    CORPUS.mkdir(exist_ok=True)
    for old in CORPUS.iterdir():
        old.unlink()
    rows = ["# file\tcode\tline\tcolumn\tplace\tnote"]
    names = set()
    for case in CASES:
        assert case.name not in names, case.name
        names.add(case.name)
        (CORPUS / case.name).write_bytes(case.data)
        place = case.place or f"hostile/{case.name}"
        rows.append(f"{case.name}\t{case.code}\t{case.line}\t{case.column}\t{place}\t{case.note}")
    for place, data in COMPANIONS.items():
        name = "ledsager--" + place.replace("/", "--")
        (CORPUS / name).write_bytes(data)
        rows.append(f"{name}\t\t0\t0\t{place}\tcompanion (valid)")
    for name, data in GOOD.items():
        (CORPUS / name).write_bytes(data)
        rows.append(f"{name}\t\t0\t0\thostile/{name}\tmust load without problems")
    EXPECTED.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(CASES)} hostile cases, {len(COMPANIONS)} companions, {len(GOOD)} good files -> {CORPUS}")


if __name__ == "__main__":
    main()
