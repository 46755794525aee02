"""Quotation marks: Danish uses »…« (never «…» or "…" in generated text)."""

from __future__ import annotations


def quote(text: str) -> str:
    """'»Grundlag«'."""
    return f"»{text}«"
