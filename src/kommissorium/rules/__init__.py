"""Cross-charter checks, one family per module, and the engine that runs them."""

from __future__ import annotations

from kommissorium.rules import (  # noqa: F401  (each module registers its rules)
    composition,
    frames,
    meetingplan,
    meetings,
    names,
    officers,
    procedure,
    quotas,
    prose,
    prose_blocks,
    references,
    registry_coverage,
    relations,
    roster,
    sundhedsraad,
    timing,
    transition,
)
from kommissorium.rules.base import RULES, Finding, Rule, lookup, rule
from kommissorium.rules.engine import RuleConfig, run_rules

__all__ = ["RULES", "Finding", "Rule", "RuleConfig", "lookup", "rule", "run_rules"]
