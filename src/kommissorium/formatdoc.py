"""The format reference (docs/format.md), generated from the charter model.

    python -m kommissorium.formatdoc > docs/format.md

Every key of every part of a charter, its type and compact forms, and its Danish description come
from the pydantic models and the schema's Danish descriptions; EXAMPLES adds a one-line example
and the sentence the document writes for it. A test fails when the committed page is stale, and
another renders every example and checks that the document says what the page promises.
"""

from __future__ import annotations

import sys
import types
import typing
from enum import Enum
from typing import Any

#: (model, key) → (a one-line YAML example at the top level of a charter, what the document
#: writes for it — None when it only feeds the checks).
EXAMPLES: dict[tuple[str, str], tuple[str, str | None]] = {
    ("Charter", "dokument"): ("dokument: forretningsorden",
                              "Forretningsorden for Ældrerådet"),
    ("Charter", "type"): ("type: råd", "Type: Råd"),
    ("Charter", "hjemmel"): ("hjemmel: retssikkerhedsloven § 37 a",
                             "Hjemmel: retssikkerhedsloven § 37 a"),
    ("Charter", "kilde-ufuldstændig"): ("kilde-ufuldstændig: side 3 mangler i kilden",
                                        "Kilde: Ufuldstændig: side 3 mangler i kilden"),
    ("Charter", "evalueres"): ("evalueres: 2027-12", "Evalueres: december 2027"),
    ("Charter", "gyldig"): ("gyldig: {fra: 2026-01-01, til: 2029-12-31}",
                            "Gyldig: 1. januar 2026 – 31. december 2029"),
    ("Seat", "antal"): ("sammensætning: {medlemmer: [{rolle: repræsentant for kommunen, antal: uangivet}]}",
                        "Repræsentanter for kommunen"),
    ("Seat", "direkte-valg"): ("sammensætning: {medlemmer: [{rolle: medlem, antal: 9, direkte-valg: true, "
                               "vælgere: kommunens borgere over 60 år}]}",
                               "9 medlemmer valgt ved direkte valg af kommunens borgere over 60 år"),
    ("Seat", "valgt-af"): ("sammensætning: {medlemmer: [{rolle: byrådsmedlem, antal: 2, valgt-af: aalborg}]}",
                           "2 byrådsmedlemmer valgt af Aalborg Kommune"),
    ("Seat", "udpeget-af"): ("sammensætning: {medlemmer: [{rolle: praktiserende læge, antal: 2, "
                             "udpeget-af: plo-nordjylland}]}",
                             "2 praktiserende læger udpeget af PLO-Nordjylland"),
    ("Seat", "gruppe"): ("sammensætning: {medlemmer: [{rolle: regionsrådsmedlem, antal: 5, gruppe: region}]}",
                         None),
    ("Seat", "parter"): ("sammensætning: {medlemmer: [{rolle: repræsentant, antal: 2, parter: [kommuner, region]}]}",
                         "2 repræsentanter på vegne af kommunerne og regionen"),
    ("Seat", "hver-fra-sin"): ("sammensætning: {medlemmer: [{rolle: praktiserende læge, for-hver: kommune, "
                               "hver-fra-sin: lægelaug}]}",
                               "hver udpeget af den pågældende kommunes lægelaug"),
    ("Seat", "ellers"): ("sammensætning: {medlemmer: [{rolle: læge, ellers: blandt kommunens praktiserende læger}]}",
                         "1 læge; ellers blandt kommunens praktiserende læger"),
    ("Seat", "periode-år"): ("sammensætning: {medlemmer: [{rolle: borger, antal: 2, periode-år: 2}]}",
                             "2 borgere, for en toårig periode"),
    ("Seat", "suppleanter"): ("sammensætning: {medlemmer: [{rolle: borger, antal: 2, suppleanter: "
                              "{personlige: true}}]}",
                              "2 borgere, hver med en personlig suppleant"),
    ("Seat", "bisidder"): ("sammensætning: {medlemmer: [{rolle: borger, antal: 2, bisidder: true}]}",
                           "2 borgere, hver med mulighed for en bisidder"),
    ("Composition", "i-alt"): ("sammensætning: {medlemmer: [{rolle: borger, antal: op til 8}], i-alt: op til 18}",
                               "har op til 18 medlemmer."),
    ("Composition", "flertal"): ("sammensætning: {medlemmer: [{rolle: borger, antal: 5, gruppe: b}, "
                                 "{rolle: politiker, antal: 2, gruppe: p}], flertal: b}",
                                 "Borgere har flertallet af pladserne."),
    ("Composition", "ligelig"): ("sammensætning: {medlemmer: [{rolle: borger, antal: 2, gruppe: b}, "
                                 "{rolle: politiker, antal: 2, gruppe: p}], ligelig: [b, p]}",
                                 "Der er lige mange pladser til borgere som til politikere."),
    ("Composition", "andele"): ("sammensætning: {medlemmer: [{rolle: bruger, antal: 5, gruppe: b}, "
                                "{rolle: politiker, antal: 2}], andele: [{gruppe: b, andel: over 1/3}]}",
                                "Over en tredjedel af medlemmerne er brugere."),
    ("Composition", "indtil-afløsning"): ("sammensætning: {medlemmer: [{rolle: borger}], indtil-afløsning: true}",
                                          "Medlemmerne fortsætter, indtil nye medlemmer er udpeget."),
    ("Composition", "periode"): ("sammensætning: {medlemmer: [{rolle: borger, direkte-valg: true}], periode: fire år}",
                                 "Medlemmerne vælges for fire år."),
    ("Alternates", "op-til"): ("sammensætning: {medlemmer: [{rolle: borger}], suppleanter: {fælles: true, op-til: 2}}",
                               "Der udpeges op til 2 fælles suppleanter for hvert medlem."),
    ("Alternates", "træder-ind"): ("sammensætning: {medlemmer: [{rolle: borger}], suppleanter: "
                                   "{personlige: true, træder-ind: ved forfald i mere end én måned}}",
                                   "En suppleant træder ind ved forfald i mere end én måned."),
    ("Chair", "formand"): ("formandskab: {formand: {vælges-af: rådet, vælges-blandt: medlemmerne, periode-år: 2}}",
                           "Formanden vælges af rådet blandt medlemmerne for en toårig periode."),
    ("Chair", "hver-sin-gruppe"): ("formandskab: {formand: {vælges-blandt: medlemmerne}, næstformand: "
                                   "{vælges-blandt: medlemmerne}, hver-sin-gruppe: true}",
                                   "Formanden og næstformanden kommer fra hver sin gruppe af medlemmer."),
    ("Chair", "medformænd"): ("formandskab: {medformænd: [{rolle: regionsrådsformanden}, "
                              "{rolle: borgmesteren}]}",
                              "Formandskabet består af to ligestillede formænd: regionsrådsformanden "
                              "og borgmesteren."),
    ("Chair", "andre"): ("formandskab: {andre: [{titel: kasserer, opgaver: [Fører regnskab]}]}",
                         "har desuden en kasserer."),
    ("Chair", "ingen"): ("formandskab: {ingen: true}", "har ingen formand."),
    ("Officer", "gruppe"): ("formandskab: {formand: {gruppe: region}}", None),
    ("Officer", "plads"): ("formandskab: {formand: {plads: rrf}}", None),
    ("Meetings", "åbne"): ("møder: {åbne: false}", "Møderne er lukkede."),
    ("Meetings", "sted"): ("møder: {sted: på rådhuset}", "Møderne holdes på rådhuset."),
    ("Meetings", "virtuel-deltagelse"): ("møder: {virtuel-deltagelse: true}",
                                         "Medlemmerne kan deltage virtuelt."),
    ("Meetings", "gæster"): ("møder: {gæster: true}",
                             "kan beslutte at invitere gæster til at deltage i behandlingen af enkelte punkter."),
    ("Meetings", "i-forhold-til"): ("møder: {i-forhold-til: {organ: aalborg, uger: 6, ca: true}}",
                                    "Møderne placeres ca. seks uger før møderne i Aalborg Kommune."),
    ("Meetings", "roterende-vært"): ("møder: {roterende-vært: true}",
                                     "Værtskabet for møderne går på skift mellem medlemmerne."),
    ("Meetings", "ekstraordinære"): ("møder: {ekstraordinære: {efter-anmodning-fra: 1/3, afholdes-inden: 14 dage}}",
                                     "Der kan indkaldes til ekstraordinære møder, når mindst en tredjedel af "
                                     "medlemmerne anmoder om det, og mødet holdes senest 14 dage efter "
                                     "anmodningen."),
    ("Agenda", "udsendes"): ("møder: {dagsorden: {udsendes: senest 5 hverdage, med-materiale: true}}",
                             "Dagsordenen udsendes senest fem hverdage før mødet sammen med det "
                             "tilhørende materiale."),
    ("Agenda", "punkter-frist"): ("møder: {dagsorden: {punkter-frist: 10 dage}}",
                                  "Et medlem, der ønsker et punkt på dagsordenen, skal meddele det senest "
                                  "ti dage før mødet."),
    ("Agenda", "hastende"): ("møder: {dagsorden: {hastende: 24 timer}}",
                             "I hastende tilfælde kan dagsordenen udsendes med kortere varsel, dog senest "
                             "24 timer før mødet."),
    ("Meetings", "mødeplan"): ("møder: {mødeplan: {foreslås-af: formanden, godkendes-af: rådet, "
                               "aflyses-uden-punkter: true}}",
                               "Mødeplanen for det kommende år foreslås af formanden og godkendes af rådet."),
    ("Meetings", "hastesager"): ("møder: {hastesager: true}",
                                 "Sager, der ikke kan vente til næste møde, kan afgøres af formanden, som "
                                 "orienterer medlemmerne på det næste møde."),
    ("Meetings", "forfald"): ("møder: {forfald: {meldes-til: sekretariatet, suppleant-efter-måneder: 1}}",
                              "Forfald meldes til sekretariatet. Ved forfald i mere end én måned indkaldes "
                              "suppleanten."),
    ("Meetings", "mødeledelse"): ("møder: {mødeledelse: {ledes-af: [formand, næstformand, valgt-ad-hoc], "
                                  "konstituerende-møde-ledes-af: ældste}}",
                                  "Møderne ledes af formanden, i formandens fravær af næstformanden og ellers "
                                  "af et medlem, som de fremmødte vælger."),
    ("Decisions", "beslutningsdygtig-ved"): ("beslutninger: {beslutningsdygtig-ved: mindst halvdelen}",
                                             "er beslutningsdygtigt, når mindst halvdelen af medlemmerne er "
                                             "til stede."),
    ("Decisions", "afstemning"): ("beslutninger: {afstemning: {flertal-af: afgivne-stemmer, fuldmagt: false}}",
                                  "Beslutninger træffes ved simpelt flertal af de afgivne stemmer. Der kan "
                                  "ikke stemmes ved fuldmagt."),
    ("Decisions", "stemmelighed"): ("beslutninger: {stemmelighed: {afgørende: [formand, næstformand]}}",
                                    "Ved stemmelighed er formandens stemme afgørende, i formandens fravær "
                                    "næstformandens."),
    ("Decisions", "inhabilitet"): ("beslutninger: {inhabilitet: forvaltningsloven §§ 3-6}",
                                   "Om inhabilitet gælder reglerne i forvaltningsloven §§ 3-6."),
    ("Decisions", "tavshedspligt"): ("beslutninger: {tavshedspligt: forvaltningsloven § 27}",
                                     "Om tavshedspligt gælder reglerne i forvaltningsloven § 27."),
    ("Minutes", "mindretalsudtalelser"): ("referat: {skrives-af: sekretariatet, mindretalsudtalelser: true}",
                                          "Et medlem eller et mindretal kan få en afvigende opfattelse ført "
                                          "til referat."),
    ("Adoption", "træder-i-kraft"): ("vedtagelse: {vedtages-af: byrådet, træder-i-kraft: 2026-01-01}",
                                     "vedtages af byrådet. Det træder i kraft den 1. januar 2026."),
    ("Relations", "rådgiver"): ("relationer: {rådgiver: aalborg}", "rådgiver Aalborg Kommune."),
    ("Relations", "udsender"): ("relationer: {udsender: [{til: aalborg, antal: 2, suppleanter: 2}]}",
                                "udpeger 2 medlemmer og 2 suppleanter til Aalborg Kommune."),
}

