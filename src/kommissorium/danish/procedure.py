"""Danish sentences of a forretningsorden: quorum, voting, ties, notice, agenda, meeting plan,
urgent matters, extraordinary meetings, absence, chairing, minutes, law by reference, adoption.

Every function takes words the document builder has already resolved (names in running text,
counts) and returns Danish; nothing here reads a charter.
"""

from __future__ import annotations

from kommissorium.danish.lists import join
from kommissorium.danish.numbers import number
from kommissorium.danish.text import capitalize

# -- procedure --------------------------------------------------------------------------------

_FRACTION_WORDS = {(1, 2): "halvdelen", (1, 3): "en tredjedel", (2, 3): "to tredjedele",
                   (1, 4): "en fjerdedel", (3, 4): "tre fjerdedele", (1, 5): "en femtedel"}
_ONE = {"dage": "én dag", "hverdage": "én hverdag", "timer": "én time", "uger": "én uge"}
_UNIT_SINGULAR = {"dage": "dag", "hverdage": "hverdag", "timer": "time", "uger": "uge"}
#: Officer keys in procedure (casting vote, chairing, urgent matters) → definite form.
OFFICER_DEFINITE = {"formand": "formanden", "næstformand": "næstformanden",
                    "medformand": "medformanden", "sekretariatet": "sekretariatet",
                    "sekretariat": "sekretariatet", "administrationen": "administrationen"}
CONSTITUTING_LEADERS = {"ældste": "det ældste medlem", "længst-siddende": "det længst siddende medlem",
                        "administrationen": "administrationen"}
DOCUMENT_KIND_DEFINITE = {"kommissorium": "Kommissoriet", "forretningsorden": "Forretningsordenen",
                          "vedtægt": "Vedtægten"}


def definite(title: str) -> str:
    """'formand' → 'formanden', 'kasserer' → 'kassereren', 'sekretær' → 'sekretæren'."""
    t = title.strip()
    if t in OFFICER_DEFINITE:
        return OFFICER_DEFINITE[t]
    if " " in t or t.endswith(("en", "et")):
        return t
    return t + ("n" if t.endswith("e") else "en")


def genitive(word: str) -> str:
    """'formanden' → 'formandens'."""
    return word if word.endswith("s") else word + "s"


def neuter_name(name: str) -> bool:
    """Whether a body's name takes a neuter adjective ('Rådet er beslutningsdygtigt',
    'Styregruppen er beslutningsdygtig'): read from its article or its head noun's ending."""
    words = name.split()
    if not words:
        return True
    if words[0] in ("Den", "den"):
        return False
    if words[0] in ("Det", "det"):
        return True
    head = words[0]
    for w in words:
        if w in ("for", "i", "om", "under", "på"):
            break
        head = w
    return not head.lower().endswith(("en", "gruppe", "kreds"))


def deadline_text(count: int, unit: str, bound: str | None = None,
                  saturday: bool | None = None) -> str:
    """'senest fem hverdage', 'mindst 48 timer', 'én uge'."""
    if count == 1:
        text = _ONE[unit]
    elif count <= 10 and unit != "timer":
        text = f"{number(count, words=True)} {unit}"
    else:
        text = f"{count} {unit}"
    if bound:
        text = f"{bound} {text}"
    if unit == "hverdage" and saturday is not None:
        text += " (lørdage medregnet)" if saturday else " (lørdage ikke medregnet)"
    return text


def share_text(numerator: int, denominator: int, above: bool) -> str:
    """'mindst halvdelen', 'over halvdelen', 'mindst en tredjedel', 'mindst 3/5'."""
    words = _FRACTION_WORDS.get((numerator, denominator), f"{numerator}/{denominator}")
    return f"{'over' if above else 'mindst'} {words}"


def threshold_members(count: int | None, share: tuple[int, int] | None, above: bool,
                      of: str = "medlemmerne") -> str:
    """'mindst 3 medlemmer', 'ét medlem', 'over halvdelen af medlemmerne'."""
    if count is not None:
        return "ét medlem" if count == 1 else f"mindst {count} medlemmer"
    num, den = share or (1, 2)
    return f"{share_text(num, den, above)} af {of}"


def quorum_sentence(body: str, count: int | None, share: tuple[int, int] | None, above: bool,
                    of_voting: bool = False, alternates_count: bool | None = None) -> str:
    """'Rådet er beslutningsdygtigt, når mindst halvdelen af medlemmerne er til stede.'"""
    adjective = "beslutningsdygtigt" if neuter_name(body) else "beslutningsdygtig"
    of = "de stemmeberettigede medlemmer" if of_voting else "medlemmerne"
    who = threshold_members(count, share, above, of)
    if count is not None and of_voting:
        who = f"mindst {count} stemmeberettigede {'medlem' if count == 1 else 'medlemmer'}"
    text = f"{body} er {adjective}, når {who} er til stede."
    if alternates_count is True:
        text += " Fremmødte suppleanter tælles med."
    elif alternates_count is False:
        text += " Suppleanter tælles ikke med."
    return text


