"""Meeting plans (T): the dated meetings in ``<organ>.moeder.yaml`` agree with the charter's
frequency, free months and preparation for other bodies, and no member is booked twice."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Iterator

from kommissorium.corpus import CharterSet
from kommissorium.danish import roster as say
from kommissorium.danish.dates import format_month
from kommissorium.danish.quantities import frequency
from kommissorium.problems import Location, Related, Severity
from kommissorium.rules.base import Finding, rule

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.roster.files import CompanionFile
    from kommissorium.roster.model import Meeting


def _at(pf: "CompanionFile", *path: Any, key: bool = False) -> dict[str, Any]:
    line, column = pf.at(*path, key=key)
    return {"file": pf.display, "line": line, "column": column, "charter": pf.charter_id}


def _plans(cs: CharterSet) -> Iterator[tuple[str, "CompanionFile"]]:
    for cid, pf in sorted(cs.plans.items()):
        if cs.charter(cid) is not None:
            yield cid, pf


def _indexed(pf: "CompanionFile") -> list[tuple[int, "Meeting"]]:
    """(index in the file, meeting) of the meetings held (not cancelled), in date order."""
    return sorted(((i, m) for i, m in enumerate(pf.data.meetings) if not m.cancelled),
                  key=lambda x: (x[1].day, x[1].starts or time()))


def _whole_year(charter: Any, year: int) -> bool:
    """Whether the charter is in force the whole calendar year (unknown: yes)."""
    v = charter.valid
    if v is None:
        return True
    if v.start is not None and v.start.first_day > date(year, 1, 1):
        return False
    if v.end is not None and v.end.last_day < date(year, 12, 31):
        return False
    return True


@rule(
    "T001",
    "moedeplan.antal",
    Severity.ERROR,
    "Mødeplanen har flere eller færre møder i et år, end kommissoriets mødefrekvens siger.",
)
def count(cs: CharterSet) -> Iterator[Finding]:
    """
    Et kommissorium siger "4-5 møder årligt"; mødeplanen (`<organ>.moeder.yaml`) har årets
    datoer. Har planen 8 møder i et år, eller færre end mindstetallet, siger de to dokumenter
    noget forskelligt. Aflyste møder (`aflyst: true`) tæller ikke. Færre møder end mindstetallet
    rapporteres kun for år, hvor kommissoriet gælder hele året; flere end højst kun, når
    kommissoriet ikke tillader møder "efter behov" derudover.

    Godt:
        # raad.yaml: møder: {pr-år: 4-5}
        møder: [{dato: 2027-02-01}, {dato: 2027-05-03}, {dato: 2027-09-06}, {dato: 2027-11-29}]

    Dårligt:
        # raad.yaml: møder: {pr-år: 4-5}
        møder: [{dato: 2027-02-01}, {dato: 2027-05-03}]
    """
    for cid, pf in _plans(cs):
        c = cs.effective(cid)
        f = c.meetings.per_year if c is not None and c.meetings is not None else None
        if f is None:
            continue
        years: dict[int, list[int]] = {}
        for i, m in _indexed(pf):
            years.setdefault(m.day.year, []).append(i)
        for year, found in sorted(years.items()):
            n = len(found)
            floor, ceiling = f.floor, f.ceiling
            if ceiling is not None and not f.on_demand and n > ceiling:
                yield Finding(say.plan_count(year, n, frequency(f)),
                              **_at(pf, "møder", found[int(ceiling)], "dato"))
            elif floor is not None and n < floor and _whole_year(c, year):
                yield Finding(say.plan_count(year, n, frequency(f)),
                              **_at(pf, "møder", found[0], "dato"))


def _timing(c: Any) -> tuple[str | None, int | None, int | None, bool]:
    """(body, weeks, days, approximately) of the charter's relative timing, if the model has it."""
    rel = getattr(c.meetings, "relative_to", None) if c.meetings is not None else None
    if rel is None or not getattr(rel, "before", True):
        return None, None, None, False
    return rel.body, getattr(rel, "weeks", None), getattr(rel, "days", None), \
        bool(getattr(rel, "approximately", False))


@rule(
    "T002",
    "moedeplan.forbereder-efter",
    Severity.ERROR,
    "Et organ, der forbereder sager for et andet, holder ikke sit møde før det andet organs "
    "møde (eller senere, end kommissoriet siger).",
)
def prepares_before(cs: CharterSet) -> Iterator[Finding]:
    """
    Det faglige/strategiske niveau "forbereder og kvalificerer dagsordenen til det politiske
    niveau" (`relationer: {forbereder-for: …}`). Har begge organer en mødeplan, skal der før
    hvert møde i det andet organ være et møde i det forberedende organ, efter det andet organs
    forrige møde. Siger kommissoriet, hvor længe før (`møder: {i-forhold-til: {organ, uger}}`),
    skal det forberedende møde ligge mindst så tidligt (en uges slæk, når der står `ca`).
    Kun år, som det forberedende organs plan dækker, sammenlignes.

    Godt:
        # klynge/fagligt.moeder.yaml: møder: [{dato: 2027-02-15}]
        # klynge/politisk.moeder.yaml: møder: [{dato: 2027-03-01}]

    Dårligt:
        # klynge/fagligt.moeder.yaml: møder: [{dato: 2027-03-10}]
        # klynge/politisk.moeder.yaml: møder: [{dato: 2027-03-01}]
    """
    for cid, pf in _plans(cs):
        c = cs.effective(cid)
        if c is None:
            continue
        mine = _indexed(pf)
        if not mine:
            continue
        years = {m.day.year for _, m in mine}
        rel_body, weeks, days, approx = _timing(c)
        for target in c.relations.prepares_for:
            other = cs.plans.get(target)
            if other is None or other.data is None or cs.charter(target) is None:
                continue
            theirs = _indexed(other)
            prev: date | None = None
            for _, tm in theirs:
                day = tm.day
                if day.year not in years:
                    prev = day
                    continue
                gap = None
                if rel_body == target:
                    gap = (weeks * 7 if weeks is not None else days) if (weeks or days) else None
                latest = day - timedelta(days=1)
                if gap is not None:
                    latest = day - timedelta(days=max(gap - (7 if approx else 0), 1))
                earliest = prev + timedelta(days=1) if prev else day - timedelta(days=120)
                ok = any(earliest <= m.day <= latest for _, m in mine)
                if not ok:
                    nxt = next((m.day for _, m in mine if m.day >= earliest), None)
                    window = say.window_text(days if gap else None, weeks if gap else None, prev)
                    idx = next((i for i, m in mine if m.day >= earliest), mine[-1][0])
                    ocf = cs.get(target)
                    related = ()
                    if other is not None:
                        line, col = other.at("møder", other.data.meetings.index(tm), "dato")
                        related = (Related(Location(other.display, line, col),
                                           "det andet organs møde"),)
                    yield Finding(
                        say.prepares_after(cs.name_of(cid), cs.name_of(target) if ocf else target,
                                           day, nxt, window),
                        related=related, **_at(pf, "møder", idx, "dato"))
                prev = day