#: Model name → Danish heading of its part of the format.
TITLES: dict[str, str] = {
    "Charter": "Kommissoriet (øverste niveau)",
    "Approval": "godkendt", "Composition": "sammensætning", "Seat": "En pladsgruppe (medlemmer, deltagere, observatører)",
    "SubQuota": "heraf", "Alternates": "suppleanter", "GroupShare": "andele",
    "Chair": "formandskab", "Officer": "En post (formand, næstformand, medformænd)",
    "OtherOfficer": "formandskab.andre", "Secretariat": "sekretariat", "Meetings": "møder",
    "Extraordinary": "møder.ekstraordinære", "Agenda": "møder.dagsorden", "MeetingPlan": "møder.mødeplan",
    "Urgent": "møder.hastesager", "Absence": "møder.forfald", "Chairing": "møder.mødeledelse",
    "RelativeTiming": "møder.i-forhold-til", "Decisions": "beslutninger", "Quorum": "beslutningsdygtig-ved",
    "Voting": "beslutninger.afstemning", "Tie": "beslutninger.stemmelighed", "LegalRef": "En lovhenvisning",
    "Minutes": "referat", "Adoption": "vedtagelse", "Relations": "relationer", "Delegation": "relationer.udsender",
    "Subgroup": "relationer.undergrupper", "Publication": "offentliggørelse", "ListSection": "principper og opgaver",
    "ExtraSection": "afsnit", "Suppression": "undertryk", "Validity": "gyldig", "PartialDate": "En dato",
    "Count": "Et antal", "Frequency": "En mødefrekvens", "Duration": "En varighed", "Deadline": "En frist",
    "Threshold": "Et antal eller en andel af medlemmerne", "Allowed": "Tilladt eller ej",
}

