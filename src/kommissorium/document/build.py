"""Charter → Danish document model.

The rule that keeps a rendered document faithful to its source: in a data section, ``tekst`` is
the author's own wording and is rendered *instead of* the sentences generated from the data;
a nested ``tekst`` (a seat, an officer, extraordinary meetings, a subgroup) is the author's
wording of that part and is always rendered; ``noter`` are further paragraphs; ``indledning``
precedes a list; ``overskrifter`` override headings; ``afsnit`` are extra sections placed
``efter`` a standard section. A charter without ``tekst`` still gets correct generated Danish.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Iterable

from kommissorium.danish import (
    capitalize,
    count_text,
    in_sentence,
    format_partial_date,
    join,
    role_for,
    sentence,
)
from kommissorium.danish.composition import (
    source_text,
    seat_written,
    UNSPECIFIED_COUNT,
    alternates_sentences,
    delegation_sentence,
    election_clause,
    holdover_sentence,
    legal_basis_text,
    majority_sentence,
    open_total,
    parity_sentence,
    relative_timing_sentence,
    rotating_host_sentence,
    seat_alternates_clause,
    seat_extras,
    share_sentence,
    stated_total_sentence,
    term_sentence,
)
from kommissorium.danish.procedure import (
    share_text,
    absence_sentences,
    adoption_sentences,
    agenda_sentences,
    chairing_sentences,
    deadline_text,
    extraordinary_sentences,
    law_sentence,
    legal_ref_text,
    meeting_form_sentences,
    minutes_sentences,
    plan_sentences,
    quorum_sentence,
    threshold_members,
    tie_sentences,
    urgent_sentence,
    voting_sentences,
)
from kommissorium.danish import sentences as say
from kommissorium.danish.dates import on_date, period
from kommissorium.danish.names import Names, kommune_list
from kommissorium.danish.text import finished_paragraphs, lower_first, states
from kommissorium.danish.vocabulary import (
    DOCUMENT_KIND_TITLES,
    SECTION_HEADINGS,
    body_type_name,
    document_title,
    party_name,
    unit_noun,
)
from kommissorium.danish.sentences import (
    term_years_text,
    co_chairs_sentence,
    different_groups_sentence,
    group_phrase,
    no_chair_sentence,
    officer_sentence,
    other_officer_duties_intro,
    other_officer_sentence,
)
from kommissorium.document.model import (
    Block,
    BulletList,
    Document,
    Fact,
    MemberRow,
    MemberTable,
    Paragraph,
    Section,
)

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterSet, ExpandedSeat
    from kommissorium.model.charter import (
        Chair,
        Charter,
        Composition,
        Decisions,
        ListSection,
        Meetings,
        Officer,
        Publication,
        Relations,
        Seat,
        Secretariat,
    )

#: Standard sections in the order a kommissorium has them, with their default headings.
DEFAULT_HEADINGS = SECTION_HEADINGS
SECTION_KEYS = tuple(DEFAULT_HEADINGS)
#: Meeting keys of a forretningsorden: with any of them, the section is headed "Møder".
PROCEDURE_MEETING_FIELDS = frozenset({
    "open", "place", "virtual_attendance", "guests", "agenda", "plan", "urgent", "absence",
    "chairing", "relative_to", "rotating_host"})

#: Section key → Charter attribute.
SECTION_ATTR = {
    "baggrund": "background", "formål": "purpose", "principper": "principles", "opgaver": "tasks",
    "sammensætning": "composition", "formandskab": "chair", "sekretariat": "secretariat",
    "møder": "meetings", "beslutninger": "decisions", "referat": "minutes",
    "relationer": "relations", "offentliggørelse": "publication", "vedtagelse": "adoption",
}


#: Name the units a seat is expanded over when there are at most this many…
NAME_UNITS_UP_TO = 12
#: …and, when they are all the kommuner of a region or the country, at most this many.
NAME_ALL_UP_TO = 6


@dataclass(frozen=True)
class GitInfo:
    """The last commit that touched a charter file."""

    commit: str
    date: date | None = None
    dirty: bool = False

    def line(self) -> str:
        return say.git_line(self.commit, self.date, self.dirty)


class _Builder:
    def __init__(self, cs: "CharterSet", charter_id: str, git: GitInfo | None):
        self.cs = cs
        self.id = charter_id
        charter = cs.effective(charter_id)
        if charter is None:
            raise KeyError(charter_id)
        self.c: Charter = charter
        self.name = charter.name
        self.git = git
        self.names = Names(cs)

    # -- names ---------------------------------------------------------------------------------
    def ref(self, ref: str | None) -> str:
        """The display name of a charter id or registry key ('Hjørring Kommune', 'PLO-Nordjylland'),
        as written inside a sentence ('det politiske niveau i …', 'Det Administrative Kontaktforum')."""
        return self.names.ref(ref)

    def refs(self, refs: Iterable[str]) -> str:
        return self.names.refs(refs)

    # -- document ------------------------------------------------------------------------------
    def build(self) -> Document:
        c = self.c
        inherited = self.cs.inherited_sections(self.id)
        frame = self.cs.frame_of(self.id)
        frame_name = frame.charter.name if frame is not None and frame.charter else None

        headings = self._headings()
        standard: dict[str, Section] = {}
        for key in SECTION_KEYS:
            blocks = getattr(self, "_" + SECTION_ATTR[key])()
            if not blocks:
                continue
            heading = headings.get(key) or DEFAULT_HEADINGS[key]
            if key == "møder" and key not in headings and c.meetings is not None and (
                    c.meetings.model_fields_set & PROCEDURE_MEETING_FIELDS):
                heading = "Møder"  # a forretningsorden's meetings are more than a frequency
            section = Section(key, heading, blocks)
            if SECTION_ATTR[key] in inherited:
                section.inherited_from = frame_name
            standard[key] = section
        _merge_named_sections(standard, headings)

        ordered: list[tuple[tuple[float, int, int], Section]] = []
        for i, key in enumerate(SECTION_KEYS):
            if key in standard:
                ordered.append(((i, 0, 0), standard[key]))
        for j, extra in enumerate(c.sections):
            blocks: list[Block] = [Paragraph(p) for p in _paras(extra.text)]
            if extra.items:
                blocks.append(BulletList(tuple(extra.items)))
            blocks += [Paragraph(p) for n in extra.notes for p in _paras(n)]
            pos = SECTION_KEYS.index(extra.after) if extra.after in SECTION_KEYS else len(SECTION_KEYS)
            ordered.append(((pos, 1, j), Section(f"afsnit-{j + 1}", extra.heading, blocks)))
        if c.requirements:  # a frame's requirements (the sundhedsråd frame), with sources
            from kommissorium.danish import sundhedsraad as council

            lines = tuple(council.requirement_line(r.text or r.kind.value, r.source, r.unconfirmed)
                          for r in c.requirements)
            ordered.append(((len(SECTION_KEYS), 2, 0), Section(
                "rammekrav", council.REQUIREMENTS_HEADING,
                [Paragraph(council.REQUIREMENTS_INTRO), BulletList(lines)])))
        sections = _source_order([s for _, s in sorted(ordered, key=lambda t: t[0])])
        if c.notes:
            # Document-level remarks close the document, after its sections.
            blocks = [Paragraph(p) for n in c.notes for p in _paras(n)]
            sections.append(Section("noter", "Noter", blocks))
        if c.order:
            sections = _given_order(sections, c.order)

        meta = {"id": self.id, "generator": "kommissorium"}
        if c.version:
            meta["version"] = c.version
        if c.source:
            meta["source"] = c.source
        if self.git is not None:
            meta["commit"] = self.git.commit
            if self.git.date is not None:
                meta["commit_date"] = self.git.date.isoformat()
        # "Version 1.2 (git 3f2a9c1 af 4. maj 2024)", "Version: git 3f2a9c1 af 4. maj 2024".
        version_line = say.version_line(c.version, self.git.line() if self.git else None)
        return Document(
            id=self.id,
            title=c.title or document_title(c.kind.value, in_sentence(c.name)),
            body_name=c.name,
            kind=DOCUMENT_KIND_TITLES[c.kind.value],
            subtitle=self._subtitle(frame_name),
            approval_line=self._approval(),
            facts=self._facts(frame_name),
            sections=sections,
            version_line=version_line,
            notice=say.inherited_from(frame_name) if frame_name and any(
                sec.inherited_from for sec in sections) else None,
            meta=meta,
        )

    def _headings(self) -> dict[str, str]:
        """The charter's own headings over those of its frames (a frame's 'Grundlag' carries
        over to every charter that extends it)."""
        chain = []
        seen = set()
        cur = self.id
        while cur and cur not in seen:
            seen.add(cur)
            cf = self.cs.by_id.get(cur)
            if cf is None or cf.charter is None:
                break
            chain.append(cf.charter.headings)
            cur = cf.charter.extends
        out: dict[str, str] = {}
        for h in reversed(chain):
            out.update(h)
        return out

    def _subtitle(self, frame_name: str | None) -> str | None:
        c = self.c
        parts = []
        if c.title and c.title != c.name and c.name not in c.title:
            parts.append(c.name)
        if frame_name:
            parts.append(say.extends_frame(frame_name))
        return ". ".join(parts) or None

    def _approval(self) -> str | None:
        a = self.c.approved
        if a is None:
            return None
        if a.text:
            return " ".join(a.text.split())
        return say.approval(self.ref(a.by) or None, bool(a.by) and a.by in self.cs.by_id, a.date)

    def _facts(self, frame_name: str | None) -> tuple[Fact, ...]:
        c = self.c
        kind = body_type_name(c.type.value)
        facts = [Fact("Type", say.body_kind(kind, c.frame))]
        if c.short_name:
            facts.append(Fact("Forkortelse", c.short_name))
        facts.append(Fact("Område", capitalize(self.ref(c.area))))
        if frame_name:
            facts.append(Fact("Udbygger", frame_name))
        total, _ = self._totals()
        if total is not None:
            facts.append(Fact("Faste medlemmer", total))
        if c.approved and c.approved.date:
            facts.append(Fact("Godkendt", format_partial_date(c.approved.date)))
        if c.date:
            facts.append(Fact("Dato", format_partial_date(c.date)))
        if c.valid and (c.valid.start or c.valid.end):
            facts.append(Fact("Gyldig", period(c.valid)))
        if c.legal_basis:
            facts.append(Fact("Hjemmel", legal_basis_text(
                [r.text or legal_ref_text(r.law, r.section) for r in c.legal_basis])))
        if c.evaluation is not None:
            facts.append(Fact("Evalueres", format_partial_date(c.evaluation)))
        if c.replaced_by:
            facts.append(Fact("Erstattet af", capitalize(self.ref(c.replaced_by))))
        if c.source or (c.incomplete is not None and c.incomplete.allowed):
            facts.append(Fact("Kilde", source_text(
                " ".join(c.source.split()) if c.source else None,
                c.incomplete is not None and c.incomplete.allowed,
                " ".join(c.incomplete.text.split()) if c.incomplete and c.incomplete.text else None)))
        if c.version:
            facts.append(Fact("Version", c.version))
        return tuple(facts)

    # -- prose sections ------------------------------------------------------------------------
    def _background(self) -> list[Block]:
        return [Paragraph(p) for p in _paras(self.c.background)]

    def _purpose(self) -> list[Block]:
        return [Paragraph(p) for p in _paras(self.c.purpose)]

    def _list_section(self, ls: "ListSection | None") -> list[Block]:
        if ls is None:
            return []
        blocks: list[Block] = [Paragraph(p) for p in _paras(ls.intro)]
        if ls.items:
            blocks.append(BulletList(tuple(" ".join(i.split()) for i in ls.items)))
        blocks += [Paragraph(p) for n in ls.notes for p in _paras(n)]
        return blocks

    def _principles(self) -> list[Block]:
        return self._list_section(self.c.principles)

    def _tasks(self) -> list[Block]:
        return self._list_section(self.c.tasks)

    # -- composition ---------------------------------------------------------------------------
    def seat_text(self, seat: "Seat", units: int | None = None, single: str | None = None) -> str:
        """One seat group in Danish: '2 praktiserende læger udpeget af PLO-Nordjylland'."""
        seat_ = seat
        follows = seat.members_of is not None and "count" not in seat.model_fields_set
        if seat.count.unspecified or follows:
            # Phrase it as two seats, then drop the number: no number is ever invented.
            from kommissorium.model.types import Count

            update: dict = {"count": Count.model_validate(2)}
            if follows:
                update["members_of"] = None
            seat_ = seat.model_copy(update=update)
            seat_.model_fields_set.add("count")
        text = say.seat(seat_, self.names, area=self.c.area, units=units, single=single)
        alt = seat.alternates
        return seat_written(
            text,
            role_plural=lower_first(role_for(2, " ".join(seat.role.split()))),
            unspecified=seat.count.unspecified,
            follows=self.ref(seat.members_of) if follows else None,
            election=election_clause(seat.direct_election, seat.electorate,
                                     self.ref(seat.elected_by) or None),
            extras=seat_extras(
                plural=(seat.count.high or seat.count.low or 2) != 1 or seat.for_each is not None,
                parties=[party_name(p) for p in seat.parties],
                each_from_own=seat.each_from_own,
                unit=unit_noun(seat.for_each) if seat.for_each is not None else None,
                must_sit_in=self.ref(seat.must_sit_in) or None,
                term=term_years_text(seat.term_years) if seat.term_years else seat.term,
                fallback=seat.fallback,
                alternates=(seat_alternates_clause(alt.personal, alt.shared, alt.up_to)
                            if alt is not None and alt.allowed and not alt.text else None),
                companion=seat.companion,
            ),
        )

    def _seat_with_text(self, seat: "Seat") -> str:
        """The author's wording of a seat, with the note and quotas it does not state itself."""
        text = " ".join(seat.text.split())
        extra = say.seat_additions(seat, self.names, text)
        return f"{text.rstrip('.')}{extra}" if extra else text

    def _unit_names(self, es: "ExpandedSeat") -> str | None:
        if not es.expanded or not es.units or len(es.units) > NAME_UNITS_UP_TO:
            return None
        units = list(es.units)
        area = self.cs.registry.get(es.seat.within or self.c.area)
        if area is not None and area.kind in ("region", "land"):
            # "hver af de 11 kommuner" in a region needs no list; a klynge's kommuner do.
            if len(units) > NAME_ALL_UP_TO:
                return None
            units.sort(key=lambda u: _collate(u.name))  # a klynge keeps its own order
        if es.seat.for_each is not None and es.seat.for_each.value == "kommune":
            # "Læsø Kommune", but "Hjørring, Brønderslev og Læsø kommuner" (a common noun).
            return kommune_list(units)
        return join(u.name for u in units)

    def _row(self, es: "ExpandedSeat") -> MemberRow:
        seat = es.seat
        frame = self.c.frame
        single = self._unit_names(es) if es.expanded and len(es.units) == 1 and not frame else None
        units = None if frame else len(es.units)
        text = self._seat_with_text(seat) if seat.text else self.seat_text(seat, units, single)
        if self.c.frame and es.expanded:
            # A frame is applied per klynge/kommune by the charters that extend it: no expansion.
            return MemberRow(say.per_unit(count_text(seat.count.minimum, seat.count.maximum),
                                          seat.for_each), text)
        if seat.on_demand:
            count = "efter behov"
        elif seat.ad_hoc:
            count = "ad hoc"
        elif es.open:
            count = UNSPECIFIED_COUNT
        else:
            count = count_text(es.low, es.high)
        detail = None if single else self._unit_names(es)
        return MemberRow(count, text, detail)

    def _composition(self) -> list[Block]:
        comp: Composition | None = self.c.composition
        if comp is None:
            return []
        blocks: list[Block] = []
        if comp.members:
            intro = comp.intro or say.members_intro(self.name, comp.minimum_only)
            blocks += [Paragraph(p) for p in _paras(intro)]
            rows_list, seen_details = [], set()
            for es in self.cs.seats(self.id):
                row = self._row(es)
                if row.detail and row.detail in seen_details:
                    row = MemberRow(row.count, row.text, None)  # named once is enough
                seen_details.add(row.detail)
                rows_list.append(row)
            rows = tuple(rows_list)
            total_str, total_text = self._totals()
            blocks.append(MemberTable(rows, total_str, total_text))
        elif comp.intro:
            blocks += [Paragraph(p) for p in _paras(comp.intro)]
        for p in comp.participants:
            if p.text:
                blocks += [Paragraph(x) for x in _paras(self._seat_with_text(p))]
            else:
                blocks.append(Paragraph(say.participant(self.seat_text(p, self._units_of(p)))))
        for o in comp.observers:
            if o.text:
                blocks += [Paragraph(x) for x in _paras(self._seat_with_text(o))]
            else:
                blocks.append(Paragraph(say.observer(self.seat_text(o, self._units_of(o)), o)))
        quotas = []
        if comp.total is not None:
            t = comp.total
            quotas.append(stated_total_sentence(
                self.name, UNSPECIFIED_COUNT if t.unspecified else count_text(t.minimum, t.maximum)))
        if comp.parity:
            quotas.append(parity_sentence([self._group_text(g) or g for g in comp.parity]))
        if comp.majority:
            quotas.append(majority_sentence(self._group_text(comp.majority) or comp.majority))
        for sh in comp.shares:
            f = sh.share.fraction
            amount = (share_text(f.numerator, f.denominator, sh.share.above) if f is not None
                      else f"mindst {sh.share.count}")
            quotas.append(share_sentence(amount, self._group_text(sh.group) or sh.group))
        if quotas:
            blocks.append(Paragraph(" ".join(quotas)))
        alt = comp.alternates
        if alt is not None:
            if alt.text:
                blocks += [Paragraph(x) for x in _paras(alt.text)]
            else:
                blocks.append(Paragraph(" ".join(alternates_sentences(
                    alt.allowed, alt.personal, alt.shared, alt.up_to, alt.appointed_by,
                    alt.steps_in, [self._group_text(g) or g for g in alt.groups],
                    comp.elected))))
        for seat in comp.members:
            if seat.alternates is not None and seat.alternates.text:
                blocks += [Paragraph(x) for x in _paras(seat.alternates.text)]
        period = []
        if comp.term:
            term = " ".join(comp.term.split())
            if term[:1].isupper() and " " in term:
                period.append(sentence(term))
            elif comp.elected:
                period.append(term_sentence(term, True))
            else:
                period.append(say.term(comp.term))
        if comp.holdover:
            period.append(holdover_sentence(comp.elected))
        if period:
            blocks.append(Paragraph(" ".join(period)))
        blocks += [Paragraph(p) for n in comp.notes for p in _paras(n)]
        return blocks

    def _totals(self) -> tuple[str | None, str | None]:
        """Permanent members: ('16', 'I alt 16 faste medlemmer.'); for a frame the seats per
        kommune/klynge are named, not counted ('7 + 1 pr. kommune')."""
        per_unit: list[str] = []
        if self.c.frame:
            if self.c.composition is None or not self.c.composition.members:
                return None, None
            low, high = 0, 0
            for es in self.cs.seats(self.id):
                if es.seat.on_demand or es.seat.ad_hoc:
                    continue
                if es.expanded:
                    count = count_text(es.seat.count.minimum, es.seat.count.maximum)
                    per_unit.append(say.per_unit(count, es.seat.for_each))
                    continue
                low += es.low
                high = None if high is None or es.high is None else high + es.high
            if self.c.composition.minimum_only:
                high = None
        else:
            total = self.cs.member_count(self.id)
            if total is None:
                return None, None
            if total.open:
                return open_total(total.low, total.known_high)
            low, high = total.low, total.high
        if not (low or high or per_unit):
            return None, None
        base = count_text(low, high) if high != low or high is None else str(low)
        n = high if high is not None else low
        if per_unit:
            return f"{base} + {' + '.join(per_unit)}", say.total(base, n, per_unit)
        return base, say.total(base, n)

    def _units_of(self, seat: "Seat") -> int | None:
        if seat.for_each is None:
            return None
        return len(self.cs.expand_seat(self.c, seat).units)

    # -- chair, secretariat --------------------------------------------------------------------
    def _group_seat(self, group: str | None) -> "Seat | None":
        comp = self.c.composition
        if not group or comp is None:
            return None
        return next((s for s in comp.members if s.group == group), None)

    def _group_text(self, group: str | None) -> str | None:
        """A seat group as a circle: 'regionsrådsmedlemmer fra Region Nordjylland'; a group of
        several seat lines names each ('byrådsmedlemmer og ledende medarbejdere')."""
        comp = self.c.composition
        if not group or comp is None:
            return None
        seats = [s for s in comp.members if s.group == group]
        if not seats:
            return None
        circles = []
        for seat in seats:
            circle = _lower_first(_plural_role(seat.role))
            circle = "medlemmerne" if circle == "medlemmer" else circle  # the body's own members
            circles.append(group_phrase(circle, self.ref(seat.source) or None,
                                        self.ref(seat.appointed_by) or None))
        return join(circles)

    def _officer(self, o: "Officer | None", word: str) -> str | None:
        if o is None:
            return None
        if o.text:
            return " ".join(o.text.split())
        seat = self._group_seat(o.seat)
        return officer_sentence(
            word,
            role=o.role,
            source=self.ref(o.source) or None,
            seat=_lower_first(seat.role) if seat is not None else None,
            group=self._group_text(o.group),
            elected_from=o.elected_from,
            elected_by=o.elected_by,
            appointed_by=self.ref(o.appointed_by) or None,
            term_years=o.term_years,
            term=o.term,
        )

    def _chair(self) -> list[Block]:
        ch: Chair | None = self.c.chair
        if ch is None:
            return []
        blocks: list[Block] = []
        if ch.text:
            blocks += [Paragraph(p) for p in _paras(ch.text)]
        else:
            sentences = []
            if ch.none:
                sentences.append(no_chair_sentence(self.name))
            if ch.shared_between:
                sentences.append(say.shared_chair(ch.shared_between, ch.agreed))
            elif ch.agreed:
                sentences.append(say.agreed_chair(ch.agreed))
            if ch.co_chairs:
                descs = []
                for o in ch.co_chairs:
                    seat = self._group_seat(o.seat)
                    if seat is not None:
                        descs.append(_lower_first(seat.role))
                    else:
                        d = say.co_chair(o.role, self.ref(o.source) or None)
                        if d:
                            descs.append(d)
                if descs:
                    sentences.append(co_chairs_sentence(descs))
            for o, word in ((ch.chair, "Formanden"), (ch.vice_chair, "Næstformanden")):
                s = self._officer(o, word)
                if s:
                    sentences.append(s)
            if ch.different_groups:
                sentences.append(different_groups_sentence())
            if sentences:
                blocks.append(Paragraph(" ".join(sentences)))
        said_ch = _wording(ch.text, ch.notes)
        duties = [d for d in ch.duties if not said_ch or not states(said_ch, d)]
        if duties:
            # A task list is data the section's wording does not replace.
            blocks.append(Paragraph(say.duties_intro("formandskabet")))
            blocks.append(BulletList(tuple(" ".join(d.split()) for d in duties)))
        for other in ch.others:
            if other.text:
                blocks += [Paragraph(p) for p in _paras(other.text)]
                continue
            clauses = self._officer(other.model_copy(update={"text": None}), "")
            blocks.append(Paragraph(other_officer_sentence(
                self.name, other.title, clauses.strip() if clauses else None)))
            if other.duties:
                blocks.append(Paragraph(other_officer_duties_intro(other.title)))
                blocks.append(BulletList(tuple(" ".join(d.split()) for d in other.duties)))
        if ch.text:
            # Officers' own wording is rendered even when the section has a text of its own.
            for o in (ch.chair, ch.vice_chair):
                if o is not None and o.text:
                    blocks += [Paragraph(p) for p in _paras(o.text)]
        blocks += [Paragraph(p) for n in ch.notes for p in _paras(n)]
        return blocks

    def _secretariat(self) -> list[Block]:
        s: Secretariat | None = self.c.secretariat
        if s is None:
            return []
        blocks: list[Block] = []
        if s.text:
            blocks += [Paragraph(p) for p in _paras(s.text)]
            if s.coordinates_with and "koordiner" not in _wording(s.text, s.notes).lower():
                blocks.append(Paragraph(say.coordinates_with(self.refs(s.coordinates_with))))
        else:
            sentences = []
            if s.shared_between and not s.provided_by:
                sentences.append(say.shared_secretariat(s.shared_between))
            if s.provided_by:
                sentences.append(say.secretariat_by(self.refs(s.provided_by), len(s.provided_by) > 1))
            if s.coordinates_with:
                sentences.append(say.coordinates_with(self.refs(s.coordinates_with)))
            if sentences:
                blocks.append(Paragraph(" ".join(sentences)))
        said_s = _wording(s.text, s.notes)
        duties = [d for d in s.duties if not said_s or not states(said_s, d)]
        if duties:
            blocks.append(Paragraph(say.duties_intro("sekretariatet")))
            blocks.append(BulletList(tuple(" ".join(d.split()) for d in duties)))
        blocks += [Paragraph(p) for n in s.notes for p in _paras(n)]
        return blocks

    # -- meetings, decisions -------------------------------------------------------------------
    def _meetings(self) -> list[Block]:
        m: Meetings | None = self.c.meetings
        if m is None:
            return []
        sentences: list[str] = []
        if m.text:
            sentences += _paras(m.text)
            # The wording replaces the frequency; the other facts stay unless it states them.
            rest = self._meeting_sentences(m, covered=_wording(m.text, m.notes))
            if rest:
                sentences.append(" ".join(rest))
        else:
            sentences += self._meeting_sentences(m)
        blocks: list[Block] = []
        if sentences:
            # The first paragraph carries the frequency and its follow-ups, like the sources.
            if m.text and len(_paras(m.text)) > 1:
                blocks += [Paragraph(p) for p in sentences]
            else:
                blocks.append(Paragraph(" ".join(sentences)))
        blocks += [Paragraph(p) for p in self._procedure_paragraphs(m)]
        blocks += [Paragraph(p) for n in m.notes for p in _paras(n)]
        return blocks

    def _procedure_paragraphs(self, m: "Meetings") -> list[str]:
        """What a forretningsorden says about meetings, one paragraph per subject; a part's own
        ``tekst`` replaces its generated sentences."""
        out: list[str] = []
        timing = []
        if m.relative_to is not None:
            r = m.relative_to
            timing += _paras(r.text) if r.text else [relative_timing_sentence(
                self.ref(r.body), r.before, r.weeks, r.days, r.approximately)]
        if m.rotating_host:
            timing.append(rotating_host_sentence())
        guests = m.guests
        form = meeting_form_sentences(
            m.open, m.place, m.virtual_attendance,
            guests.allowed if guests is not None and not guests.text else None, self.name)
        if guests is not None and guests.text:
            form += _paras(guests.text)
        if timing or form:
            out.append(" ".join(timing + form))
        a = m.agenda
        if a is not None:
            if a.text:
                out += _paras(a.text)
            else:
                out.append(" ".join(agenda_sentences(
                    _deadline(a.notice, "senest"), a.with_material, _deadline(a.items_deadline, "senest"),
                    a.items_at_meeting, _deadline(a.urgent_notice, "senest"), a.published)))
        if m.plan is not None:
            p = m.plan
            out += _paras(p.text) if p.text else [" ".join(plan_sentences(
                p.proposed_by, p.approved_by, p.when, p.cancel_if_empty))]
        if m.urgent is not None:
            u = m.urgent
            out += _paras(u.text) if u.text else [urgent_sentence(u.decided_by, u.reported)]
        if m.absence is not None:
            ab = m.absence
            out += _paras(ab.text) if ab.text else [" ".join(absence_sentences(
                ab.notify, ab.alternate_after_months))]
        if m.chairing is not None:
            ch = m.chairing
            if ch.text:
                out += _paras(ch.text)
            else:
                nc = ch.no_confidence
                out.append(" ".join(chairing_sentences(
                    ch.led_by, ch.constituting_led_by, ch.constituting_when, ch.rotating,
                    _threshold(nc) if nc is not None else None)))
        return [p for p in out if p]

    def _meeting_sentences(self, m: "Meetings", covered: str | None = None) -> list[str]:
        """The meeting sentences; with ``covered`` (the author's wording) only those of facts
        the wording does not state itself (frequency and duration always count as stated)."""
        said = (covered or "").lower()

        def open_(*words: str) -> bool:
            return covered is None or not any(w in said for w in words)

        out: list[str] = []
        f = m.per_year
        if covered is None:
            if f is not None:
                out.append(say.meeting_frequency(f, m.duration_hours))
            elif m.duration_hours is not None:
                d = say.meeting_duration(m.duration_hours)
                if d:
                    out.append(d)
        if m.physical_per_year is not None and open_("fysisk"):
            p = say.physical_meetings(m.physical_per_year, f is not None)
            if p:
                out.append(p)
        if m.virtual is not None and open_("virtuel", "online", "digital"):
            out.append(say.virtual_meetings(m.virtual))
        extra = m.extraordinary
        if extra is not None and (covered is None or (extra.text or "").lower() not in said):
            if extra.text:
                out.append(" ".join(extra.text.split()))
            elif extra.allowed and open_("ekstraordinær"):
                out += extraordinary_sentences(
                    extra.called_by,
                    _threshold(extra.requested_by) if extra.requested_by else None,
                    self.ref(extra.other_body) or None,
                    _deadline(extra.within))
        if m.agenda_days_before is not None and open_("dagsorden"):
            out.append(say.agenda_days_before(m.agenda_days_before))
        if m.timing and open_(" ".join(m.timing.lower().split()).rstrip(".")):
            out.append(sentence(m.timing))
        return out

    def _decisions(self) -> list[Block]:
        d: Decisions | None = self.c.decisions
        if d is None:
            return []
        blocks: list[Block] = []
        said = _wording(d.text, d.notes).lower()

        def open_(*words: str) -> bool:
            return not d.text or not any(w in said for w in words)

        if d.text:
            blocks += [Paragraph(p) for p in _paras(d.text)]
        if True:
            out = []
            if d.rule is not None and not d.text:
                out.append(say.decision_rule(d.rule.value, self.name))
            if d.quorum and open_("beslutningsdygtig"):
                q = d.quorum
                f = q.fraction
                out.append(quorum_sentence(
                    self.name, q.count, (f.numerator, f.denominator) if f else None, q.above,
                    q.of == "stemmeberettigede", q.alternates_count))
            v = d.voting
            if v is not None and open_("flertal", "enighed", "konsensus", "stemme"):
                out += _paras(v.text) if v.text else voting_sentences(
                    v.majority_of.value if v.majority_of else None, v.consensus_first,
                    v.written_when, v.proxy)
            t = d.tie
            if t is not None and open_("stemmelighed", "stemmer står lige"):
                out += _paras(t.text) if t.text else tie_sentences(
                    t.casting, t.outcome.value if t.outcome else None,
                    t.elections.value if t.elections else None)
            if d.casting_vote and open_("stemmelighed", "afgørende"):
                out.append(say.casting_vote(d.casting_vote))
            if d.excluded_topics and open_("behandler ikke"):
                out.append(say.excluded_topics(self.name, d.excluded_topics))
            if out:
                blocks.append(Paragraph(" ".join(out)))
        law = []
        for topic, refs in (("inhabilitet", d.conflicts), ("tavshedspligt", d.confidentiality)):
            texts = [r.text for r in refs if r.text]
            plain = [legal_ref_text(r.law, r.section) for r in refs if not r.text]
            if plain:
                law.append(law_sentence(topic, plain))
            law += [" ".join(t.split()) for t in texts]
        if law:
            blocks.append(Paragraph(" ".join(law)))
        blocks += [Paragraph(p) for n in d.notes for p in _paras(n)]
        return blocks

    def _minutes(self) -> list[Block]:
        r = self.c.minutes
        if r is None:
            return []
        blocks: list[Block] = []
        if r.text:
            blocks += [Paragraph(p) for p in _paras(r.text)]
        else:
            out = minutes_sentences(r.written_by, r.approved, r.published, r.dissent, r.absence)
            if out:
                blocks.append(Paragraph(" ".join(out)))
        blocks += [Paragraph(p) for n in r.notes for p in _paras(n)]
        return blocks

    def _adoption(self) -> list[Block]:
        a = self.c.adoption
        if a is None:
            return []
        blocks: list[Block] = []
        if a.text:
            blocks += [Paragraph(p) for p in _paras(a.text)]
        else:
            when = on_date(a.effective) if a.effective is not None else None
            out = adoption_sentences(self.c.kind.value, a.adopted_by, a.amended_by,
                                     a.amendment_requires, when)
            if out:
                blocks.append(Paragraph(" ".join(out)))
        blocks += [Paragraph(p) for n in a.notes for p in _paras(n)]
        return blocks

    # -- relations, publication ----------------------------------------------------------------
    def _relations(self) -> list[Block]:
        from kommissorium.model.charter import RELATION_EDGES

        r: Relations = self.c.relations
        blocks: list[Block] = []
        if r.text:
            blocks += [Paragraph(p) for p in _paras(r.text)]
            for sg in r.subgroups:
                if sg.text:
                    blocks += [Paragraph(p) for p in _paras(sg.text)]
        else:
            # Relations to the same bodies share one sentence: "X refererer til og forbereder
            # sager for Y." The body is named in the first sentence, "Organet" after that.
            groups: dict[tuple[str, ...], list[str]] = {}
            for _key, attr, verb in RELATION_EDGES:
                targets = tuple(getattr(r, attr))
                if targets:
                    groups.setdefault(targets, []).append(verb)
            out = []
            for i, (targets, verbs) in enumerate(groups.items()):
                subject = self.name if i == 0 else "Organet"
                out.append(say.relation(subject, verbs, self.refs(targets)))
            if out:
                blocks.append(Paragraph(" ".join(out)))
            for dlg in r.delegations:
                if dlg.text:
                    blocks += [Paragraph(p) for p in _paras(dlg.text)]
                    continue
                n = dlg.count.high if dlg.count.high is not None else dlg.count.low
                blocks.append(Paragraph(delegation_sentence(
                    self.name, count_text(dlg.count.minimum, dlg.count.maximum), n,
                    dlg.alternates, self.ref(dlg.to), dlg.term)))
        said_r = _wording(r.text, r.notes)
        groups_ = [g for g in r.may_establish if not said_r or not states(said_r, g)]
        if groups_:
            blocks.append(Paragraph(say.may_establish(self.name, groups_)))
        if not r.text:
            plain = []
            for sg in r.subgroups:
                if sg.text:
                    blocks += [Paragraph(p) for p in _paras(sg.text)]
                else:
                    label = in_sentence(sg.name) if sg.name else self.ref(sg.ref)
                    plain.append(say.subgroup_label(label, sg.standing))
            if plain:
                blocks.append(Paragraph(say.subgroups(in_sentence(self.name), plain)))
        blocks += [Paragraph(p) for n in r.notes for p in _paras(n)]
        return blocks

    def _publication(self) -> list[Block]:
        p: Publication | None = self.c.publication
        if p is None:
            return []
        if p.text:
            return [Paragraph(x) for x in _paras(p.text)]
        out = []
        if p.agendas_and_minutes:
            out.append(say.agendas_published(p.agendas_and_minutes))
        if p.charter:
            out.append(say.charter_published(p.charter, self.c.kind))
        return [Paragraph(" ".join(out))] if out else []