@rule(
    "T003",
    "moedeplan.moedefri-maaned",
    Severity.ERROR,
    "Mødeplanen har et møde i en måned, som kommissoriet holder mødefri.",
)
def free_month(cs: CharterSet) -> Iterator[Finding]:
    """
    Et kommissorium kan holde måneder mødefri ("der holdes ikke møder i juli"):
    `møder: {mødefri-måneder: [juli]}`. Et møde i mødeplanen i sådan en måned strider mod
    kommissoriet. Aflyste møder tæller ikke.

    Godt:
        # raad.yaml: møder: {pr-år: 4, mødefri-måneder: [juli]}
        møder: [{dato: 2027-08-16}]

    Dårligt:
        # raad.yaml: møder: {pr-år: 4, mødefri-måneder: [juli]}
        møder: [{dato: 2027-07-05}]
    """
    for cid, pf in _plans(cs):
        c = cs.effective(cid)
        free = set(c.meetings.free_months) if c is not None and c.meetings is not None else set()
        if not free:
            continue
        for i, m in _indexed(pf):
            if m.day.month in free:
                month = format_month(m.day.year, m.day.month).split(" ")[0]
                yield Finding(say.free_month(m.day, month), **_at(pf, "møder", i, "dato"))


def _span(m: "Meeting") -> tuple[datetime, datetime] | None:
    if m.starts is None:
        return None
    start = datetime.combine(m.day, m.starts)
    end = datetime.combine(m.day, m.ends) if m.ends else start + timedelta(hours=2)
    return start, end


@rule(
    "T004",
    "moedeplan.dobbeltbooking",
    Severity.WARNING,
    "Samme person er medlem af to organer, der holder møde på samme tid.",
)
def double_booking(cs: CharterSet) -> Iterator[Finding]:
    """
    Sidder samme person (samme `id`, ellers samme navn) i to organer, og har begge organer
    møde samme dag på tidspunkter, der overlapper, kan personen ikke deltage i begge. Reglen
    ser kun på møder med klokkeslæt (`tid`); et møde uden slutklokkeslæt regnes for to timer.
    Det er en advarsel: en suppleant kan træde ind.

    Godt:
        # a.moeder.yaml: møder: [{dato: 2027-03-04, tid: "09:00-11:00"}]
        # b.moeder.yaml: møder: [{dato: 2027-03-04, tid: "13:00-15:00"}]

    Dårligt:
        # a.moeder.yaml: møder: [{dato: 2027-03-04, tid: "13:00-15:00"}]
        # b.moeder.yaml: møder: [{dato: 2027-03-04, tid: "14:00-16:00"}]
    """
    people: dict[str, list[tuple[str, Any]]] = {}
    for cid, rf in sorted(cs.rosters.items()):
        if cs.charter(cid) is None or cid not in cs.plans:
            continue
        for m in rf.data.members:
            people.setdefault(m.key(), []).append((cid, m))
    seen: set[tuple[Any, ...]] = set()
    for key, seats in sorted(people.items()):
        bodies = sorted({cid for cid, _ in seats})
        if len(bodies) < 2:
            continue
        for a_i, a in enumerate(bodies):
            for b in bodies[a_i + 1:]:
                pa, pb = cs.plans[a], cs.plans[b]
                for _, ma in _indexed(pa):
                    sa = _span(ma)
                    if sa is None:
                        continue
                    for j, mb in _indexed(pb):
                        sb = _span(mb)
                        if sb is None or mb.day != ma.day or not (sa[0] < sb[1] and sb[0] < sa[1]):
                            continue
                        pa_m = next(m for cid, m in seats if cid == a)
                        pb_m = next(m for cid, m in seats if cid == b)
                        if not (pa_m.serves_on(ma.day) and pb_m.serves_on(mb.day)):
                            continue
                        sig = (key, a, b, ma.day)
                        if sig in seen:
                            continue
                        seen.add(sig)
                        line, col = pa.at("møder", pa.data.meetings.index(ma), "dato")
                        yield Finding(
                            say.double_booked(say.person_name(pb_m), cs.name_of(b),
                                              cs.name_of(a), mb.day, say.clock(mb)),
                            related=(Related(Location(pa.display, line, col), "mødet dér"),),
                            **_at(pb, "møder", j, "dato"))
