"""The charter (kommissorium) of ONE body.

YAML keys are Danish (aliases); attribute names are English. ``extra="forbid"`` everywhere, so an
unknown key is an error with a suggestion. Single-file validation only: references are checked
against the other charters and the registry by the rules, not here.

Two kinds of text stand beside the data, so that nothing of a source document is lost:
``tekst`` in a data section is the author's own wording of that data (rendered instead of a
generated sentence, and checked against the data by the prose rules); ``noter`` are further
paragraphs the section holds.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator
from typing_extensions import Annotated

from kommissorium.model.procedure import (
    Absence,
    Adoption,
    Agenda,
    Allowed,
    Chairing,
    Extraordinary,
    LegalRef,
    MeetingPlan,
    Minutes,
    Quorum,
    Threshold,
    Tie,
    Urgent,
    Voting,
    _legal_list,
    allowed_or_text,
)
from kommissorium.model.types import (
    Count,
    Duration,
    Frequency,
    PartialDate,
    Ref,
    RefList,
    Strict,
    TextList,
    Validity,
    YesNo,
)


class BodyType(str, Enum):
    POLITICAL = "politisk"
    ADMINISTRATIVE = "administrativ"
    PROFESSIONAL_STRATEGIC = "fagligt-strategisk"
    FORUM = "forum"
    NETWORK = "netværk"
    WORKING_GROUP = "arbejdsgruppe"
    COMMITTEE = "udvalg"
    SECRETARIAT = "sekretariat"
    COUNCIL = "råd"
    BOARD = "bestyrelse"
    STANDING_COMMITTEE = "stående-udvalg"
    SPECIAL_COMMITTEE = "særligt-udvalg"
    HEALTH_COUNCIL = "sundhedsråd"


class DocumentKind(str, Enum):
    """The kind of document the charter is: it sets the title ("Forretningsorden for …")."""

    CHARTER = "kommissorium"
    RULES_OF_PROCEDURE = "forretningsorden"
    STATUTES = "vedtægt"


class Party(str, Enum):
    """The sides of Danish health cooperation; used for shared chairs and parity."""

    MUNICIPALITIES = "kommuner"
    REGION = "region"
    GENERAL_PRACTICE = "almen-praksis"
    PATIENTS = "patienter"
    STATE = "stat"
    OTHER = "andet"


PARTY_ALIASES = {"kommunerne": "kommuner", "kommune": "kommuner", "regionen": "region",
                  "hospitaler": "region", "praksis": "almen-praksis"}


def _parties(value: Any) -> Any:
    if isinstance(value, list):
        return [PARTY_ALIASES.get(v, v) if isinstance(v, str) else v for v in value]
    return value


#: Parties such as ``[kommuner, region]``; "kommunerne", "regionen" are accepted too.
PartyList = Annotated[list[Party], BeforeValidator(_parties)]


class ExpandOver(str, Enum):
    MUNICIPALITY = "kommune"
    CLUSTER = "klynge"
    REGION = "region"
    COUNCIL = "sundhedsråd"


SectionKey = Literal[
    "baggrund",
    "formål",
    "principper",
    "opgaver",
    "sammensætning",
    "formandskab",
    "sekretariat",
    "møder",
    "beslutninger",
    "referat",
    "relationer",
    "offentliggørelse",
    "vedtagelse",
]

SECTION_ORDER: tuple[str, ...] = SectionKey.__args__  # type: ignore[attr-defined]


class Approval(Strict):
    by: Ref | None = Field(None, alias="af", description="Det organ, der har godkendt kommissoriet.")
    date: PartialDate | None = Field(None, alias="dato", description="Dato eller måned for godkendelsen.")
    text: str | None = Field(None, alias="tekst", description="Godkendelseslinjen med forfatterens ord.")


class SubQuota(Strict):
    """"heraf mindst 1 fra psykiatrien": a part of a seat group with its own requirement."""

    minimum: int | None = Field(None, alias="mindst", ge=0)
    count: int | None = Field(None, alias="antal", ge=0)
    source: Ref | None = Field(None, alias="fra")
    role: str | None = Field(None, alias="rolle")
    requirement: str | None = Field(None, alias="krav")

    @model_validator(mode="after")
    def _something(self) -> "SubQuota":
        if self.minimum is None and self.count is None:
            raise ValueError("en 'heraf'-kvote skal have 'mindst' eller 'antal'")
        if self.source is None and self.role is None and self.requirement is None:
            raise ValueError("en 'heraf'-kvote skal sige 'fra', 'rolle' eller 'krav'")
        return self

    @property
    def required(self) -> int:
        return self.count if self.count is not None else (self.minimum or 0)


class Seat(Strict):
    """A group of seats: "1 sundhedsdirektør fra hver kommune i klyngen"."""

    count: Count = Field(default_factory=lambda: Count.model_validate(1), alias="antal")
    role: str = Field(alias="rolle", min_length=1)
    source: Ref | None = Field(None, alias="fra", description="Organisation, region, kommune eller organ.")
    for_each: ExpandOver | None = Field(None, alias="for-hver")
    within: Ref | None = Field(None, alias="i", description="Området, der udfoldes over (standard: kommissoriets område).")
    appointed_by: Ref | None = Field(None, alias="udpeget-af")
    nominated_by: Ref | None = Field(None, alias="indstillet-af")
    group: Ref | None = Field(None, alias="gruppe", description="Pladsgruppens korte id, som formandskab, procedure og medlemslister henviser til.")
    members_of: Ref | None = Field(None, alias="medlemmer-af", description="Pladserne besættes af et andet organs medlemmer.")
    ex_officio: YesNo = Field(False, alias="embede", description="Sidder i kraft af sit embede.")
    sub_quotas: list[SubQuota] = Field(default_factory=list, alias="heraf")
    requirement: str | None = Field(None, alias="krav")
    on_demand: YesNo = Field(False, alias="efter-behov")
    ad_hoc: YesNo = Field(False, alias="ad-hoc")
    vote: YesNo = Field(True, alias="stemmeret")
    party: Party | None = Field(None, alias="part")
    parties: PartyList = Field(default_factory=list, alias="parter", description="Pladsen deles af flere parter, fx [kommuner, region].")
    direct_election: YesNo = Field(False, alias="direkte-valg", description="Medlemmerne vælges ved direkte valg (fx ældrerådsvalg), ikke udpeget.")
    electorate: str | None = Field(None, alias="vælgere", description="Hvem der stemmer ved det direkte valg, fx 'kommunens borgere over 60 år'.")
    elected_by: Ref | None = Field(None, alias="valgt-af", description="Et organ, der vælger medlemmerne blandt sine egne, fx byrådet.")
    must_sit_in: Ref | None = Field(None, alias="skal-sidde-i", description="Medlemmet skal også være medlem af dette organ.")
    each_from_own: str | None = Field(None, alias="hver-fra-sin", description="Ved 'for-hver': hver plads besættes fra sin enheds egen organisation, fx 'PLO-kreds'.")
    fallback: str | None = Field(None, alias="ellers", description="Hvordan pladsen besættes, hvis den første vej ikke findes, fx 'blandt kommunens praktiserende læger'.")
    term: str | None = Field(None, alias="periode", description="Pladsens egen periode, fx 'to år'.")
    term_years: int | None = Field(None, alias="periode-år", ge=1, le=10, description="Pladsens periode i år.")
    alternates: "Alternates | None" = Field(None, alias="suppleanter", description="Suppleanter for netop denne pladsgruppe.")
    companion: YesNo = Field(False, alias="bisidder", description="Hver repræsentant kan have en bisidder med.")
    text: str | None = Field(None, alias="tekst", description="Forfatterens formulering af linjen.")
    note: str | None = Field(None, alias="note")

    @model_validator(mode="after")
    def _one_way_in(self) -> "Seat":
        ways = [k for k, v in (("udpeget-af", self.appointed_by), ("valgt-af", self.elected_by),
                               ("direkte-valg", self.direct_election)) if v]
        if len(ways) > 1:
            raise ValueError(f"en plads besættes på én måde: {' eller '.join(ways)}, ikke flere")
        if self.electorate and not self.direct_election:
            raise ValueError("'vælgere' hører til 'direkte-valg: true'")
        if self.each_from_own and self.for_each is None:
            raise ValueError("'hver-fra-sin' kræver 'for-hver'")
        return self

    @property
    def elected(self) -> bool:
        """Members come in by election (direct, or by another body), not by appointment."""
        return self.direct_election or self.elected_by is not None

    @field_validator("sub_quotas", mode="before")
    @classmethod
    def _quota_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, dict) else value


_allowed_or_text = allowed_or_text


class Alternates(Strict):
    allowed: YesNo = Field(True, alias="tilladt")
    personal: YesNo = Field(False, alias="personlige")
    shared: YesNo = Field(False, alias="fælles", description="Suppleanterne er fælles for pladsgruppen (ikke personlige).")
    up_to: int | None = Field(None, alias="op-til", ge=1, le=20, description="Højst så mange suppleanter pr. plads.")
    appointed_by: str | None = Field(None, alias="udpeges-af", description="Hvem der udpeger suppleanterne.")
    steps_in: str | None = Field(None, alias="træder-ind", description="Hvornår suppleanten træder ind, fx 'ved forfald'.")
    groups: RefList = Field(default_factory=list, alias="gruppe", description="Pladsgrupperne, reglen gælder for (standard: alle).")
    text: str | None = Field(None, alias="tekst")

    @model_validator(mode="after")
    def _personal_or_shared(self) -> "Alternates":
        if self.personal and self.shared:
            raise ValueError("suppleanter er enten 'personlige' eller 'fælles', ikke begge")
        return self

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, value: Any) -> Any:
        return _allowed_or_text(value)


class Composition(Strict):
    intro: str | None = Field(None, alias="indledning")
    members: list[Seat] = Field(default_factory=list, alias="medlemmer")
    participants: list[Seat] = Field(default_factory=list, alias="deltagere", description="Deltagere uden for de faste medlemmer: sekretariat, efter behov, ad hoc.")
    observers: list[Seat] = Field(default_factory=list, alias="observatører")
    alternates: Alternates | None = Field(None, alias="suppleanter")
    minimum_only: YesNo = Field(False, alias="minimum", description="Sammensætningen er et minimum; flere kan deltage.")
    total: Count | None = Field(None, alias="i-alt", description="Det samlede antal medlemmer, som kilden angiver det (\"op til 18\", \"maksimalt 15\").")
    parity: RefList = Field(default_factory=list, alias="ligelig", description="Pladsgrupper, der skal have lige mange pladser (paritet).")
    majority: Ref | None = Field(None, alias="flertal", description="Pladsgruppen, der skal have flertallet.")
    shares: list["GroupShare"] = Field(default_factory=list, alias="andele", description="Andele af medlemmerne, som en pladsgruppe skal have, fx over en tredjedel.")
    term: str | None = Field(None, alias="periode")
    holdover: YesNo = Field(False, alias="indtil-afløsning", description="Medlemmerne fortsætter, indtil nye er udpeget eller valgt.")
    notes: TextList = Field(default_factory=list, alias="noter")

    @property
    def elected(self) -> bool:
        """Every permanent member comes in by election: the document says 'vælges', not 'udpeges'."""
        return bool(self.members) and all(s.elected for s in self.members)


class GroupShare(Strict):
    """"Over en tredjedel af medlemmerne er brugerrepræsentanter"."""

    group: Ref = Field(alias="gruppe", description="Pladsgruppens id.")
    share: Threshold = Field(alias="andel", description="Andelen: \"over 1/3\", \"mindst halvdelen\".")


class Officer(Strict):
    """A chair, vice chair, co-chair or other officer and how the position is filled."""

    role: str | None = Field(None, alias="rolle", description="Rollen eller embedet, der bestrider posten, fx 'regionsrådsformanden'.")
    source: Ref | None = Field(None, alias="fra")
    seat: Ref | None = Field(None, alias="plads", description="Posten er knyttet til pladsgruppen med dette id (den, der har pladsen, er formand).")
    group: Ref | None = Field(None, alias="gruppe", description="Vælges blandt medlemmerne i pladsgruppen med dette id.")
    elected_from: str | None = Field(None, alias="vælges-blandt", description="Kredsen, der vælges blandt, med forfatterens ord.")
    elected_by: str | None = Field(None, alias="vælges-af", description="Hvem der vælger, fx 'rådet' eller 'medlemmerne'.")
    appointed_by: Ref | None = Field(None, alias="udpeget-af")
    term_years: int | None = Field(None, alias="periode-år", ge=1, le=10)
    term: str | None = Field(None, alias="periode", description="Perioden med ord, fx 'valgperioden'.")
    text: str | None = Field(None, alias="tekst")

    @model_validator(mode="after")
    def _one_way(self) -> "Officer":
        if self.seat is not None and (self.group is not None or self.elected_from is not None):
            raise ValueError("en post er enten knyttet til en plads ('plads') eller vælges "
                             "('gruppe'/'vælges-blandt'), ikke begge")
        return self


class OtherOfficer(Officer):
    """Another officer than chair and vice chair: "en kasserer, der fører regnskabet"."""

    title: str = Field(alias="titel", min_length=1, description="Postens titel, fx 'kasserer'.")
    duties: TextList = Field(default_factory=list, alias="opgaver")


class Chair(Strict):
    none: YesNo = Field(False, alias="ingen", description="Organet har ingen formand.")
    chair: Officer | None = Field(None, alias="formand")
    co_chairs: list[Officer] = Field(default_factory=list, alias="medformænd", description="Ligestillede formænd, fx knyttet til hver sit embede.")
    shared_between: PartyList = Field(default_factory=list, alias="delt-mellem")
    vice_chair: Officer | None = Field(None, alias="næstformand")
    different_groups: YesNo = Field(False, alias="hver-sin-gruppe", description="Formand og næstformand kommer fra hver sin pladsgruppe.")
    others: list[OtherOfficer] = Field(default_factory=list, alias="andre", description="Andre poster, fx en kasserer, med egne opgaver.")
    agreed: str | None = Field(None, alias="aftales", description="Hvornår/hvordan formandskabet aftales.")
    duties: TextList = Field(default_factory=list, alias="opgaver")
    text: str | None = Field(None, alias="tekst")
    notes: TextList = Field(default_factory=list, alias="noter")

    @model_validator(mode="after")
    def _consistent(self) -> "Chair":
        if self.none and (self.chair or self.co_chairs or self.vice_chair or self.shared_between):
            raise ValueError("'ingen: true' betyder, at organet ikke har en formand; fjern "
                             "'formand', 'medformænd', 'næstformand' og 'delt-mellem'")
        if self.chair is not None and self.co_chairs:
            raise ValueError("angiv enten 'formand' eller 'medformænd', ikke begge")
        return self

    def officers(self) -> list[tuple[tuple[Any, ...], Officer]]:
        """Every officer with its YAML path under ``formandskab``."""
        out: list[tuple[tuple[Any, ...], Officer]] = []
        if self.chair is not None:
            out.append((("formand",), self.chair))
        out += [(("medformænd", i), o) for i, o in enumerate(self.co_chairs)]
        if self.vice_chair is not None:
            out.append((("næstformand",), self.vice_chair))
        out += [(("andre", i), o) for i, o in enumerate(self.others)]
        return out


class Secretariat(Strict):
    provided_by: RefList = Field(default_factory=list, alias="varetages-af")
    shared_between: PartyList = Field(default_factory=list, alias="delt-mellem", description="Parterne, der i fællesskab varetager sekretariatet, fx [kommuner, region].")
    coordinates_with: RefList = Field(default_factory=list, alias="koordinerer-med")
    duties: TextList = Field(default_factory=list, alias="opgaver")
    text: str | None = Field(None, alias="tekst")
    notes: TextList = Field(default_factory=list, alias="noter")


def _months(value: Any) -> Any:
    """'juli', 7 or a list of them → month numbers 1-12."""
    from kommissorium.model.types import MONTHS_DA

    items = value if isinstance(value, list) else [value]
    out = []
    for v in items:
        if isinstance(v, str) and v.strip().lower() in MONTHS_DA:
            out.append(MONTHS_DA.index(v.strip().lower()) + 1)
        elif isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 12:
            out.append(v)
        else:
            raise ValueError(f"'{v}' er ikke en måned; skriv fx juli eller 7")
    return out


#: Months as names ('juli') or numbers (7); one or a list.
MonthList = Annotated[list[int], BeforeValidator(_months)]


class Meetings(Strict):
    per_year: Frequency | None = Field(None, alias="pr-år")
    duration_hours: Duration | None = Field(None, alias="varighed-timer")
    physical_per_year: Frequency | None = Field(None, alias="fysiske-pr-år")
    virtual: YesNo | None = Field(None, alias="virtuelle")
    extraordinary: Extraordinary | None = Field(None, alias="ekstraordinære")
    agenda_days_before: int | None = Field(None, alias="dagsorden-udsendes-dage-før", ge=0, le=365)
    timing: str | None = Field(None, alias="tidspunkt")
    open: YesNo | None = Field(None, alias="åbne", description="Om møderne er åbne for offentligheden (false: lukkede møder).")
    place: str | None = Field(None, alias="sted", description="Hvor møderne holdes.")
    virtual_attendance: YesNo | None = Field(None, alias="virtuel-deltagelse", description="Om medlemmer kan deltage virtuelt.")
    guests: Allowed | None = Field(None, alias="gæster", description="Gæster efter organets beslutning: true/false eller en tekst.")
    agenda: Agenda | None = Field(None, alias="dagsorden", description="Dagsordenen: varsel, materiale, frist for punkter, hastende varsel.")
    plan: MeetingPlan | None = Field(None, alias="mødeplan", description="Den årlige mødeplan.")
    free_months: MonthList = Field(default_factory=list, alias="mødefri-måneder", description="Måneder uden møder, fx [juli] eller [juli, december].")
    urgent: Urgent | None = Field(None, alias="hastesager", description="Hastesager, som formanden afgør: true, en tekst eller {afgøres-af, orienteres}.")
    absence: Absence | None = Field(None, alias="forfald", description="Forfald og indkaldelse af suppleant.")
    relative_to: "RelativeTiming | None" = Field(None, alias="i-forhold-til", description="Mødernes placering i forhold til et andet organs møder.")
    rotating_host: YesNo | None = Field(None, alias="roterende-vært", description="Værtskabet går på skift mellem medlemmerne.")
    chairing: Chairing | None = Field(None, alias="mødeledelse", description="Hvem leder møderne og det konstituerende møde.")
    text: str | None = Field(None, alias="tekst")
    notes: TextList = Field(default_factory=list, alias="noter")


class RelativeTiming(Strict):
    """"Møderne placeres ca. seks uger før Dialogforums møder"."""

    body: Ref = Field(alias="organ", description="Organet, hvis møder der regnes fra.")
    before: YesNo = Field(True, alias="før", description="true: før organets møder; false: efter.")
    weeks: int | None = Field(None, alias="uger", ge=0, le=52, description="Forskydning i uger.")
    days: int | None = Field(None, alias="dage", ge=0, le=365, description="Forskydning i dage.")
    approximately: YesNo = Field(False, alias="ca", description="Omtrent (\"ca. seks uger\").")
    text: str | None = Field(None, alias="tekst")

    @model_validator(mode="after")
    def _offset(self) -> "RelativeTiming":
        if self.weeks is not None and self.days is not None:
            raise ValueError("angiv 'uger' eller 'dage', ikke begge")
        return self


class DecisionRule(str, Enum):
    CONSENSUS = "konsensus"
    MAJORITY = "flertal"
    NONE = "ingen-beslutningskompetence"


class Decisions(Strict):
    rule: DecisionRule | None = Field(None, alias="regel")
    quorum: Quorum | None = Field(None, alias="beslutningsdygtig-ved")
    voting: Voting | None = Field(None, alias="afstemning", description="Afstemningsregler.")
    tie: Tie | None = Field(None, alias="stemmelighed", description="Hvad der sker ved stemmelighed.")
    casting_vote: str | None = Field(None, alias="afgørende-stemme")
    conflicts: Annotated[list[LegalRef], BeforeValidator(_legal_list)] = Field(default_factory=list, alias="inhabilitet", description="Reglerne om inhabilitet, ved henvisning til loven.")
    confidentiality: Annotated[list[LegalRef], BeforeValidator(_legal_list)] = Field(default_factory=list, alias="tavshedspligt", description="Reglerne om tavshedspligt, ved henvisning til loven.")
    excluded_topics: TextList = Field(default_factory=list, alias="behandler-ikke")
    text: str | None = Field(None, alias="tekst")
    notes: TextList = Field(default_factory=list, alias="noter")


class Subgroup(Strict):
    ref: Ref | None = Field(None, alias="id")
    name: str | None = Field(None, alias="navn")
    standing: YesNo = Field(True, alias="stående")
    text: str | None = Field(None, alias="tekst")

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"id": value}
        return value

    @model_validator(mode="after")
    def _named(self) -> "Subgroup":
        if self.ref is None and self.name is None:
            raise ValueError("en undergruppe skal have 'id' eller 'navn'")
        return self


class Relations(Strict):
    refers_to: RefList = Field(default_factory=list, alias="refererer-til")
    prepares_for: RefList = Field(default_factory=list, alias="forbereder-for")
    recommends_to: RefList = Field(default_factory=list, alias="indstiller-til")
    annual_status_to: RefList = Field(default_factory=list, alias="årlig-status-til")
    tasks_from: RefList = Field(default_factory=list, alias="opgaver-fra")
    coordinates_with: RefList = Field(default_factory=list, alias="koordinerer-med")
    appointed_by: RefList = Field(default_factory=list, alias="udpeges-af")
    part_of: RefList = Field(default_factory=list, alias="del-af")
    subgroups: list[Subgroup] = Field(default_factory=list, alias="undergrupper")
    advises: RefList = Field(default_factory=list, alias="rådgiver", description="Organer, dette organ rådgiver.")
    gives_input_to: RefList = Field(default_factory=list, alias="giver-input-til", description="Organer, dette organ giver input til.")
    sets_direction_for: RefList = Field(default_factory=list, alias="sætter-retning-for", description="Organer, dette organ sætter retning for.")
    board_of: RefList = Field(default_factory=list, alias="bestyrelse-for", description="Organer eller institutioner, dette organ er bestyrelse for.")
    delegates_to: RefList = Field(default_factory=list, alias="delegerer-til", description="Organer, dette organ delegerer opgaver til.")
    delegations: list["Delegation"] = Field(default_factory=list, alias="udsender", description="Medlemmer, organet sender til andre organer.")
    may_establish: TextList = Field(default_factory=list, alias="kan-nedsætte", description="Grupper organet kan nedsætte (ad hoc eller stående).")
    text: str | None = Field(None, alias="tekst")
    notes: TextList = Field(default_factory=list, alias="noter")


#: YAML key, attribute, Danish verb phrase — the typed edges between bodies.
RELATION_EDGES: tuple[tuple[str, str, str], ...] = (
    ("refererer-til", "refers_to", "refererer til"),
    ("forbereder-for", "prepares_for", "forbereder sager for"),
    ("indstiller-til", "recommends_to", "indstiller til"),
    ("årlig-status-til", "annual_status_to", "giver årlig status til"),
    ("opgaver-fra", "tasks_from", "får opgaver fra"),
    ("koordinerer-med", "coordinates_with", "koordinerer med"),
    ("udpeges-af", "appointed_by", "udpeges af"),
    ("del-af", "part_of", "er en del af"),
    ("rådgiver", "advises", "rådgiver"),
    ("giver-input-til", "gives_input_to", "giver input til"),
    ("sætter-retning-for", "sets_direction_for", "sætter retning for"),
    ("bestyrelse-for", "board_of", "er bestyrelse for"),
    ("delegerer-til", "delegates_to", "delegerer opgaver til"),
)


class Delegation(Strict):
    """"Rådet udpeger 2 medlemmer og 2 suppleanter til Sundhedsrådet"."""

    to: Ref = Field(alias="til", description="Organet, medlemmerne sendes til.")
    count: Count = Field(default_factory=lambda: Count.model_validate(1), alias="antal")
    alternates: int | None = Field(None, alias="suppleanter", ge=0, le=50, description="Antal suppleanter, der sendes med.")
    term: str | None = Field(None, alias="periode", description="Deres periode, fx 'valgperioden'.")
    text: str | None = Field(None, alias="tekst")


class Publication(Strict):
    agendas_and_minutes: str | None = Field(None, alias="dagsordener-og-referater")
    charter: str | None = Field(None, alias="kommissorium")
    text: str | None = Field(None, alias="tekst")


class ListSection(Strict):
    """Principles or tasks: an intro, the items, and text after."""

    intro: str | None = Field(None, alias="indledning")
    items: TextList = Field(default_factory=list, alias="punkter")
    notes: TextList = Field(default_factory=list, alias="noter")

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, value: Any) -> Any:
        if isinstance(value, list):
            return {"punkter": value}
        return value


class ExtraSection(Strict):
    heading: str = Field(alias="overskrift", min_length=1)
    after: SectionKey | None = Field(None, alias="efter", description="Afsnittet placeres efter dette standardafsnit.")
    text: str | None = Field(None, alias="tekst")
    items: TextList = Field(default_factory=list, alias="punkter")
    notes: TextList = Field(default_factory=list, alias="noter")


class Suppression(Strict):
    rule: str = Field(alias="regel", min_length=2)
    reason: str = Field(alias="begrundelse", min_length=3)


class RequirementKind(str, Enum):
    """What a frame (a national frame such as the sundhedsråd frame) requires of the charters
    that extend it; checked by rules H002-H008."""

    PARTIES_ONLY = "kun-parter"
    SEAT_PER_KOMMUNE = "plads-for-hver-kommune"
    MAJORITY = "flertal"
    CHAIR_FROM_PARTY = "formand-fra-part"
    VICE_CHAIR_FROM_PARTY = "næstformand-fra-part"
    LAW = "lov"
    ONE_MORE = "en-flere"


class FrameRequirement(Strict):
    """One requirement of a frame, with its source; an unconfirmed one is never an error."""

    kind: RequirementKind = Field(alias="krav")
    parties: PartyList = Field(default_factory=list, alias="parter", description="Ved 'kun-parter': de tilladte parter.")
    party: Party | None = Field(None, alias="part", description="Ved 'flertal' og 'en-flere': den part, der har flertallet; ved 'formand-fra-part' og 'næstformand-fra-part': den part, posten vælges blandt.")
    over: Party | None = Field(None, alias="over", description="Ved 'en-flere': den part, der har én plads færre.")
    law: str | None = Field(None, alias="lov", description="Ved 'lov': loven, kommissoriet (eller dets ramme) skal nævne under 'hjemmel'.")
    source: str = Field(alias="kilde", min_length=3, description="Kilden til kravet (lov, aftale, datasæt).")
    unconfirmed: str | None = Field(None, alias="ikke-bekræftet", description="Kravet er ikke bekræftet af en primærkilde: hvorfor. Det giver kun information, aldrig en fejl.")
    text: str | None = Field(None, alias="tekst", description="Kravet med forfatterens ord.")


class Charter(Strict):
    """Kommissorium for ét organ."""

    id: str | None = Field(None, alias="id", description="Udledes af filens sti; skal stemme, hvis angivet.")
    name: str = Field(alias="navn", min_length=1, description="Organets fulde navn på dansk.")
    short_name: str | None = Field(None, alias="forkortelse")
    other_names: TextList = Field(default_factory=list, alias="andre-navne")
    kind: DocumentKind = Field(DocumentKind.CHARTER, alias="dokument", description="Dokumentets art: kommissorium, forretningsorden eller vedtægt; den giver titlen.")
    title: str | None = Field(None, alias="titel", description="Dokumentets titel, hvis den ikke er '<Dokumentart> for <navn>'.")
    type: BodyType = Field(alias="type")
    frame: YesNo = Field(False, alias="ramme", description="Kommissoriet er en ramme, som andre udbygger.")
    area: Ref = Field(alias="område", description="Registernøgle: region, klynge, kommune eller 'landsdaekkende'.")
    extends: Ref | None = Field(None, alias="udbygger")
    approved: Approval | None = Field(None, alias="godkendt")
    date: PartialDate | None = Field(None, alias="dato", description="Dokumentets dato.")
    version: str | None = Field(None, alias="version")
    valid: Validity | None = Field(None, alias="gyldig")
    legal_basis: Annotated[list[LegalRef], BeforeValidator(_legal_list)] = Field(default_factory=list, alias="hjemmel", description="Lovgrundlaget: \"retssikkerhedsloven § 37 a\" eller en liste.")
    evaluation: PartialDate | None = Field(None, alias="evalueres", description="Hvornår organet evalueres (et tidsbegrænset organ).")
    replaced_by: Ref | None = Field(None, alias="erstattet-af", description="Det organ, der har afløst dette, når det ikke længere gælder.")
    source: str | None = Field(None, alias="kilde")
    incomplete: Allowed | None = Field(None, alias="kilde-ufuldstændig", description="Kilden er ufuldstændig (true eller en tekst om, hvad der mangler); dokumentet siger det.")
    headings: dict[SectionKey, str] = Field(default_factory=dict, alias="overskrifter")
    order: TextList = Field(default_factory=list, alias="rækkefølge", description="Afsnittenes rækkefølge som i kilden: standardafsnittenes nøgler, ekstra afsnits overskrifter og 'noter'. Afsnit, der ikke nævnes, følger efter.")
    background: str | None = Field(None, alias="baggrund")
    purpose: str | None = Field(None, alias="formål")
    principles: ListSection | None = Field(None, alias="principper")
    tasks: ListSection | None = Field(None, alias="opgaver")
    composition: Composition | None = Field(None, alias="sammensætning")
    chair: Chair | None = Field(None, alias="formandskab")
    secretariat: Secretariat | None = Field(None, alias="sekretariat")
    meetings: Meetings | None = Field(None, alias="møder")
    decisions: Decisions | None = Field(None, alias="beslutninger")
    minutes: Minutes | None = Field(None, alias="referat", description="Referatet.")
    relations: Relations = Field(default_factory=Relations, alias="relationer")
    publication: Publication | None = Field(None, alias="offentliggørelse")
    adoption: Adoption | None = Field(None, alias="vedtagelse", description="Vedtagelse, ændring og ikrafttræden af dokumentet.")
    sections: list[ExtraSection] = Field(default_factory=list, alias="afsnit")
    notes: TextList = Field(default_factory=list, alias="noter")
    suppress: list[Suppression] = Field(default_factory=list, alias="undertryk")
    requirements: list[FrameRequirement] = Field(default_factory=list, alias="rammekrav", description="En rammes krav til de kommissorier, der udbygger den (fx sundhedsrådsrammen); hvert krav med kilde.")

    @model_validator(mode="after")
    def _known_order(self) -> "Charter":
        known = set(SECTION_ORDER) | {x.heading for x in self.sections} | {"noter"}
        unknown = [x for x in self.order if x not in known]
        if unknown:
            raise ValueError(
                f"'rækkefølge' nævner {', '.join(repr(u) for u in unknown)}, som hverken er et "
                "standardafsnit, et ekstra afsnits overskrift eller 'noter'")
        return self

    @property
    def effective_date(self):
        """The date the charter speaks of: its validity start (``gyldig.fra``: a body approved
        in June to start on 1 July speaks of July), else approval, else the document date."""
        if self.valid is not None and self.valid.start is not None:
            return self.valid.start.first_day
        for d in (self.approved.date if self.approved else None, self.date):
            if d is not None:
                return d.last_day
        return None


Seat.model_rebuild()
Composition.model_rebuild()
Meetings.model_rebuild()
Relations.model_rebuild()
