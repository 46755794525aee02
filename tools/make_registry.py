"""Generate src/kommissorium/registry/data/danmark.yaml from ../shared/data/kommuner.csv.

Run once when the national reference data changes; the output is committed and reviewed.
"""
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def slug(name: str) -> str:
    s = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace(" ", "-")
    s = s.replace(".", "")
    return s


REGIONS = {
    "1081": ("region-nordjylland", "Region Nordjylland"),
    "1082": ("region-midtjylland", "Region Midtjylland"),
    "1083": ("region-syddanmark", "Region Syddanmark"),
    "1084": ("region-hovedstaden", "Region Hovedstaden"),
    "1085": ("region-sjaelland", "Region Sjælland"),
}

# (key suffix, display name, hospital key, hospital name, kommuner, names confirmed?)
KLYNGER = {
    "region-nordjylland": [
        ("nord", "Sundhedsklynge Nord", "regionshospital-nordjylland", "Regionshospital Nordjylland",
         ["Hjørring", "Brønderslev", "Frederikshavn", "Læsø"]),
        ("midt", "Sundhedsklynge Midt", "aalborg-universitetshospital", "Aalborg Universitetshospital",
         ["Aalborg", "Jammerbugt"]),
        ("syd", "Sundhedsklynge Syd", "aalborg-universitetshospital", None,
         ["Vesthimmerlands", "Rebild", "Mariagerfjord"]),
        ("vest", "Sundhedsklynge Vest", "aalborg-universitetshospital", None,
         ["Thisted", "Morsø"]),
    ],
    "region-syddanmark": [
        ("soenderjylland", "Sundhedsklynge Sønderjylland", "sygehus-soenderjylland", "Sygehus Sønderjylland",
         ["Haderslev", "Aabenraa", "Sønderborg", "Tønder"]),
        ("sydvestjylland", "Sundhedsklynge Sydvestjylland", "sydvestjysk-sygehus", "Sydvestjysk Sygehus",
         ["Esbjerg", "Billund", "Fanø", "Varde", "Vejen"]),
        ("fyn", "Sundhedsklynge Fyn", "odense-universitetshospital", "Odense Universitetshospital",
         ["Odense", "Assens", "Faaborg-Midtfyn", "Kerteminde", "Nyborg", "Svendborg", "Nordfyns",
          "Langeland", "Ærø"]),
        ("lillebaelt", "Sundhedsklynge Lillebælt", "sygehus-lillebaelt", "Sygehus Lillebælt",
         ["Fredericia", "Kolding", "Middelfart", "Vejle"]),
    ],
    "region-midtjylland": [
        ("aarhus", "Sundhedsklynge Aarhus", "aarhus-universitetshospital", "Aarhus Universitetshospital",
         ["Aarhus", "Samsø"]),
        ("viborg", "Sundhedsklynge Viborg", "regionshospital-centraljylland", "Regionshospital Centraljylland",
         ["Viborg", "Silkeborg", "Skive"]),
        ("goedstrup", "Sundhedsklynge Gødstrup", "regionshospitalet-goedstrup", "Regionshospitalet Gødstrup",
         ["Herning", "Holstebro", "Ikast-Brande", "Lemvig", "Struer", "Ringkøbing-Skjern"]),
        ("randers", "Sundhedsklynge Randers", "regionshospitalet-randers", "Regionshospitalet Randers",
         ["Randers", "Favrskov", "Norddjurs", "Syddjurs"]),
        ("horsens", "Sundhedsklynge Horsens", "regionshospitalet-horsens", "Regionshospitalet Horsens",
         ["Horsens", "Hedensted", "Odder", "Skanderborg"]),
    ],
    "region-hovedstaden": [
        ("byen", "Sundhedsklynge Byen", "rigshospitalet-bispebjerg", "Bispebjerg og Frederiksberg Hospital",
         ["København", "Frederiksberg"]),
        ("syd", "Sundhedsklynge Amager-Hvidovre", "amager-hvidovre-hospital", "Amager og Hvidovre Hospital",
         ["Hvidovre", "Brøndby", "Dragør", "Glostrup", "Albertslund", "Høje-Taastrup", "Ishøj", "Tårnby",
          "Vallensbæk"]),
        ("midt", "Sundhedsklynge Herlev-Gentofte", "herlev-gentofte-hospital", "Herlev og Gentofte Hospital",
         ["Herlev", "Ballerup", "Gentofte", "Gladsaxe", "Lyngby-Taarbæk", "Rødovre", "Furesø", "Egedal"]),
        ("nord", "Sundhedsklynge Nordsjælland", "nordsjaellands-hospital", "Nordsjællands Hospital",
         ["Hillerød", "Allerød", "Fredensborg", "Helsingør", "Hørsholm", "Rudersdal", "Frederikssund",
          "Halsnæs", "Gribskov"]),
        ("bornholm", "Sundhedsklynge Bornholm", "bornholms-hospital", "Bornholms Hospital",
         ["Bornholm"]),
    ],
    "region-sjaelland": [
        ("koege", "Sundhedsklynge Køge", "sjaellands-universitetshospital-koege", "Sjællands Universitetshospital, Køge",
         ["Køge", "Roskilde", "Greve", "Solrød", "Faxe", "Stevns"]),
        ("holbaek", "Sundhedsklynge Holbæk", "holbaek-sygehus", "Holbæk Sygehus",
         ["Holbæk", "Odsherred", "Kalundborg", "Lejre"]),
        ("slagelse", "Sundhedsklynge Slagelse", "slagelse-sygehus", "Slagelse Sygehus",
         ["Slagelse", "Ringsted", "Næstved", "Sorø"]),
        ("nykoebing-f", "Sundhedsklynge Nykøbing F.", "nykoebing-f-sygehus", "Nykøbing F. Sygehus",
         ["Lolland", "Guldborgsund", "Vordingborg"]),
    ],
}