_MAJORITY_OF = {"afgivne-stemmer": "af de afgivne stemmer", "medlemmer": "af medlemmerne",
                "fremmødte": "af de fremmødte medlemmer"}


def voting_sentences(majority_of: str | None, consensus_first: bool, written_when: int | None,
                     proxy: bool | None) -> list[str]:
    out = []
    of = f" {_MAJORITY_OF[majority_of]}" if majority_of else ""
    if consensus_first:
        out.append(f"Der tilstræbes så vidt muligt enighed; ellers træffes beslutninger ved "
                   f"simpelt flertal{of}.")
    elif majority_of:
        out.append(f"Beslutninger træffes ved simpelt flertal{of}.")
    if written_when:
        who = "ét medlem" if written_when == 1 else f"mindst {written_when} medlemmer"
        out.append(f"Afstemning foregår skriftligt, når {who} ønsker det.")
    if proxy is False:
        out.append("Der kan ikke stemmes ved fuldmagt.")
    elif proxy is True:
        out.append("Der kan stemmes ved fuldmagt.")
    return out


def tie_sentences(casting: list[str], outcome: str | None, elections: str | None) -> list[str]:
    """'Ved stemmelighed er formandens stemme afgørende, i formandens fravær
    næstformandens.'"""
    out = []
    if casting:
        first = definite(casting[0])
        text = f"Ved stemmelighed er {genitive(first)} stemme afgørende"
        prev = first
        for other in casting[1:]:
            text += f", i {genitive(prev)} fravær {genitive(definite(other))}"
            prev = definite(other)
        out.append(text + ".")
    if outcome == "bortfalder":
        out.append("Står stemmerne lige, bortfalder forslaget." if casting
                   else "Ved stemmelighed bortfalder forslaget.")
    elif outcome == "lodtrækning":
        out.append("Står stemmerne lige, afgøres sagen ved lodtrækning." if casting
                   else "Ved stemmelighed afgøres sagen ved lodtrækning.")
    if elections == "lodtrækning":
        out.append("Ved stemmelighed ved valg, også af formand og næstformand, afgøres valget "
                   "ved lodtrækning.")
    elif elections == "bortfalder":
        out.append("Ved stemmelighed ved valg foretages der ikke valg.")
    return out


def law_sentence(topic: str, refs: list[str]) -> str:
    """'Om inhabilitet gælder reglerne i forvaltningsloven §§ 3-6.'"""
    return f"Om {topic} gælder reglerne i {join(refs)}."


def legal_ref_text(law: str, section: str | None) -> str:
    return f"{law} {section}" if section else law


def meeting_form_sentences(open_: bool | None, place: str | None, virtual: bool | None,
                           guests: bool | None, body: str) -> list[str]:
    out = []
    if open_ is False:
        out.append("Møderne er lukkede.")
    elif open_ is True:
        out.append("Møderne er åbne for offentligheden.")
    if place:
        out.append(f"Møderne holdes {place.rstrip('.')}.")
    if virtual is True:
        out.append("Medlemmerne kan deltage virtuelt.")
    elif virtual is False:
        out.append("Medlemmerne deltager ved fysisk fremmøde.")
    if guests is True:
        out.append(f"{body} kan beslutte at invitere gæster til at deltage i behandlingen af "
                   "enkelte punkter.")
    elif guests is False:
        out.append("Der deltager ikke gæster i møderne.")
    return out


def agenda_sentences(notice: str | None, with_material: bool | None, items: str | None,
                     at_meeting: str | None, urgent: str | None,
                     published: str | None) -> list[str]:
    out = []
    if notice:
        s = f"Dagsordenen udsendes {notice} før mødet"
        if with_material:
            s += " sammen med det tilhørende materiale"
        out.append(s + ".")
    elif with_material:
        out.append("Materialet udsendes sammen med dagsordenen.")
    if items:
        out.append(f"Et medlem, der ønsker et punkt på dagsordenen, skal meddele det {items} "
                   "før mødet.")
    if at_meeting:
        text = " ".join(at_meeting.split())
        out.append(capitalize(text) if text.endswith(".") else capitalize(text) + ".")
    if urgent:
        out.append(f"I hastende tilfælde kan dagsordenen udsendes med kortere varsel, dog "
                   f"{urgent} før mødet.")
    if published:
        out.append(f"Dagsordenen offentliggøres {published.rstrip('.')}.")
    return out


def plan_sentences(proposed_by: str | None, approved_by: str | None, when: str | None,
                   cancel_if_empty: bool | None) -> list[str]:
    out = []
    clauses = []
    if proposed_by:
        clauses.append(f"foreslås af {proposed_by}")
    if approved_by:
        clauses.append(f"godkendes af {approved_by}")
    if clauses or when:
        s = "Mødeplanen for det kommende år " + (join(clauses) if clauses else "lægges")
        if when:
            s += f" {when.rstrip('.')}"
        out.append(s + ".")
    if cancel_if_empty:
        out.append("Et møde aflyses, hvis der ikke er punkter på dagsordenen.")
    return out


