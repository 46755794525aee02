"""Recognising the facts of a charter in its sentences.

Each function reads one sentence (or list item) and returns the data it states, in the
charter format's Danish keys, or None. Numbers and frequencies go through the model's own
parsers (``Count``, ``Frequency``, ``Duration``, ``PartialDate``) and the ``danish`` module,
so the import reads "3-4 gange årligt" exactly as a charter file's ``pr-år: 3-4 gange årligt``
is read. Nothing here decides where text goes; ``build.py`` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kommissorium.danish import WORD_NUMBERS
from kommissorium.danish.reading import read_days, read_number, read_years_adjective
from kommissorium.danish.reading import singular_of as singular_role
from kommissorium.importer.names import Known, NameIndex

_NUMWORD = "|".join(sorted((w for w in WORD_NUMBERS if w not in ("nul",)), key=len, reverse=True))
_N = rf"(?:\d+|(?<![\wæøåé])(?:{_NUMWORD})(?![\wæøåé]))"


@dataclass
class Ctx:
    index: NameIndex
    area: str
    region: str | None
    words: frozenset[str] = frozenset()
    unsure: list[str] = field(default_factory=list)  # messages for the report

    def ref(self, text: str, kinds: tuple[str, ...] = ()) -> Known | None:
        """The longest known name in the text (the first of equally long ones)."""
        hits = [(b - a, -a, k) for a, b, k in self.index.find(text, self.region)
                if not kinds or k.kind in kinds]
        return max(hits, key=lambda h: (h[0], h[1]))[2] if hits else None


# -- parties -------------------------------------------------------------------------------------

_PARTY_WORDS = [
    (r"kommune(?:r|rne|n)?|kommunal\w*", "kommuner"),
    (r"region(?:en)?|regional\w*|hospital\w*|sygehus\w*|psykiatri\w*", "region"),
    (r"almen praksis|praksis|PLO\S*|praktiserende læger?", "almen-praksis"),
    (r"patient\w*|pårørende", "patienter"),
    (r"stat(?:en)?", "stat"),
]


def parties_in(text: str) -> list[str]:
    """Parties named in 'delt mellem kommuner og Region' (in order, no repeats)."""
    found: list[tuple[int, str]] = []
    for pattern, party in _PARTY_WORDS:
        for m in re.finditer(rf"\b(?:{pattern})\b", text, re.IGNORECASE):
            found.append((m.start(), party))
    out: list[str] = []
    for _, p in sorted(found):
        if p not in out:
            out.append(p)
    return out


def party_of_role(role: str, source: Known | None) -> str | None:
    if source is not None and source.party:
        return source.party
    low = role.lower()
    if re.search(r"kommun|borgmest|byråd", low):
        return "kommuner"
    if re.search(r"hospital|regional|region|sygehus|psykiatri|præhospital|afdelingsdirektør", low):
        return "region"
    if re.search(r"praktiserende|almen praksis|plo\b", low):
        return "almen-praksis"
    if re.search(r"patient|pårørende|borgerrepræsentant", low):
        return "patienter"
    return None


# -- seats ---------------------------------------------------------------------------------------

_COUNT = re.compile(
    rf"^(?P<count>et antal|(?:op til|højst|maks\.?|mindst|minimum|min\.)\s+{_N}|\d+\s*[-–]\s*\d+|{_N})\s+"
    r"(?P<rest>[a-zæøåA-ZÆØÅ].*)$", re.IGNORECASE)
#: Where a role ends and its qualifiers begin.
_ROLE_END = re.compile(
    r"\s+(?=fra\b|udpeget af\b|udpeges af\b|indstillet af\b|valgt af\b|for hver\b|i hver\b|"
    r"herunder\b|heraf\b|hvor\b|som repræsentant|inden for\b|der\b|med ansvar\b|"
    r"henholdsvis\b|sidder\b|deltager\b|er\b|har\b|valgt\b|vælges\b)|\s*(?=[,(;:])")
_SPLIT_SEATS = re.compile(
    rf"(?:,\s*|\s+og\s+|\s+samt\s+)(?=(?:op til\s+|mindst\s+|de\s+|alle\s+)?(?:\d+|en|én|et|to|tre|fire|fem|seks|syv|otte|ni|ti)\s+"
    r"(?!af\b|gang|møde|år\b|uge)[a-zæøå])", re.IGNORECASE)


def _split_outside_parens(text: str) -> list[str]:
    parts, depth, last = [], 0, 0
    spans = [(m.start(), m.end()) for m in _SPLIT_SEATS.finditer(text)]
    cuts = []
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        for a, b in spans:
            if a == i and depth == 0:
                cuts.append((a, b))
    for a, b in cuts:
        parts.append(text[last:a])
        last = b
    parts.append(text[last:])
    return [p.strip() for p in parts if p.strip()]


def _count(text: str) -> dict[str, int] | None:
    from kommissorium.model.types import Count

    t = text.lower().strip()
    if t == "et antal":  # "et antal kommunalbestyrelsesmedlemmer": at least one, number not given
        return {"mindst": 1}
    for w, n in WORD_NUMBERS.items():
        t = re.sub(rf"(?<![\wæøå]){w}(?![\wæøå])", str(n), t)
    t = t.replace("minimum", "mindst").replace("min.", "mindst")
    try:
        c = Count.model_validate(t)
    except Exception:  # noqa: BLE001 - not a count
        return None
    out: dict[str, int] = {}
    if c.minimum is not None:
        out["mindst"] = c.minimum
    if c.maximum is not None:
        out["højst"] = c.maximum
    return out


def _count_value(c: dict[str, int]) -> Any:
    if c.get("mindst") is not None and c.get("mindst") == c.get("højst"):
        return c["mindst"]
    return dict(c)


_FOR_EACH = re.compile(
    rf"(?:fra|i|for)\s+hver(?:t)?\s+(?:af\s+)?(?:de\s+)?(?:(?P<n>{_N})\s+)?(?:deltagende\s+|nordjyske\s+|syddanske\s+)?"
    r"(?P<unit>kommune|kommuner|sundhedsklynge|sundhedsklynger|klynge|klynger|region|regioner)\b"
    r"(?P<tail>(?:\s+i\s+(?:klyngen|regionen|sundhedsklyngen|området))?)", re.IGNORECASE)
_UNIT = {"kommune": "kommune", "kommuner": "kommune", "sundhedsklynge": "klynge",
         "sundhedsklynger": "klynge", "klynge": "klynge", "klynger": "klynge",
         "region": "region", "regioner": "region"}


def parse_seats(text: str, ctx: Ctx) -> list[dict[str, Any]] | None:
    """Seat groups in one line: '3 hospitalsdirektører (somatik og psykiatri), 1 præhospital
    direktør og 1 afdelingsdirektør' → three groups. None when the line is not seats."""
    body = text.strip().rstrip(".").strip()
    seats: list[dict[str, Any]] = []
    # "Hvert KKR udpeger en deltager fra hver sundhedsklynge i regionen."
    m = re.match(rf"^hver[t]?\s+(?P<who>.+?)\s+udpeger\s+(?P<rest>{_N}\s+.+)$", body, re.IGNORECASE)
    appointed = None
    if m:
        appointed = ctx.ref(m["who"]) or ctx.index.lookup(m["who"], ctx.region)
        body = m["rest"]
    # "Består af 4 sundhedsdirektører …", "SKU har 5 kommunale …", "… består af:"
    body = re.sub(r"^(?:består af|bestående af|har)\s+", "", body, flags=re.IGNORECASE)
    pieces = _split_outside_parens(body)
    for piece in pieces:
        seat = _one_seat(piece, ctx)
        if seat is None:
            if seats or len(pieces) > 1:
                ctx.unsure.append(f"»{piece}« er ikke læst som pladser; teksten står i 'tekst'")
            continue
        if appointed is not None and "udpeget-af" not in seat:
            seat["udpeget-af"] = appointed.ref
            if appointed.party and "part" not in seat:
                seat["part"] = appointed.party
        seats.append(seat)
    return seats or None


