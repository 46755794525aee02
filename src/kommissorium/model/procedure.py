"""What a forretningsorden regulates: quorum, voting, ties, notice, meeting plan, urgent matters,
extraordinary meetings, absence, chairing of meetings, minutes, law by reference, adoption.

Each value type accepts the short form a secretariat writes ("senest 5 hverdage", "over
halvdelen", "forvaltningsloven §§ 3-6") as well as its mapping form.
"""

from __future__ import annotations

import math
import re
from enum import Enum
from fractions import Fraction
from typing import Any

from pydantic import Field, model_validator

from kommissorium.model.types import PartialDate, Ref, Strict, TextList, YesNo, refuse_yes_no_word

_WORDS = {"en": 1, "én": 1, "et": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
          "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
          "fjorten": 14}
_NUM = r"(\d+|" + "|".join(_WORDS) + r")"


def _int(text: str) -> int:
    return int(text) if text.isdigit() else _WORDS[text]


def allowed_or_text(value: Any) -> Any:
    """`true`/`false` or the author's sentence, as compact forms of ``{tilladt, tekst}``."""
    if isinstance(value, bool):
        return {"tilladt": value}
    if isinstance(value, str):
        refuse_yes_no_word(value)
        return {"tilladt": True, "tekst": value}
    return value


class Allowed(Strict):
    """Something allowed or not, with the author's own sentence if any."""

    allowed: YesNo = Field(True, alias="tilladt")
    text: str | None = Field(None, alias="tekst")

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, value: Any) -> Any:
        return allowed_or_text(value)


# -- value types ------------------------------------------------------------------------------

class Unit(str, Enum):
    DAYS = "dage"
    WEEKDAYS = "hverdage"
    HOURS = "timer"
    WEEKS = "uger"


class Bound(str, Enum):
    AT_THE_LATEST = "senest"
    AT_LEAST = "mindst"


_UNIT_WORDS = {"dag": "dage", "dage": "dage", "hverdag": "hverdage", "hverdage": "hverdage",
               "time": "timer", "timer": "timer", "uge": "uger", "uger": "uger"}
DEADLINE_RE = re.compile(
    r"^(?:(senest|mindst)\s+)?" + _NUM + r"\s+(dage|dag|hverdage|hverdag|timer|time|uger|uge)"
    r"(?:\s+(?:før|inden)(?:\s+mødet)?)?$")


class Deadline(Strict):
    """A time before (or after) an event: "senest 5 hverdage", "mindst 7 dage", "48 timer"."""

    count: int = Field(alias="antal", ge=0, le=1000)
    unit: Unit = Field(Unit.DAYS, alias="enhed", description="dage, hverdage, timer eller uger.")
    bound: Bound | None = Field(None, alias="grænse", description="'senest' eller 'mindst'.")
    saturday: YesNo | None = Field(None, alias="lørdag-er-hverdag", description="Om lørdag tæller som hverdag.")

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("forventede en frist, fik en sandhedsværdi")
        if isinstance(value, int):
            return {"antal": value}
        if isinstance(value, str):
            text = " ".join(value.strip().lower().split())
            m = DEADLINE_RE.match(text)
            if not m:
                raise ValueError(
                    f"'{value}' er ikke en frist; skriv fx \"senest 5 hverdage\", \"mindst 7 dage\", "
                    "\"48 timer\" eller \"2 uger\"")
            out: dict[str, Any] = {"antal": _int(m[2]), "enhed": _UNIT_WORDS[m[3]]}
            if m[1]:
                out["grænse"] = m[1]
            return out
        return value

    def days(self) -> tuple[float, float]:
        """The least and most calendar days this can mean (weekdays span weekends)."""
        n = self.count
        if self.unit is Unit.HOURS:
            return n / 24, n / 24
        if self.unit is Unit.WEEKS:
            return 7 * n, 7 * n
        if self.unit is Unit.WEEKDAYS:
            per_week = 6 if self.saturday else 5
            return n, n + (7 - per_week) * math.ceil(n / per_week)
        return n, n


