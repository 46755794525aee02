"""Every sentence the product writes from charter data.

Each function takes model values (and, for names, a ``Names``) and returns one finished Danish
sentence or clause. Documents, diff, rule messages, diagram and site call these, so the same
value is phrased the same everywhere. Words and phrases below sentence level live in the
sibling modules (numbers, nouns, quantities, names, vocabulary).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kommissorium.danish.dates import on_date
from kommissorium.danish.lists import join
from kommissorium.danish.nouns import is_definite, plural, plural_role, role_for
from kommissorium.danish.numbers import number
from kommissorium.danish.quantities import (  # noqa: F401
    count_text,
    days_before_text,
    duration,
    frequency,
    frequency_change,
    meetings_text,
)
from kommissorium.danish.quotes import quote
from kommissorium.danish.text import capitalize, clause, lower_first, sentence, states
from kommissorium.danish.vocabulary import document_self, party_name, unit_noun

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.danish.names import Names
    from kommissorium.model.types import Frequency


# -- composition ---------------------------------------------------------------------------------
def _mentions(role: str, name: str) -> bool:
    """Whether a role already names the body it comes from ('Rådmand for Børn- og
    Ungeudvalget' and 'Børn- og Ungeudvalget')."""
    return bool(name) and name.lower() in role.lower()


def quota(q: object, names: "Names") -> str:
    """One 'heraf' part: '2 fra Aarhus Kommune', 'mindst 1 praktiserende læge fra …'."""
    n = q.count if q.count is not None else q.minimum
    part = f"mindst {q.minimum}" if q.count is None else str(q.count)
    if q.role and is_definite(q.role):
        part = lower_first(" ".join(q.role.split()))  # an office: 'heraf borgmesteren'
    elif q.role:
        part += f" {lower_first(role_for(n, q.role))}"
    if q.source:
        part += f" fra {names.ref(q.source)}"
    if q.requirement:
        part += f" {clause(q.requirement)}"
    return part


def seat(s: object, names: "Names", *, area: str | None = None, units: int | None = None,
         single: str | None = None) -> str:
    """One seat group: '2 praktiserende læger udpeget af PLO-Nordjylland', '1 sundhedsdirektør
    fra hver af de 4 kommuner', '6 kommunale medlemmer, heraf 2 fra Aarhus Kommune og 1 fra
    Viborg Kommune', 'Borgmesteren' (a definite role takes no number)."""
    explicit = "count" in s.model_fields_set
    low, high = s.count.low, s.count.high
    n = high if high is not None else low
    role = " ".join(s.role.split())
    if is_definite(role) or (s.ex_officio and s.count.exact and low == 1):
        text = role  # an office or a body: 'borgmesteren', 'formanden for KOSU'
    elif not explicit and (s.on_demand or s.ad_hoc):
        text = lower_first(plural_role(role))
    elif not explicit and s.ex_officio:
        text = role
    else:
        # 'antal' defaults to 1: '1 praktiserende læge …', like the rows that state a number.
        text = f"{count_text(s.count.minimum, s.count.maximum)} {lower_first(role_for(n, role))}"
    if s.for_each is not None:
        if single:
            text += f" fra {single}"
        elif units and units > 1:
            text += f" fra hver af de {units} {unit_noun(s.for_each, units)}"
        else:
            text += f" fra hver {unit_noun(s.for_each)}"
        if s.within and s.within != area:
            text += f" i {names.ref(s.within)}"
    elif s.source and not _mentions(role, names.ref(s.source)):
        text += f" fra {names.ref(s.source)}"
    if s.members_of:
        text += f" blandt medlemmerne af {names.ref(s.members_of)}"
    if s.appointed_by:
        text += f" udpeget af {names.ref(s.appointed_by)}"
    if s.nominated_by:
        text += f" efter indstilling fra {names.ref(s.nominated_by)}"
    if s.note:
        text += f" ({clause(s.note)})"
    if s.requirement:
        text += f", {clause(s.requirement)}"
    if s.sub_quotas:
        text += ", heraf " + join(quota(q, names) for q in s.sub_quotas)
    if s.ad_hoc:
        text += " ad hoc"
    if s.on_demand:
        text += " efter behov"
    if not s.vote:
        text += " (uden stemmeret)"
    return capitalize(text)


def seat_additions(s: object, names: "Names", text: str) -> str:
    """What an author's wording of a seat leaves out and the data says: its note and its
    'heraf' quotas (' (note), heraf 2 fra Aarhus Kommune')."""
    out = ""
    if s.note and not states(text, s.note):
        out += f" ({clause(s.note)})"
    said = text.lower()
    if not any(w in said for w in ("heraf", "herunder", "henholdsvis", "hvoraf", "hvor mindst")):
        missing = [q for q in s.sub_quotas if not states(text, _quota_words(q, names))]
        if missing:
            out += ", heraf " + join(quota(q, names) for q in missing)
    return out + "." if out and text.rstrip().endswith(".") else out


def _quota_words(q: object, names: "Names") -> str:
    return " ".join(x for x in (q.role, names.ref(q.source) if q.source else None, q.requirement) if x)


def _many(desc: str, s: object) -> bool:
    low, high = s.count.low, s.count.high
    return (high or low or 0) > 1 or s.for_each is not None


def participant(desc: str) -> str:
    """'Derudover deltager 2 repræsentanter for patienterne.'"""
    return sentence(f"Derudover deltager {lower_first(desc)}")


def observer(desc: str, s: object | None = None) -> str:
    """'Som observatør deltager borgmesteren.'; 'Som observatører deltager 2 …'."""
    word = "observatører" if s is not None and _many(desc, s) and not is_definite(s.role) else "observatør"
    return sentence(f"Som {word} deltager {lower_first(desc)}")


def members_intro(body: str, minimum_only: bool) -> str:
    """'Forummet består af følgende medlemmer:'."""
    if minimum_only:
        return f"{body} sammensættes med minimum følgende repræsentation:"
    return f"{body} består af følgende medlemmer:"


def alternates(allowed: bool, personal: bool) -> str:
    if allowed and personal:
        return "Der udpeges personlige suppleanter for medlemmerne."
    if allowed:
        return "Der kan udpeges suppleanter for medlemmerne."
    return "Der udpeges ikke suppleanter."


#: A term written as a verb phrase ('følger valgperioden') is the subject's predicate.
_TERM_VERBS = ("følger", "svarer", "gælder", "løber", "er ", "udløber", "ophører", "varer")


def term(text: str) -> str:
    """'Medlemmerne udpeges for en fireårig periode.', 'Udpegningen følger valgperioden.';
    a full sentence by the author stays as written."""
    t = " ".join(text.split())
    if t[:1].isupper() and " " in t:
        return sentence(t)
    t = clause(t)
    if t.lower().startswith(_TERM_VERBS):
        return f"Udpegningen {t}."
    if t.lower().startswith(("for ", "i ", "indtil ", "frem til ", "til ")):
        return f"Medlemmerne udpeges {t}."
    return f"Medlemmerne udpeges for {t}."


def total(base: str, n: int, per_unit: list[str] | None = None) -> str:
    """'I alt 16 faste medlemmer.', 'I alt 1 fast medlem.', 'I alt 7 faste medlemmer og
    derudover 1 pr. kommune.'"""
    noun = plural(n, "fast medlem", "faste medlemmer")
    if per_unit:
        return f"I alt {base} {noun} og derudover {join(per_unit)}."
    return f"I alt {base} {noun}."


def per_unit(count: str, unit: object) -> str:
    """'1 pr. kommune'."""
    return f"{count} pr. {unit_noun(unit)}"


# -- meetings ------------------------------------------------------------------------------------
def meeting_frequency(f: "Frequency", dur: object = None) -> str:
    """'Der afholdes mindst fire møder årligt af 2-3 timers varighed.'; 'Der afholdes som
    udgangspunkt 12 møder årligt og derudover efter behov.'; 'Der afholdes møder efter behov.'"""
    phrase = frequency(f)
    d = duration(dur)
    if d:
        if f.on_demand and phrase.endswith(" og derudover efter behov"):
            phrase = phrase[: -len(" og derudover efter behov")] + f" {d} og derudover efter behov"
        elif phrase == "møder efter behov":
            phrase = f"møder {d} efter behov"
        else:
            phrase = f"{phrase} {d}"
    return f"Der afholdes {phrase}."


def meeting_duration(dur: object) -> str | None:
    """'Møderne er af 2-3 timers varighed.'"""
    d = duration(dur)
    return f"Møderne er {d}." if d else None


def physical_meetings(p: "Frequency", after_frequency: bool) -> str | None:
    """'Heraf holdes to møder årligt med fysisk fremmøde.'"""
    core = meetings_text(p.minimum, p.maximum, p.approximately)
    if not core:
        return None
    lead = "Heraf holdes" if after_frequency else "Der holdes"
    return f"{lead} {core} årligt med fysisk fremmøde."


def virtual_meetings(virtual: bool) -> str:
    return "Møderne kan foregå virtuelt." if virtual else "Møderne holdes med fysisk fremmøde."


def extraordinary_meetings(requested_by: int | None = None) -> str:
    """'Der kan indkaldes til ekstraordinære møder, når mindst 3 medlemmer anmoder om det.'"""
    s = "Der kan indkaldes til ekstraordinære møder"
    if requested_by:
        who = "ét medlem" if requested_by == 1 else f"mindst {requested_by} medlemmer"
        s += f", når {who} anmoder om det"
    return s + "."


def agenda_days_before(days: int) -> str:
    """'Dagsordenen udsendes senest én uge før mødet.'"""
    return f"Dagsordenen udsendes senest {days_before_text(days)} før mødet."


# -- decisions -----------------------------------------------------------------------------------
def decision_rule(rule: str, body: str) -> str:
    return {
        "konsensus": "Beslutninger træffes ved konsensus.",
        "flertal": "Beslutninger træffes ved simpelt flertal.",
        "ingen-beslutningskompetence": f"{body} har ikke selvstændig beslutningskompetence.",
    }[rule]


def casting_vote(who: str) -> str:
    """'Ved stemmelighed er formandens stemme afgørende.'"""
    w = {"formand": "formanden", "næstformand": "næstformanden"}.get(who.strip(), who.strip())
    if " " not in w:
        return f"Ved stemmelighed er {w}s stemme afgørende."
    return f"Ved stemmelighed er stemmen fra {w} afgørende."


def excluded_topics(body: str, topics: list[str]) -> str:
    return f"{body} behandler ikke {join(clause(t) for t in topics)}."


# -- relations -----------------------------------------------------------------------------------
def relation(subject: str, verbs: list[str], targets: str) -> str:
    """'Forummet refererer til og forbereder sager for Sundhedssamarbejdsudvalget.'"""
    return f"{subject} {join(verbs)} {targets}."


def may_establish(body: str, groups: list[str]) -> str:
    return f"{body} kan nedsætte {join(clause(g) for g in groups)}."


def subgroups(body_in_sentence: str, labels: list[str]) -> str:
    """'Under forummet er der nedsat X og Y (ad hoc).'"""
    return f"Under {body_in_sentence} er der nedsat {join(labels)}."


def subgroup_label(label: str, standing: bool) -> str:
    return label if standing else f"{label} (ad hoc)"


# -- publication ---------------------------------------------------------------------------------
def agendas_published(where: str) -> str:
    return f"Dagsordener og referater skal være tilgængelige på {clause(where)}."


def charter_published(where: str, kind: object = None) -> str:
    """'Kommissoriet offentliggøres på …', 'Forretningsordenen offentliggøres på …'."""
    return f"{capitalize(document_self(kind))} offentliggøres på {clause(where)}."


def approval(by: str | None, by_body: bool, when: object | None) -> str | None:
    """'Godkendt i Sundhedskoordinationsudvalget den 23. juni 2022', 'Godkendt af KKR i august
    2022'."""
    text = "Godkendt"
    if by:
        text += (" i " if by_body else " af ") + by
    if when is not None:
        text += " " + on_date(when)
    return None if text == "Godkendt" else text


def git_line(commit: str, when: object = None, dirty: bool = False) -> str:
    """'git 3f2a9c1 af 4. maj 2024 (med ikke-committede ændringer)'."""
    from kommissorium.danish.dates import format_date

    text = f"git {commit}"
    if when is not None:
        text += f" af {format_date(when)}"
    if dirty:
        text += " (med ikke-committede ændringer)"
    return text


def version_line(version: str | None, git: str | None) -> str | None:
    """'Version 1.2 (git 3f2a9c1 af 4. maj 2024)', 'Version 1.2', 'Version: git …'."""
    if version and git:
        return f"Version {version} ({git})"
    if version:
        return f"Version {version}"
    if git:
        return f"Version: {git}"
    return None


def body_kind(type_name: str, frame: bool) -> str:
    """'Fagligt strategisk niveau (rammekommissorium)'."""
    return f"{type_name} (rammekommissorium)" if frame else type_name


def co_chair(role: str | None, source: str | None) -> str | None:
    """One of several chairs: 'borgmesteren fra Aalborg Kommune', 'en formand fra …'."""
    if role:
        return role + (f" fra {source}" if source else "")
    if source:
        return f"en formand fra {source}"
    return None


def source_line(kilde: str) -> str:
    """'Kilde: …' — the provenance of the document's data."""
    return f"Kilde: {clause(kilde)}"


# -- chair, secretariat --------------------------------------------------------------------------
def shared_chair(parties: list[object], agreed: str | None = None) -> str:
    """'Formandskabet er delt mellem kommunerne og regionen og aftales for en toårig periode.'"""
    s = f"Formandskabet er delt mellem {join(party_name(p) for p in parties)}"
    if agreed:
        s += f" og aftales {clause(agreed)}"
    return s + "."


def agreed_chair(agreed: str) -> str:
    """'Formandskabet aftales ved første møde.'"""
    return f"Formandskabet aftales {clause(agreed)}."


def shared_secretariat(parties: list[object]) -> str:
    """'Sekretariatsbetjeningen varetages i fællesskab af kommunerne og regionen.'"""
    return f"Sekretariatsbetjeningen varetages i fællesskab af {join(party_name(p) for p in parties)}."


def secretariat_by(names_text: str, many: bool) -> str:
    """'Sekretariatsbetjeningen varetages af Region Nordjylland.'"""
    joint = " i fællesskab" if many else ""
    return f"Sekretariatsbetjeningen varetages{joint} af {names_text}."


def coordinates_with(names_text: str) -> str:
    return f"Der koordineres med {names_text}."


def duties_intro(who: str) -> str:
    """'Formandskabet har følgende opgaver:'."""
    return f"{capitalize(who)} har følgende opgaver:"


# -- officers --------------------------
def term_years_text(years: int) -> str:
    """'en toårig periode', 'en etårig periode', 'en 12-årig periode'."""
    if years == 1:
        return "en etårig periode"
    if years <= 10:
        return f"en {number(years, words=True)}årig periode"
    return f"en {years}-årig periode"


def officer_sentence(
    word: str,
    *,
    role: str | None = None,
    source: str | None = None,
    seat: str | None = None,
    group: str | None = None,
    elected_from: str | None = None,
    elected_by: str | None = None,
    appointed_by: str | None = None,
    term_years: int | None = None,
    term: str | None = None,
) -> str | None:
    """One officer: 'Formanden vælges af rådet blandt de kommunale medlemmer for en toårig
    periode.' ``word`` is the officer in definite form ('Formanden', 'Næstformanden')."""
    clauses: list[str] = []
    if seat:
        clauses.append(f"er {seat}")
    elif role:
        clauses.append(f"er {role}" + (f" fra {source}" if source else ""))
    elif source:
        clauses.append(f"kommer fra {source}")
    among = elected_from or group
    if among or elected_by:
        clause = "vælges"
        if elected_by:
            clause += f" af {elected_by}"
        if among:
            clause += f" blandt {among}"
        clauses.append(clause)
    if appointed_by:
        clauses.append(f"udpeges af {appointed_by}")
    period = term_years_text(term_years) if term_years else (term.rstrip(".") if term else None)
    if period:
        if clauses and clauses[-1].startswith(("vælges", "udpeges")):
            clauses[-1] += f" for {period}"
        else:
            clauses.append(f"sidder for {period}")
    if not clauses:
        return None
    return f"{word} {join(clauses)}."


def no_chair_sentence(body: str) -> str:
    """'Ældrerådet har ingen formand.'"""
    return f"{body} har ingen formand."


def co_chairs_sentence(descriptions: list[str]) -> str:
    """'Formandskabet består af to ligestillede formænd: regionsrådsformanden og borgmesteren
    i Aalborg Kommune.'"""
    n = len(descriptions)
    if n == 1:
        return f"Formanden er {descriptions[0]}."
    return (f"Formandskabet består af {number(n, words=True)} ligestillede formænd: "
            f"{join(descriptions)}.")


def different_groups_sentence() -> str:
    return "Formanden og næstformanden kommer fra hver sin gruppe af medlemmer."


def other_officer_sentence(body: str, title: str, clauses: str | None) -> str:
    """'Rådet har desuden en kasserer, der vælges blandt medlemmerne for en etårig periode.'"""
    if clauses:
        return f"{body} har desuden en {title}, der {clauses}"
    return f"{body} har desuden en {title}."


def other_officer_duties_intro(title: str) -> str:
    return f"Til posten som {title} hører følgende opgaver:"


def group_phrase(role_plural: str, source: str | None = None,
                 appointed_by: str | None = None) -> str:
    """A seat group as the circle an officer is chosen from: 'medlemmerne fra Region
    Nordjylland' is not built from a role; 'regionsrådsmedlemmer fra Region Nordjylland' is."""
    text = role_plural
    if source:
        text += f" fra {source}"
    elif appointed_by:
        text += f" udpeget af {appointed_by}"
    return text



# -- frames ----------------------------------------------------------------------------------------
def extends_frame(frame_name: str) -> str:
    """'Udbygger rammen »Fagligt strategisk niveau i Syddanmark«'."""
    return f"Udbygger rammen {quote(frame_name)}"


def inherited_from(frame_name: str) -> str:
    """'Afsnit markeret med * følger rammen »…«.' (said once per document)."""
    return f"Afsnit markeret med * følger rammen {quote(frame_name)}."


def lead(text: str) -> str:
    """A generated clause as the start of a sentence."""
    return capitalize(text)
