"""Site pages for rosters and meeting plans: one page per body ('Medlemmer og møder'), a page
per published person listing every seat they hold, an index of persons, and the calendars
(one .ics per body and one for all). Only what ``roster.view`` lets out is published."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kommissorium.site.build import charter_page, danish_sort_key, relative

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.site.build import SiteResult, _Site

MEMBERS_DIR = "medlemmer"
PEOPLE_DIR = "personer"
PEOPLE_INDEX = f"{PEOPLE_DIR}/index.html"
CALENDAR_DIR = "kalender"
CALENDAR_ALL = f"{CALENDAR_DIR}/alle.ics"


def members_page(cid: str) -> str:
    return f"{MEMBERS_DIR}/{cid}.html"


def person_page(slug: str) -> str:
    return f"{PEOPLE_DIR}/{slug}.html"


def calendar_file(cid: str) -> str:
    return f"{CALENDAR_DIR}/{cid}.ics"


def bodies_with_lists(site: "_Site") -> list[str]:
    cs = site.cs
    return [cid for cid in site.ids if cid in cs.rosters or cid in cs.plans]


def write_pages(site: "_Site", result: "SiteResult") -> None:
    from kommissorium.roster.calendar import build_calendar
    from kommissorium.roster.view import people, plan_view, roster_view

    cs = site.cs
    ids = bodies_with_lists(site)
    if not ids:
        return
    persons = people(cs, ids)
    for cid in ids:
        page = members_page(cid)
        cal = None
        if cid in cs.plans:
            site.out.write(calendar_file(cid), build_calendar(cs, [cid]))
            cal = relative(page, calendar_file(cid))
        site.write_page(
            page, "medlemmer.html.j2",
            body=site.entry(cid, page),
            roster=roster_view(cs, cid),
            meetings=plan_view(cs, cid),
            calendar_url=cal,
            people_url=relative(page, PEOPLE_INDEX) if persons else None,
            person_url=lambda slug, _page=page: relative(_page, person_page(slug)),
        )
    if any(cid in cs.plans for cid in ids):
        site.out.write(CALENDAR_ALL, build_calendar(cs, ids, site.options.title))
    for slug, p in persons.items():
        page = person_page(slug)
        seats = [{**vars(s), "url": relative(page, members_page(s.body_id))} for s in p["seats"]]
        site.write_page(page, "person.html.j2",
                        person={"name": p["name"], "party": p["party"], "seats": seats})
    listing: list[dict[str, Any]] = []
    for slug, p in sorted(persons.items(), key=lambda kv: danish_sort_key(kv[1]["name"])):
        n = len(p["seats"])
        listing.append({"name": p["name"], "party": p["party"],
                        "url": relative(PEOPLE_INDEX, person_page(slug)),
                        "count": f"{n} {'plads' if n == 1 else 'pladser'}"})
    site.write_page(PEOPLE_INDEX, "personer.html.j2", persons=listing,
                    bodies=[{"name": cs.name_of(cid),
                             "url": relative(PEOPLE_INDEX, members_page(cid))} for cid in ids])


def members_link(site: "_Site", cid: str, page: str) -> str | None:
    """The link from a charter page to its body's members page, when there is one."""
    if cid in site.cs.rosters or cid in site.cs.plans:
        return relative(page, members_page(cid))
    return None


__all__ = ["charter_page", "members_link", "members_page", "person_page", "write_pages"]