#: A number that opens a heading: '§ 5', '5.', '5', '5.2'.
_HEADING_NUMBER = re.compile(r"^\s*(?:§\s*)?(\d+)(?:\.(\d+))?\.?\s")


def _heading_number(heading: str | None) -> tuple[int, int] | None:
    m = _HEADING_NUMBER.match(heading or "")
    return (int(m[1]), int(m[2] or 0)) if m else None


def _source_order(sections: list[Section]) -> list[Section]:
    """The source's order when its headings are numbered ('§ 5 Møder' before '§ 7 Sammensætning'):
    numbered sections sort by their number; an unnumbered one stays after the section it
    followed."""
    numbers = [_heading_number(s.heading) for s in sections]
    if sum(1 for n in numbers if n) < 2:
        return sections
    keys, last = [], (0, 0)
    for i, n in enumerate(numbers):
        if n:
            last = n
        keys.append((last, 0 if n else 1, i))
    return [s for _, s in sorted(zip(keys, sections), key=lambda t: t[0])]


def _wording(text: str | None, notes: list[str] | None = None) -> str:
    """The author's own words in a block (its ``tekst`` and its ``noter``): what they state
    need not be generated again beside them."""
    return "\n".join([text or "", *(notes or [])]).strip()


def _given_order(sections: list[Section], order: list[str]) -> list[Section]:
    """The order the charter states (``rækkefølge``): section keys, extra sections' headings and
    'noter'; sections it does not name follow in their own order."""
    def rank(i_s: tuple[int, Section]) -> tuple[int, int]:
        i, s = i_s
        for name in (s.key, s.heading):
            if name in order:
                return order.index(name), i
        return len(order), i

    return [s for _, s in sorted(enumerate(sections), key=rank)]


