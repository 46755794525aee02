"""Quantities with their unit: member counts, meetings a year, hours, days.

``frequency`` is THE phrase for a meeting frequency: documents ("Der afholdes mindst fire møder
årligt."), the diff ("Mødefrekvensen ændres fra fire til seks møder årligt.") and rule messages
all use it, so the same value reads the same everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kommissorium.danish.nouns import plural
from kommissorium.danish.numbers import NUMBER_WORDS, number, small_number

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.model.types import Frequency


def count_text(low: int | None, high: int | None) -> str:
    """A member count (always digits): '3', '2-4', 'op til 3', 'mindst 2'."""
    if low is not None and high is not None:
        if low == high:
            return str(low)
        if low == 0:
            return f"op til {high}"
        return f"{low}-{high}"
    if high is not None:
        return f"op til {high}"
    return f"mindst {low or 0}"


def count_of(c: Any) -> str:
    """``count_text`` of a ``Count`` model."""
    return count_text(c.minimum, c.maximum)


def times_text(n: float) -> str:
    """'én gang', 'fire gange', '14 gange'."""
    return "én gang" if n == 1 else f"{small_number(n)} gange"


def meetings_text(minimum: float | None, maximum: float | None,
                  approximately: float | None) -> str:
    """A number of meetings: 'fire møder', 'mindst to møder', '3-4 møder', 'ca. ti møder',
    'mindst 4, typisk ca. 6 møder', 'ca. 6, højst 8 møder'; '' when no number is given."""
    single = [x for x in (minimum, maximum, approximately) if x is not None]
    if len(set(single)) == 1:
        x = single[0]
        word = small_number(x, one="ét")
        if minimum is not None and maximum is not None:
            prefix = ""
        elif minimum is not None:
            prefix = "mindst "
        elif maximum is not None:
            prefix = "højst "
        else:
            prefix = "ca. "
        return f"{prefix}{word} {plural(x, 'møde', 'møder')}"
    n_ = number
    if approximately is not None:
        last = approximately
        core = f"ca. {n_(approximately)}"
        if minimum is not None and maximum is not None and minimum != maximum:
            core = f"{n_(minimum)}-{n_(maximum)}, typisk {core}"
        elif minimum is not None:
            core = f"mindst {n_(minimum)}, typisk {core}"
        elif maximum is not None:
            core = f"{core}, højst {n_(maximum)}"
    elif minimum is not None and maximum is not None:
        last = maximum
        core = n_(minimum) if minimum == maximum else f"{n_(minimum)}-{n_(maximum)}"
    elif minimum is not None:
        last, core = minimum, f"mindst {n_(minimum)}"
    elif maximum is not None:
        last, core = maximum, f"højst {n_(maximum)}"
    else:
        return ""
    return f"{core} {plural(last, 'møde', 'møder')}"


#: Rate words an author may write instead of a number a year, and the number they mean.
RATE_WORDS: dict[str, int] = {"månedligt": 12, "hver måned": 12, "en gang om måneden": 12,
                              "hver anden måned": 6, "kvartalsvis": 4, "hvert kvartal": 4,
                              "halvårligt": 2, "hvert halve år": 2, "årligt": 1,
                              "en gang om året": 1}


def _rate_word(f: "Frequency") -> str | None:
    """The rate word the author wrote ('kvartalsvis'), when the model kept it."""
    word = getattr(f, "rate_word", None)
    return word if isinstance(word, str) and word else None


def frequency(f: "Frequency | None") -> str:
    """THE phrase of a meeting frequency: 'fire møder årligt', 'mindst fire møder årligt',
    '3-4 møder årligt', 'ca. 10 møder årligt', 'som udgangspunkt 12 møder årligt',
    'møder mindst kvartalsvis', 'mindst fire møder årligt og derudover efter behov',
    'møder efter behov'; 'ingen mødefrekvens' for none."""
    if f is None:
        return "ingen mødefrekvens"
    rate = _rate_word(f)
    core = ""
    if rate is not None:
        qualifier = ("mindst " if f.minimum is not None and f.maximum is None else
                     "højst " if f.maximum is not None and f.minimum is None else
                     "ca. " if f.approximately is not None else "")
        core = f"møder {qualifier}{rate}"
    else:
        core = meetings_text(f.minimum, f.maximum, f.approximately)
        core = f"{core} årligt" if core else ""
    if core and f.as_a_rule:
        core = f"som udgangspunkt {core}"
    if f.on_demand:
        return f"{core} og derudover efter behov" if core else "møder efter behov"
    return core


def per_year(n: float) -> str:
    """'12 møder årligt', 'fire møder årligt', 'ét møde årligt' (an exact number a year)."""
    return f"{meetings_text(n, n, None)} årligt"


def _bare_count(f: "Frequency") -> tuple[str, str, float] | None:
    """(qualifier, number word, the number) of a frequency with one number and no extras."""
    if f.on_demand or _rate_word(f) is not None:
        return None
    values = {x for x in (f.minimum, f.maximum, f.approximately) if x is not None}
    if len(values) != 1:
        return None
    x = values.pop()
    if f.minimum is not None and f.maximum is not None:
        q = ""
    elif f.minimum is not None:
        q = "mindst "
    elif f.maximum is not None:
        q = "højst "
    else:
        q = "ca. "
    if f.as_a_rule:
        q = "som udgangspunkt " + q
    return q, small_number(x, one="ét"), x


def frequency_change(old: "Frequency | None", new: "Frequency | None") -> str:
    """'Mødefrekvensen ændres fra fire til seks møder årligt.', 'Mødefrekvensen fastsættes til
    …', 'Mødefrekvensen (…) fjernes.'"""
    if old is None:
        return f"Mødefrekvensen fastsættes til {frequency(new)}."
    if new is None:
        return f"Mødefrekvensen ({frequency(old)}) fjernes."
    a, b = _bare_count(old), _bare_count(new)
    if a and b and a[0] == b[0]:
        return (f"Mødefrekvensen ændres fra {a[0]}{a[1]} til {b[1]} "
                f"{plural(b[2], 'møde', 'møder')} årligt.")
    return f"Mødefrekvensen ændres fra {frequency(old)} til {frequency(new)}."