def _one_seat(piece: str, ctx: Ctx) -> dict[str, Any] | None:
    piece = piece.strip()
    definite = bool(re.match(r"^de\s+", piece, re.IGNORECASE))
    piece = re.sub(r"^de\s+", "", piece, flags=re.IGNORECASE)
    # "alle borgmestrene i regionen": one per kommune, by office
    if m := re.match(r"^alle\s+(?P<role>[a-zæøå]+?)(?:ne)?\s+(?:i regionen|i kommunerne|fra alle kommuner|i de \w+ kommuner)\b",
                     piece, re.IGNORECASE):
        role = singular_role(m["role"], ctx.words)
        return {"antal": 1, "rolle": role, "for-hver": "kommune", "embede": True,
                "part": party_of_role(role, None) or "kommuner"}
    m = _COUNT.match(piece)
    if not m:
        return None
    count = _count(m["count"])
    if count is None:
        return None
    rest = m["rest"].strip()
    # Verbs after the seat ("… sidder med i udvalget") end it.
    rest = re.split(r"\s+(?:sidder|deltager|er med|indgår|mødes)\b", rest)[0]
    end = _ROLE_END.search(rest)
    role_text = rest[: end.start()] if end else rest
    tail = rest[end.start():].strip() if end else ""
    role_text = role_text.strip()
    if not role_text or len(role_text.split()) > 6 or not re.match(r"^[a-zæøåA-ZÆØÅ]", role_text):
        return None
    n = count.get("højst") if count.get("højst") is not None else count.get("mindst")
    role = role_text if n == 1 and count.get("højst") == 1 else singular_role(role_text, ctx.words)
    if re.match(r"^(?:af|gange?|møder?|år|timer?|antal)\b", role, re.IGNORECASE):
        return None
    seat: dict[str, Any] = {"antal": _count_value(count), "rolle": role}
    note = None
    if pm := re.match(r"^\(([^)]*)\)\s*", tail):
        note = pm[1].strip()
        tail = tail[pm.end():]
        # "En repræsentant (relevant direktør)": the parenthesis names the role
        if role in ("repræsentant", "medlem", "deltager") and re.fullmatch(r"[a-zæøå]+(?: [a-zæøå]+)?", note):
            role, note = note, None
            seat["rolle"] = role
    source: Known | None = None
    fe = _FOR_EACH.search(tail)
    if fe:
        seat["for-hver"] = _UNIT[fe["unit"].lower()]
        if fe["n"]:
            _check_units(int(read_number(fe["n"]) or 0), seat["for-hver"], ctx, piece)
        tail = (tail[: fe.start()] + tail[fe.end():]).strip()
    if um := re.search(r"\b(?:udpeget|udpeges|valgt|indstillet)\s+af\s+(.+?)(?=,|\s+som\b|\s+hvor\b|$)", tail):
        who = ctx.ref(um[1])
        if who is not None:
            key = "indstillet-af" if um[0].startswith("indstillet") else "udpeget-af"
            seat[key] = who.ref
            source = who
        tail = (tail[: um.start()] + tail[um.end():]).strip()
    if hm := re.search(r"\bhenholdsvis\s+(.+)$", tail):
        things = [t.strip() for t in re.split(r",\s*|\s+samt\s+|\s+og\s+", hm[1]) if t.strip()]
        if count.get("mindst") == count.get("højst") == len(things):
            quotas = []
            for thing in things:
                q: dict[str, Any] = {"antal": 1, "rolle": f"{singular_role(role, ctx.words) if n != 1 else role} for {thing}"}
                k = ctx.ref(thing)
                if k is not None and k.kind != "kommune":
                    q["fra"] = k.ref
                quotas.append(q)
            seat["heraf"] = quotas
        tail = tail[: hm.start()].strip()
    if fm := re.search(r"\bfra\s+(.+?)(?=,|\s+samt\b|\s+og\b|\s+som\b|\s+hvor\b|\s+herunder\b|\s+heraf\b|\s+henholdsvis\b|$)", tail):
        what = fm[1].strip()
        if re.fullmatch(r"regionen|region\w*", what, re.IGNORECASE) and ctx.region:
            seat["fra"] = ctx.region
        else:
            who = ctx.ref(what)
            if who is not None and who.kind == "organ" and (definite or who.ref.startswith("@")):
                seat["medlemmer-af"] = who.ref  # "de fire sundhedsdirektører fra FU"
            elif who is not None and who.kind != "kommune":
                seat["fra"] = who.ref
                source = who
    quota = _sub_quotas(tail, ctx)
    if quota and "heraf" not in seat:
        seat["heraf"] = quota
    if km := re.search(r"\b(som repræsentant\w*.+|inden for .+|valgt ved .+|vælges .+)$", tail):
        if not quota:
            seat["krav"] = km[1].strip().rstrip(",.")
    if "fra" not in seat and "for-hver" not in seat and ctx.region and re.search(
            r"hospital|regional|sygehus|præhospital|afdelingsdirektør", role, re.IGNORECASE):
        seat["fra"] = ctx.region
        source = ctx.index.lookup_ref(ctx.region) if hasattr(ctx.index, "lookup_ref") else None
    party = party_of_role(role + " " + (note or ""), source)
    if party is None and ctx.region and seat.get("fra") == ctx.region:
        party = "region"
    if party is None and seat.get("for-hver") == "kommune":
        party = "kommuner"
    if party:
        seat["part"] = party
    if note:
        seat["note"] = note
    return seat


