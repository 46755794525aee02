"""Pydantic v2 models of one charter (Danish keys, English attributes)."""

from kommissorium.model.charter import (
    RELATION_EDGES,
    SECTION_ORDER,
    BodyType,
    Charter,
    Party,
    Seat,
)

__all__ = ["RELATION_EDGES", "SECTION_ORDER", "BodyType", "Charter", "Party", "Seat"]
