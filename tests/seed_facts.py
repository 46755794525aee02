"""Key facts of a seed, asserted on a charter: shared by the hand-made corpus's tests
(tests/test_sources.py) and the importer's (tests/test_import.py), so both check the same facts."""

from __future__ import annotations

from kommissorium.model import Charter


def seat(c: Charter, role: str):
    """The one seat group with this role."""
    hits = [s for s in c.composition.members if s.role == role]
    assert len(hits) == 1, f"{role!r} in {c.name}: {[s.role for s in c.composition.members]}"
    return hits[0]


def assert_seed_002_frame(f: Charter) -> None:
    """Seed 002: Region Syddanmark's frame for the klynger's fagligt strategiske niveau."""
    assert f.frame is True
    assert f.area == "region-syddanmark"
    assert f.approved.by == "syddanmark/det-administrative-kontaktforum"
    assert f.approved.date.iso() == "2022-06-23"
    assert f.meetings.per_year.minimum == 4 and f.meetings.per_year.on_demand
    assert f.decisions.rule.value == "konsensus"
    assert [p.value for p in f.chair.shared_between] == ["kommuner", "region"]
    region = seat(f, "repræsentant")
    assert region.count.low == 3 and len(region.sub_quotas) == 3
    assert sum(q.required for q in region.sub_quotas) == 3
    assert "psykiatrien-syddanmark" in [q.source for q in region.sub_quotas]
    gps = seat(f, "praktiserende læge")
    assert gps.appointed_by == "plo" and gps.count.low == 2
    assert gps.sub_quotas[0].minimum == 1 and "sundhedsklyngens område" in gps.sub_quotas[0].requirement
    patients = seat(f, "repræsentant for patienter og pårørende")
    assert patients.appointed_by == "syddanmark/patientinddragelsesudvalget"
    assert seat(f, "relevant direktør").for_each.value == "kommune"
