"""iCalendar (RFC 5545) of the meeting plans: one calendar per body, or one for all.

Generated with the ``icalendar`` library, which writes CRLF line ends, folds lines at 75 octets
and escapes text. Times are Danish local time (``TZID=Europe/Copenhagen``) with the zone's
VTIMEZONE in the EU summer-time rule, as Outlook and Google Calendar write it; a meeting
without a time is an all-day event. Every meeting has a UID that depends only on the body and
the meeting (its ``id``, else its date), so importing the file again updates meetings instead of
duplicating them. Cancelled meetings stay in the calendar with ``STATUS:CANCELLED``, so that a
calendar that already holds them shows them as cancelled.

No person is named in a calendar: events carry the body, date, time, place and title only.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterSet
    from kommissorium.roster.model import Meeting

TZID = "Europe/Copenhagen"
#: Central European Time with EU summer time (last Sunday of March to last Sunday of October).
VTIMEZONE = "\r\n".join([
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]) + "\r\n"
UID_DOMAIN = "kommissorium"


def uid(charter_id: str, meeting: "Meeting", same_day_index: int = 0) -> str:
    """A stable UID: the body id and the meeting's own ``id`` (or its date; a second meeting on
    the same day gets '-2')."""
    key = meeting.id or meeting.day.isoformat() + (f"-{same_day_index + 1}" if same_day_index else "")
    return f"{charter_id.replace('/', '.')}.{key}@{UID_DOMAIN}"


def _stamp() -> datetime:
    """DTSTAMP: when the file is made (``SOURCE_DATE_EPOCH`` for reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def hidden_names(cs: "CharterSet") -> list[str]:
    """The names marked not for publication in any roster (longest first)."""
    names = {p.name for rf in cs.rosters.values() for p in rf.data.everyone() if not p.public}
    public = {p.name for rf in cs.rosters.values() for p in rf.data.everyone() if p.public}
    return sorted(names - public, key=len, reverse=True)


def redact(text: str | None, hidden: list[str]) -> str | None:
    """Free text with every non-public name replaced by 'NN' (a safety net for notes)."""
    if not text:
        return text
    from kommissorium.danish.roster import HIDDEN_NAME

    for name in hidden:
        text = text.replace(name, HIDDEN_NAME)
    return text


def calendar_ids(cs: "CharterSet", ids: Iterable[str] | None = None) -> list[str]:
    """The bodies with a meeting plan (and a valid charter), in id order."""
    chosen = set(ids) if ids is not None else None
    return sorted(cid for cid, pf in cs.plans.items()
                  if cs.charter(cid) is not None and (chosen is None or cid in chosen))


def build_calendar(cs: "CharterSet", ids: Iterable[str] | None = None,
                   name: str | None = None) -> bytes:
    """The iCalendar file (bytes, UTF-8, CRLF) of the meeting plans of ``ids`` (default: all)."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event, Timezone

    from kommissorium import __version__
    from kommissorium.danish import roster as say

    chosen = calendar_ids(cs, ids)
    hidden = hidden_names(cs)
    cal = Calendar()
    cal.add("prodid", f"-//kommissorium//kommissorium {__version__}//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    title = name or (cs.name_of(chosen[0]) if len(chosen) == 1 else "Møder")
    cal.add("x-wr-calname", title)
    cal.add("x-wr-timezone", TZID)
    zone = ZoneInfo(TZID)
    stamp = _stamp()
    events = []
    for cid in chosen:
        plan = cs.plans[cid].data
        body = cs.name_of(cid)
        per_day: dict[date, int] = {}
        for m in sorted(plan.meetings, key=lambda m: (m.day, m.starts or datetime.min.time())):
            n = per_day.get(m.day, 0)
            per_day[m.day] = n + 1
            ev = Event()
            ev.add("uid", uid(cid, m, n))
            ev.add("dtstamp", stamp)
            ev.add("summary", redact(say.summary(m, body), hidden))
            if m.starts is not None:
                ev.add("dtstart", datetime.combine(m.day, m.starts, tzinfo=zone))
                if m.ends is not None:
                    ev.add("dtend", datetime.combine(m.day, m.ends, tzinfo=zone))
            else:
                ev.add("dtstart", m.day)
                ev.add("dtend", m.day + timedelta(days=1))
            place = m.place or plan.place
            if place:
                ev.add("location", redact(place, hidden))
            if m.note:
                ev.add("description", redact(m.note, hidden))
            ev.add("status", "CANCELLED" if m.cancelled else "CONFIRMED")
            ev.add("transp", "OPAQUE")
            ev.add("sequence", 0)
            events.append(ev)
    if any(ev.get("dtstart") is not None and isinstance(ev.decoded("dtstart"), datetime)
           for ev in events):
        cal.add_component(Timezone.from_ical(VTIMEZONE))
    for ev in events:
        cal.add_component(ev)
    return cal.to_ical()