_SHARES = {"halvdelen": Fraction(1, 2), "en tredjedel": Fraction(1, 3),
           "to tredjedele": Fraction(2, 3), "en fjerdedel": Fraction(1, 4),
           "tre fjerdedele": Fraction(3, 4)}
SHARE_RE = re.compile(
    r"^(?:(mindst|over|mere end)\s+)?(?:(\d+)\s*/\s*(\d+)|(halvdelen|en tredjedel|to tredjedele|"
    r"en fjerdedel|tre fjerdedele))(?:\s+af\s+(?:medlemmerne|de stemmeberettigede medlemmer))?$")


class Threshold(Strict):
    """How many members: a number ("5"), or a share ("mindst halvdelen", "over halvdelen",
    "1/3", "et flertal")."""

    count: int | None = Field(None, alias="antal", ge=1, le=10000)
    share: str | None = Field(None, alias="andel", pattern=r"^\d+/\d+$", description="En brøk, fx '1/2' eller '1/3'.")
    above: YesNo = Field(False, alias="over", description="Flere end andelen (\"over halvdelen\"), ikke mindst andelen.")

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("forventede et antal eller en andel, fik en sandhedsværdi")
        if isinstance(value, int):
            return {"antal": value}
        if isinstance(value, str):
            text = " ".join(value.strip().lower().split())
            if text in ("et flertal", "flertallet", "flertal", "et flertal af medlemmerne"):
                return {"andel": "1/2", "over": True}
            if m := re.fullmatch(r"(?:mindst\s+)?" + _NUM + r"(?:\s+medlemmer|\s+medlem)?", text):
                return {"antal": _int(m[1])}
            m = SHARE_RE.match(text)
            if not m:
                raise ValueError(
                    f"'{value}' er ikke et antal eller en andel; skriv fx 5, \"mindst halvdelen\", "
                    "\"over halvdelen\", \"1/3\" eller \"et flertal\"")
            frac = Fraction(int(m[2]), int(m[3])) if m[2] else _SHARES[m[4]]
            if not 0 < frac <= 1:
                raise ValueError(f"andelen '{value}' skal ligge mellem 0 og 1")
            return {"andel": f"{frac.numerator}/{frac.denominator}",
                    "over": m[1] in ("over", "mere end")}
        return value

    @model_validator(mode="after")
    def _one(self) -> "Threshold":
        if (self.count is None) == (self.share is None):
            raise ValueError("angiv enten 'antal' eller 'andel'")
        if self.share is not None:
            num, den = (int(x) for x in self.share.split("/"))
            if den == 0 or not 0 < num <= den:
                raise ValueError(f"andelen '{self.share}' skal ligge mellem 0 og 1")
        return self

    @property
    def fraction(self) -> Fraction | None:
        if self.share is None:
            return None
        num, den = (int(x) for x in self.share.split("/"))
        return Fraction(num, den)

    def required(self, members: int) -> int:
        """The number of members the threshold asks for in a body of ``members``."""
        if self.count is not None:
            return self.count
        f = self.fraction or Fraction(1, 2)
        exact = members * f
        return math.floor(exact) + 1 if self.above else math.ceil(exact)


LEGAL_RE = re.compile(r"^(?P<lov>[^§]+?)\s*(?P<par>§§?\s*.+)?$")


class LegalRef(Strict):
    """A rule of law by reference: "forvaltningsloven §§ 3-6", "kommunestyrelsesloven § 11"."""

    law: str = Field(alias="lov", min_length=1, description="Lovens navn, fx 'forvaltningsloven'.")
    section: str | None = Field(None, alias="paragraf", description="Paragraf og stykke, fx '§ 17, stk. 4'.")
    text: str | None = Field(None, alias="tekst")

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, value: Any) -> Any:
        if isinstance(value, str):
            m = LEGAL_RE.match(" ".join(value.split()))
            if not m:
                raise ValueError(f"'{value}' er ikke en lovhenvisning; skriv fx \"forvaltningsloven §§ 3-6\"")
            out = {"lov": m["lov"].strip()}
            if m["par"]:
                out["paragraf"] = m["par"].strip()
            return out
        return value


