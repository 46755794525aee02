"""Generate a realistic national charter corpus for benchmarking kommissorium.

The corpus follows the structure of Danish health cooperation 2022–2026 over the packaged
registry (5 regions, 98 kommuner, 22 sundhedsklynger):

- per region: Sundhedssamarbejdsudvalget, Strategisk Sundhedsforum, Koordineringsgruppen,
  Patientinddragelsesudvalget, three frames (political and professional level of the klynger,
  and a KLU frame for the kommuner) and regional fora on eight topics;
- per klynge: the political and the professional/strategic level (both extending the region's
  frames, referring to each other and to the regional fora) and four working groups;
- per kommune: as many local bodies as the wanted total asks for (sundhedsudvalg, KLU,
  styregrupper, råd, netværk …), referring to their klynge and to the kommune's own bodies.

Every file is a real charter of 80–200 lines in the charter format. The output is deterministic
for a given seed and count.

    python bench/generate.py --count 2000 --out /tmp/korpus      # writes /tmp/korpus/charters/
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REGISTRY = (
    Path(__file__).resolve().parent.parent
    / "src" / "kommissorium" / "registry" / "data" / "danmark.yaml"
)


# --------------------------------------------------------------------------------------------
# Registry (read with PyYAML-free plain parsing through kommissorium's own loader)
# --------------------------------------------------------------------------------------------


@dataclass
class Region:
    key: str  # region-nordjylland
    short: str  # nordjylland
    name: str  # Region Nordjylland
    kommuner: list[str] = field(default_factory=list)
    klynger: list["Klynge"] = field(default_factory=list)


@dataclass
class Klynge:
    key: str  # klynge-nordjylland-nord
    short: str  # klynge-nord
    name: str  # Sundhedsklynge Nord
    region: str
    hospital: str
    kommuner: list[str]


@dataclass
class World:
    regions: list[Region]
    kommune_names: dict[str, str]
    hospital_names: dict[str, str]
    klynge_of: dict[str, Klynge]


def read_registry() -> World:
    sys.path.insert(0, str(REGISTRY.parents[3]))
    from kommissorium.load.yaml import load_text

    doc = load_text(REGISTRY.read_text(encoding="utf-8"), REGISTRY, str(REGISTRY))
    assert doc.data is not None, doc.problems
    data = doc.data
    regions = {
        r["nøgle"]: Region(r["nøgle"], r["nøgle"].removeprefix("region-"), r["navn"])
        for r in data["regioner"]
    }
    names = {}
    for k in data["kommuner"]:
        regions[k["region"]].kommuner.append(k["nøgle"])
        names[k["nøgle"]] = k["navn"]
    klynge_of: dict[str, Klynge] = {}
    for c in data["klynger"]:
        region = regions[c["region"]]
        short = "klynge-" + c["nøgle"].removeprefix(f"klynge-{region.short}-")
        kl = Klynge(c["nøgle"], short, c["navn"], region.key, c["hospital"], list(c["kommuner"]))
        region.klynger.append(kl)
        for k in kl.kommuner:
            klynge_of.setdefault(k, kl)
    hospitals = {
        o["nøgle"]: o["navn"] for o in data["organisationer"] if o.get("art") == "hospital"
    }
    return World(list(regions.values()), names, hospitals, klynge_of)


# --------------------------------------------------------------------------------------------
# A small YAML writer: block style, folded long text, quoting only where YAML needs it
# --------------------------------------------------------------------------------------------

_PLAIN = re.compile(r"^[A-Za-zÆØÅæøåÉé0-9(][^\n#]*$")
_SPECIAL = re.compile(
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|no|on|off|y|n"
    r"|[-+]?[0-9][0-9._:eE+-]*|\.inf|\.nan)$",
    re.IGNORECASE,
)
WIDTH = 100


class Flow(dict):
    """A mapping written in flow style: ``{mindst: 4, højst: 6}``."""


class Folded(str):
    """Text written as a folded block (``>-``) even when short."""


def scalar(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    if (
        _PLAIN.match(text)
        and not _SPECIAL.match(text)
        and ": " not in text
        and not text.endswith(":")
        and text == text.strip()
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _is_block_text(value: Any, room: int) -> bool:
    return isinstance(value, str) and (isinstance(value, Folded) or len(value) > room)


def _folded(text: str, indent: int) -> list[str]:
    pad = " " * indent
    return [pad + line for line in textwrap.wrap(text, WIDTH - indent, break_long_words=False,
                                                  break_on_hyphens=False)]


def emit(obj: Any, indent: int = 0) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    if isinstance(obj, dict):
        for key, value in obj.items():
            if isinstance(value, (list, dict)) and not value:
                continue
            head = f"{pad}{key}:"
            if isinstance(value, Flow):
                inner = ", ".join(f"{k}: {scalar(v)}" for k, v in value.items())
                out.append(f"{head} {{{inner}}}")
            elif isinstance(value, dict):
                out.append(head)
                out += emit(value, indent + 2)
            elif isinstance(value, list):
                if all(isinstance(v, str) and len(v) < 30 for v in value) and 0 < len(value) <= 4 \
                        and sum(len(v) for v in value) < 60 and all(scalar(v) == v for v in value):
                    out.append(f"{head} [{', '.join(value)}]")
                else:
                    out.append(head)
                    out += emit(value, indent + 2)
            elif _is_block_text(value, WIDTH - len(head) - 1):
                out.append(f"{head} >-")
                out += _folded(value, indent + 2)
            else:
                out.append(f"{head} {scalar(value)}")
    elif isinstance(obj, list):
        for item in obj:
            if isinstance(item, dict) and not isinstance(item, Flow):
                lines = emit(item, indent + 2)
                first = lines[0]
                out.append(f"{pad}- {first[indent + 2:]}")
                out += lines[1:]
            elif isinstance(item, str) and _is_block_text(item, WIDTH - indent - 2):
                out.append(f"{pad}- >-")
                out += _folded(item, indent + 2)
            else:
                out.append(f"{pad}- {scalar(item)}")
    return out


def dump(doc: dict[str, Any], comments: list[str]) -> str:
    lines = [f"# {c}" for c in comments]
    top = list(doc.items())
    for key, value in top:
        lines += emit({key: value})
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# Text banks (Danish)
# --------------------------------------------------------------------------------------------

PRINCIPLES = [
    "Organiseringen skal understøtte en fuld implementering af indgåede samarbejdsaftaler",
    "Lokalt samarbejde opprioriteres",
    "Beslutningskraft i det lokale samarbejde",
    "Styrket dialog mellem kommuner og hospitaler",
    "Samarbejdet med almen praksis skal styrkes",
    "Fælles ledelse",
    "Patientinddragelse på alle niveauer",
    "Sikring af en fortsat ligestilling mellem psykiatri og somatik",
    "Sikring af faglig sparring og udvikling af faglige fællesskaber",
    "Borgerens perspektiv er udgangspunktet for alle beslutninger",
    "Ensartet kvalitet uanset hvor i regionen borgeren bor",
    "Data og viden deles på tværs af sektorerne, så beslutninger træffes på et fælles grundlag",
    "Ressourcerne bruges dér, hvor de skaber mest sundhed for borgerne",
]

TOPICS = {
    "psykiatri": ("Psykiatri og misbrug", "mennesker med psykiske lidelser og samtidigt misbrug"),
    "aeldre": ("Ældre og kronisk syge", "ældre medicinske patienter og borgere med kroniske sygdomme"),
    "boern-og-unge": ("Børn og unge", "børn, unge og deres familier"),
    "rehabilitering": ("Rehabilitering og genoptræning", "borgere i genoptrænings- og rehabiliteringsforløb"),
    "forebyggelse": ("Forebyggelse og sundhedsfremme", "borgere med risiko for at udvikle sygdom"),
    "digitalisering": ("Digitalisering og data", "fælles digitale løsninger og deling af data"),
    "medicin": ("Medicin og medicinhåndtering", "borgere i behandling med mange lægemidler"),
    "akut": ("Det akutte område", "borgere med akut opstået sygdom"),
}

KLYNGE_GROUPS = {
    "sammenhaengende-forloeb": "Sammenhængende forløb",
    "forebyggelse": "Forebyggelse",
    "psykiatri-og-misbrug": "Psykiatri og misbrug",
    "aeldre-medicinske-patienter": "Ældre medicinske patienter",
}

TASK_BANK = [
    "Følge op på fastlagte mål og implementering af lokalt, regionalt og nationalt aftalte initiativer",
    "Drøfte og aftale lokale modeller for bedre patientforløb med fokus på styrket kvalitet og øget nærhed",
    "Håndtere praktiske udfordringer og muligheder, herunder igangsætte relevante samarbejdsprojekter",
    "Anvende nationalt eller lokalt prioriterede midler til styrket sammenhæng og nærhed",
    "Følge og drøfte centrale nøgletal og data for populationen i området",
    "Sikre vidensdeling mellem parterne og med de øvrige fora i sundhedsaftalens organisering",
    "Udarbejde en årlig status på aktiviteter og resultater",
    "Inddrage patienter og pårørende i udviklingen af indsatserne",
    "Koordinere indsatser, der går på tværs af sektorer og forvaltninger",
    "Identificere udfordringer i overgangene mellem sygehus, kommune og almen praksis",
    "Prioritere de indsatser, der skal igangsættes i det kommende år",
    "Drøfte konkrete sager, hvor samarbejdet ikke fungerer, og aftale opfølgning",
]

ROLES_REGION = [
    ("hospitalsdirektør", "hospitalsdirektører"),
    ("vicedirektør", "vicedirektører"),
    ("centerdirektør", "centerdirektører"),
    ("afdelingsdirektør", "afdelingsdirektører"),
    ("regional kontorchef", "regionale kontorchefer"),
    ("ledende overlæge", "ledende overlæger"),
]
ROLES_KOMMUNE = [
    ("sundhedsdirektør", "sundhedsdirektører"),
    ("direktør", "direktører"),
    ("sundhedschef", "sundhedschefer"),
    ("ældrechef", "ældrechefer"),
    ("leder af sundhedsplejen", "ledere af sundhedsplejen"),
    ("socialchef", "socialchefer"),
]

NUMBER_WORDS = {1: "én", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks"}


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# --------------------------------------------------------------------------------------------
# Charter builders
# --------------------------------------------------------------------------------------------


class Gen:
    def __init__(self, world: World, seed: int):
        self.w = world
        self.rng = random.Random(seed)
        self.out: dict[str, tuple[dict[str, Any], list[str]]] = {}

    # -- helpers -----------------------------------------------------------------------------
    def pick(self, seq: list[Any], k: int) -> list[Any]:
        return self.rng.sample(seq, min(k, len(seq)))

    def date(self) -> str:
        y = self.rng.choice([2022, 2023, 2023, 2024, 2024, 2025])
        m = self.rng.randint(9 if y == 2022 else 1, 12)
        form = self.rng.random()
        if form < 0.5:
            return f"{y}-{m:02d}-{self.rng.randint(1, 28):02d}"
        if form < 0.8:
            return f"{y}-{m:02d}"
        months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                  "september", "oktober", "november", "december"]
        return f"{months[m - 1]} {y}"

    def add(self, cid: str, doc: dict[str, Any], source: str) -> None:
        comments = ["yaml-language-server: $schema=../../schema/kommissorium.schema.json",
                    f"Benchmark-korpus (genereret): {source}"]
        # Real charters run 80–200 lines: short bodies get the sections real ones also have.
        fillers = [
            ("baggrund", lambda: Folded(
                f"{doc['navn']} er en del af sundhedsaftalens organisering. Kommissoriet beskriver "
                "organets formål, opgaver, sammensætning og mødeform, så parterne har et fælles "
                "grundlag for samarbejdet og kan se, hvordan organet hænger sammen med de øvrige "
                "fora.")),
            ("principper", lambda: self.principles(6)),
            ("beslutninger", lambda: {
                "regel": "konsensus",
                "tekst": "Beslutninger træffes i enighed. Kan enighed ikke opnås, forelægges sagen "
                         "det organ, der har godkendt kommissoriet.",
                "noter": ["Det er af stor betydning, at organet er operationelt og handlekraftigt."],
            }),
            ("offentliggørelse", lambda: self.publication("sundhedsaftalens hjemmeside")),
            ("afsnit", lambda: doc.get("afsnit", []) + [{
                "overskrift": "Kommunikation",
                "efter": "relationer",
                "tekst": "Parterne informerer hver især egne organisationer om drøftelser og "
                         "beslutninger. Væsentlige resultater formidles til de øvrige fora i "
                         "sundhedsaftalens organisering og til borgerne på de relevante "
                         "hjemmesider.",
                "punkter": ["Nyhedsbrev efter hvert møde", "Årlig temadag for alle parter",
                            "Fælles side på sundhedsaftalens hjemmeside"],
            }]),
            ("afsnit", lambda: doc["afsnit"] + [{
                "overskrift": "Inddragelse af patienter og pårørende",
                "tekst": "Patienters og pårørendes erfaringer inddrages systematisk i arbejdet, "
                         "blandt andet gennem Patientinddragelsesudvalget og lokale "
                         "brugerpaneler. Inddragelsen sker tidligt, så erfaringerne kan påvirke "
                         "indsatsernes udformning.",
            }]),
            ("afsnit", lambda: doc["afsnit"] + [{
                "overskrift": "Økonomi",
                "tekst": "Deltagelse i organet finansieres af den enkelte part. Udgifter til fælles "
                         "aktiviteter, temadage og projekter aftales på forhånd og fordeles "
                         "mellem parterne efter den fordelingsnøgle, der gælder for "
                         "sundhedsaftalens fælles aktiviteter.",
            }, {
                "overskrift": "Ikrafttræden",
                "tekst": "Kommissoriet træder i kraft, når det er godkendt, og erstatter "
                         "tidligere kommissorier for organet.",
            }]),
        ]
        frame = self.out.get(doc.get("udbygger", ""), (None,))[0]
        if frame is not None:
            # A derived charter may add, never drop: the frame's tasks and principles come first.
            for key in ("opgaver", "principper"):
                if key in doc and key in frame:
                    doc[key] = {**doc[key], "punkter": list(frame[key]["punkter"]) + [
                        p for p in doc[key]["punkter"] if p not in frame[key]["punkter"]]}
            fillers = [f for f in fillers if f[0] != "principper"]
        for key, make in fillers:
            if len(dump(doc, comments).splitlines()) >= 80:
                break
            if key == "afsnit" or key not in doc:
                doc[key] = make()
        self.out[cid] = (doc, comments)

    def principles(self, n: int) -> dict[str, Any]:
        return {
            "indledning": "Samarbejdet bygger på følgende aftalte principper for sundhedsaftalens "
                          "organisering:",
            "punkter": self.pick(PRINCIPLES, n),
        }

    def tasks(self, name: str, extra: list[str], n: int) -> dict[str, Any]:
        items = extra + self.pick(TASK_BANK, n)
        return {
            "indledning": f"{name} har følgende hovedopgaver:",
            "punkter": items,
            "noter": [
                f"Drøftelserne i {name[0].lower() + name[1:] if name.startswith('Det ') else name} skal have strategisk karakter og i mindre grad dreje sig "
                "om konkret sagsbehandling.",
            ] if self.rng.random() < 0.5 else [],
        }

    def publication(self, where: str) -> dict[str, Any]:
        return {
            "dagsordener-og-referater": where,
            "tekst": f"Dagsordener og referater offentliggøres på {where}, når mødet er afholdt; "
                     "punkter, der indeholder personoplysninger, udelades.",
        }

    def extra_sections(self, name: str) -> list[dict[str, Any]]:
        out = [{
            "overskrift": "Evaluering",
            "efter": "møder",
            "tekst": f"Kommissoriet for {name} evalueres, når det har virket i to år, og "
                     "justeres ved behov. Evalueringen forelægges det organ, der har godkendt "
                     "kommissoriet.",
        }]
        if self.rng.random() < 0.5:
            out.append({
                "overskrift": "Habilitet og tavshedspligt",
                "tekst": "Medlemmerne er omfattet af forvaltningslovens regler om habilitet og "
                         "tavshedspligt. Et medlem, der er inhabil i en sag, deltager ikke i "
                         "behandlingen af sagen.",
            })
        return out

    # -- region ------------------------------------------------------------------------------
    def region(self, r: Region) -> None:
        R, rk, rn = r.short, r.key, r.name
        plo, kkr, psyk = f"plo-{R}", f"kkr-{R}", f"psykiatrien-{R}"
        n_k = len(r.kommuner)
        site = f"sundhedsaftalens hjemmeside for {rn}"
        ssu, ssf, kg, piu = (f"{R}/sundhedssamarbejdsudvalget", f"{R}/strategisk-sundhedsforum",
                             f"{R}/koordineringsgruppen", f"{R}/patientinddragelsesudvalget")

        self.add(ssu, {
            "navn": "Sundhedssamarbejdsudvalget",
            "forkortelse": "SSU",
            "type": "politisk",
            "område": rk,
            "kilde": f"Kommissorium for Sundhedssamarbejdsudvalget i {rn}",
            "godkendt": {"af": ssu, "dato": self.date(), "tekst": "Godkendt i Sundhedssamarbejdsudvalget"},
            "gyldig": Flow({"fra": "2022-07-01", "til": "2026-12-31"}),
            "baggrund": Folded(
                f"Sundhedssamarbejdsudvalget er nedsat efter sundhedslovens § 204 og afløste "
                f"Sundhedskoordinationsudvalget 1. juli 2022. Udvalget er det politiske "
                f"omdrejningspunkt for samarbejdet mellem {rn}, de {n_k} kommuner i regionen og "
                f"almen praksis."),
            "formål": Folded(
                f"Sundhedssamarbejdsudvalget skal sikre sammenhæng og koordinering af indsatsen "
                f"på tværs af sektorerne i {rn}. Udvalget udarbejder udkast til sundhedsaftalen, "
                "følger op på den og sætter den politiske retning for sundhedsklyngernes arbejde. "
                "Udvalget skal fremme et sundhedsvæsen, hvor borgeren oplever sammenhængende "
                "forløb, og hvor forebyggelse, kvalitet og nærhed styrkes."),
            "principper": self.principles(7),
            "opgaver": self.tasks("Sundhedssamarbejdsudvalget", [
                "Udarbejde udkast til sundhedsaftalen og følge op på den",
                "Fastlægge de overordnede rammer for sundhedsklyngernes arbejde",
                "Godkende kommissorier for sundhedsaftalens fora",
            ], 4),
            "sammensætning": {
                "indledning": "Sundhedssamarbejdsudvalget består af:",
                "medlemmer": [
                    {"antal": 4, "rolle": "regionsrådsmedlem", "fra": rk, "udpeget-af": rk,
                     "tekst": "4 medlemmer udpeget af regionsrådet"},
                    {"antal": 4, "rolle": "kommunalbestyrelsesmedlem", "udpeget-af": kkr,
                     "part": "kommuner", "tekst": f"4 medlemmer udpeget af KKR {rn.split()[-1]}"},
                    {"antal": 1, "rolle": "praktiserende læge", "udpeget-af": plo,
                     "part": "almen-praksis"},
                    {"antal": 2, "rolle": "repræsentant for patienter og pårørende",
                     "udpeget-af": piu, "part": "patienter"},
                ],
                "suppleanter": {"tilladt": True, "personlige": True,
                                "tekst": "Der udpeges en personlig suppleant for hvert medlem."},
                "periode": "Følger den kommunale og regionale valgperiode.",
            },
            "formandskab": {
                "formand": {"rolle": "regionsrådsformanden", "fra": rk},
                "næstformand": {"vælges-blandt": "de kommunale medlemmer", "periode-år": 2},
                "tekst": "Regionsrådsformanden er formand; næstformanden vælges blandt de "
                         "kommunale medlemmer for to år ad gangen.",
            },
            "sekretariat": {"varetages-af": kg, "koordinerer-med": kkr,
                            "tekst": "Koordineringsgruppen varetager sekretariatsbetjeningen i "
                                     "samarbejde med KKR's sekretariat."},
            "møder": {
                "pr-år": Flow({"mindst": 4, "højst": 4, "som-udgangspunkt": True}),
                "varighed-timer": Flow({"mindst": 2, "højst": 3}),
                "ekstraordinære": {"tilladt": True, "efter-anmodning-fra": 3},
                "dagsorden-udsendes-dage-før": 8,
                "tekst": "Som udgangspunkt afholdes 4 møder årligt.",
            },
            "beslutninger": {
                "regel": "konsensus",
                "beslutningsdygtig-ved": 6,
                "behandler-ikke": ["personsager", "klagesager over enkelte behandlinger"],
                "tekst": "Udvalget tilstræber konsensus; kan enighed ikke opnås, fremgår "
                         "synspunkterne af referatet.",
            },
            "offentliggørelse": self.publication(site),
            "afsnit": self.extra_sections("Sundhedssamarbejdsudvalget"),
        }, "Sundhedssamarbejdsudvalget")

        self.add(ssf, {
            "navn": "Strategisk Sundhedsforum",
            "type": "administrativ",
            "område": rk,
            "kilde": f"Kommissorium for Strategisk Sundhedsforum, Sundhedsaftalen i {rn}",
            "godkendt": {"af": ssu, "dato": self.date()},
            "formål": Folded(
                "Strategisk Sundhedsforum er det administrative strategiske ledelsesniveau på "
                "sundhedsområdet på tværs af regionen, kommuner og almen praksis. Forummet træffer "
                "tværsektorielle beslutninger, indstiller til Sundhedssamarbejdsudvalget og "
                "koordinerer mellem det fagligt strategiske niveau i sundhedsklyngerne."),
            "principper": self.principles(9),
            "opgaver": self.tasks("Strategisk Sundhedsforum", [
                "Drøfte den administrative strategiske retning for sundhedsvæsenet",
                "Forberede sager til Sundhedssamarbejdsudvalget",
                "Behandle årlig status fra sundhedsklyngernes fagligt strategiske niveau",
                "Prioritere sager, som har betydning for mere end én sundhedsklynge",
            ], 3),
            "sammensætning": {
                "indledning": "Strategisk Sundhedsforum bemandes med følgende repræsentation:",
                "medlemmer": [
                    {"antal": 1, "rolle": "direktør", "for-hver": "kommune",
                     "tekst": f"1 direktør fra hver af de {n_k} kommuner"},
                    {"antal": 3, "rolle": "hospitalsdirektør", "fra": rk,
                     "heraf": [{"mindst": 1, "fra": psyk}], "note": "somatik og psykiatri"},
                    {"antal": 1, "rolle": "præhospital direktør", "fra": rk},
                    {"antal": 2, "rolle": "regional kontorchef", "fra": rk,
                     "tekst": "2 regionale kontorchefer"},
                    {"antal": 2, "rolle": "repræsentant", "fra": plo},
                ],
                "deltagere": [{"rolle": "sekretariatsrepræsentation", "fra": kg}],
                "suppleanter": True,
            },
            "formandskab": {"delt-mellem": ["kommuner", "region"],
                            "tekst": "Delt formandskab mellem kommuner og region"},
            "sekretariat": {"varetages-af": kg},
            "møder": {"pr-år": Flow({"mindst": 4, "højst": 6}),
                      "ekstraordinære": "Forummet kan aftale ekstraordinære møder og temamøder.",
                      "dagsorden-udsendes-dage-før": 7},
            "relationer": {"forbereder-for": ssu, "indstiller-til": ssu},
            "offentliggørelse": self.publication(site),
            "afsnit": self.extra_sections("Strategisk Sundhedsforum"),
        }, "Strategisk Sundhedsforum")

        self.add(kg, {
            "navn": "Koordineringsgruppen",
            "type": "sekretariat",
            "område": rk,
            "godkendt": {"af": ssf, "dato": self.date()},
            "formål": Folded(
                "Koordineringsgruppen er det fælles sekretariat for sundhedsaftalens politiske og "
                "administrative fora. Gruppen sikrer, at sager er forberedt og koordineret mellem "
                "parterne, før de behandles i Strategisk Sundhedsforum og "
                "Sundhedssamarbejdsudvalget."),
            "opgaver": self.tasks("Koordineringsgruppen", [
                "Sekretariatsbetjene Sundhedssamarbejdsudvalget og Strategisk Sundhedsforum",
                "Koordinere dagsordener mellem sundhedsaftalens fora",
            ], 4),
            "sammensætning": {
                "medlemmer": [
                    {"antal": 2, "rolle": "kontorchef", "fra": rk},
                    {"antal": 2, "rolle": "konsulent", "fra": kkr, "part": "kommuner"},
                    {"antal": 1, "rolle": "konsulent", "fra": plo},
                ],
            },
            "formandskab": {"formand": {"rolle": "kontorchef", "fra": rk}},
            "møder": {"pr-år": "ca. 10", "tidspunkt": "normalt en gang om måneden, juli friholdt"},
            "relationer": {"refererer-til": ssf},
            "offentliggørelse": {"kommissorium": site},
            "afsnit": self.extra_sections("Koordineringsgruppen"),
        }, "Koordineringsgruppen")

        self.add(piu, {
            "navn": "Patientinddragelsesudvalget",
            "type": "udvalg",
            "område": rk,
            "godkendt": {"af": ssu, "dato": self.date()},
            "formål": Folded(
                "Patientinddragelsesudvalget sikrer, at patienters og pårørendes perspektiv indgår "
                "i sundhedsaftalens organisering, og udpeger repræsentanter til sundhedsklyngerne "
                "og Sundhedssamarbejdsudvalget."),
            "opgaver": self.tasks("Patientinddragelsesudvalget", [
                "Udpege repræsentanter for patienter og pårørende til sundhedsaftalens fora",
            ], 4),
            "sammensætning": {
                "medlemmer": [
                    {"antal": "7-9", "rolle": "repræsentant for patientforeninger",
                     "part": "patienter"},
                    {"antal": 2, "rolle": "repræsentant", "fra": rk},
                    {"antal": 2, "rolle": "repræsentant", "fra": kkr, "part": "kommuner"},
                ],
            },
            "formandskab": {"formand": {"vælges-blandt": "repræsentanterne for patientforeningerne"}},
            "sekretariat": {"varetages-af": rk},
            "møder": {"pr-år": 4, "varighed-timer": 2},
            "relationer": {"refererer-til": ssu},
            "afsnit": self.extra_sections("Patientinddragelsesudvalget"),
        }, "Patientinddragelsesudvalget")

        # Frames for the klynger and for the kommuners' KLU.
        self.add(f"{R}/ramme-politisk", {
            "navn": "Rammekommissorium for det politiske niveau i sundhedsklyngerne",
            "type": "politisk",
            "ramme": True,
            "område": rk,
            "godkendt": {"af": ssu, "dato": self.date()},
            "baggrund": Folded(
                "Folketinget vedtog 9. juni 2022 ændringen af sundhedsloven om etablering af "
                "sundhedsklynger. Sundhedsklyngerne består af et politisk niveau og et fagligt "
                f"strategisk niveau. Dette kommissorium er en ramme for de "
                f"{len(r.klynger)} sundhedsklynger i {rn}, som den enkelte klynge kan udbygge "
                "efter behov."),
            "formål": Folded(
                "Det politiske niveau sætter retningen for sundhedsklyngens arbejde med den fælles "
                "population i akutsygehusets optageområde."),
            "opgaver": self.tasks("Det politiske niveau", [
                "Fastlægge sundhedsklyngens mål og indsatsområder",
                "Godkende sundhedsklyngens årlige status",
            ], 2),
            "sammensætning": {
                "medlemmer": [
                    {"antal": 1, "rolle": "borgmester", "for-hver": "kommune",
                     "tekst": "Borgmesteren fra hver kommune i sundhedsklyngen"},
                    {"antal": 3, "rolle": "regionsrådsmedlem", "fra": rk},
                    {"antal": 1, "rolle": "praktiserende læge", "udpeget-af": plo},
                ],
                "suppleanter": {"tilladt": True, "personlige": True},
            },
            "formandskab": {"delt-mellem": ["kommuner", "region"],
                            "aftales": "på det konstituerende møde"},
            "møder": {"pr-år": Flow({"mindst": 3, "højst": 4})},
            "beslutninger": {"regel": "konsensus"},
            "relationer": {"årlig-status-til": ssu},
            "afsnit": self.extra_sections("Det politiske niveau"),
        }, "Rammekommissorium, politisk niveau")

        self.add(f"{R}/ramme-fagligt-strategisk", {
            "navn": "Generisk kommissorium for det fagligt strategiske niveau i sundhedsklyngerne",
            "type": "fagligt-strategisk",
            "ramme": True,
            "område": rk,
            "godkendt": {"af": ssf, "dato": self.date()},
            "baggrund": Folded(
                "Sundhedsklyngerne er et samarbejde mellem region, kommuner og almen praksis om "
                "indsatsen på tværs af sundhedsområdet. Sundhedsklyngen skal løfte "
                "populationsansvaret med udgangspunkt i akutsygehusets optageområde. Kommissoriet "
                f"gælder for alle sundhedsklynger i {rn} og udgør en ramme, som den enkelte "
                "sundhedsklynge kan udbygge efter behov."),
            "formål": Folded(
                "Det fagligt strategiske niveau forbereder møderne i det politiske niveau og "
                "omsætter politiske målsætninger og beslutninger til strategiske satsninger og "
                "lokale indsatser."),
            "principper": self.principles(9),
            "opgaver": self.tasks("Det fagligt strategiske niveau", [], 5),
            "sammensætning": {
                "indledning": "Det fagligt strategiske niveau i sundhedsklyngerne består af:",
                "medlemmer": [
                    {"antal": 3, "rolle": "repræsentant", "fra": rk,
                     "heraf": [{"mindst": 1, "fra": psyk}],
                     "tekst": "3 repræsentanter fra regionen, heraf mindst 1 fra psykiatrien"},
                    {"antal": 1, "rolle": "direktør", "for-hver": "kommune",
                     "tekst": "1 direktør fra hver af de deltagende kommuner"},
                    {"antal": 2, "rolle": "praktiserende læge", "udpeget-af": plo,
                     "krav": "mindst 1 udpeget inden for sundhedsklyngens område"},
                    {"antal": 2, "rolle": "repræsentant for patienter og pårørende",
                     "udpeget-af": piu, "part": "patienter"},
                ],
                "deltagere": [{"rolle": "deltager fra relevante fagområder", "efter-behov": True}],
                "suppleanter": {"tilladt": True,
                                "tekst": "Suppleanter deltager ved afbud fra et ordinært medlem."},
            },
            "formandskab": {"delt-mellem": ["kommuner", "region"],
                            "aftales": "på udvalgets første møde"},
            "møder": {"pr-år": Flow({"mindst": 4}), "fysiske-pr-år": Flow({"mindst": 1})},
            "beslutninger": {"regel": "konsensus"},
            "afsnit": self.extra_sections("Det fagligt strategiske niveau"),
        }, "Generisk kommissorium, fagligt strategisk niveau")

        self.add(f"{R}/ramme-klu", {
            "navn": "Rammekommissorium for kommunalt lægeligt udvalg",
            "type": "udvalg",
            "ramme": True,
            "område": rk,
            "godkendt": {"af": ssu, "dato": self.date()},
            "baggrund": Folded(
                "Overenskomsten om almen praksis forudsætter et kommunalt lægeligt udvalg (KLU) i "
                "hver kommune. Denne ramme gælder for alle kommuner i regionen."),
            "formål": Folded(
                "Det kommunale lægelige udvalg er forum for dialog og samarbejde mellem kommunen "
                "og de praktiserende læger i kommunen."),
            "opgaver": self.tasks("Det kommunale lægelige udvalg", [
                "Drøfte samarbejdet mellem kommunen og almen praksis",
                "Følge praksisplanens lokale del",
            ], 3),
            "sammensætning": {
                "medlemmer": [
                    {"antal": 2, "rolle": "kommunal repræsentant", "for-hver": "kommune"},
                    {"antal": 2, "rolle": "praktiserende læge", "udpeget-af": plo},
                    {"antal": 1, "rolle": "praksiskoordinator", "fra": rk},
                ],
            },
            "formandskab": {"delt-mellem": ["kommuner", "almen-praksis"]},
            "møder": {"pr-år": Flow({"mindst": 4})},
            "afsnit": self.extra_sections("Det kommunale lægelige udvalg"),
        }, "Rammekommissorium, KLU")

        for topic, (title, who) in TOPICS.items():
            name = f"Regionalt forum for {title.lower()}"
            self.add(f"{R}/fora/{topic}", {
                "navn": name,
                "type": "forum",
                "område": rk,
                "godkendt": {"af": ssf, "dato": self.date()},
                "formål": Folded(
                    f"Forummet skal styrke samarbejdet om {who} på tværs af sundhedsklyngerne i "
                    f"{rn}. Forummet samler erfaringer fra klyngerne, udbreder gode løsninger og "
                    "rådgiver Strategisk Sundhedsforum."),
                "principper": self.principles(4),
                "opgaver": self.tasks(name, [], 6),
                "sammensætning": {
                    "medlemmer": [
                        {"antal": 1, "rolle": "repræsentant", "for-hver": "klynge",
                         "tekst": f"1 repræsentant fra hver af de {len(r.klynger)} sundhedsklynger"},
                        {"antal": 2, "rolle": "faglig repræsentant", "fra": rk},
                        {"antal": 1, "rolle": "praktiserende læge", "udpeget-af": plo},
                        {"antal": 1, "rolle": "repræsentant for patienter og pårørende",
                         "udpeget-af": piu, "part": "patienter"},
                    ],
                    "minimum": True,
                },
                "formandskab": {"formand": {"vælges-blandt": "medlemmerne", "periode-år": 2}},
                "sekretariat": {"varetages-af": kg},
                "møder": {"pr-år": Flow({"mindst": 2, "højst": 4}), "virtuelle": True},
                "relationer": {"refererer-til": ssf, "årlig-status-til": ssf},
                "offentliggørelse": self.publication(site),
                "afsnit": self.extra_sections(name),
            }, name)

    # -- klynge ------------------------------------------------------------------------------
    def klynge(self, r: Region, kl: Klynge) -> None:
        R = r.short
        base = f"{R}/{kl.short}"
        ssu, ssf = f"{R}/sundhedssamarbejdsudvalget", f"{R}/strategisk-sundhedsforum"
        plo, psyk = f"plo-{R}", f"psykiatrien-{R}"
        names = [self.w.kommune_names[k] for k in kl.kommuner]
        others = [f"{R}/{o.short}/fagligt-strategisk" for o in r.klynger if o is not kl]
        hosp = self.w.hospital_names.get(kl.hospital, kl.hospital)

        pol = {
            "navn": f"Det politiske niveau i {kl.name}",
            "type": "politisk",
            "område": kl.key,
            "udbygger": f"{R}/ramme-politisk",
            "godkendt": {"af": ssu, "dato": self.date()},
            "formål": Folded(
                f"Det politiske niveau i {kl.name} tager ansvar for den fælles population i "
                f"optageområdet for {hosp} og sætter retningen for klyngens arbejde med "
                "sammenhæng, forebyggelse og omstilling til det nære sundhedsvæsen. Klyngen "
                f"omfatter {', '.join(names[:-1]) + ' og ' + names[-1] if len(names) > 1 else names[0]}"
                f" {'kommuner' if len(names) > 1 else 'Kommune'}."),
            "principper": self.principles(5),
            "opgaver": self.tasks(f"Det politiske niveau i {kl.name}", [
                "Godkende klyngens årlige status til Sundhedssamarbejdsudvalget",
            ], 4),
            "møder": {"pr-år": Flow({"mindst": 3, "højst": 4}),
                      "varighed-timer": Flow({"mindst": 2, "højst": 3}),
                      "tekst": "Det politiske niveau mødes 3-4 gange årligt."},
            "relationer": {"årlig-status-til": ssu, "opgaver-fra": ssu},
            "offentliggørelse": self.publication(f"{kl.name}s hjemmeside"),
            "afsnit": self.extra_sections(f"Det politiske niveau i {kl.name}"),
        }
        if self.rng.random() < 0.5:
            pol["sekretariat"] = {"varetages-af": [kl.kommuner[0], r.key],
                                  "tekst": "Sekretariatet varetages i fællesskab."}
        self.add(f"{base}/politisk", pol, f"{kl.name}, politisk niveau")

        fs: dict[str, Any] = {
            "navn": f"Det fagligt strategiske niveau i {kl.name}",
            "type": "fagligt-strategisk",
            "område": kl.key,
            "udbygger": f"{R}/ramme-fagligt-strategisk",
            "godkendt": {"af": f"{base}/politisk", "dato": self.date()},
            "formål": Folded(
                f"Det fagligt strategiske niveau udgør en del af {kl.name}, hvis overordnede "
                "formål er at tage ansvar for den fælles population i optageområdet, styrke "
                "sammenhæng og bedre forløb for borgere, der har forløb på tværs af sektorer, og "
                "være en drivende kraft for styrket forebyggelse, kvalitet og omstilling til det "
                "nære sundhedsvæsen."),
            "opgaver": self.tasks(f"Det fagligt strategiske niveau i {kl.name}", [
                "Forberede og kvalificere dagsordenen til det politiske niveau",
                "Omsætte politiske målsætninger til strategiske satsninger og lokale indsatser",
            ], 5),
            "relationer": {
                "refererer-til": f"{base}/politisk",
                "forbereder-for": f"{base}/politisk",
                "årlig-status-til": ssf,
                "koordinerer-med": others,
                "undergrupper": [f"{base}/arbejdsgrupper/{g}" for g in KLYNGE_GROUPS],
                "kan-nedsætte": ["ad hoc-arbejdsgrupper om konkrete indsatser"],
            },
            "sekretariat": {"varetages-af": [kl.kommuner[0], r.key],
                            "koordinerer-med": f"{R}/koordineringsgruppen"},
            "offentliggørelse": self.publication(f"{kl.name}s hjemmeside"),
            "afsnit": self.extra_sections(f"Det fagligt strategiske niveau i {kl.name}"),
        }
        if self.rng.random() < 0.5:
            # Udbygger rammen: frame seats kept, one seat added, more meetings.
            fs["sammensætning"] = {
                "indledning": f"Det fagligt strategiske niveau i {kl.name} består af:",
                "medlemmer": [
                    {"antal": 3, "rolle": "repræsentant", "fra": r.key,
                     "heraf": [{"mindst": 1, "fra": psyk}]},
                    {"antal": 1, "rolle": "direktør", "for-hver": "kommune"},
                    {"antal": 2, "rolle": "praktiserende læge", "udpeget-af": plo},
                    {"antal": 2, "rolle": "repræsentant for patienter og pårørende",
                     "udpeget-af": f"{R}/patientinddragelsesudvalget", "part": "patienter"},
                    {"antal": 1, "rolle": "hospitalsdirektør", "fra": kl.hospital},
                ],
                "suppleanter": True,
            }
            fs["møder"] = {"pr-år": Flow({"mindst": 6}), "fysiske-pr-år": Flow({"mindst": 2}),
                           "dagsorden-udsendes-dage-før": 7}
        self.add(f"{base}/fagligt-strategisk", fs, f"{kl.name}, fagligt strategisk niveau")

        for g, title in KLYNGE_GROUPS.items():
            name = f"Arbejdsgruppen for {title.lower()} i {kl.name}"
            topic = {"sammenhaengende-forloeb": "akut", "forebyggelse": "forebyggelse",
                     "psykiatri-og-misbrug": "psykiatri", "aeldre-medicinske-patienter": "aeldre"}[g]
            self.add(f"{base}/arbejdsgrupper/{g}", {
                "navn": name,
                "type": "arbejdsgruppe",
                "område": kl.key,
                "godkendt": {"af": f"{base}/fagligt-strategisk", "dato": self.date()},
                "formål": Folded(
                    f"Arbejdsgruppen udvikler og implementerer indsatser for {title.lower()} i "
                    f"{kl.name} på baggrund af de opgaver, det fagligt strategiske niveau giver "
                    "den, og deler erfaringerne med det regionale forum."),
                "opgaver": self.tasks("Arbejdsgruppen", [], 6),
                "sammensætning": {
                    "medlemmer": [
                        {"antal": 1, "rolle": "faglig repræsentant", "for-hver": "kommune"},
                        {"antal": 2, "rolle": "faglig repræsentant", "fra": kl.hospital},
                        {"antal": 1, "rolle": "praktiserende læge", "udpeget-af": plo},
                    ],
                    "deltagere": [{"rolle": "ekstern ekspert", "ad-hoc": True}],
                },
                "formandskab": {"delt-mellem": ["kommuner", "region"]},
                "møder": {"pr-år": Flow({"mindst": 4, "højst": 8})},
                "relationer": {"refererer-til": f"{base}/fagligt-strategisk",
                               "opgaver-fra": f"{base}/fagligt-strategisk",
                               "del-af": f"{base}/fagligt-strategisk",
                               "årlig-status-til": f"{R}/fora/{topic}"},
                "afsnit": self.extra_sections(name),
            }, name)

    # -- kommune -----------------------------------------------------------------------------
    def kommune_body(self, r: Region, k: str, kind: int) -> None:
        R = r.short
        kname = self.w.kommune_names[k]
        kl = self.w.klynge_of[k]
        spec = KOMMUNE_BODIES[kind]
        slug, name_t, btype, topic = spec
        name = name_t.format(k=kname)
        base = f"{R}/kommuner/{k}"
        cid = f"{base}/{slug}"
        fs = f"{R}/{kl.short}/fagligt-strategisk"
        plo = f"plo-{R}"
        doc: dict[str, Any] = {
            "navn": name,
            "type": btype,
            "område": k,
            "godkendt": {"af": f"{base}/sundhedsudvalg" if slug != "sundhedsudvalg" else k,
                         "dato": self.date()},
            "version": f"{self.rng.randint(1, 4)}.{self.rng.randint(0, 9)}",
        }
        if slug == "klu":
            doc["udbygger"] = f"{R}/ramme-klu"
            doc["godkendt"]["af"] = f"{R}/sundhedssamarbejdsudvalget"
        doc["baggrund"] = Folded(
            f"{kname} Kommune er en del af {kl.name} sammen med "
            f"{self.others_text(kl, k)}. {name} er nedsat for at styrke indsatsen for {topic} i "
            "kommunen og for at sikre sammenhæng med sundhedsklyngens arbejde.")
        doc["formål"] = Folded(
            f"{name} skal sikre, at kommunens indsats for {topic} er sammenhængende, "
            "vidensbaseret og tilrettelagt med borgeren i centrum. Gruppen skal understøtte "
            f"implementeringen af sundhedsaftalen i {kname} Kommune og bidrage til "
            f"{kl.name}s fælles mål for forebyggelse, kvalitet og nærhed.")
        doc["principper"] = self.principles(self.rng.randint(3, 6))
        doc["opgaver"] = self.tasks(name, [], self.rng.randint(5, 8))
        if slug != "klu":
            members = [
                {"antal": self.rng.randint(2, 4), "rolle": self.rng.choice(ROLES_KOMMUNE)[0],
                 "fra": k},
                {"antal": 1, "rolle": "repræsentant", "fra": kl.hospital},
                {"antal": 1, "rolle": "praktiserende læge", "udpeget-af": plo,
                 "krav": "praktiserer i kommunen"},
            ]
            if self.rng.random() < 0.5:
                members.append({"antal": "1-2", "rolle": "repræsentant for borgerne",
                                "part": "patienter", "udpeget-af": k})
            doc["sammensætning"] = {
                "indledning": f"{name} består af:",
                "medlemmer": members,
                "deltagere": [{"rolle": "relevante fagpersoner", "efter-behov": True}],
                "suppleanter": self.rng.random() < 0.5,
                "noter": ["Det er vigtigt, at repræsentanterne har mandat til at træffe "
                          "beslutninger."],
            }
            doc["formandskab"] = {
                "formand": {"rolle": "sundhedschef", "fra": k},
                "næstformand": {"vælges-blandt": "medlemmerne"},
            }
        doc["sekretariat"] = {
            "varetages-af": k,
            "opgaver": ["udsende dagsorden og referat", "følge op på aftalte handlinger"],
        }
        if slug == "sundhedsudvalg":
            doc["møder"] = {"pr-år": 11, "tidspunkt": "normalt en gang om måneden, juli friholdt",
                            "dagsorden-udsendes-dage-før": 5}
            doc["relationer"] = {"koordinerer-med": [],
                                 "årlig-status-til": [f"{R}/{kl.short}/politisk"]}
            doc["relationer"].pop("koordinerer-med")
        elif slug == "klu":
            doc["relationer"] = {"årlig-status-til": [fs], "opgaver-fra": f"{base}/sundhedsudvalg"}
        else:
            doc["møder"] = {
                "pr-år": self.rng.choice([Flow({"mindst": 4}), "4-6", "ca. 6",
                                          Flow({"mindst": 2, "højst": 4}), "efter behov"]),
                "varighed-timer": Flow({"mindst": 1, "højst": 2}),
                "dagsorden-udsendes-dage-før": self.rng.choice([5, 7, 10]),
            }
            doc["relationer"] = {
                "refererer-til": f"{base}/sundhedsudvalg",
                "årlig-status-til": fs,
                "tekst": f"{name} refererer til {kname} Kommunes sundhedsudvalg og giver årlig "
                         f"status til det fagligt strategiske niveau i {kl.name}.",
            }
        doc["beslutninger"] = {
            "regel": self.rng.choice(["konsensus", "flertal", "ingen-beslutningskompetence"]),
        }
        doc["offentliggørelse"] = {"dagsordener-og-referater": f"{kname} Kommunes hjemmeside"}
        doc["afsnit"] = self.extra_sections(name)
        self.add(cid, doc, name)

    def others_text(self, kl: Klynge, k: str) -> str:
        others = [self.w.kommune_names[o] for o in kl.kommuner if o != k]
        if not others:
            return "Region " + kl.region.removeprefix("region-").capitalize().replace("ae", "æ")
        text = others[0] if len(others) == 1 else ", ".join(others[:-1]) + " og " + others[-1]
        return f"{text} {'Kommune' if len(others) == 1 else 'kommuner'}"


#: slug, name template, type, topic text. The first is referred to by the others.
KOMMUNE_BODIES: list[tuple[str, str, str, str]] = [
    ("sundhedsudvalg", "Sundheds- og Omsorgsudvalget i {k} Kommune", "politisk", "sundhed og omsorg"),
    ("klu", "Kommunalt Lægeligt Udvalg i {k} Kommune", "udvalg", "samarbejdet med almen praksis"),
    ("sundhedsfaglig-styregruppe", "Den sundhedsfaglige styregruppe i {k} Kommune", "administrativ", "tværsektorielle forløb"),
    ("aeldreraad", "Ældrerådet i {k} Kommune", "forum", "ældre borgere"),
    ("handicapraad", "Handicaprådet i {k} Kommune", "forum", "borgere med handicap"),
    ("udsatteraad", "Udsatterådet i {k} Kommune", "forum", "socialt udsatte borgere"),
    ("forebyggelsesforum", "Forebyggelsesforum i {k} Kommune", "forum", "forebyggelse og sundhedsfremme"),
    ("rehabiliteringsforum", "Rehabiliteringsforum i {k} Kommune", "forum", "rehabilitering og genoptræning"),
    ("demensnetvaerk", "Demensnetværket i {k} Kommune", "netværk", "borgere med demens og deres pårørende"),
    ("psykiatriforum", "Samarbejdsforum for psykiatri i {k} Kommune", "forum", "borgere med psykiske lidelser"),
    ("boern-og-unge", "Sundhedsforum for børn og unge i {k} Kommune", "forum", "børn og unges sundhed"),
    ("akutteam", "Styregruppen for akutteamet i {k} Kommune", "arbejdsgruppe", "akut syge borgere i eget hjem"),
    ("genoptraening", "Genoptræningsnetværket i {k} Kommune", "netværk", "genoptræning efter udskrivelse"),
    ("sundhedsplejen", "Netværk for sundhedsplejen i {k} Kommune", "netværk", "gravide og småbørnsfamilier"),
    ("digital-sundhed", "Arbejdsgruppen for digital sundhed i {k} Kommune", "arbejdsgruppe", "digitale sundhedsløsninger"),
    ("medicinhaandtering", "Arbejdsgruppen for medicinhåndtering i {k} Kommune", "arbejdsgruppe", "sikker medicinhåndtering"),
    ("hygiejne", "Hygiejneorganisationen i {k} Kommune", "arbejdsgruppe", "hygiejne og infektionsforebyggelse"),
    ("patientsikkerhed", "Kvalitetsrådet i {k} Kommune", "udvalg", "kvalitet og patientsikkerhed"),
    ("paaroerende", "Pårørendeforum i {k} Kommune", "forum", "pårørende til syge borgere"),
    ("rusmidler", "Forum for rusmiddelindsatsen i {k} Kommune", "forum", "borgere med et rusmiddelproblem"),
    ("sundhedsstrategi", "Arbejdsgruppen for sundhedsstrategien i {k} Kommune", "arbejdsgruppe", "kommunens sundhedsstrategi"),
    ("tvaerfagligt-team", "Det tværfaglige rehabiliteringsteam i {k} Kommune", "arbejdsgruppe", "borgere i komplekse forløb"),
]


def sizes(regions: list[str] | None = None) -> tuple[int, int]:
    """(skeleton, maximum): the fewest and the most charters ``build`` makes for these regions."""
    world = read_registry()
    chosen = [r for r in world.regions if regions is None or r.short in regions]
    gen = Gen(world, 0)
    for r in chosen:
        gen.region(r)
        for kl in r.klynger:
            gen.klynge(r, kl)
    n_kommuner = sum(len(r.kommuner) for r in chosen)
    return len(gen.out), len(gen.out) + n_kommuner * len(KOMMUNE_BODIES)


def build(count: int = 2000, seed: int = 2024, regions: list[str] | None = None) -> dict[str, str]:
    """Charter id → YAML text, exactly ``count`` charters (at least the regional skeleton)."""
    world = read_registry()
    chosen = [r for r in world.regions if regions is None or r.short in regions]
    if not chosen:
        raise ValueError(f"ingen af regionerne {regions} findes")
    gen = Gen(world, seed)
    for r in chosen:
        gen.region(r)
        for kl in r.klynger:
            gen.klynge(r, kl)
    skeleton = len(gen.out)
    if count < skeleton:
        raise ValueError(
            f"{count} kommissorier er for få: regionernes og klyngernes skelet alene er "
            f"{skeleton}; vælg færre regioner eller et større antal"
        )
    kommuner = [(r, k) for r in chosen for k in r.kommuner]
    need = count - skeleton
    if need > len(kommuner) * len(KOMMUNE_BODIES):
        raise ValueError(f"højst {skeleton + len(kommuner) * len(KOMMUNE_BODIES)} kommissorier")
    for i in range(need):
        kind, idx = divmod(i, len(kommuner))
        r, k = kommuner[idx]
        gen.kommune_body(r, k, kind)
    return {cid: dump(doc, comments) for cid, (doc, comments) in gen.out.items()}


def write(out: Path, count: int = 2000, seed: int = 2024,
          regions: list[str] | None = None) -> Path:
    """Write ``out/charters/`` (replacing an earlier generated one) and return it."""
    texts = build(count, seed, regions)
    root = out / "charters"
    if root.exists():
        shutil.rmtree(root)
    for cid, text in texts.items():
        path = root / f"{cid}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "_register").mkdir(exist_ok=True)
    return root


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--out", type=Path, required=True, help="folder; charters/ is written inside")
    ap.add_argument("--region", action="append", help="only this region (short name), repeatable")
    args = ap.parse_args(argv)
    root = write(args.out, args.count, args.seed, args.region)
    files = sorted(root.rglob("*.yaml"))
    lines = [len(p.read_text(encoding="utf-8").splitlines()) for p in files]
    print(f"{len(files)} kommissorier i {root} "
          f"({min(lines)}–{max(lines)} linjer, median {sorted(lines)[len(lines) // 2]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
