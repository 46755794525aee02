"""Run the registered rules over a CharterSet: severities, disabled rules, suppressions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from kommissorium.corpus import CharterSet
from kommissorium.problems import Problem, Severity
from kommissorium.rules.base import RULES, Finding, Rule, at, lookup, rule


@dataclass
class RuleConfig:
    """Repository settings: per-rule severities and disabled rules (codes or dotted names)."""

    severities: dict[str, Severity] = field(default_factory=dict)
    disabled: set[str] = field(default_factory=set)

    def is_disabled(self, r: Rule) -> bool:
        return r.code in self.disabled or r.name in self.disabled

    def severity(self, r: Rule) -> Severity:
        return self.severities.get(r.code) or self.severities.get(r.name) or r.severity


@rule(
    "K001",
    "undertrykkelse.ubrugt",
    Severity.WARNING,
    "En undertrykkelse i 'undertryk' bruges ikke (reglen giver intet fund her) eller kender ikke reglen.",
)
def unused_suppression(cs: CharterSet) -> Iterator[Finding]:
    """
    Et kommissorium kan undertrykke en regel for sig selv med en begrundelse:

        undertryk:
          - regel: M003
            begrundelse: Organet mødes kun, når Sundhedssamarbejdsudvalget beder om det.

    En undertrykkelse, der ikke længere fjerner noget fund, skal slettes, så den ikke skjuler
    et fremtidigt problem. Undertrykkelser af en ukendt regel rapporteres også.
    Selve kontrollen udføres af regelmotoren efter alle andre regler.

    Godt:
        undertryk: [{regel: M003, begrundelse: …}]   # og M003 giver et fund i filen

    Dårligt:
        undertryk: [{regel: M003, begrundelse: …}]   # men M003 giver intet fund
    """
    return iter(())  # evaluated by run_rules, which alone sees which findings were removed


def run_rules(cs: CharterSet, config: RuleConfig | None = None,
              only: set[str] | None = None) -> list[Problem]:
    config = config or RuleConfig()
    problems: list[Problem] = []
    for r in RULES.values():
        if config.is_disabled(r) or (only is not None and r.code not in only):
            continue
        severity = config.severity(r)
        for f in r.check(cs):
            problems.append(
                Problem(r.code, r.name, severity, f.message, f.file, f.line, f.column,
                        f.related, f.charter)
            )
    return _apply_suppressions(cs, problems, config)


def _apply_suppressions(cs: CharterSet, problems: list[Problem],
                        config: RuleConfig) -> list[Problem]:
    used: set[tuple[str, int]] = set()
    wanted: dict[str, list[tuple[int, Rule | None, str]]] = {}
    for cf in cs.valid():
        for i, s in enumerate(cf.charter.suppress):
            r = lookup(s.rule)
            wanted.setdefault(cf.id, []).append((i, r, s.rule))
    kept: list[Problem] = []
    for p in problems:
        hits = [
            i for i, r, _ in wanted.get(p.charter or "", [])
            if r is not None and r.code == p.code
        ]
        if hits:
            for i in hits:
                used.add((p.charter or "", i))
            continue
        kept.append(p)
    k001 = RULES["K001"]
    if not config.is_disabled(k001):
        sev = config.severity(k001)
        for cid, entries in wanted.items():
            cf = cs.get(cid)
            for i, r, text in entries:
                if r is None:
                    message = (f"Undertrykkelsen nævner reglen '{text}', som ikke findes "
                               "(se 'kommissorium rules').")
                elif (cid, i) not in used:
                    message = (f"Undertrykkelsen af {r.code} ({r.name}) bruges ikke: reglen giver "
                               "intet fund i dette kommissorium. Slet undertrykkelsen.")
                else:
                    continue
                loc = at(cf, "undertryk", i, "regel")
                kept.append(Problem("K001", k001.name, sev, message,
                                    loc["file"], loc["line"], loc["column"], (), cid))
    return kept
