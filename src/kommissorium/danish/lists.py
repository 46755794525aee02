"""Lists in running text: 'A, B og C' (no comma before 'og')."""

from __future__ import annotations

from typing import Iterable


def join(items: Iterable[str], conjunction: str = "og") -> str:
    """'A, B og C'; empty items are left out."""
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]