def _check_units(n: int, unit: str, ctx: Ctx, text: str) -> None:
    reg = ctx.index.registry
    if reg is None or not n:
        return
    got = {"kommune": reg.kommuner_in, "klynge": reg.klynger_in, "region": reg.regions_in}[unit](ctx.area)
    word = {"kommune": "kommuner", "klynge": "klynger", "region": "regioner"}[unit]
    if len(got) == n:
        ctx.unsure.append(f"OK: »{text}«: registret giver også {n} {word} i området")
    else:
        ctx.unsure.append(
            f"»{text}« nævner {n} {word}, men registret giver {len(got)} i området "
            f"'{ctx.area}'; kontrollér området (--område)")


def _sub_quotas(tail: str, ctx: Ctx) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    m = re.search(rf"\b(?:heraf|herunder)\s+(?P<q>(?:mindst|minimum)\s+)?(?P<n>{_N})\s+(?:fra\s+)?(?P<what>.+?)(?:[,.;]|$)",
                  tail, re.IGNORECASE)
    if m:
        n = read_number(m["n"])
        q: dict[str, Any] = {"mindst": n} if (m["q"] or True) else {"antal": n}
        what = m["what"].strip()
        src = _psychiatry(what, ctx) or ctx.ref(what)
        if src is not None:
            q["fra"] = src if isinstance(src, str) else src.ref
        else:
            q["krav"] = what
        out.append(q)
        return out
    m = re.search(rf"\bhvor\s+(?:mindst|minimum)\s+(?P<n>{_N})\s+af\s+\S+\s+(?:er\s+)?(?P<what>.+)$", tail,
                  re.IGNORECASE)
    if m:
        out.append({"mindst": read_number(m["n"]), "krav": m["what"].strip().rstrip(".,")})
    return out


