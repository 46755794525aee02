"""Rosters (who holds each seat) and meeting plans (when a body meets).

Both live BESIDE the charter, not in it: ``<organ>.medlemmer.yaml`` and ``<organ>.moeder.yaml``
next to ``<organ>.yaml``. A charter is approved by a body and changes rarely; a roster changes
every few months and a meeting plan every year. Kept apart, a pull request changes one or the
other, and the diff says which.
"""

from __future__ import annotations

from kommissorium.roster.files import (
    PLAN_SUFFIX,
    ROSTER_SUFFIX,
    CompanionFile,
    companion_kind,
    companion_of,
)

__all__ = ["PLAN_SUFFIX", "ROSTER_SUFFIX", "CompanionFile", "companion_kind", "companion_of"]
