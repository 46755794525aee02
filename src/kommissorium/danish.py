"""Writing Danish: dates, number words, lists, plurals.

Dates go through Babel's CLDR data for ``da_DK`` ("23. juni 2022", "august 2022"), imported
lazily. Numbers follow the house style in docs: counts of members in digits, other small
numbers as words where the author chose words.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.model.types import PartialDate

NUMBER_WORDS = {
    0: "nul", 1: "én", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks",
    7: "syv", 8: "otte", 9: "ni", 10: "ti", 11: "elleve", 12: "tolv",
}

#: Word → value, for reading numbers in prose (both "en" and "én", "et", "ét").
WORD_NUMBERS = {
    "nul": 0, "en": 1, "én": 1, "et": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
    "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
    "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17, "atten": 18,
    "nitten": 19, "tyve": 20,
}


def format_date(d: date) -> str:
    """'23. juni 2022' (CLDR long format for da_DK)."""
    from babel.dates import format_date as babel_format

    return babel_format(d, format="long", locale="da_DK")


def format_month(year: int, month: int) -> str:
    """'august 2022'."""
    from babel.dates import format_date as babel_format

    return babel_format(date(year, month, 1), format="MMMM y", locale="da_DK")


def format_partial_date(d: "PartialDate") -> str:
    if d.day and d.month:
        return format_date(date(d.year, d.month, d.day))
    if d.month:
        return format_month(d.year, d.month)
    return str(d.year)


def number(n: float, words: bool = False) -> str:
    """A number as digits ('3', '2,5') or, for 0-12 when asked, as a word ('fire')."""
    if float(n).is_integer():
        i = int(n)
        if words and i in NUMBER_WORDS:
            return NUMBER_WORDS[i]
        return str(i)
    return f"{n:g}".replace(".", ",")


def join(items: Iterable[str], conjunction: str = "og") -> str:
    """'A, B og C'."""
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def plural(n: float, singular: str, plural_form: str) -> str:
    return singular if n == 1 else plural_form


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