def _legal_list(value: Any) -> Any:
    if isinstance(value, (str, dict)):
        return [value]
    return value


# -- decisions --------------------------------------------------------------------------------

class MajorityOf(str, Enum):
    VOTES_CAST = "afgivne-stemmer"
    MEMBERS = "medlemmer"
    PRESENT = "fremmødte"


class Quorum(Threshold):
    """When the body can decide: a number or a share of its members present."""

    of: str = Field("medlemmer", alias="af", pattern=r"^(medlemmer|stemmeberettigede)$",
                    description="'medlemmer' eller 'stemmeberettigede'.")
    alternates_count: YesNo | None = Field(None, alias="suppleanter-tæller", description="Om fremmødte suppleanter tælles med.")


class Voting(Strict):
    majority_of: MajorityOf | None = Field(None, alias="flertal-af", description="Flertal af de afgivne stemmer, af medlemmerne eller af de fremmødte.")
    consensus_first: YesNo = Field(False, alias="konsensus-først", description="Så vidt muligt konsensus; ellers flertal.")
    written_when: int | None = Field(None, alias="skriftlig-når", ge=1, description="Skriftlig afstemning, når så mange medlemmer ønsker det.")
    proxy: YesNo | None = Field(None, alias="fuldmagt", description="Om der kan stemmes ved fuldmagt.")
    text: str | None = Field(None, alias="tekst")


class TieOutcome(str, Enum):
    FALLS = "bortfalder"
    LOT = "lodtrækning"


class Tie(Strict):
    casting: TextList = Field(default_factory=list, alias="afgørende", description="Posterne, hvis stemme er afgørende, i rækkefølge: [formand, næstformand].")
    outcome: TieOutcome | None = Field(None, alias="ellers", description="Hvad der sker ellers: 'bortfalder' eller 'lodtrækning'.")
    elections: TieOutcome | None = Field(None, alias="ved-valg", description="Ved stemmelighed ved valg, fx af formand: 'lodtrækning'.")
    text: str | None = Field(None, alias="tekst")


# -- meetings ---------------------------------------------------------------------------------

class Agenda(Strict):
    notice: Deadline | None = Field(None, alias="udsendes", description="Hvor længe før mødet dagsordenen udsendes.")
    with_material: YesNo | None = Field(None, alias="med-materiale", description="Om materialet udsendes med dagsordenen.")
    items_deadline: Deadline | None = Field(None, alias="punkter-frist", description="Frist for medlemmernes punkter før mødet.")
    items_at_meeting: str | None = Field(None, alias="punkter-på-mødet", description="Hvordan punkter kan sættes på under mødet.")
    urgent_notice: Deadline | None = Field(None, alias="hastende", description="Kortere varsel i hastende tilfælde.")
    published: str | None = Field(None, alias="offentliggøres", description="Hvor dagsordenen offentliggøres.")
    text: str | None = Field(None, alias="tekst")


class MeetingPlan(Strict):
    proposed_by: str | None = Field(None, alias="foreslås-af", description="Hvem der foreslår mødeplanen.")
    approved_by: str | None = Field(None, alias="godkendes-af", description="Hvem der godkender mødeplanen.")
    when: str | None = Field(None, alias="hvornår", description="Hvornår planen lægges, fx 'på årets sidste møde'.")
    cancel_if_empty: YesNo | None = Field(None, alias="aflyses-uden-punkter", description="Møder aflyses, når der ikke er punkter.")
    text: str | None = Field(None, alias="tekst")