def _merge_named_sections(standard: dict[str, Section], headings: dict[str, str]) -> None:
    """A heading that names the next section too ('Sammensætning og formandskab') takes that
    section's text under it, so the document has no second 'Formandskab' heading."""
    keys = [k for k in SECTION_KEYS if k in standard]
    for here, nxt in zip(keys, keys[1:]):
        if here not in standard or nxt not in standard or nxt in headings:
            continue
        own = (standard[here].heading or "").lower()
        word = DEFAULT_HEADINGS[nxt].lower()
        if here in headings and (word in own or nxt in own):
            standard[here].blocks.extend(standard[nxt].blocks)
            del standard[nxt]


def _deadline(d, default_bound: str | None = None) -> str | None:
    """A ``Deadline`` as Danish: 'senest fem hverdage'."""
    if d is None:
        return None
    bound = d.bound.value if d.bound is not None else default_bound
    return deadline_text(d.count, d.unit.value, bound, d.saturday)


def _threshold(t) -> str:
    """A ``Threshold`` as Danish: 'mindst 3 medlemmer', 'over halvdelen af medlemmerne'."""
    f = t.fraction
    return threshold_members(t.count, (f.numerator, f.denominator) if f else None, t.above)


def _paras(text: str | None) -> list[str]:
    return finished_paragraphs(text)


