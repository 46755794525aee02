"""Value types of the charter format: counts, frequencies, partial dates, references.

Each accepts the compact form a secretariat writes ("3-4", "ca. 10", "efter behov",
"august 2022") as well as the explicit mapping form, and normalises to one structure.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    model_validator,
)
from pydantic import Strict as _StrictType
from pydantic_core import PydanticCustomError

MONTHS_DA = [
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
]

_REF = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:/[a-z0-9]+(?:[-_][a-z0-9]+)*)*$")


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, Danish keys are aliases."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False, frozen=False)


def _check_ref(value: str) -> str:
    if not _REF.match(value):
        raise ValueError(
            f"'{value}' er ikke en gyldig henvisning: brug små ASCII-bogstaver, tal, '-' og '/' "
            "(æ→ae, ø→oe, å→aa), fx 'nordjylland/strategisk-sundhedsforum' eller 'plo-nordjylland'"
        )
    return value


#: A yes/no field: only YAML 1.2's ``true``/``false``. Strict, so that 'yes', 'ja', 'on', '1' are
#: type errors (S002, "skriv true eller false") instead of being read as a truth value or as text.
YesNo = Annotated[bool, _StrictType()]

#: Words YAML 1.1 (and a Danish author) may mean as yes/no; in a field that takes true/false or
#: a text, they are refused rather than read as text ('suppleanter: nej' is not a sentence).
YES_NO_WORDS = frozenset({"yes", "no", "y", "n", "on", "off", "ja", "nej", "true", "false",
                          "sand", "falsk", "j"})


def refuse_yes_no_word(value: object) -> None:
    """Raise the true/false type error for a yes/no word written as text ('nej', 'Yes')."""
    if isinstance(value, str) and value.strip().lower().rstrip(".!") in YES_NO_WORDS:
        raise PydanticCustomError("bool_type", "skriv true eller false")


#: A reference to a charter id (contains '/') or a registry key (no '/').
Ref = Annotated[str, AfterValidator(_check_ref)]


def _one_or_many(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value


RefList = Annotated[list[Ref], BeforeValidator(_one_or_many)]
TextList = Annotated[list[str], BeforeValidator(_one_or_many)]


#: Words for a count the source does not state ("repræsentanter for kommunen").
UNSPECIFIED_WORDS = ("uangivet", "ikke angivet", "ikke fastlagt")

_RANGE = re.compile(r"^\s*(\d+)\s*[-–]\s*(\d+)\s*$")
_NUM = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*$")


class Count(Strict):
    """How many: exact (``mindst == højst``), a range, a minimum, or a maximum ("op til 3")."""

    minimum: int | None = Field(None, alias="mindst", ge=0)
    maximum: int | None = Field(None, alias="højst", ge=0)
    unspecified: YesNo = Field(False, alias="uangivet", description="Kilden angiver ikke antallet; dokumentet skriver intet tal, og totalen er åben.")

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("forventede et antal, fik en sandhedsværdi")
        if isinstance(value, str) and " ".join(value.lower().split()) in UNSPECIFIED_WORDS:
            return {"uangivet": True}
        if isinstance(value, float):
            if not value.is_integer():
                raise ValueError(f"forventede et helt antal, fik tallet {value:g}".replace(".", ","))
            value = int(value)
        if isinstance(value, int):
            return {"mindst": value, "højst": value}
        if isinstance(value, str):
            text = value.strip().lower()
            if m := _RANGE.match(text):
                return {"mindst": int(m[1]), "højst": int(m[2])}
            if m := re.match(r"^(?:op til|højst|maks\.?|maksimalt)\s+(\d+)$", text):
                return {"mindst": 0, "højst": int(m[1])}
            if m := re.match(r"^(?:mindst|minimum|min\.)\s+(\d+)$", text):
                return {"mindst": int(m[1])}
            if text.isdigit():
                return {"mindst": int(text), "højst": int(text)}
            if m := re.match(r"^(?:ca\.?|cirka|omkring)\s*(\d+)$", text):
                n = int(m[1])
                raise ValueError(
                    f"'{value}' er ikke et antal: et antal pladser angives præcist; skriv {n}, "
                    f"et interval som \"{max(n - 1, 0)}-{n + 1}\" eller \"op til {n + 1}\""
                )
            raise ValueError(
                f"'{value}' er ikke et antal; skriv fx 3, \"2-4\", \"op til 3\" eller \"mindst 2\""
            )
        return value

    @model_validator(mode="after")
    def _ordered(self) -> "Count":
        if self.unspecified:
            if self.minimum is not None or self.maximum is not None:
                raise ValueError("et uangivet antal har ikke 'mindst' eller 'højst'")
            return self
        if self.minimum is None and self.maximum is None:
            raise ValueError("angiv 'mindst' og/eller 'højst'")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError(f"mindst ({self.minimum}) er større end højst ({self.maximum})")
        return self

    @property
    def low(self) -> int:
        return self.minimum or 0

    @property
    def high(self) -> int | None:
        return self.maximum

    @property
    def exact(self) -> bool:
        return self.minimum is not None and self.minimum == self.maximum


class Frequency(Strict):
    """How often per year: exact, a range, approximately, at least, and/or on demand."""

    minimum: float | None = Field(None, alias="mindst", ge=0, allow_inf_nan=False)
    maximum: float | None = Field(None, alias="højst", ge=0, allow_inf_nan=False)
    approximately: float | None = Field(None, alias="omkring", ge=0, allow_inf_nan=False)
    on_demand: YesNo = Field(False, alias="efter-behov")
    as_a_rule: YesNo = Field(False, alias="som-udgangspunkt")
    #: The rate word the author wrote ('kvartalsvis', 'hver måned'), kept so that a document
    #: says what the source said ('mindst kvartalsvis', not 'mindst fire gange årligt').
    _rate_word: str | None = PrivateAttr(None)

    @property
    def rate_word(self) -> str | None:
        return self._rate_word

    @model_validator(mode="wrap")
    @classmethod
    def _keep_rate_word(cls, value: Any, handler: Any) -> Any:
        obj = handler(value)
        if isinstance(value, str) and isinstance(obj, Frequency):
            obj._rate_word = rate_word_in(value)
        return obj

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError(f"forventede {cls._WHAT}, fik en sandhedsværdi")
        if isinstance(value, (int, float)):
            return {"mindst": value, "højst": value}
        if isinstance(value, str):
            return cls._parse(value)
        return value

    _WHAT: ClassVar[str] = "et antal møder"

    @classmethod
    def _parse(cls, value: str) -> dict[str, Any]:
        return _parse_frequency(value)

    @model_validator(mode="after")
    def _ordered(self) -> "Frequency":
        if (
            self.minimum is None
            and self.maximum is None
            and self.approximately is None
            and not self.on_demand
        ):
            raise ValueError("angiv mindst ét af 'mindst', 'højst', 'omkring' eller 'efter-behov'")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError(
                f"mindst ({_fmt(self.minimum)}) er større end højst ({_fmt(self.maximum)})"
            )
        return self

    @property
    def floor(self) -> float | None:
        """The number of meetings a year one can count on (None: none promised)."""
        if self.minimum is not None:
            return self.minimum
        if self.approximately is not None:
            return self.approximately
        return None

    @property
    def ceiling(self) -> float | None:
        if self.maximum is not None:
            return self.maximum
        if self.approximately is not None:
            return self.approximately
        return None


class Duration(Frequency):
    """How long, in hours: exact, a range, approximately, at least ("2", "2-3", "2 timer")."""

    _WHAT: ClassVar[str] = "et antal timer"

    @classmethod
    def _parse(cls, value: str) -> dict[str, Any]:
        text = re.sub(r"\s*\b(?:timer|time)\s*$", "", value.strip().lower())
        try:
            return _parse_frequency(text, unit=False)
        except ValueError:
            raise ValueError(
                f"'{value}' er ikke en varighed i timer; skriv fx 2, \"2-3\" eller \"2 timer\""
            ) from None


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x).replace(".", ",")


_WORDS = {
    "én": 1, "en": 1, "et": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
    "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
}


def _number(text: str) -> float:
    text = text.strip()
    if text in _WORDS:
        return float(_WORDS[text])
    return float(text.replace(",", "."))


#: Words for a rate per year ("kvartalsvis": 4 a year).
RATE_WORDS = {"hver anden måned": 6, "månedligt": 12, "kvartalsvis": 4, "halvårligt": 2,
              "hver måned": 12, "en gang om måneden": 12, "én gang om måneden": 12,
              "hvert kvartal": 4, "en gang i kvartalet": 4, "hvert halve år": 2,
              "hvert halvår": 2, "årligt": 1}
RATE_WORDS = dict(sorted(RATE_WORDS.items(), key=lambda kv: -len(kv[0])))


def rate_word_in(value: str) -> str | None:
    """The rate word of a compact frequency ('mindst kvartalsvis' → 'kvartalsvis')."""
    text = re.sub(r"(?:,|\bog|\beller)?\s*efter behov\s*$", "", value.strip().lower()).strip()
    text = re.sub(r"^(?:mindst|minimum|min\.|højst|maks\.?|op til|ca\.?|cirka|omkring)\s+", "",
                  text)
    text = re.sub(r"^møder\s+", "", text)
    return text if text in RATE_WORDS and text != "årligt" else None
#: A trailing "møder årligt", "gange om året", "om året": the unit the field already states.
_PER_YEAR = re.compile(
    r"\s+(?:(?:møder|møde|gange|gang)\s+)?(?:årligt|om året|i året|pr\.?\s*år|per år)$")


def _parse_frequency(value: str, unit: bool = True) -> dict[str, Any]:
    text = value.strip().lower()
    out: dict[str, Any] = {}
    if re.search(r"(?:,|\bog|\beller)?\s*efter behov\s*$", text):
        out["efter-behov"] = True
        text = re.sub(r"(?:,|\bog|\beller)?\s*efter behov\s*$", "", text).strip()
        if not text:
            return out
    if unit:
        text = _PER_YEAR.sub("", text)
        # "månedligt undtagen juli (og august)": twelve less the months left out
        if m := re.fullmatch(r"(?:en gang\s+)?månedligt,?\s+undtagen\s+(?:i\s+)?([a-zæøå]+)(?:\s+og\s+([a-zæøå]+))?",
                             text):
            months = [x for x in (m[1], m[2]) if x]
            if all(x in MONTHS_DA for x in months):
                text = str(12 - len(set(months)))
        for word, n in RATE_WORDS.items():
            text = re.sub(r"(?<![\wæøå])" + word + r"$", str(n), text)
    num = r"(\d+(?:[.,]\d+)?|" + "|".join(_WORDS) + r")"
    if m := re.fullmatch(num + r"\s*[-–]\s*" + num, text):
        out.update({"mindst": _number(m[1]), "højst": _number(m[2])})
    elif m := re.fullmatch(r"(?:ca\.?|cirka|omkring)\s*" + num, text):
        out["omkring"] = _number(m[1])
    elif m := re.fullmatch(r"(?:mindst|minimum|min\.)\s*" + num, text):
        out["mindst"] = _number(m[1])
    elif m := re.fullmatch(r"(?:højst|maks\.?|op til)\s*" + num, text):
        out["højst"] = _number(m[1])
    elif m := re.fullmatch(num, text):
        out.update({"mindst": _number(m[1]), "højst": _number(m[1])})
    else:
        raise ValueError(
            f"'{value}' er ikke en mødefrekvens; skriv fx 4, \"3-4\", \"ca. 10\", \"mindst 4\", "
            "\"4 møder årligt\", \"kvartalsvis\" eller \"efter behov\""
        )
    return out


class PartialDate(Strict):
    """A full date, or a month and year ("august 2022", "2022-08")."""

    year: int = Field(alias="år", ge=1900, le=2200)
    month: int | None = Field(None, alias="måned", ge=1, le=12)
    day: int | None = Field(None, alias="dag", ge=1, le=31)

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, value: Any) -> Any:
        if isinstance(value, date):
            return {"år": value.year, "måned": value.month, "dag": value.day}
        if isinstance(value, int) and not isinstance(value, bool):
            return {"år": value}
        if isinstance(value, str):
            text = value.strip().lower()
            if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
                return {"år": int(m[1]), "måned": int(m[2]), "dag": int(m[3])}
            if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
                return {"år": int(m[1]), "måned": int(m[2])}
            if m := re.fullmatch(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})", text):
                return {"år": int(m[3]), "måned": int(m[2]), "dag": int(m[1])}
            if m := re.fullmatch(r"(?:(\d{1,2})\.\s*)?([a-zæøå]+)\s+(\d{4})", text):
                if m[2] in MONTHS_DA:
                    out = {"år": int(m[3]), "måned": MONTHS_DA.index(m[2]) + 1}
                    if m[1]:
                        out["dag"] = int(m[1])
                    return out
            if re.fullmatch(r"\d{4}", text):
                return {"år": int(text)}
            raise ValueError(
                f"'{value}' er ikke en dato; skriv fx 2022-06-23, \"23. juni 2022\", "
                "2022-08 eller \"august 2022\""
            )
        return value

    @model_validator(mode="after")
    def _real(self) -> "PartialDate":
        if self.day is not None:
            if self.month is None:
                raise ValueError("en dag kræver en måned")
            last = calendar.monthrange(self.year, self.month)[1]
            if self.day > last:
                raise ValueError(
                    f"{MONTHS_DA[self.month - 1]} {self.year} har kun {last} dage"
                )
        return self

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


class Validity(Strict):
    """The period something is in force: ``gyldig: {fra: 2022-07-01, til: 2026-12-31}``."""

    start: PartialDate | None = Field(None, alias="fra")
    end: PartialDate | None = Field(None, alias="til")
