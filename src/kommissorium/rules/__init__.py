"""Cross-charter checks, one family per module, and the engine that runs them."""

from __future__ import annotations

from kommissorium.rules import references  # noqa: F401  (registers its rules)
from kommissorium.rules.base import RULES, Finding, Rule, lookup, rule
from kommissorium.rules.engine import RuleConfig, run_rules

__all__ = ["RULES", "Finding", "Rule", "RuleConfig", "lookup", "rule", "run_rules"]
