"""Sentences of the sundhedsråd rules (H001-H008): what the national frame requires and how a
council's charter falls short of it."""

from __future__ import annotations

from kommissorium.danish.lists import join

_PARTY = {"region": "regionen", "kommuner": "kommunerne", "almen-praksis": "almen praksis",
          "patienter": "patienterne", "stat": "staten", "andet": "andre"}
_MEMBERS = {"region": "regionale medlemmer", "kommuner": "kommunale medlemmer"}


def _party(value: str | None) -> str:
    return _PARTY.get(value or "", value or "en ukendt part")


def _members(value: str) -> str:
    return _MEMBERS.get(value, f"medlemmer fra {_party(value)}")


def _count(low: int, high: int | None) -> str:
    if high is None:
        return f"mindst {low}"
    return str(low) if low == high else f"{low}-{high}"


def _source(source: str) -> str:
    return f" (kilde: {source})"


def area_not_council(area: str, choices: list[str]) -> str:
    hint = f" Vælg et af regionens sundhedsråd: {join(choices, 'eller')}." if choices else ""
    return (f"Et sundhedsråd har et sundhedsråd fra registret som område, ikke '{area}'.{hint}")


def no_frame(frames: list[str]) -> str:
    which = frames[0] if frames else "landsdaekkende/sundhedsraad-ramme"
    return (f"Kommissoriet for et sundhedsråd skal udbygge rammen for sundhedsråd, så lovens "
            f"krav kontrolleres: skriv 'udbygger: {which}' (kommissorium new --type sundhedsråd "
            "lægger rammen i repositoriet).")


def not_allowed(role: str, party: str | None, allowed: list[str], source: str) -> str:
    who = f"fra {_party(party)}" if party else "uden en part, der kan udledes"
    return (f"Pladserne »{role}« er {who}, men sundhedsrådets medlemmer er kun politikere fra "
            f"{join([_party(p) for p in allowed])}{_source(source)}. Flyt dem til 'deltagere', "
            "eller angiv 'part'.")


def kommuner_without_seat(names: list[str], area: str, source: str) -> str:
    word = "har" if len(names) > 1 else "har"
    return (f"{join(names)} {word} ingen plads i rådet, men hver kommune i {area} skal have "
            f"mindst én{_source(source)}. Tilføj en pladsgruppe 'for-hver: kommune'.")


def no_majority(party: str, mine: tuple[int, int | None], others: tuple[int, int | None],
                source: str) -> str:
    return (f"{_party(party).capitalize()} skal have flertallet{_source(source)}, men har "
            f"{_count(*mine)} pladser mod {_count(*others)} til de øvrige. Ret antallene, så "
            f"de {_members(party)} er flere end de øvrige.")


def not_one_more(party: str, over: str, mine: tuple[int, int | None],
                 others: tuple[int, int | None], source: str) -> str:
    return (f"I rådene har de {_members(party)} én plads mere end de {_members(over)}"
            f"{_source(source)}; her er der {_count(*mine)} mod {_count(*others)}.")


def officer_not_from(key: str, party: str, source: str) -> str:
    return (f"Rådets {key} vælges blandt de {_members(party)}{_source(source)}, men "
            f"kommissoriets {key} vælges ikke blandt en pladsgruppe med part '{party}'. Skriv "
            f"'{key}: {{gruppe: <den regionale pladsgruppe>}}'.")


def law_missing(law: str, source: str) -> str:
    return (f"For sundhedsrådet gælder {law}s regler om udvalg og inhabilitet"
            f"{_source(source)}, men hverken kommissoriet eller dets ramme nævner {law} under "
            f"'hjemmel'. Tilføj den.")


def unconfirmed_note(message: str, why: str) -> str:
    """An unconfirmed requirement's finding: the sentence and why it is only information."""
    return f"{message} Kravet er ikke bekræftet, så det er kun til information: {why}"


def council_purpose(name: str, region: str | None, kommuner: list[str]) -> str:
    """The purpose `new --type sundhedsråd` writes: 'Sundhedsråd Vendsyssel skal skabe
    sammenhæng mellem Region Nordjyllands og kommunernes sundhedsindsats for borgerne i …'."""
    from kommissorium.danish.names import genitive

    side = genitive(region) if region else "regionens"
    return (f"{name} skal skabe sammenhæng mellem {side} og kommunernes sundhedsindsats for "
            f"borgerne i {join(kommuner)}.")


def council_counts_comment(n: int) -> str:
    return (f"# Antallene følger mønsteret i rådene fra 2026 (ikke bekræftet): {n} kommunale "
            f"pladser (én for hver kommune) og {n + 1} regionale.")


#: The heading and first sentence of a frame's requirements in its document.
REQUIREMENTS_HEADING = "Krav til kommissorierne, der udbygger rammen"
REQUIREMENTS_INTRO = ("Kommissorierne, der udbygger rammen, kontrolleres mod disse krav. Krav, "
                      "som ingen primærkilde bekræfter, er markeret og giver kun information.")


def requirement_line(text: str, source: str, unconfirmed: str | None) -> str:
    """'Regionen har flertallet i rådet (kilde: L 214 …).' + the unconfirmed mark and why."""
    line = f"{text.rstrip('.')} (kilde: {source})"
    if unconfirmed:
        why = unconfirmed.rstrip(".")
        line += f" – ikke bekræftet: {why[:1].lower() + why[1:]}"
    return line[:1].upper() + line[1:] + "."
