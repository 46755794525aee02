"""A new charter from a frame or a type: ``kommissorium new ID --navn … --type … --område …``.

With a frame (``--fra-ramme``) the new charter says ``udbygger: <frame>`` and leaves the frame's
sections out: the corpus takes them from the frame (``CharterSet.effective``), so the frame's
required seats and meeting minimum apply without being copied, and a later change of the frame
reaches every charter that extends it. The author adds only what the body has beyond the frame.
The type and area default to the frame's.

Without a frame, the file has the required keys, the given purpose and meeting frequency, and
the other sections as comments to fill in. Either way the file starts with the schema line, is
in canonical ``fmt`` order, and is validated right after it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kommissorium.errors import UsageError

_ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:/[a-z0-9]+(?:[-_][a-z0-9]+)*)*$")


@dataclass
class NewCharter:
    id: str
    name: str
    type: str | None = None
    area: str | None = None
    frame: str | None = None
    short_name: str | None = None
    purpose: str | None = None
    meetings: str | None = None


def _yaml_str(text: str) -> str:
    """A YAML scalar for one line of text: plain when safe, else double-quoted."""
    import json

    plain_ok = (
        text
        and text == text.strip()
        and not re.search(r"[:#\[\]{},&*!|>'\"%@`]", text)
        and not re.match(r"^[-?]", text)
        and text.lower() not in ("true", "false", "null", "yes", "no", "on", "off", "~")
        and not re.fullmatch(r"[-+0-9.,: ]+", text)
    )
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def _block(text: str, indent: str = "  ") -> str:
    lines = text.strip().splitlines() or [""]
    return "|\n" + "\n".join(indent + ln if ln.strip() else "" for ln in lines)


def charter_text(spec: NewCharter, schema_line: str, frame_name: str | None = None) -> str:
    out = [schema_line]
    out.append(f"navn: {_yaml_str(spec.name)}")
    if spec.short_name:
        out.append(f"forkortelse: {_yaml_str(spec.short_name)}")
    if spec.type:
        out.append(f"type: {spec.type}")
    if spec.area:
        out.append(f"område: {spec.area}")
    if spec.frame:
        out.append(f"udbygger: {spec.frame}")
    out.append("# godkendt: {af: <organets id>, dato: ÅÅÅÅ-MM}")
    if spec.frame:
        out.append(f"# Afsnit, der ikke står her, arves fra rammen '{frame_name or spec.frame}'.")
        out.append("# Tilføj kun det, organet har ud over rammen; en udbygning må ikke svække "
                   "rammen.")
    if spec.purpose:
        out.append("formål: " + _block(spec.purpose))
    elif not spec.frame:
        out.append("# formål: |")
        out.append("#   Organets formål.")
    if not spec.frame:
        out += [
            "# opgaver:",
            "#   - Første opgave.",
            "# sammensætning:",
            "#   medlemmer:",
            "#     - antal: 1",
            "#       rolle: sundhedsdirektør",
            "#       for-hver: kommune",
            "# formandskab:",
            "#   delt-mellem: [kommuner, region]",
            "# sekretariat:",
            "#   varetages-af: <id eller registernøgle>",
        ]
    if spec.meetings:
        out.append("møder:")
        value = spec.meetings
        out.append(f"  pr-år: {value if value.isdigit() else _yaml_str(value)}")
    elif not spec.frame:
        out.append("# møder:")
        out.append("#   pr-år: 4")
    out.append("# relationer:")
    out.append("#   refererer-til: <id>")
    return "\n".join(out) + "\n"


#: The national frame for sundhedsråd: shipped with the package, copied into a repository by
#: ``new --type sundhedsråd`` when it is missing there.
COUNCIL_FRAME = "landsdaekkende/sundhedsraad-ramme"


def packaged_frame_text() -> str:
    from importlib import resources

    return (resources.files("kommissorium") / "frames" / "sundhedsraad-ramme.yaml").read_text(
        encoding="utf-8")


def council_text(spec: NewCharter, schema_line: str, cs: object, area: object) -> str:
    """A sundhedsråd charter that extends the national frame, with the area's numbers: one seat
    for each kommune and one regional seat more (the pattern of the 2026 councils, marked
    unconfirmed in the frame), chair and vice chair from the regional members."""
    from kommissorium.danish import sundhedsraad as phrases

    reg = cs.registry  # type: ignore[attr-defined]
    start = area.starts()  # type: ignore[attr-defined]
    kommuner = reg.kommuner_in(area.key, start)  # type: ignore[attr-defined]
    region = reg.region_of(area.key, start)  # type: ignore[attr-defined]
    n = len(kommuner)
    out = [schema_line,
           "# Sundhedsråd: det, loven siger om alle råd, arves fra rammen "
           f"{COUNCIL_FRAME}.",
           phrases.council_counts_comment(n),
           f"navn: {_yaml_str(spec.name)}"]
    if spec.short_name:
        out.append(f"forkortelse: {_yaml_str(spec.short_name)}")
    out += ["type: sundhedsråd", f"område: {area.key}", f"udbygger: {COUNCIL_FRAME}"]  # type: ignore[attr-defined]
    if start is not None:
        out.append(f"gyldig: {{fra: {start.isoformat()}}}")
    out.append("# godkendt: {af: " + (region or "<regionen>") + ", dato: ÅÅÅÅ-MM}")
    purpose = spec.purpose or phrases.council_purpose(
        spec.name, reg.get(region).name if region else None, [k.name for k in kommuner])
    out.append("formål: " + _block(purpose))
    out += ["sammensætning:", "  medlemmer:",
            f"    - antal: {n + 1}",
            "      rolle: medlem af regionsrådet"]
    if region:
        out.append(f"      fra: {region}")
    else:
        out.append("      part: region")
    out += ["      gruppe: regionale",
            "    - antal: 1", "      rolle: medlem af kommunalbestyrelsen",
            "      for-hver: kommune", "      gruppe: kommunale",
            "formandskab:", "  formand: {gruppe: regionale}", "  næstformand: {gruppe: regionale}"]
    if spec.meetings:
        value = spec.meetings
        out += ["møder:", f"  pr-år: {value if value.isdigit() else _yaml_str(value)}"]
    if region:
        out += ["relationer:", f"  refererer-til: {region}"]
    return "\n".join(out) + "\n"


def _council(spec: NewCharter, charters_dir: Path, repo_root: Path, cs: object) -> Path:
    from kommissorium.model.validate import suggest
    from kommissorium.fsutil import atomic_write
    from kommissorium.schema import schema_comment

    reg = cs.registry  # type: ignore[attr-defined]
    councils = [e.key for e in reg.of_kind("sundhedsråd")]
    area = reg.get(spec.area) if spec.area else None
    if area is None or area.kind != "sundhedsråd":
        best = suggest(spec.area or "", councils)
        hint = f" Mente du '{best}'?" if best else ""
        raise UsageError(
            f"Et sundhedsråd har et sundhedsråd fra registret som område; angiv det med --område "
            f"(fx 'sundhedsraad-vendsyssel'; se 'kommissorium register --dato 2027-01-01').{hint}")
    if spec.frame and spec.frame != COUNCIL_FRAME:
        raise UsageError(f"Et sundhedsråd udbygger rammen '{COUNCIL_FRAME}', ikke '{spec.frame}'.")
    spec.name = spec.name or area.name
    if cs.charter(COUNCIL_FRAME) is None:  # type: ignore[attr-defined]
        frame_path = charters_dir / f"{COUNCIL_FRAME}.yaml"
        if frame_path.exists():
            raise UsageError(f"{frame_path} findes, men kan ikke læses; ret den først "
                             "(kommissorium validate).")
        frame_path.parent.mkdir(parents=True, exist_ok=True)
        text = packaged_frame_text()
        text = text.replace(text.splitlines()[0], schema_comment(frame_path, repo_root), 1)
        atomic_write(frame_path, text)
    path = charters_dir / f"{spec.id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, council_text(spec, schema_comment(path, repo_root), cs, area))
    return path


def create(spec: NewCharter, charters_dir: Path, repo_root: Path) -> Path:
    """Write the new charter; UsageError (Danish) for a bad id, area, frame or existing file."""
    from kommissorium.corpus import load_corpus
    from kommissorium.model.charter import BodyType
    from kommissorium.model.validate import suggest
    from kommissorium.fsutil import atomic_write
    from kommissorium.schema import schema_comment

    cid = spec.id.strip().removesuffix(".yaml").strip("/")
    if not _ID.match(cid):
        raise UsageError(
            f"'{spec.id}' er ikke et gyldigt id: brug små ASCII-bogstaver, tal, '-' og '/' "
            "(æ→ae, ø→oe, å→aa), fx 'nordjylland/klynge-nord/politisk'."
        )
    spec.id = cid
    path = charters_dir / f"{cid}.yaml"
    if path.exists() or path.with_suffix(".yml").exists():
        raise UsageError(f"{path} findes allerede; 'new' overskriver ikke en fil.")
    cs = load_corpus(charters_dir)
    if cid in cs.by_id:
        raise UsageError(f"Id'et '{cid}' bruges allerede af {cs.by_id[cid].display}.")
    area_entry = cs.registry.get(spec.area) if spec.area else None
    if spec.type == "sundhedsråd" or (area_entry is not None and area_entry.kind == "sundhedsråd"
                                      and not spec.type):
        return _council(spec, charters_dir, repo_root, cs)
    if not spec.name:
        raise UsageError("Angiv organets navn med --navn.")
    frame_name = None
    if spec.frame:
        frame = cs.charter(spec.frame)
        if frame is None:
            frames = [f.id for f in cs.valid() if f.charter.frame]
            best = suggest(spec.frame, frames or list(cs.by_id))
            hint = f" Mente du '{best}'?" if best else ""
            raise UsageError(f"Rammen '{spec.frame}' findes ikke (eller kan ikke læses).{hint}")
        frame_name = frame.name
        spec.type = spec.type or frame.type.value
        spec.area = spec.area or frame.area
    types = [t.value for t in BodyType]
    if not spec.type:
        raise UsageError(f"Angiv organets type med --type ({', '.join(types)}) eller en ramme "
                         "med --fra-ramme.")
    if spec.type not in types:
        best = suggest(spec.type, types)
        hint = f" Mente du '{best}'?" if best else ""
        raise UsageError(f"Ukendt type '{spec.type}'; vælg mellem {', '.join(types)}.{hint}")
    if not spec.area:
        raise UsageError("Angiv organets område med --område (en registernøgle, fx "
                         "'region-nordjylland' eller 'klynge-nord').")
    if not cs.exists(spec.area):
        best = suggest(spec.area, cs.registry.keys())
        hint = f" Mente du '{best}'?" if best else ""
        raise UsageError(f"Området '{spec.area}' findes ikke i registret.{hint}")
    if spec.meetings:
        from pydantic import ValidationError

        from kommissorium.model.types import Frequency

        value: object = int(spec.meetings) if spec.meetings.isdigit() else spec.meetings
        try:
            Frequency.model_validate(value)
        except ValidationError as exc:
            msg = exc.errors()[0].get("msg", "").removeprefix("Value error, ")
            raise UsageError(f"--møder: {msg}") from None
    text = charter_text(spec, schema_comment(path, repo_root), frame_name)
    atomic_write(path, text)
    return path
