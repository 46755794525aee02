"""Dates: '23. juni 2022', 'august 2022' (Babel's CLDR data for da_DK, imported lazily)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.model.types import PartialDate, Validity


def format_date(d: date) -> str:
    """'23. juni 2022' (CLDR long format for da_DK)."""
    from babel.dates import format_date as babel_format

    return babel_format(d, format="long", locale="da_DK")


def format_month(year: int, month: int) -> str:
    """'august 2022'."""
    from babel.dates import format_date as babel_format

    return babel_format(date(year, month, 1), format="MMMM y", locale="da_DK")


def format_partial_date(d: "PartialDate") -> str:
    """'23. juni 2022', 'august 2022' or '2022'."""
    if d.day and d.month:
        return format_date(date(d.year, d.month, d.day))
    if d.month:
        return format_month(d.year, d.month)
    return str(d.year)


def on_date(d: "PartialDate") -> str:
    """'den 23. juni 2022', 'i august 2022', 'i 2022' (after a verb: 'godkendt den …')."""
    text = format_partial_date(d)
    return f"den {text}" if d.day else f"i {text}"


def period(v: "Validity", sep: str = " – ") -> str:
    """'1. juli 2022 – 31. december 2026', 'fra 1. juli 2022', 'til 2026'."""
    start = format_partial_date(v.start) if v.start else ""
    end = format_partial_date(v.end) if v.end else ""
    if start and end:
        return f"{start}{sep}{end}"
    return f"fra {start}" if start else (f"til {end}" if end else "")
