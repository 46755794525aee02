"""The rule reference page (docs/regler.md), generated from the rule registry.

    python -m kommissorium.rules.docs > docs/regler.md
    kommissorium rules --markdown > docs/regler.md

A test fails when the committed page differs from what this module generates.
"""

from __future__ import annotations

import sys

from kommissorium.rules.base import Rule

FAMILIES = {
    "C": ("Sammensætning", "Pladser udfoldet over registret, kvoter, udpegende organisationer, formandskab."),
    "F": ("Rammer", "Et kommissorium, der udbygger en ramme, bevarer rammens pladser, opgaver, principper og møder."),
    "M": ("Møder", "Mødefrekvenser, fysiske møder, forberedende organer og varighed."),
    "B": ("Forretningsorden", "Afgørende stemme, mødeledelse og hastesager hos poster, der findes; tærskler og frister, der kan opfyldes."),
    "O": ("Formandskab", "Formand, næstformand og andre poster vælges blandt eller er knyttet til pladsgrupper, der findes."),
    "X": ("Relationer", "Ringe, relationer der kun står i én ende, og organer uden forbindelser."),
    "R": ("Henvisninger", "Hver henvisning findes."),
    "G": ("Register og område", "Klyngernes dækning af regionerne og kommissoriets område på dets dato."),
    "P": ("Tekst mod data", "Tal i forfatterens tekst, der modsiger data eller registret."),
    "N": ("Navne og tid", "Navne på organer, datoer i fremtiden og organer, der ikke fandtes på datoen."),
    "L": ("Medlemslister", "Medlemslisten ved siden af kommissoriet: pladser, der findes og er besat, perioder, betingelser, formandskab og suppleanter."),
    "T": ("Mødeplaner", "Mødeplanen ved siden af kommissoriet: antal møder, forberedelse før det andet organ, mødefri måneder og dobbeltbookinger."),
    "K": ("Undertrykkelser", "Undertrykkelser, der ikke bruges."),
}

INTRO = """\
# Regler

<!-- Genereret af `python -m kommissorium.rules.docs` fra regelregistret. Ret ikke i hånden. -->

`kommissorium validate` kontrollerer kommissorierne i tre lag, hver med sin kodefamilie:
YAML (`Y…`) og skema (`S…`) for den enkelte fil, når den indlæses, registrets egne data
(`G001`), og reglerne nedenfor, der går på tværs af kommissorier og registret.

- `kommissorium rules` viser alle regler; `kommissorium rules KODE` forklarer én med eksempler.
- En regel kan nævnes ved sin kode (`P001`) eller sit navn (`prosa.antal-i-registret`).
- Alvor og slåede-fra regler sættes i `kommissorium.toml` eller under `[tool.kommissorium]` i
  `pyproject.toml`:

  ```toml
  [tool.kommissorium]
  deaktiver = ["X003"]

  [tool.kommissorium.alvor]
  M003 = "advarsel"
  ```

- Et kommissorium kan undertrykke en regel for sig selv med en begrundelse; en undertrykkelse,
  der ikke bruges, rapporteres (K001):

  ```yaml
  undertryk:
    - regel: M003
      begrundelse: Organet mødes kun, når Sundhedssamarbejdsudvalget beder om det.
  ```

- Uddata: `--format text|json|github|sarif`. Exitkode 0 uden fund, 1 ved fejl (advarsler med
  `--strict`), 2 ved brugs- eller læsefejl.
"""


def _doc_markdown(doc: str) -> str:
    """Docstring → Markdown: indented examples become YAML code blocks."""
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        while block and not block[-1].strip():
            block.pop()
        if block:
            out.append("```yaml")
            out.extend(line[4:] if line.startswith("    ") else line for line in block)
            out.append("```")
            out.append("")
        block.clear()

    for line in doc.splitlines():
        if line.startswith("    ") or (block and not line.strip()):
            block.append(line)
            continue
        flush()
        if line.strip() in ("Godt:", "Dårligt:"):
            out.append(f"**{line.strip()}**")
            out.append("")
        else:
            out.append(line)
    flush()
    return "\n".join(out).strip() + "\n"


def _anchor(r: Rule) -> str:
    return r.code.lower()


def load_codes() -> list[tuple[str, str, str]]:
    """Codes found while reading a single file (YAML, format, registry): (code, name, text).

    They are not rules over the corpus: they cannot be switched off or suppressed, because a
    file that cannot be read or does not fit the format cannot be checked further.
    """
    from kommissorium.load.yaml import CODES as YAML_CODES
    from kommissorium.model.validate import SCHEMA_CODES
    from kommissorium.registry import REGISTRY_CODES

    out = []
    for table in (YAML_CODES, SCHEMA_CODES, REGISTRY_CODES):
        for code, (name, text) in table.items():
            out.append((code, name, text))
    return sorted(out)


LOAD_INTRO = (
    "## Indlæsning og format (Y, S, G001)\n\n"
    "Disse fund opstår, mens én fil læses: YAML-fejl (Y), fejl mod kommissorieformatet (S) og "
    "dubletter i registret (G001). De kan ikke slås fra eller undertrykkes, for en fil, der ikke "
    "kan læses eller ikke passer til formatet, kan ikke kontrolleres videre. Beskeden siger altid, "
    "hvad der er galt, og hvor (fil:linje:kolonne).\n"
)


def markdown() -> str:
    from kommissorium.rules import RULES

    rules = sorted(RULES.values(), key=lambda r: (list(FAMILIES).index(r.family)
                                                  if r.family in FAMILIES else 99, r.code))
    lines = [INTRO, "## Oversigt", "", "| Kode | Navn | Standardalvor | Kort |", "|---|---|---|---|"]
    for r in rules:
        summary = r.summary.replace("|", "\\|")
        lines.append(f"| [{r.code}](#{_anchor(r)}) | `{r.name}` | {r.severity.value} | {summary} |")
    lines.append("")
    family = None
    for r in rules:
        if r.family != family:
            family = r.family
            title, text = FAMILIES.get(family, (family, ""))
            lines += [f"## {title} ({family})", "", text, ""]
        lines += [f"### {r.code}", "", f"`{r.name}` · standardalvor: **{r.severity.value}**", "",
                  f"*{r.summary}*", "", _doc_markdown(r.doc)]
    lines += [LOAD_INTRO, "| Kode | Navn | Betydning |", "|---|---|---|"]
    for code, name, text in load_codes():
        cell = text.replace("|", "\\|")
        lines.append(f"| {code} | `{name}` | {cell} |")
    return "\n".join(lines).rstrip() + "\n"


def main() -> None:
    sys.stdout.write(markdown())


if __name__ == "__main__":
    main()