def urgent_sentence(decided_by: str, reported: str | None) -> str:
    """'Hastesager kan afgøres af formanden, som orienterer medlemmerne på det næste møde.'"""
    s = f"Sager, der ikke kan vente til næste møde, kan afgøres af {definite(decided_by)}"
    if reported:
        s += f", som orienterer medlemmerne {reported.rstrip('.')}"
    return s + "."


def absence_sentences(notify: str | None, months: int | None) -> list[str]:
    out = []
    if notify:
        out.append(f"Forfald meldes til {notify.rstrip('.')}.")
    if months is not None:
        if months == 0:
            out.append("Ved forfald indkaldes suppleanten.")
        else:
            span = "én måned" if months == 1 else f"{number(months, words=True)} måneder"
            out.append(f"Ved forfald i mere end {span} indkaldes suppleanten.")
    return out


def chairing_sentences(led_by: list[str], constituting_led_by: str | None,
                       constituting_when: str | None, rotating: bool | None,
                       no_confidence: str | None) -> list[str]:
    out = []
    if led_by:
        parts, prev = [], None
        for who in led_by:
            if who == "valgt-ad-hoc":
                phrase = "et medlem, som de fremmødte vælger"
            else:
                phrase = definite(who)
            if prev is None:
                parts.append(f"af {phrase}")
            elif who == "valgt-ad-hoc":
                parts.append(f"ellers af {phrase}")
            else:
                parts.append(f"i {genitive(prev)} fravær af {phrase}")
            prev = phrase
        out.append(f"Møderne ledes {join(parts)}.")
    if constituting_led_by or constituting_when:
        s = "Det konstituerende møde"
        if constituting_when:
            s += f" holdes {constituting_when.rstrip('.')}"
            if constituting_led_by:
                s += " og"
        if constituting_led_by:
            leader = CONSTITUTING_LEADERS.get(constituting_led_by, constituting_led_by)
            s += f" ledes af {leader}, indtil formanden er valgt"
        out.append(s + ".")
    if rotating:
        out.append("Ordstyrerrollen går på skift mellem medlemmerne.")
    if no_confidence:
        out.append(f"Formanden kan afsættes, når {no_confidence} stemmer for det.")
    return out


def extraordinary_sentences(called_by: list[str], requested_by: str | None,
                            other_body: str | None, within: str | None) -> list[str]:
    out = []
    if called_by:
        out.append(f"{capitalize(join([definite(x) for x in called_by]))} kan indkalde til "
                   "ekstraordinære møder.")
    who = [w for w in (requested_by, other_body) if w]
    if who:
        lead = "Et ekstraordinært møde holdes" if called_by else \
            "Der kan indkaldes til ekstraordinære møder"
        s = f"{lead}, når {join(who, 'eller')} anmoder om det"
        if within and not called_by:
            s += f", og mødet holdes senest {within.removeprefix('senest ')} efter anmodningen"
        elif within:
            s += f", og senest {within.removeprefix('senest ')} efter anmodningen"
        out.append(s + ".")
    elif within:
        out.append(f"Et ekstraordinært møde holdes senest {within.removeprefix('senest ')} "
                   "efter anmodningen.")
    if not out:
        out.append("Der kan indkaldes til ekstraordinære møder.")
    return out


def minutes_sentences(written_by: str | None, approved: str | None, published: str | None,
                      dissent: bool | None, absence: bool | None) -> list[str]:
    out = []
    clauses = []
    if written_by:
        clauses.append(f"skrives af {written_by}")
    if approved:
        clauses.append(f"godkendes {approved.rstrip('.')}")
    if clauses:
        out.append(f"Referatet {join(clauses)}.")
    if published:
        out.append(f"Referatet offentliggøres {published.rstrip('.')}.")
    if dissent is True:
        out.append("Et medlem eller et mindretal kan få en afvigende opfattelse ført til referat.")
    elif dissent is False:
        out.append("Afvigende opfattelser føres ikke til referat.")
    if absence:
        out.append("Fravær noteres i referatet.")
    return out


def adoption_sentences(kind: str, adopted_by: str | None, amended_by: str | None,
                       requires: str | None, effective: str | None) -> list[str]:
    """'Forretningsordenen vedtages af rådet. Den kan ændres af rådet, når to tredjedele af
    medlemmerne stemmer for. Den træder i kraft den 1. januar 2026.'"""
    subject = DOCUMENT_KIND_DEFINITE.get(kind, "Dokumentet")
    pron = "Det" if kind == "kommissorium" else "Den"
    out = []
    if adopted_by:
        out.append(f"{subject} vedtages af {adopted_by.rstrip('.')}.")
    if amended_by or requires:
        s = f"{pron if out else subject} kan ændres"
        if amended_by:
            s += f" af {amended_by.rstrip('.')}"
        if requires:
            s += f", når {requires.rstrip('.')} stemmer for"
        out.append(s + ".")
    if effective:
        out.append(f"{pron if out else subject} træder i kraft {effective}.")
    return out