def _psychiatry(text: str, ctx: Ctx) -> str | None:
    if re.fullmatch(r"(?:den\s+)?psykiatri(?:en)?", text.strip(), re.IGNORECASE) and ctx.region:
        key = "psykiatrien-" + ctx.region.removeprefix("region-")
        reg = ctx.index.registry
        if reg is not None and key in reg:
            return key
    return None


# -- chair -----------------------------------------------------------------------------------------


def parse_chair(text: str, ctx: Ctx) -> dict[str, Any]:
    """'Delt formandskab mellem kommuner og Region', '… er formand', 'næstformand … toårig'."""
    out: dict[str, Any] = {}
    if m := re.search(r"\bdelt\s+(?:formandskab\s+)?mellem\s+(.+?)(?:\s+og\s+aftales|[.;]|$)", text, re.IGNORECASE):
        parties = parties_in(m[1])
        if len(parties) >= 2:
            out["delt-mellem"] = parties
    if m := re.search(r"\baftales\s+(?:konkret\s+)?(.+?)[.;]?$", text, re.IGNORECASE):
        out["aftales"] = m[1].strip()
    if m := re.search(r"^(?:En af\s+)?(?P<who>.+?)\s+er\s+formand\b", text):
        who = m["who"]
        officer: dict[str, Any] = {}
        src = ctx.ref(who)
        if src is not None:
            officer["fra"] = src.ref
        role = re.sub(r"^(?:den|det|en)\s+", "", who.split(" for ")[0].split(" i ")[0], flags=re.I)
        role = re.sub(r"^\S+['’]s\s+", "", role)  # "KL’s kontorchefer" → "kontorchefer"
        role = singular_role(role, ctx.words) if text.lower().startswith("en af") else role
        if role and len(role.split()) <= 4:
            officer["rolle"] = role
        if officer:
            out["formand"] = officer
    if m := re.search(r"\bledes af\s+(?P<who>.+?)(?:\s+og\s+planlægges|[.;]|$)", text):
        who = m["who"]
        officer = {}
        role_m = re.match(r"(?:den|det)\s+(.+?)\s+(?:i|for|fra)\s+(.+)$", who)
        if role_m:
            officer["rolle"] = who.strip().rstrip(".,")
            src = ctx.ref(role_m[2])
            if src is not None:
                officer["fra"] = src.ref
        if officer:
            out["formand"] = officer
    if m := re.search(r"^(?P<who>[A-ZÆØÅ]\w+)\s+(?:konstituerer sig med|vælger)\s+(?:selv\s+)?(?:blandt sine medlemmer\s+)?"
                      r"(?:sin|en)\s+formand\b", text):
        by = m["who"].lower()
        out.setdefault("formand", {"vælges-af": by})
        if re.search(r"\bnæstformand\b", text):
            out["næstformand"] = {"vælges-af": by}
    if re.search(r"\bnæstformand\b", text) and (
            m := re.search(r"næstformand\s+(?:blandt\s+(?P<among>\w+))?(?:.*?for\s+en\s+(?P<term>\S+)\s+periode)?",
                           text)):
        vice: dict[str, Any] = {}
        if m["among"]:
            vice["vælges-blandt"] = m["among"]
        if m["term"]:
            years = read_years_adjective(m["term"])
            if years:
                vice["periode-år"] = years
        if vice:
            out.setdefault("næstformand", {}).update(vice)
    return out


