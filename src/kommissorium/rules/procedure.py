"""Procedure (B): what a forretningsorden says about decisions and meetings fits the body:
the officers it names exist, thresholds can be met, deadlines are in a possible order."""

from __future__ import annotations

from typing import Any, Iterator

from kommissorium.corpus import CharterSet
from kommissorium.problems import Severity
from kommissorium.rules.base import Finding, at, rule

#: Words in procedure lists that name no officer (the administration, a chosen member).
_NOT_OFFICERS = frozenset({"sekretariatet", "sekretariat", "administrationen", "valgt-ad-hoc",
                           "ældste", "længst-siddende"})


def _officers(charter) -> set[str]:
    """The officer posts a charter has: 'formand', 'næstformand', 'medformand', other titles."""
    ch = charter.chair
    if ch is None or ch.none:
        return set()
    out: set[str] = set()
    if ch.chair is not None or ch.shared_between:
        out.add("formand")
    if ch.co_chairs:
        out |= {"formand", "medformand"}
    if ch.vice_chair is not None:
        out.add("næstformand")
    out |= {o.title.strip().lower() for o in ch.others}
    return out


def _named_officers(charter) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every post named in the procedure: (YAML path, post)."""
    d, m = charter.decisions, charter.meetings
    if d is not None and d.tie is not None:
        for i, who in enumerate(d.tie.casting):
            yield ("beslutninger", "stemmelighed", "afgørende", i), who
    if m is not None:
        if m.chairing is not None:
            for i, who in enumerate(m.chairing.led_by):
                yield ("møder", "mødeledelse", "ledes-af", i), who
        if m.urgent is not None and m.urgent.text is None:
            yield ("møder", "hastesager", "afgøres-af"), m.urgent.decided_by
        if m.extraordinary is not None:
            for i, who in enumerate(m.extraordinary.called_by):
                yield ("møder", "ekstraordinære", "indkaldes-af", i), who


@rule(
    "B001",
    "procedure.ukendt-post",
    Severity.ERROR,
    "Proceduren giver en opgave (afgørende stemme, mødeledelse, hastesager, indkaldelse) til "
    "en post, kommissoriet ikke har.",
)
def unknown_officer(cs: CharterSet) -> Iterator[Finding]:
    """
    "Ved stemmelighed er næstformandens stemme afgørende" forudsætter en næstformand. Nævner
    `stemmelighed.afgørende`, `mødeledelse.ledes-af`, `hastesager.afgøres-af` eller
    `ekstraordinære.indkaldes-af` en post, som `formandskab` ikke har (eller har
    `formandskab: {ingen: true}`), er reglen tom. Andre poster end formand og næstformand
    skrives under `formandskab.andre` med deres `titel`.

    Godt:
        formandskab: {formand: {gruppe: valgte}, næstformand: {gruppe: valgte}}
        beslutninger:
          stemmelighed: {afgørende: [formand, næstformand]}

    Dårligt:
        formandskab: {formand: {gruppe: valgte}}
        beslutninger:
          stemmelighed: {afgørende: [formand, næstformand]}
    """
    for cf in cs.valid():
        c = cs.effective(cf.id) or cf.charter
        have = _officers(c)
        for path, who in _named_officers(cf.charter):
            key = who.strip().lower()
            if key in _NOT_OFFICERS or key in have:
                continue
            posts = ", ".join(f"'{p}'" for p in sorted(have)) or "ingen poster"
            yield Finding(
                f"'{who}' nævnes i proceduren, men kommissoriet har ikke den post "
                f"(formandskab: {posts}). Tilføj posten under 'formandskab', eller ret navnet.",
                **at(cf, *path),
            )


def _member_high(cs: CharterSet, cid: str) -> int | None:
    count = cs.member_count(cid)
    if count is None or count.high is None:
        return None
    return count.high


@rule(
    "B002",
    "procedure.taerskel-over-medlemstal",
    Severity.ERROR,
    "Et antal medlemmer i proceduren (ekstraordinært møde, skriftlig afstemning, mistillid) er "
    "større end organets medlemstal.",
)
def threshold_above_members(cs: CharterSet) -> Iterator[Finding]:
    """
    "Et ekstraordinært møde holdes, når 10 medlemmer anmoder om det" kan aldrig ske i et råd med
    7 medlemmer. Medlemstallet regnes af sammensætningen (faste medlemmer; det højeste antal,
    når det er et interval). Andele ("1/3", "et flertal") kan altid opfyldes.

    Godt:
        sammensætning: {medlemmer: [{rolle: medlem, antal: 7}]}
        møder: {ekstraordinære: {efter-anmodning-fra: 3}}

    Dårligt:
        sammensætning: {medlemmer: [{rolle: medlem, antal: 7}]}
        møder: {ekstraordinære: {efter-anmodning-fra: 10}}
    """
    for cf in cs.valid():
        high = _member_high(cs, cf.id)
        m, d = cf.charter.meetings, cf.charter.decisions
        checks: list[tuple[tuple[Any, ...], int | None, str]] = []
        if m is not None and m.extraordinary is not None and m.extraordinary.requested_by:
            checks.append((("møder", "ekstraordinære", "efter-anmodning-fra"),
                           m.extraordinary.requested_by.count, "kræve et ekstraordinært møde"))
        if m is not None and m.chairing is not None and m.chairing.no_confidence is not None:
            checks.append((("møder", "mødeledelse", "mistillid"),
                           m.chairing.no_confidence.count, "afsætte formanden"))
        if d is not None and d.voting is not None and d.voting.written_when:
            checks.append((("beslutninger", "afstemning", "skriftlig-når"),
                           d.voting.written_when, "kræve skriftlig afstemning"))
        for path, n, what in checks:
            if high is None or n is None or n <= high:
                continue
            yield Finding(
                f"Der skal {n} medlemmer til at {what}, men organet har højst {high} faste medlemmer.",
                **at(cf, *path),
            )


@rule(
    "B003",
    "procedure.punktfrist-efter-dagsorden",
    Severity.ERROR,
    "Fristen for medlemmernes punkter ligger efter, at dagsordenen er udsendt.",
)
def item_deadline_after_agenda(cs: CharterSet) -> Iterator[Finding]:
    """
    Et punkt, som et medlem ønsker på dagsordenen, skal være modtaget, før dagsordenen
    udsendes. Er fristen for punkter kortere end varslet for dagsordenen ("punkter senest 3
    dage før, dagsorden senest 7 dage før"), kommer punkterne for sent. Hverdage regnes med
    weekender (5 hverdage er 5-7 dage), så kun en frist, der med sikkerhed er for kort, meldes.

    Godt:
        møder:
          dagsorden: {udsendes: senest 5 hverdage, punkter-frist: 10 dage}

    Dårligt:
        møder:
          dagsorden: {udsendes: senest 7 dage, punkter-frist: 3 dage}
    """
    for cf in cs.valid():
        m = cf.charter.meetings
        if m is None or m.agenda is None:
            continue
        a = m.agenda
        notice = a.notice
        if notice is None and m.agenda_days_before is not None:
            from kommissorium.model.procedure import Deadline

            notice = Deadline.model_validate(m.agenda_days_before)
        if notice is None or a.items_deadline is None:
            continue
        if a.items_deadline.days()[1] < notice.days()[0]:
            yield Finding(
                f"Medlemmernes punkter skal være modtaget {_say(a.items_deadline)} før mødet, "
                f"men dagsordenen udsendes allerede {_say(notice)} før mødet; fristen for punkter "
                "skal være mindst lige så lang.",
                **at(cf, "møder", "dagsorden", "punkter-frist"),
            )


@rule(
    "B004",
    "procedure.hastevarsel-ikke-kortere",
    Severity.WARNING,
    "Varslet for dagsordenen i hastende tilfælde er ikke kortere end det almindelige varsel.",
)
def urgent_not_shorter(cs: CharterSet) -> Iterator[Finding]:
    """
    `dagsorden.hastende` er det kortere varsel, der gælder i hastende tilfælde. Er det lige så
    langt som eller længere end det almindelige varsel (`udsendes`), er der byttet om på de to,
    eller det hastende varsel er overflødigt.

    Godt:
        møder:
          dagsorden: {udsendes: senest 5 hverdage, hastende: 24 timer}

    Dårligt:
        møder:
          dagsorden: {udsendes: senest 2 dage, hastende: 5 dage}
    """
    for cf in cs.valid():
        m = cf.charter.meetings
        if m is None or m.agenda is None or m.agenda.notice is None \
                or m.agenda.urgent_notice is None:
            continue
        if m.agenda.urgent_notice.days()[0] >= m.agenda.notice.days()[1]:
            yield Finding(
                f"Det hastende varsel ({_say(m.agenda.urgent_notice)}) er ikke kortere end det "
                f"almindelige ({_say(m.agenda.notice)}).",
                **at(cf, "møder", "dagsorden", "hastende"),
            )


def _say(d) -> str:
    from kommissorium.danish.procedure import deadline_text

    return deadline_text(d.count, d.unit.value, None, d.saturday)