INTRO = """\
# Kommissorieformatet

<!-- Genereret af `python -m kommissorium.formatdoc` fra modellen. Ret ikke i hånden. -->

Et kommissorium, en forretningsorden eller en vedtægt er én YAML-fil pr. organ under
`charters/`. Nøglerne er danske; en ukendt nøgle er en fejl med et forslag ("mente du …?").
Her står hver nøgle med dens type, dens korte former og hvad dokumentet skriver for den.
Eksemplerne er testet: dokumentet skriver præcis den viste tekst.

- **tekst** ved siden af data er forfatterens egen formulering og gengives i stedet for den
  genererede sætning; **noter** er yderligere afsnit.
- **Henvisning** er et andet kommissoriums id (stien under `charters/` uden `.yaml`, fx
  `nordjylland/strategisk-sundhedsforum`) eller en registernøgle (`plo-nordjylland`, `aalborg`).
- **Pladsgruppe**: en plads kan få et kort id med `gruppe:`; formandskab, andele, paritet og
  suppleantregler henviser til det.
- Editorer med yaml-language-server kan bruge JSON-skemaet `schema/kommissorium.schema.json`
  (første linje i hver fil) til at foreslå og kontrollere nøglerne undervejs.
"""


def _field_type(f: Any) -> str:
    """A field's type in Danish; pydantic keeps an Annotated field's validators in metadata."""
    meta = repr(f.metadata)
    inner = f.annotation
    if "_one_or_many" in meta and typing.get_origin(inner) is list:
        one = _type_text(typing.get_args(inner)[0])
        return f"{one} eller en liste af dem"
    if "_legal_list" in meta:
        return "lovhenvisning eller en liste af dem (se [En lovhenvisning](#m-legalref))"
    if "_parties" in meta:
        return "liste af parter (kommuner, region, almen-praksis, patienter, stat, andet)"
    if "_StrictType" in meta:
        return "true/false"
    if "_check_ref" in meta:
        return "henvisning"
    return _type_text(inner)