class Urgent(Strict):
    decided_by: str = Field("formand", alias="afgøres-af", description="Posten, der afgør hastesager, fx 'formand'.")
    reported: str | None = Field("på det næste møde", alias="orienteres", description="Hvornår organet orienteres.")
    text: str | None = Field(None, alias="tekst")

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, value: Any) -> Any:
        if value is True:
            return {}
        if isinstance(value, str):
            return {"tekst": value}
        return value


class Absence(Strict):
    notify: str | None = Field(None, alias="meldes-til", description="Hvem forfald meldes til.")
    alternate_after_months: int | None = Field(None, alias="suppleant-efter-måneder", ge=0, le=60, description="Suppleanten indkaldes ved forfald i mere end så mange måneder.")
    text: str | None = Field(None, alias="tekst")


class Chairing(Strict):
    led_by: TextList = Field(default_factory=list, alias="ledes-af", description="Hvem leder møderne, i rækkefølge: [formand, næstformand, valgt-ad-hoc].")
    constituting_led_by: str | None = Field(None, alias="konstituerende-møde-ledes-af", description="Hvem leder det konstituerende møde, til formanden er valgt: 'ældste', 'længst-siddende', 'administrationen' eller tekst.")
    constituting_when: str | None = Field(None, alias="konstituerende-møde", description="Hvornår det konstituerende møde holdes.")
    rotating: YesNo | None = Field(None, alias="roterende-ordstyrer", description="Ordstyrerrollen går på skift mellem medlemmerne.")
    no_confidence: Threshold | None = Field(None, alias="mistillid", description="Hvor mange medlemmer der kan afsætte formanden.")
    text: str | None = Field(None, alias="tekst")


class Extraordinary(Strict):
    """Who can call an extraordinary meeting, and how soon it is held."""

    allowed: YesNo = Field(True, alias="tilladt")
    called_by: TextList = Field(default_factory=list, alias="indkaldes-af", description="Poster, der kan indkalde, fx [formand].")
    requested_by: Threshold | None = Field(None, alias="efter-anmodning-fra", description="Antal eller andel af medlemmerne, der kan kræve et møde: 3, \"1/3\", \"et flertal\".")
    other_body: Ref | None = Field(None, alias="andet-organ", description="Et andet organ, der kan kræve et møde.")
    within: Deadline | None = Field(None, alias="afholdes-inden", description="Mødet holdes inden så mange dage efter anmodningen.")
    text: str | None = Field(None, alias="tekst")

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, value: Any) -> Any:
        return allowed_or_text(value)


# -- minutes, adoption --------------------------------------------------------------------------

class Minutes(Strict):
    written_by: str | None = Field(None, alias="skrives-af", description="Hvem der skriver referatet.")
    approved: str | None = Field(None, alias="godkendes", description="Hvordan referatet godkendes, fx 'på næste møde'.")
    published: str | None = Field(None, alias="offentliggøres", description="Hvor referatet offentliggøres.")
    dissent: YesNo | None = Field(None, alias="mindretalsudtalelser", description="Et mindretal kan få sin afvigende opfattelse ført til referat.")
    absence: YesNo | None = Field(None, alias="fravær", description="Fravær noteres i referatet.")
    text: str | None = Field(None, alias="tekst")
    notes: TextList = Field(default_factory=list, alias="noter")


class Adoption(Strict):
    adopted_by: str | None = Field(None, alias="vedtages-af", description="Hvem der vedtager dokumentet.")
    amended_by: str | None = Field(None, alias="ændres-af", description="Hvem der kan ændre dokumentet.")
    amendment_requires: str | None = Field(None, alias="ændring-kræver", description="Fx 'to tredjedele af medlemmerne'.")
    effective: PartialDate | None = Field(None, alias="træder-i-kraft", description="Datoen, dokumentet træder i kraft.")
    text: str | None = Field(None, alias="tekst")
    notes: TextList = Field(default_factory=list, alias="noter")