L213 = "L 213 (2024-25), lov nr. 699 af 20. juni 2025 (overgangsloven)"
KLYNGE_SOURCE = "Sundhedsloven § 203 (L 191 af 2022); nedlagt 31. december 2026 ved L 214 (2024-25)"

#: Spellings the charters use besides the official name.
OTHER_NAMES = {"Vesthimmerlands": ["Vesthimmerland"], "Nordfyns": ["Nordfyn"]}
#: Official names that are not '<navn> Kommune' (the phrasebook writes these in running text).
FULL_NAMES = {"København": "Københavns Kommune", "Bornholm": "Bornholms Regionskommune"}
PSYCHIATRY_OTHER_NAMES = {"region-syddanmark": ["Psykiatrisygehuset"]}


def q(s: str) -> str:
    return '"' + s.replace('"', '\\"') + '"'


def main() -> None:
    csv_path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/kommuner.csv"
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    by_name = {r["navn"]: r for r in rows}
    out = [
        "# Nationale referencedata: regioner, kommuner, sundhedsklynger, hospitaler og organisationer.",
        "# Genereret af tools/make_registry.py fra kommuner.csv (kommunekoder) og domæneoplysninger;",
        "# et repository tilføjer egne data i charters/_register/*.yaml.",
        "# Sundhedsklyngerne gælder fra 1. juli 2022 til 31. december 2026 (sundhedsreformen 2027).",
        "# Region Østdanmark, sundhedsrådene og efterfølgerne står i reform-2027.yaml.",
        "# Klyngenavne i Region Sjælland og Lillebælts kommuner er ikke bekræftet af en primærkilde.",
        "",
        "områder:",
        "  - nøgle: landsdaekkende",
        "    navn: Hele landet",
        "    art: land",
        "",
        "regioner:",
    ]
    for code, (key, name) in REGIONS.items():
        merged = key in ("region-hovedstaden", "region-sjaelland")
        til = ", til: 2026-12-31" if merged else ""
        out += [f"  - nøgle: {key}", f"    navn: {name}", f"    kode: {code}", f"    gyldig: {{fra: 2007-01-01{til}}}"]
        if merged:  # the successor region is in reform-2027.yaml (hand-written, with sources)
            out += ["    erstattet-af: region-oestdanmark", f"    kilde: {L213}"]
    out += ["", "kommuner:"]
    for r in rows:
        region = REGIONS[r["regionskode"]][0]
        other = OTHER_NAMES.get(r["navn"])
        extra = f", andre-navne: [{', '.join(other)}]" if other else ""
        full = FULL_NAMES.get(r["navn"])
        full_text = f", fuldt-navn: {full}" if full else ""
        out.append(
            f"  - {{nøgle: {slug(r['navn'])}, navn: {r['navn']}{full_text}, kode: {int(r['kommunekode'])}, "
            f"region: {region}{extra}}}"
        )
    out += ["", "klynger:"]
    hospitals = []
    for region, klynger in KLYNGER.items():
        for suffix, name, hkey, hname, kommuner in klynger:
            for k in kommuner:
                assert k in by_name, k
            key = f"klynge-{region.removeprefix('region-')}-{suffix}"
            out += [
                f"  - nøgle: {key}",
                f"    navn: {name}",
                f"    region: {region}",
                f"    hospital: {hkey}",
                "    kommuner: [" + ", ".join(slug(k) for k in kommuner) + "]",
                "    gyldig: {fra: 2022-07-01, til: 2026-12-31}",
                f"    kilde: {KLYNGE_SOURCE}",
            ]
            if region == "region-sjaelland":
                out += ["    ikke-bekræftet:",
                        "      navn: Klyngenavnene i Region Sjælland er ikke set i en primærkilde."]
            if key == "klynge-syddanmark-lillebaelt":
                out += ["    ikke-bekræftet:",
                        "      kommuner: Klyngens kommuner er udledt (de fire, Syddanmarks øvrige klynger ikke har)."]
            if key == "klynge-hovedstaden-syd":
                out += [
                    "    delte-kommuner:",
                    "      koebenhavn: Københavns Kommune deltager for Amager i Amager-Hvidovre-klyngen og er",
                    "        samtidig medlem af klyngen Byen.",
                ]
            if hname:
                hospitals.append((hkey, hname, region))
    out += ["", "organisationer:"]
    for hkey, hname, region in hospitals:
        out += [f"  - {{nøgle: {hkey}, navn: {q(hname)}, art: hospital, part: region, område: {region}}}"]
    for region_key, region_name in REGIONS.values():
        short = region_key.removeprefix("region-")
        dname = region_name.removeprefix("Region ")
        out += [
            f"  - {{nøgle: kkr-{short}, navn: KKR {dname}, art: organisation, part: kommuner, område: {region_key}}}",
            f"  - {{nøgle: plo-{short}, navn: PLO-{dname}, art: organisation, part: almen-praksis, område: {region_key},"
            f" andre-navne: [PLO {dname}]}}",
            f"  - {{nøgle: psykiatrien-{short}, navn: Psykiatrien i {region_name}, art: hospital, part: region,"
            f" område: {region_key}"
            + (f", andre-navne: [{', '.join(PSYCHIATRY_OTHER_NAMES[region_key])}]"
               if region_key in PSYCHIATRY_OTHER_NAMES else "")
            + "}",
        ]
    out += [
        "  - {nøgle: kl, navn: KL, art: organisation, part: kommuner, område: landsdaekkende, andre-navne: [Kommunernes Landsforening]}",
        "  - {nøgle: plo, navn: Praktiserende Lægers Organisation, art: organisation, part: almen-praksis, område: landsdaekkende, andre-navne: [PLO]}",
        "  - {nøgle: danske-regioner, navn: Danske Regioner, art: organisation, part: region, område: landsdaekkende}",
        "  - {nøgle: danske-patienter, navn: Danske Patienter, art: organisation, part: patienter, område: landsdaekkende}",
        "",
    ]
    open(ROOT / "src/kommissorium/registry/data/danmark.yaml", "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    main()