def _type_text(annotation: Any) -> str:
    from pydantic import BaseModel

    text = repr(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        args = typing.get_args(annotation)
        meta = " ".join(repr(m) for m in args[1:])
        if "_one_or_many" in meta:
            inner = _type_text(typing.get_args(args[0])[0])
            return f"{inner} eller en liste af dem"
        if "_StrictType" in meta or args[0] is bool:
            return "true/false"
        if "_check_ref" in meta:
            return "henvisning"
        if "_parties" in meta:
            return "liste af parter (kommuner, region, almen-praksis, patienter, stat, andet)"
        if "_legal_list" in meta:
            return "lovhenvisning eller en liste af dem"
        return _type_text(args[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return " eller ".join(_type_text(a) for a in args)
    if origin is list:
        return f"liste af {_type_text(typing.get_args(annotation)[0])}"
    if origin is dict:
        return "mapping"
    if origin is typing.Literal:
        return "én af: " + ", ".join(f"`{a}`" for a in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "én af: " + ", ".join(f"`{m.value}`" for m in annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{TITLES.get(annotation.__name__, annotation.__name__)}](#{_anchor(annotation.__name__)})"
    if annotation is str:
        return "tekst"
    if annotation is int:
        return "helt tal"
    if annotation is float:
        return "tal"
    if annotation is bool:
        return "true/false"
    return text


def _anchor(name: str) -> str:
    return "m-" + name.lower()


def _models() -> list[type]:
    """Every model reachable from Charter, in the order a reader meets them."""
    from pydantic import BaseModel

    from kommissorium.model.charter import Charter

    seen: list[type] = []
    queue: list[type] = [Charter]
    while queue:
        m = queue.pop(0)
        if m in seen:
            continue
        seen.append(m)
        for f in m.model_fields.values():
            for sub in _submodels(f.annotation):
                if sub not in seen and issubclass(sub, BaseModel):
                    queue.append(sub)
    return seen


def _submodels(annotation: Any) -> list[type]:
    from pydantic import BaseModel

    out: list[type] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for a in typing.get_args(annotation):
        out += _submodels(a)
    return out


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def page() -> str:
    from kommissorium.schema import COMPACT_FORMS, build_schema

    schema = build_schema()
    defs = schema["$defs"]
    lines = [INTRO]
    for model in _models():
        name = model.__name__
        node = schema if name == "Charter" else defs.get(name, {})
        obj = node
        for alt in node.get("anyOf", []):
            if alt.get("type") == "object" or "properties" in alt:
                obj = alt
        props = obj.get("properties", {})
        lines += [f'<a id="{_anchor(name)}"></a>', "", f"## {TITLES.get(name, name)}", ""]
        if node.get("description"):
            lines += [node["description"], ""]
        if name in COMPACT_FORMS:
            lines += ["Kort form: " + _compact_text(COMPACT_FORMS[name]) + ".", ""]
        lines += ["| Nøgle | Type | Betydning |", "| :--- | :--- | :--- |"]
        for fname, f in model.model_fields.items():
            key = f.alias or fname
            desc = (props.get(key) or {}).get("description") or f.description or ""
            required = " (påkrævet)" if f.is_required() else ""
            lines.append(f"| `{key}`{required} | {_escape(_field_type(f))} | {_escape(desc)} |")
        lines.append("")
        examples = [(k, v) for (m, k), v in EXAMPLES.items() if m == name]
        if examples:
            lines += ["Eksempler (og hvad dokumentet skriver):", ""]
            for key, (yaml, says) in examples:
                lines.append(f"- `{key}`: `{yaml}`")
                if says:
                    lines.append(f"  → »{says}«")
                else:
                    lines.append("  → (bruges af kontrollerne; dokumentet skriver intet særskilt)")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _compact_text(forms: list[dict[str, Any]]) -> str:
    out = []
    for f in forms:
        if f.get("type") == "integer":
            out.append("et helt tal")
        elif f.get("type") == "number":
            out.append("et tal")
        elif f.get("type") == "boolean" or f.get("const") is True:
            out.append("true/false" if f.get("type") == "boolean" else "true")
        elif f.get("type") == "array":
            out.append("en liste")
        elif f.get("type") == "string":
            out.append("en tekst (se beskrivelsen)")
    return ", ".join(dict.fromkeys(out))


def main() -> None:
    sys.stdout.write(page())


if __name__ == "__main__":
    main()