def _hours(n: float) -> str:
    """'en times', 'en halv times', 'halvanden times', 'to timers', '2,5 timers', '12 timers'."""
    if n == 0.5:
        return "en halv times"
    if n == 1:
        return "en times"
    if n == 1.5:
        return "halvanden times"
    return f"{small_number(n)} timers"


def hours_text(minimum: float | None, maximum: float | None, approximately: float | None) -> str:
    """'2-3 timers', 'ca. to timers', 'en times', 'en halv times' (as in 'af 2-3 timers
    varighed'); a range keeps its digits."""
    if approximately is not None:
        return f"ca. {_hours(approximately)}"
    if minimum is not None and maximum is not None and minimum != maximum:
        return f"{number(minimum)}-{number(maximum)} timers"
    if minimum is not None and maximum is None:
        return f"mindst {_hours(minimum)}"
    value = minimum if minimum is not None else maximum
    if value is None:
        return ""
    prefix = "op til " if minimum is None else ""
    return f"{prefix}{_hours(value)}"


def duration(d: Any) -> str:
    """A ``Duration`` as 'af 2-3 timers varighed'; '' when none."""
    if d is None:
        return ""
    hours = hours_text(d.minimum, d.maximum, d.approximately)
    return f"af {hours} varighed" if hours else ""


def days_before_text(days: int) -> str:
    """'én uge', 'to uger', 'fem dage', '14 dage' → 'to uger', 'én dag'."""
    if days and days % 7 == 0:
        weeks = days // 7
        return "én uge" if weeks == 1 else f"{number(weeks, words=True)} uger"
    if days == 1:
        return "én dag"
    return f"{number(days, words=days <= 10)} dage"


def members_count(n: int) -> str:
    """'ét medlem', 'mindst 3 medlemmer' (members in digits, one as a word)."""
    return "ét medlem" if n == 1 else f"{n} medlemmer"


__all__ = ["NUMBER_WORDS", "count_text", "count_of", "times_text", "meetings_text", "frequency",
           "frequency_change", "hours_text", "duration", "days_before_text", "RATE_WORDS",
           "members_count"]


def meetings_per_year_text(minimum: float | None, maximum: float | None,
                           approximately: float | None, on_demand: bool = False) -> str:
    """Older phrasing kept for callers not yet moved to ``frequency``: 'mindst fire gange
    årligt', 'ca. 10 møder årligt', '4 møder årligt' (+ ' og efter behov'); 'efter behov'."""
    if minimum is not None and maximum is None and approximately is None:
        core = f"mindst {times_text(minimum)} årligt"
    else:
        core = meetings_text(minimum, maximum, approximately)
        core = f"{core} årligt" if core else ""
    if on_demand:
        return f"{core} og efter behov" if core else "efter behov"
    return core
