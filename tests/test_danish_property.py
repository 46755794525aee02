"""Issue #14, property: any valid charter without ``tekst`` renders into Danish that passes the
checklist (tests/danish_checklist.py), and documents, diff, rule messages and diagram phrase the
same meeting frequency identically."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kommissorium.corpus import load_corpus
from kommissorium.document import BulletList, MemberTable, Paragraph, build_document
from kommissorium.model.types import Frequency

sys.path.insert(0, str(Path(__file__).parent))
from danish_checklist import problems  # noqa: E402

EXAMPLES = int(os.environ.get("DANISH_EXAMPLES", "25"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=list(HealthCheck))

ROLES = ["direktør", "kommunalt medlem", "socialt udsat borger", "øvrigt byrådsmedlem",
         "medlemmer", "repræsentanter", "anden person", "inviteret gæst", "regional kontorchef",
         "praktiserende læge", "repræsentant for patienter og pårørende", "udvalgsformand",
         "borgmester", "sundhedsdirektør", "borgmesteren", "formanden for udvalget",
         "nyt regionalt medlem", "leder", "sygeplejerske", "konsulent"]
ORGS = ["region-nordjylland", "plo-nordjylland", "kkr-nordjylland", "hjoerring", "aalborg",
        "psykiatrien-nordjylland", "koebenhavn", "bornholm"]
FREQS = st.one_of(
    st.integers(1, 14),
    st.sampled_from(["mindst 4", "ca. 10", "3-4", "kvartalsvis", "mindst kvartalsvis",
                     "hver måned", "efter behov", "4 møder årligt og efter behov", "højst 2",
                     "en gang om måneden", "halvårligt", "mindst 1"]),
    st.fixed_dictionaries({"mindst": st.integers(1, 12)},
                          optional={"som-udgangspunkt": st.booleans(),
                                    "efter-behov": st.booleans()}),
)
COUNT = st.one_of(st.integers(1, 12), st.sampled_from(["2-4", "op til 3", "mindst 2"]))


@st.composite
def seats(draw, many: bool = True):
    seat = {"rolle": draw(st.sampled_from(ROLES))}
    if draw(st.booleans()):
        seat["antal"] = draw(COUNT)
    kind = draw(st.sampled_from(["fra", "for-hver", "udpeget-af", "none"]))
    if kind == "fra":
        seat["fra"] = draw(st.sampled_from(ORGS))
    elif kind == "for-hver":
        seat["for-hver"] = "kommune"
    elif kind == "udpeget-af":
        seat["udpeget-af"] = draw(st.sampled_from(ORGS))
    if draw(st.booleans()):
        seat["note"] = draw(st.sampled_from(["somatik og psykiatri", "på direktørniveau."]))
    if draw(st.integers(0, 3)) == 0:
        seat["heraf"] = [{"antal": 1, "fra": draw(st.sampled_from(ORGS))},
                         {"mindst": 1, "rolle": draw(st.sampled_from(ROLES))}]
    if draw(st.integers(0, 4)) == 0:
        seat["stemmeret"] = False
    if draw(st.integers(0, 4)) == 0:
        seat[draw(st.sampled_from(["ad-hoc", "efter-behov"]))] = True
    return seat


@st.composite
def charters(draw):
    c = {"navn": draw(st.sampled_from(["Testforum", "Det politiske niveau i Testklyngen",
                                       "Styregruppen", "Rådet"])),
         "type": draw(st.sampled_from(["forum", "udvalg", "politisk", "administrativ"])),
         "område": "region-nordjylland",
         "dokument": draw(st.sampled_from(["kommissorium", "forretningsorden", "vedtægt"]))}
    comp = {"medlemmer": draw(st.lists(seats(), min_size=1, max_size=4))}
    if draw(st.booleans()):
        comp["deltagere"] = draw(st.lists(seats(), max_size=2))
    if draw(st.booleans()):
        comp["observatører"] = draw(st.lists(seats(), max_size=2))
    if draw(st.booleans()):
        comp["suppleanter"] = draw(st.one_of(st.booleans(), st.just({"personlige": True})))
    if draw(st.booleans()):
        comp["periode"] = draw(st.sampled_from(["følger valgperioden", "en fireårig periode",
                                                "valgperioden", "for to år"]))
    c["sammensætning"] = comp
    m = {"pr-år": draw(FREQS)}
    if draw(st.booleans()):
        m["varighed-timer"] = draw(st.sampled_from([2, "2-3", 1.5, 0.5]))
    if draw(st.booleans()):
        m["virtuelle"] = draw(st.booleans())
    if draw(st.booleans()):
        m["ekstraordinære"] = draw(st.one_of(st.booleans(),
                                             st.just({"efter-anmodning-fra": 3})))
    if draw(st.booleans()):
        m["dagsorden-udsendes-dage-før"] = draw(st.sampled_from([1, 5, 7, 14, 21]))
    c["møder"] = m
    if draw(st.booleans()):
        c["formandskab"] = {"delt-mellem": draw(st.lists(
            st.sampled_from(["kommuner", "region", "almen-praksis", "patienter", "stat"]),
            min_size=1, max_size=3, unique=True))}
    if draw(st.booleans()):
        c["sekretariat"] = draw(st.sampled_from([
            {"varetages-af": ["region-nordjylland"]},
            {"varetages-af": ["region-nordjylland", "kkr-nordjylland"], "opgaver": ["referat"]},
            {"delt-mellem": ["kommuner", "region"]}]))
    if draw(st.booleans()):
        c["beslutninger"] = {"regel": draw(st.sampled_from(["konsensus", "flertal"])),
                             "afgørende-stemme": "formand"}
    if draw(st.booleans()):
        c["godkendt"] = {"af": "kkr-nordjylland", "dato": draw(st.sampled_from(
            ["2022-06-23", "august 2022", "2023-01-05"]))}
    return c


def _load(charter: dict):
    root = Path(tempfile.mkdtemp(prefix="dansk-"))
    path = root / "charters" / "x" / "organ.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(charter, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_corpus(root / "charters", root)


def _sentences(doc) -> list[str]:
    out = [doc.title] + [x for x in (doc.subtitle, doc.approval_line, doc.notice) if x]
    out += [f.value for f in doc.facts]
    for s in doc.sections:
        out += [s.heading] if s.heading else []
        for b in s.blocks:
            if isinstance(b, Paragraph):
                out.append(b.text)
            elif isinstance(b, BulletList):
                out += list(b.items)
            elif isinstance(b, MemberTable):
                out += [r.text for r in b.rows] + [r.detail for r in b.rows if r.detail]
                out += [b.total_text] if b.total_text else []
    return out


@SETTINGS
@given(charters())
def test_any_charter_without_tekst_reads_as_danish(charter):
    cs = _load(charter)
    assert [p for p in cs.problems if p.severity.value == "fejl"] == [], cs.problems
    doc = build_document(cs, "x/organ")
    bad = [(s, problems(s)) for s in _sentences(doc) if problems(s)]
    assert bad == [], bad


@SETTINGS
@given(FREQS)
def test_one_value_one_phrase_in_documents_diff_rules_and_diagram(value):
    from kommissorium import danish
    from kommissorium.danish.changes import added_charter_sentence
    from kommissorium.graph import build_graph
    from kommissorium.rules import run_rules

    f = Frequency.model_validate(value)
    phrase = danish.frequency(f)
    assert not problems(phrase), phrase
    cs = _load({"navn": "Forummet", "type": "forum", "område": "region-nordjylland",
                "møder": {"pr-år": value}})
    # document
    meetings = " ".join(p.text for p in build_document(cs, "x/organ").section("møder").blocks)
    assert f"Der afholdes {phrase}." == meetings
    # diagram label
    assert build_graph(cs).nodes["x/organ"].detail == phrase
    # diff
    assert f"; {phrase}." in added_charter_sentence("Forummet", "forum", "Region Nordjylland",
                                                    None, phrase)
    change = danish.frequency_change(Frequency.model_validate(99), f)
    assert phrase in change or change.endswith("møder årligt.")
    # rule message: P002 quotes the data with the same phrase
    if f.floor:
        cs = _load({"navn": "Forummet", "type": "forum", "område": "region-nordjylland",
                    "møder": {"pr-år": value, "tekst": "Forummet mødes 99 gange årligt."}})
        msgs = [p.message for p in run_rules(cs, only={"P002"})]
        assert msgs and all(f"angiver {phrase}." in m for m in msgs), msgs


def test_the_checklist_catches_each_kind_of_error():
    assert problems("Der afholdes 1 møder årligt.")
    assert problems("6 kommunalt medlemmer")
    assert problems("Medlemmerne udpeges for følger valgperioden.")
    assert problems("Opgave fjernet: »At følge op.«.")
    assert problems("Der afholdes fire møder årligt..")
    assert problems("Derudover deltager true.")
    assert problems("The members meet four times.")
    assert problems("Sekretariatet ()")
    assert problems("Udbygger rammen «X»")
    assert problems("Godkendt den 23. Juni 2022")
    assert problems("Pladserne udpeges af Staten.")
    assert problems("Som observatør deltager 1 borgmesteren.")
    assert problems("Der afholdes fire møder årligt.") == []
    assert problems("6 kommunale medlemmer, heraf 2 fra Københavns Kommune") == []