# -- secretariat ----------------------------------------------------------------------------------


def parse_secretariat(text: str, ctx: Ctx) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if m := re.search(r"\bvaretages\s+(?:af\s+)?(?:i fællesskab\s+)?(?:mellem\s+)?(?P<who>.+?)(?:[.;]|$)", text, re.IGNORECASE):
        who = m["who"]
        if re.search(r"fællesskab|mellem|delt", text, re.IGNORECASE) and len(parties_in(who)) >= 2:
            out["delt-mellem"] = parties_in(who)
        else:
            k = ctx.ref(who)
            if k is not None:
                out["varetages-af"] = k.ref
    if "varetages-af" not in out and (m := re.search(r"^(?P<who>.+?)\s+varetager\s+sekretariat", text)):
        k = ctx.ref(m["who"])
        if k is not None:
            out["varetages-af"] = k.ref
    if "delt-mellem" not in out and re.search(r"\bdelt\s+mellem\b", text, re.IGNORECASE):
        parties = parties_in(text)
        if len(parties) >= 2:
            out["delt-mellem"] = parties
    if m := re.search(r"\bkoordineres\s+med\s+(?P<who>.+?)(?:[.;]|$)", text):
        k = ctx.ref(m["who"])
        if k is not None:
            out["koordinerer-med"] = k.ref
    return out


# -- meetings --------------------------------------------------------------------------------------

_FREQ = re.compile(
    rf"(?<![\wæøåé])(?P<f>(?:som udgangspunkt\s+)?(?:(?:mindst|minimum|min\.|ca\.|cirka|omkring|op til|højst|maks\.?)\s+)?"
    rf"{_N}(?:\s*[-–]\s*{_N})?\s+(?:ordinære\s+|årlige\s+)?(?:møder|møde|gange|gang)(?![\wæøå])"
    r"(?:\s+(?:årligt|om året|i året|pr\.?\s*år|per år|hvert år))?"
    r"(?:\s*,?\s*(?:og|eller)\s+efter\s+behov)?)", re.IGNORECASE)
_RATE = re.compile(r"\b(?P<f>månedligt(?:\s+undtagen\s+[a-zæøå]+(?:\s+og\s+[a-zæøå]+)?)?|kvartalsvis|halvårligt|hver anden måned)\b",
                   re.IGNORECASE)