def _collate(name: str) -> str:
    """A sort key in Danish alphabetical order (æ, ø, å last; 'Aa' as 'Å')."""
    key = name.lower()
    if key.startswith("aa"):
        key = "å" + key[2:]
    return key.translate(str.maketrans({"æ": "{", "ø": "|", "å": "}"}))


def _lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word looks like a name ('PLO', 'Region')."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if first[1:2].isupper() or first in {"Region", "Regionen"}:
        return text
    return text[:1].lower() + text[1:]


def _plural_role(role: str) -> str:
    from kommissorium.danish import plural_role

    return plural_role(role)


def build_document(cs: "CharterSet", charter_id: str, git: GitInfo | None = None) -> Document:
    """The Danish document of one charter (with its frame's sections filled in), and its member
    list when the roster beside it asks for one (``i-dokumentet: true``)."""
    doc = _Builder(cs, charter_id, git).build()
    from kommissorium.roster.document import member_section

    section = member_section(cs, charter_id)
    if section is not None:
        doc.sections.append(section)
    return doc


def seat_sentence(cs: "CharterSet", charter_id: str, seat: "Seat") -> str:
    """One seat group as the charter's document writes it: '1 sundhedsdirektør fra hver af de 4
    kommuner (…)'. The semantic diff describes seats with the same words."""
    builder = _Builder(cs, charter_id, None)
    return builder.seat_text(seat, builder._units_of(seat))