def parse_frequency(text: str) -> dict[str, Any] | None:
    """'4 møder årligt', '3-4 gange årligt … eller efter behov', 'mindst fire gange årligt og
    efter behov', '6 årlige møder', 'månedligt undtagen juli', 'behovsbaseret antal møder'."""
    from kommissorium.model.types import Frequency

    phrase = None
    for m in _FREQ.finditer(text):
        f = m["f"]
        unit = re.search(r"årligt|om året|i året|år\b|årlige", f, re.IGNORECASE)
        if unit is None and not re.search(r"\bårligt\b|om året|\bhvert år\b", text[m.end():m.end() + 40],
                                           re.IGNORECASE):
            continue
        # "1 præhospital direktør" etc. never reach here: a frequency names meetings or times.
        phrase = f
        break
    as_a_rule = False
    if phrase is not None:
        as_a_rule = bool(re.match(r"som udgangspunkt", phrase, re.IGNORECASE)) or bool(
            re.search(r"som udgangspunkt", text, re.IGNORECASE))
        p = re.sub(r"^som udgangspunkt\s+", "", phrase, flags=re.IGNORECASE)
        m2 = re.match(rf"^(?P<pre>.*?)(?P<n>{_N}(?:\s*[-–]\s*{_N})?)\s+(?:ordinære\s+)?årlige\s+møder?$", p,
                      re.IGNORECASE)
        if m2:
            p = f"{m2['pre']}{m2['n']} møder årligt"
        p = re.sub(r"\s+ordinære\s+", " ", p)
        p = re.sub(r"\s*,\s*(?=(?:og|eller)\s+efter)", " ", p)
        p = re.sub(r"\b(eller|og) efter behov$", "og efter behov", p)
        if not re.search(r"årligt|om året|i året|år\b", p):
            p = re.sub(r"(møder|møde|gange|gang)(?=\s|$)", r"\1 årligt", p, count=1)
        p = re.sub(r"\bminimum\b", "mindst", p, flags=re.IGNORECASE)
        p = p.replace("hvert år", "årligt")
        if "efter behov" not in p and re.search(r"(?:,\s*|\s)(?:og|eller)\s+efter\s+behov\s*[.]?$", text,
                                                 re.IGNORECASE):
            p += " og efter behov"
    else:
        m = _RATE.search(text)
        if m:
            p = m["f"].lower()
        elif re.search(r"\b(?:behovsbaseret|efter behov)\b", text, re.IGNORECASE) and re.search(
                r"\bmøde|\bmødes\b", text, re.IGNORECASE):
            p = "efter behov"
        else:
            return None
    try:
        f = Frequency.model_validate(p.lower())
    except Exception:  # noqa: BLE001 - not a frequency after all
        return None
    out: dict[str, Any] = {}
    if f.minimum is not None:
        out["mindst"] = _num(f.minimum)
    if f.maximum is not None:
        out["højst"] = _num(f.maximum)
    if f.approximately is not None:
        out["omkring"] = _num(f.approximately)
    if f.on_demand:
        out["efter-behov"] = True
    if as_a_rule:
        out["som-udgangspunkt"] = True
    return out


def _num(x: float) -> Any:
    return int(x) if float(x).is_integer() else x


def parse_meeting_details(text: str) -> dict[str, Any]:
    """Duration, virtual meetings, physical meetings, agenda notice and extraordinary meetings."""
    from kommissorium.model.types import Duration

    out: dict[str, Any] = {}
    if m := re.search(rf"(?P<d>(?:ca\.\s*)?{_N}(?:\s*[-–]\s*{_N})?)\s+timers?\s+varighed|varighed\s+(?:på\s+)?(?P<e>{_N}(?:\s*[-–]\s*{_N})?)\s+timer",
                      text, re.IGNORECASE):
        d = m["d"] or m["e"]
        try:
            dur = Duration.model_validate(d.lower())
            out["varighed-timer"] = d if (dur.minimum != dur.maximum) else _num(dur.minimum)
        except Exception:  # noqa: BLE001
            pass
    if re.search(r"\bvirtuel(?:t|le)\b|\bonline\b|\bvideomøde", text, re.IGNORECASE):
        if not re.search(r"\bikke\b", text):
            out["virtuelle"] = True
    if m := re.search(rf"(?:mindst|minimum)\s+(?P<n>{_N}|ét)\s+(?:årlig[et]?\s+)?fysisk[e]?\s+møder?", text, re.IGNORECASE):
        n = 1 if m["n"].lower() == "ét" else read_number(m["n"])
        if n:
            out["fysiske-pr-år"] = {"mindst": n}
    if re.search(r"\bdagsorden\w*\b.*\b(?:udsendes|sendes|fremsendes)\b", text, re.IGNORECASE):
        m = re.search(rf"(?:(senest|mindst)\s+)?({_N}|én|ét)\s+(hverdage|hverdag|timer|time)\b", text, re.IGNORECASE)
        if m:  # weekdays or hours: the procedure's deadline ("senest 5 hverdage")
            from kommissorium.model.procedure import Deadline

            n = read_number(m[2])
            phrase = " ".join(x for x in ((m[1] or "").lower(), str(n), m[3].lower()) if x)
            try:
                Deadline.model_validate(phrase)
                agenda: dict[str, Any] = {"udsendes": phrase}
                if re.search(r"\b(?:materiale|bilag)\b", text, re.IGNORECASE):
                    agenda["med-materiale"] = True
                out["dagsorden"] = agenda
            except Exception:  # noqa: BLE001
                pass
        else:
            days = read_days(text)
            if days is not None:
                out["dagsorden-udsendes-dage-før"] = days
    if m := re.search(r"ekstraordinær\w*\s+møde\w*.*\bnår\s+(?:mindst\s+)?(?P<q>[^,]+?)\s+(?:af\s+)?(?:medlemmerne\s+)?"
                      r"(?:anmoder|ønsker|kræver|begærer)", text, re.IGNORECASE):
        from kommissorium.model.procedure import Threshold

        q = re.sub(r"\s+(?:af\s+)?medlemmer(?:ne)?$", "", m["q"].strip().lower())
        value = _threshold(q, Threshold)
        extra: dict[str, Any] = {"tilladt": True, "tekst": text}
        if value is not None:
            extra["efter-anmodning-fra"] = value
        if re.search(r"formanden\s+(?:finder|skønner|indkalder)", text, re.IGNORECASE):
            extra["indkaldes-af"] = ["formand"]
        out["ekstraordinære"] = extra
    if "ekstraordinære" not in out and re.search(
            r"ekstraordinær\w*\s+møde|yderligere\s+(?:ekstraordinære\s+)?møder|fastsætte yderligere", text,
            re.IGNORECASE):
        out["ekstraordinære"] = {"tilladt": True, "tekst": text}
    return out


# -- decisions ----------------------------------------------------------------------------------


def _threshold(phrase: str, model: Any) -> Any:
    """A threshold as the model reads it ('mindst halvdelen', 'over halvdelen', '5', '1/3')."""
    phrase = " ".join(phrase.lower().split())
    for w, n in WORD_NUMBERS.items():
        phrase = re.sub(rf"(?<![\wæøå]){w}(?![\wæøå])", str(n), phrase) if not re.search(
            r"tredjedel|fjerdedel", phrase) else phrase
    try:
        model.model_validate(phrase)
    except Exception:  # noqa: BLE001 - not a threshold
        return None
    if m := re.fullmatch(r"(?:mindst\s+)?(\d+)(?:\s+medlemmer?)?", phrase):
        return int(m[1])
    return phrase


def parse_decisions(text: str) -> dict[str, Any]:
    """Decision rule, quorum, voting and ties ("beslutningsdygtig, når mindst halvdelen af
    medlemmerne er til stede", "simpelt flertal af de afgivne stemmer", "ved stemmelighed er
    formandens stemme afgørende"), read with the model's own Threshold."""
    from kommissorium.model.procedure import Quorum

    out: dict[str, Any] = {}
    low = text.lower()
    voting: dict[str, Any] = {}
    if re.search(r"så vidt muligt\b.*\b(?:konsensus|enighed|enstemmig)", low) and "flertal" in low:
        voting["konsensus-først"] = True
        out["regel"] = "flertal"
    elif "konsensus" in low and re.search(r"beslutning|træffes", low):
        out["regel"] = "konsensus"
    elif re.search(r"\b(?:simpelt\s+|almindeligt\s+|absolut\s+)?flertal\b", low) and re.search(
            r"beslutning|træffes|afgøres|vedtages", low):
        out["regel"] = "flertal"
    elif re.search(r"ikke\s+(?:selvstændig\s+)?beslutningskompetence|ingen\s+beslutningskompetence", low):
        out["regel"] = "ingen-beslutningskompetence"
    if "flertal" in low:
        if re.search(r"afgivne stemmer", low):
            voting["flertal-af"] = "afgivne-stemmer"
        elif re.search(r"flertal\s+af\s+(?:de\s+)?(?:fremmødte|tilstedeværende)", low):
            voting["flertal-af"] = "fremmødte"
        elif re.search(r"flertal\s+af\s+(?:rådets\s+|udvalgets\s+|alle\s+)?medlemmer", low):
            voting["flertal-af"] = "medlemmer"
    if m := re.search(rf"skriftlig\w*\s+afstemning.*?\bnår\s+(?:mindst\s+)?(?P<n>{_N})\s+medlem", low):
        n = read_number(m["n"])
        if n:
            voting["skriftlig-når"] = n
    if voting:
        out["afstemning"] = voting
    if m := re.search(r"beslutningsdygtig\w*,?\s+når\s+(?P<q>.+?)\s+(?:af\s+(?:dets|rådets|udvalgets)\s+)?"
                      r"(?:medlemmer\s+)?(?:er\s+(?:til stede|mødt|fremmødt)|deltager|er repræsenteret)", low):
        q = re.sub(r"\s+af\s+(?:de\s+)?(?:stemmeberettigede\s+)?medlemmerne$", "", m["q"].strip())
        q = re.sub(r"\s+medlemmer$", "", q)
        value = _threshold(q, Quorum)
        if value is not None:
            out["beslutningsdygtig-ved"] = value
    if "stemmelighed" in low or re.search(r"stemme\w*\s+(?:er\s+)?(?:afgørende|udslagsgivende)", low):
        tie: dict[str, Any] = {}
        casting = []
        for word, post in (("formandens", "formand"), ("næstformandens", "næstformand")):
            if re.search(rf"\b{word}\b", low):
                casting.append(post)
        if casting and re.search(r"afgørende|udslagsgivende", low):
            tie["afgørende"] = casting
        if re.search(r"bortfalder", low):
            tie["ellers"] = "bortfalder"
        elif re.search(r"lodtrækning", low):
            tie["ellers" if not re.search(r"valg", low) else "ved-valg"] = "lodtrækning"
        if tie:
            out["stemmelighed"] = tie
    return out


def parse_minutes(text: str) -> dict[str, Any]:
    """'Referatet skrives af sekretariatet og godkendes på næste møde.'"""
    out: dict[str, Any] = {}
    low = text.lower()
    if "referat" not in low:
        return out
    if m := re.search(r"\b(?:skrives|udarbejdes|tages)\s+af\s+(.+?)(?:\s+og\b|[,.;]|$)", text):
        out["skrives-af"] = m[1].strip()
    if m := re.search(r"\bgodkendes\s+(.+?)(?:\s+og\b|[,.;]|$)", text):
        out["godkendes"] = m[1].strip()
    if m := re.search(r"\boffentliggøres\s+(?:på|via)\s+(.+?)(?:[,.;]|$)", text):
        out["offentliggøres"] = m[1].strip()
    if re.search(r"mindretal|afvigende", low):
        out["mindretalsudtalelser"] = True
    return out


def parse_adoption(text: str) -> dict[str, Any]:
    """'Forretningsordenen træder i kraft den 1. januar 2024', 'vedtages af …', 'Ændringer
    kræver to tredjedele af medlemmerne'."""
    out: dict[str, Any] = {}
    if re.search(r"træder\s+i\s+kraft|gælder\s+fra", text, re.IGNORECASE):
        d = find_date(text)
        if d:
            out["træder-i-kraft"] = d
    if m := re.search(r"\bvedtages\s+af\s+(.+?)(?:[,.;]|\s+og\b|$)", text):
        out["vedtages-af"] = m[1].strip()
    if m := re.search(r"\bændres\s+af\s+(.+?)(?:[,.;]|\s+og\b|$)", text):
        out["ændres-af"] = m[1].strip()
    if m := re.search(r"\bændring\w*\b.*?\bkræver\s+(.+?)(?:[,.;]|$)", text, re.IGNORECASE):
        out["ændring-kræver"] = m[1].strip()
    return out


# -- dates -----------------------------------------------------------------------------------------

_MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
_DATE = re.compile(rf"(?P<d>\d{{1,2}}\.\s*\d{{1,2}}\.\s*\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|(?:\d{{1,2}}\.\s*)?(?:{_MONTHS})\s+\d{{4}})",
                   re.IGNORECASE)


def find_date(text: str) -> str | None:
    """The first date in the text as the model reads it ('23.06.2022' → '2022-06-23')."""
    from kommissorium.model.types import PartialDate

    for m in _DATE.finditer(text):
        try:
            return PartialDate.model_validate(m["d"]).iso()
        except Exception:  # noqa: BLE001
            continue
    return None


def parse_approval(text: str, ctx: Ctx) -> dict[str, Any]:
    """'Godkendt i Det Administrative Kontaktforum d. 23.06.2022'."""
    out: dict[str, Any] = {}
    m = re.match(r"^godkendt\s+(?:i|af|på)\s+(?P<by>.+?)(?:\s+(?:d\.|den)\s+.*)?:?$", text.strip(), re.IGNORECASE)
    if m:
        by = re.sub(r"[:\s]+$", "", m["by"])
        k = ctx.ref(by) or ctx.index.lookup(by, ctx.region)
        if k is not None:
            out["af"] = k.ref
    d = find_date(text)
    if d:
        out["dato"] = d
    return out
