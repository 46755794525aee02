"""Safe, position-keeping YAML loading.

Parsing uses libyaml through ``ruamel.yaml.clib`` (``CBaseLoader``): it resolves no tags and
constructs no objects, it only composes nodes that carry their line and column. This module then
turns nodes into plain ``dict``/``list``/``str``/``int``/``float``/``bool``/``None`` with YAML 1.2
core-schema semantics (``no`` and ``on`` stay strings, ``2022-06-23`` stays a string) and records
where every key and value stood. Every defect becomes a :class:`Problem` in family ``Y``; nothing
here raises for bad input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kommissorium.problems import Problem, Severity

#: Files above this size are refused before parsing (a charter is a few kB).
MAX_BYTES = 5 * 1024 * 1024
#: Nesting deeper than this is refused (a charter nests less than ten levels).
MAX_DEPTH = 64
#: Upper bound of values in one file, counted before composing and again with aliases expanded
#: (stops alias bombs and multi-megabyte lists; a real charter holds well under 2,000 values).
MAX_NODES = 50_000

PathKey = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")

CODES = {
    "Y001": ("yaml.syntaks", "YAML-syntaksfejl."),
    "Y002": ("yaml.dublet-noegle", "Samme nøgle står to gange i én mapping."),
    "Y003": ("yaml.tabulator", "Tabulatortegn i indrykning; YAML kræver mellemrum."),
    "Y004": ("yaml.kodning", "Filen er ikke gyldig UTF-8-tekst."),
    "Y005": ("yaml.tom", "Filen er tom eller indeholder kun kommentarer."),
    "Y006": ("yaml.tag", "Eksplicitte YAML-tags (fx !!python/object) er ikke tilladt."),
    "Y007": ("yaml.alias", "Aliaser udfolder sig til for meget data (alias-bombe)."),
    "Y008": ("yaml.stoerrelse", "Filen er for stor eller for dybt indlejret."),
    "Y009": ("yaml.top", "Øverste niveau skal være en mapping (nøgle: værdi)."),
    "Y010": ("yaml.noegle", "En nøgle skal være enkel tekst."),
    "Y011": ("yaml.flere-dokumenter", "Filen indeholder mere end ét YAML-dokument."),
    "Y012": ("yaml.symlink", "Filen er en symbolsk henvisning ud af kommissorie-mappen, eller ikke en almindelig fil."),
}

#: Characters YAML 1.2 does not allow in a stream (C0 controls but tab/LF/CR, DEL, C1 but NEL,
#: surrogates, U+FFFE/U+FFFF). libyaml reports them without a usable position.
_FORBIDDEN_CHAR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def yaml_problem(code: str, message: str, file: str, line: int = 1, column: int = 1) -> Problem:
    name, _ = CODES[code]
    return Problem(code, name, Severity.ERROR, message, file, line, column)


@dataclass
class Position:
    """1-based positions of a key (when the value sits in a mapping) and its value."""

    line: int
    column: int
    key_line: int | None = None
    key_column: int | None = None


@dataclass
class SourceMap:
    """Where each path of the loaded data stood in its file."""

    positions: dict[PathKey, Position] = field(default_factory=dict)

    def value(self, path: PathKey) -> tuple[int, int]:
        """Position of the value at ``path``, or of its nearest recorded parent."""
        p = self._nearest(path)
        return (p.line, p.column) if p else (1, 1)

    def key(self, path: PathKey) -> tuple[int, int]:
        """Position of the key of ``path`` (falls back to the value, then to parents)."""
        p = self.positions.get(tuple(path))
        if p is not None and p.key_line is not None:
            return (p.key_line, p.key_column or 1)
        return self.value(path)

    def has(self, path: PathKey) -> bool:
        return tuple(path) in self.positions

    def _nearest(self, path: PathKey) -> Position | None:
        path = tuple(path)
        while True:
            p = self.positions.get(path)
            if p is not None:
                return p
            if not path:
                return None
            path = path[:-1]


@dataclass
class LoadedDocument:
    path: Path
    display: str  # the path as shown to the user
    data: dict[str, Any] | None
    source_map: SourceMap
    problems: list[Problem]
    text: str = ""

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(
            p.severity is Severity.ERROR for p in self.problems
        )


class _TooMuch(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def load_file(path: Path, display: str | None = None, confine: Path | None = None) -> LoadedDocument:
    """Load one file. With ``confine``, a symbolic link whose target lies outside that folder is
    refused (Y012) without being read: a pull request cannot make CI read ``/etc/passwd``."""
    import os
    import stat

    display = display if display is not None else str(path)
    try:
        if confine is not None:
            target = Path(os.path.realpath(path))
            base = Path(os.path.realpath(confine))
            if target != base and base not in target.parents:
                from kommissorium.sanitize import printable

                if path.is_symlink():
                    what = f"Filen er en symbolsk henvisning (symlink) til '{printable(os.readlink(path))}'"
                else:
                    what = "Filen ligger i en mappe, der er en symbolsk henvisning (symlink) til et sted"
                return _failed(
                    path,
                    display,
                    yaml_problem(
                        "Y012",
                        f"{what}, som ligger uden for {confine.name}/. Den læses ikke; læg "
                        "kommissoriet selv i mappen.",
                        display,
                    ),
                )
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            return _failed(
                path,
                display,
                yaml_problem(
                    "Y012",
                    "Stien er ikke en almindelig fil (fx en enhed, en navngiven pipe eller en "
                    "mappe) og læses ikke.",
                    display,
                ),
            )
        size = st.st_size
        if size > MAX_BYTES:
            return _failed(path, display, _too_big(size, display))
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)  # never more, even if the file grows meanwhile
        if len(raw) > MAX_BYTES:
            return _failed(path, display, _too_big(len(raw), display))
    except OSError as exc:
        return _failed(
            path,
            display,
            yaml_problem("Y004", f"Filen kan ikke læses: {exc.strerror or exc}.", display),
        )
    return load_bytes(raw, path, display)


def _too_big(size: int, display: str) -> Problem:
    return yaml_problem(
        "Y008",
        f"Filen fylder {size / 1024 / 1024:.1f} MB; et kommissorium må højst "
        f"fylde {MAX_BYTES // 1024 // 1024} MB. Filen er ikke indlæst.".replace(".", ",", 1),
        display,
    )


def load_bytes(raw: bytes, path: Path, display: str) -> LoadedDocument:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _failed(
            path,
            display,
            yaml_problem(
                "Y004",
                "Filen er gemt som UTF-16; gem den som UTF-8 (i Notesblok: 'Gem som' → "
                "Kodning: UTF-8).",
                display,
            ),
        )
    if b"\x00" in raw:
        index = raw.index(b"\x00")
        line = raw.count(b"\n", 0, index) + 1
        column = len(raw[raw.rfind(b"\n", 0, index) + 1 : index].decode("utf-8", "replace")) + 1
        return _failed(
            path,
            display,
            yaml_problem(
                "Y004",
                "Filen indeholder NUL-bytes og er ikke en tekstfil (en binær fil, fx et billede "
                "eller et Word-dokument, med endelsen .yaml?).",
                display,
                line,
                column,
            ),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col_bytes = before[before.rfind(b"\n") + 1 :]
        column = len(col_bytes.decode("utf-8", errors="replace")) + 1
        bad = raw[exc.start : exc.start + 1].hex().upper()
        guess = ""
        try:
            guess = raw[exc.start : exc.start + 1].decode("cp1252")
            guess = f" (i Latin-1/Windows-1252 er det '{guess}')"
        except UnicodeDecodeError:
            pass
        return _failed(
            path,
            display,
            yaml_problem(
                "Y004",
                f"Byte 0x{bad}{guess} er ikke gyldig UTF-8. Gem filen som UTF-8.",
                display,
                line,
                column,
            ),
        )
    return load_text(text, path, display)


def load_text(text: str, path: Path | None = None, display: str = "<tekst>") -> LoadedDocument:
    from ruamel.yaml.cyaml import CBaseLoader  # C parser: fast, nodes carry marks
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    path = path if path is not None else Path(display)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n")
    if not _has_content(text):
        return _failed(
            path,
            display,
            yaml_problem("Y005", "Filen er tom eller indeholder kun kommentarer.", display),
            text,
        )
    bad = _FORBIDDEN_CHAR.search(text)
    if bad is not None:
        return _failed(path, display, _forbidden_char(text, bad.start(), display), text)
    from kommissorium.load.fast import build_clean

    clean = build_clean(text)  # one pass for clean documents; None: take the full path below
    if clean is not None:
        return LoadedDocument(path, display, clean[0], clean[1], [], text)
    try:
        explicit_str = _prescan(text, display)
    except _TooMuch as exc:
        return _failed(path, display, exc.problem, text)
    except MarkedYAMLError as exc:
        return _failed(path, display, _syntax_problem(exc, text, display), text)
    except YAMLError as exc:
        return _failed(path, display, _other_yaml_problem(exc, display), text)
    loader = CBaseLoader(text)
    try:
        node = loader.get_single_node()
    except MarkedYAMLError as exc:
        return _failed(path, display, _syntax_problem(exc, text, display), text)
    except YAMLError as exc:
        return _failed(path, display, _other_yaml_problem(exc, display), text)
    except RecursionError:
        return _failed(
            path,
            display,
            yaml_problem("Y008", "Filen er for dybt indlejret til at blive læst.", display),
            text,
        )
    finally:
        try:
            loader.dispose()
        except Exception:  # noqa: BLE001 - disposal is best effort
            pass
    if node is None:
        return _failed(
            path,
            display,
            yaml_problem("Y005", "Filen er tom eller indeholder kun kommentarer.", display),
            text,
        )
    builder = _Builder(display, explicit_str)
    try:
        _check_expansion(node, display)
        data = builder.build(node, (), 0)
    except _TooMuch as exc:
        return _failed(path, display, exc.problem, text)
    problems = builder.problems
    if not isinstance(data, dict):
        kind = "en liste" if isinstance(data, list) else "en enkelt værdi"
        hint = ""
        if isinstance(data, str) and re.match(r"^[^\s:]+:\S", data):
            hint = " Mangler der et mellemrum efter kolon (skriv 'navn: …', ikke 'navn:…')?"
        problems.append(
            yaml_problem(
                "Y009",
                f"Øverste niveau er {kind}; et kommissorium skal være en mapping "
                f"med nøgler som 'navn:' og 'formål:'.{hint}",
                display,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
            )
        )
        return LoadedDocument(path, display, None, builder.source_map, problems, text)
    return LoadedDocument(path, display, data, builder.source_map, problems, text)


def _forbidden_char(text: str, index: int, display: str) -> Problem:
    import unicodedata

    ch = text[index]
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    name = unicodedata.name(ch, "") or "kontroltegn"
    return yaml_problem(
        "Y004",
        f"Tegnet U+{ord(ch):04X} ({name}) er ikke tilladt i en YAML-fil; det er usynligt og "
        "kommer typisk fra kopiering fra et andet program. Slet det.",
        display,
        line,
        column,
    )


def _prescan(text: str, display: str) -> frozenset[tuple[int, int]]:
    """Walk the parser's events once, before composing: refuse nesting deeper than MAX_DEPTH and
    more than MAX_NODES values. libyaml parses without recursion; composing a 100,000-deep
    document would overflow the C stack (a crash, not an exception), and composing millions of
    values takes minutes and gigabytes.

    Returns the positions of scalars tagged ``!!str`` explicitly (``!!str 1`` is the text "1"):
    the composed nodes no longer tell an explicit ``!!str`` from an untagged plain scalar."""
    from ruamel.yaml.cyaml import CBaseLoader
    from ruamel.yaml.events import (
        AliasEvent,
        CollectionEndEvent,
        CollectionStartEvent,
        ScalarEvent,
        StreamEndEvent,
    )

    loader = CBaseLoader(text)
    depth = 0
    nodes = 0
    explicit_str: set[tuple[int, int]] = set()
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, StreamEndEvent):
                return frozenset(explicit_str)
            if isinstance(event, CollectionStartEvent):
                depth += 1
                nodes += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise _TooMuch(
                        yaml_problem(
                            "Y008",
                            f"Filen er indlejret mere end {MAX_DEPTH} niveauer dybt; et "
                            "kommissorium bruger under ti. Filen er ikke indlæst.",
                            display,
                            mark.line + 1,
                            mark.column + 1,
                        )
                    )
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            elif isinstance(event, (ScalarEvent, AliasEvent)):
                nodes += 1
                if isinstance(event, ScalarEvent) and event.tag in ("!!str", _STR):
                    explicit_str.add((event.start_mark.line + 1, event.start_mark.column + 1))
            if nodes > MAX_NODES:
                mark = event.start_mark
                raise _TooMuch(
                    yaml_problem(
                        "Y008",
                        f"Filen indeholder mere end {_num(MAX_NODES)} værdier; et kommissorium "
                        "har typisk under 2.000. Filen er ikke indlæst.",
                        display,
                        mark.line + 1,
                        mark.column + 1,
                    )
                )
    finally:
        try:
            loader.dispose()
        except Exception:  # noqa: BLE001 - disposal is best effort
            pass


def _check_expansion(root: Any, display: str) -> None:
    """Refuse an anchor that contains an alias to itself, and aliases that expand to more than
    MAX_NODES values, in time proportional to the distinct nodes (the builder would otherwise
    walk every expanded copy)."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Any) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
            raise _TooMuch(
                yaml_problem(
                    "Y007",
                    f"Et alias henviser til det anker, det selv står inde i (ankeret på linje "
                    f"{line}); værdien ville være uendelig. Filen er ikke indlæst.",
                    display,
                    line,
                    col,
                )
            )
        active.add(key)
        total = 1
        if isinstance(node, SequenceNode):
            for item in node.value:
                total += size(item)
        elif isinstance(node, MappingNode):
            for k, v in node.value:
                total += size(k) + size(v)
        active.discard(key)
        if total > MAX_NODES:
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
            raise _TooMuch(
                yaml_problem(
                    "Y007",
                    f"Aliaserne (*navn) udfolder sig til mere end {_num(MAX_NODES)} værdier "
                    "(aliaser, der henviser til aliaser: en alias-bombe). Filen er ikke "
                    "indlæst.",
                    display,
                    line,
                    col,
                )
            )
        sizes[key] = total
        return total

    size(root)


def _other_yaml_problem(exc: Exception, display: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = (mark.line + 1) if mark is not None else 1
    column = (mark.column + 1) if mark is not None else 1
    return yaml_problem("Y001", "YAML-syntaksfejl: filen kan ikke læses som YAML.", display, line, column)


def _failed(path: Path, display: str, problem: Problem, text: str = "") -> LoadedDocument:
    return LoadedDocument(path, display, None, SourceMap(), [problem], text)


def _num(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _has_content(text: str) -> bool:
    import io

    for line in io.StringIO(text):  # lazily: a 5 MB file must not become a million strings
        s = line.strip()
        if s and not s.startswith("#") and s not in ("---", "..."):
            return True
    return False


_SYNTAX_DA = [
    ("could not find expected ':'", "mangler ':' efter en nøgle"),
    ("mapping values are not allowed here", "et kolon står et sted, hvor det ikke må stå "
     "(sæt værdien i anførselstegn, hvis den indeholder ': ')"),
    ("did not find expected key", "forventede en nøgle på dette niveau (forkert indrykning?)"),
    ("did not find expected ',' or ']'", "en liste i [ ] er ikke lukket"),
    ("did not find expected ',' or '}'", "en mapping i { } er ikke lukket"),
    ("found unexpected end of stream", "filen slutter midt i en værdi (manglende anførselstegn?)"),
    ("found character that cannot start any token", "et tegn, der ikke kan indlede en værdi"),
    ("did not find expected '-' indicator", "forventede et listepunkt '- ' (forkert indrykning?)"),
    ("did not find expected <document start>", "indhold efter dokumentets slutning (efter en "
     "linje med '...', eller en lukkeparentes for meget)"),
    ("expected a single document", "filen indeholder flere YAML-dokumenter (adskilt af ---)"),
    ("found undefined alias", "et alias (*navn) henviser til et anker, der ikke findes"),
    ("found duplicate anchor", "samme anker (&navn) er defineret to gange"),
    ("while scanning a quoted scalar", "en tekst i anførselstegn er ikke lukket"),
    ("found unknown escape character", "ukendt escape-sekvens i tekst med dobbelte anførselstegn"),
    ("block sequence entries are not allowed", "et listepunkt '- ' står, hvor det ikke må"),
    ("while scanning an alias", "ugyldigt alias"),
    ("while scanning an anchor", "ugyldigt anker"),
    ("while scanning a block scalar", "ugyldig blok-tekst efter | eller >"),
    ("found a tab character", "tabulatortegn"),
    ("mapping values are not allowed in this context", "et kolon står et sted, hvor det ikke må "
     "stå (en værdi med ': ' skal i anførselstegn, og en nøgle skal stå på sin egen linje)"),
    ("found incompatible YAML document", "direktivet %YAML angiver en version, som ikke "
     "understøttes (brug 1.2, eller fjern linjen)"),
    ("found invalid Unicode character escape code", "ugyldig Unicode-escape (\\u eller \\U) "
     "i tekst med dobbelte anførselstegn"),
    ("found unknown directive name", "ukendt direktiv efter '%' (kun %YAML og %TAG findes; "
     "sæt en værdi, der begynder med %, i anførselstegn)"),
    ("found duplicate %YAML directive", "direktivet %YAML står to gange"),
    ("mapping keys are not allowed in this context", "et '?' (YAML's markering af en kompleks "
     "nøgle) står et sted, hvor det ikke må stå; sæt værdien i anførselstegn"),
    ("found undefined tag handle", "ukendt tag-præfiks (fx '!x!navn' uden et %TAG-direktiv)"),
    ("found unexpected ':'", "et kolon inde i en værdi i [ ] eller { } (sæt værdien i "
     "anførselstegn, fx '12:30')"),
    ("did not find expected tag URI", "ufuldstændigt YAML-tag efter '!'"),
    ("did not find URI escaped octet", "ugyldigt YAML-tag"),
    ("while parsing a tag", "ugyldigt YAML-tag"),
    ("while scanning a directive", "ugyldigt direktiv efter '%'"),
    ("while parsing a quoted scalar", "fejl i tekst med anførselstegn"),
    ("while scanning a simple key", "en nøgle uden ':' efter sig (forkert indrykning?)"),
    ("could not find expected", "forventede et andet tegn her"),
    ("did not find expected", "uventet indhold her (forkert indrykning eller manglende tegn?)"),
    ("found character", "et tegn, der ikke må stå her"),
]


def _key_indent(line: str) -> int:
    """Column of a line's key, after its indentation and any list markers ('- ')."""
    m = re.match(r"(?:\s*-(?:\s+|$))*\s*", line)
    return m.end() if m else 0


def _misindented(lines: list[str], idx: int) -> tuple[int, int] | None:
    """(line index, indent) of a key line at or just above ``idx`` whose indentation fits no
    level: deeper than a sibling that opens no block, or between two enclosing levels."""
    def content(i: int) -> bool:
        s = lines[i].strip()
        return bool(s) and not s.startswith("#")

    for cur in (idx, idx - 1):
        if not (0 <= cur < len(lines)) or not content(cur) or lines[cur].lstrip().startswith("-"):
            continue
        prev = next((i for i in range(cur - 1, -1, -1) if content(i)), None)
        if prev is None:
            continue
        ind, pind = _key_indent(lines[cur]), _key_indent(lines[prev])
        opens = re.search(r":\s*(?:[|>][-+0-9]*)?\s*(?:#.*)?$", lines[prev]) is not None
        if ind > pind and not opens:
            return cur, ind
        if ind < pind:
            levels = {_key_indent(lines[i]) for i in range(cur) if content(i)}
            levels |= {len(lines[i]) - len(lines[i].lstrip(" ")) for i in range(cur) if content(i)}
            if ind not in levels:
                return cur, ind
    return None


def _syntax_problem(exc: Any, text: str, display: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + 1) if mark is not None else 1
    column = (mark.column + 1) if mark is not None else 1
    raw = " ".join(str(x) for x in (exc.context, exc.problem) if x)
    lines = text.split("\n")
    # A tab in the indentation of the offending line (or the one before) is the usual cause.
    for idx in (line - 1, line - 2):
        if 0 <= idx < len(lines):
            src = lines[idx]
            indent = src[: len(src) - len(src.lstrip(" \t"))]
            if "\t" in indent:
                return yaml_problem(
                    "Y003",
                    "Tabulatortegn i indrykningen; YAML kræver mellemrum.",
                    display,
                    idx + 1,
                    indent.index("\t") + 1,
                )
    if "expected a single document" in raw:
        return yaml_problem(
            "Y011",
            "Filen indeholder mere end ét YAML-dokument (adskilt af '---'); "
            "et kommissorium er ét dokument.",
            display,
            line,
            column,
        )
    # Where it was opened says more than where the parser gave up (often the end of the file).
    ctx = exc.context_mark
    context = str(exc.context or "")
    at_end = line >= len(lines) and not "".join(lines[line - 1:]).strip()
    if ctx is not None and "quoted scalar" in context and "end of stream" in raw:
        return yaml_problem(
            "Y001",
            "YAML-syntaksfejl: anførselstegnet her lukkes aldrig; resten af filen bliver "
            "læst som en del af teksten.",
            display, ctx.line + 1, ctx.column + 1,
        )
    if ctx is not None and "directive" in context:
        line, column = ctx.line + 1, ctx.column + 1
    if ctx is not None and "while parsing a flow" in context:
        kind = "liste i [ ]" if "sequence" in context else "mapping i { }"
        closing = "]" if "sequence" in context else "}"
        if at_end:
            return yaml_problem(
                "Y001",
                f"YAML-syntaksfejl: en {kind}, der begynder her, lukkes aldrig med '{closing}'.",
                display, ctx.line + 1, ctx.column + 1,
            )
        return yaml_problem(
            "Y001",
            f"YAML-syntaksfejl: forventede ',' eller '{closing}' i en {kind}, der begynder på "
            f"linje {ctx.line + 1}, kolonne {ctx.column + 1} (mangler et komma, eller er "
            f"'{closing}' glemt?).",
            display, line, column,
        )
    if any(k in raw for k in ("mapping values are not allowed", "did not find expected key",
                              "while scanning a simple key")):
        bad = _misindented(lines, line - 1)
        if bad is not None:
            return yaml_problem(
                "Y001",
                "YAML-syntaksfejl: indrykningen passer ikke med linjen over (brug samme antal "
                "mellemrum for nøgler på samme niveau).",
                display, line, column,
            )
    danish = next((da for en, da in _SYNTAX_DA if en in raw), None)
    detail = danish or "ugyldig YAML"
    return yaml_problem("Y001", f"YAML-syntaksfejl: {detail}.", display, line, column)


class _Builder:
    # Clean documents never get here: load/fast.py builds them in one pass. A new check here
    # must also make ``build_clean`` return None for the documents it concerns.
    def __init__(self, display: str, explicit_str: frozenset[tuple[int, int]] = frozenset()):
        self.display = display
        self.explicit_str = explicit_str
        self.source_map = SourceMap()
        self.problems: list[Problem] = []
        self.count = 0
        from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

        self._kinds = (MappingNode, ScalarNode, SequenceNode)

    def _pos(self, node: Any) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def build(self, node: Any, path: PathKey, depth: int, key_node: Any = None) -> Any:
        MappingNode, ScalarNode, SequenceNode = self._kinds
        self.count += 1
        if self.count > MAX_NODES:
            line, col = self._pos(node)
            raise _TooMuch(
                yaml_problem(
                    "Y007",
                    f"Filen udfolder sig til mere end {_num(MAX_NODES)} værdier "
                    "(aliaser, der henviser til aliaser?). Filen er ikke indlæst.",
                    self.display,
                    line,
                    col,
                )
            )
        if depth > MAX_DEPTH:
            line, col = self._pos(node)
            raise _TooMuch(
                yaml_problem(
                    "Y008",
                    f"Filen er indlejret mere end {MAX_DEPTH} niveauer dybt. Filen er ikke indlæst.",
                    self.display,
                    line,
                    col,
                )
            )
        line, col = self._pos(node)
        pos = Position(line, col)
        if key_node is not None:
            pos.key_line, pos.key_column = self._pos(key_node)
        self.source_map.positions.setdefault(path, pos)

        tag = node.tag
        if isinstance(node, ScalarNode):
            if tag != _STR:
                self._bad_tag(node)
            if not _plain(node) and _FORBIDDEN_CHAR.search(node.value):
                self._escaped_control(node)
            if (line, col) in self.explicit_str:
                return node.value  # '!!str 1' is the text "1"
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            if tag != _SEQ:
                self._bad_tag(node)
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if tag != _MAP:
                self._bad_tag(node)
            result: dict[str, Any] = {}
            seen: dict[str, tuple[int, int]] = {}
            for knode, vnode in node.value:
                kline, kcol = self._pos(knode)
                if not isinstance(knode, ScalarNode):
                    self.problems.append(
                        yaml_problem(
                            "Y010",
                            "En nøgle skal være enkel tekst, ikke en liste eller mapping.",
                            self.display,
                            kline,
                            kcol,
                        )
                    )
                    continue
                if knode.tag != _STR:
                    self._bad_tag(knode)
                if not _plain(knode) and _FORBIDDEN_CHAR.search(knode.value):
                    self._escaped_control(knode)
                key = knode.value
                if key == "<<" and _plain(knode):
                    self.problems.append(
                        yaml_problem(
                            "Y006",
                            "Flet-nøglen '<<' (YAML 1.1) understøttes ikke; skriv nøglerne ud.",
                            self.display,
                            kline,
                            kcol,
                        )
                    )
                    continue
                if key in seen:
                    first = seen[key]
                    self.problems.append(
                        yaml_problem(
                            "Y002",
                            f"Nøglen '{key}' står to gange; første gang på linje {first[0]}. "
                            "Den anden forekomst ville ellers overskrive den første.",
                            self.display,
                            kline,
                            kcol,
                        )
                    )
                    continue
                seen[key] = (kline, kcol)
                result[key] = self.build(vnode, path + (key,), depth + 1, knode)
            return result
        return None  # pragma: no cover - libyaml has no other node kinds

    def _escaped_control(self, node: Any) -> None:
        """A control character written as an escape ("\\e[31m", "\\a") would reach terminals,
        CI logs and documents; refuse it like the raw character."""
        ch = _FORBIDDEN_CHAR.search(node.value)[0]
        line, col = self._pos(node)
        self.problems.append(
            yaml_problem(
                "Y004",
                f"Teksten indeholder kontroltegnet U+{ord(ch):04X} (skrevet som escape-sekvens); "
                "kontroltegn er ikke tilladt i et kommissorium. Slet det.",
                self.display,
                line,
                col,
            )
        )

    def _bad_tag(self, node: Any) -> None:
        line, col = self._pos(node)
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.problems.append(
            yaml_problem(
                "Y006",
                f"YAML-tagget '{tag}' er ikke tilladt; kommissorier indeholder kun tekst, tal, "
                "lister og mappings. Værdien læses ikke som objekt.",
                self.display,
                line,
                col,
            )
        )

    @staticmethod
    def _scalar(node: Any) -> Any:
        value: str = node.value
        if not _plain(node):
            return value
        if _NULL.match(value):
            return None
        if _TRUE.match(value):
            return True
        if _FALSE.match(value):
            return False
        if len(value) > 100 and (_INT10.match(value) or _INT16.match(value) or _INT8.match(value)):
            return value  # not a number anyone means; int() of 4,300+ digits even raises
        if _INT10.match(value):
            return int(value)
        if _INT8.match(value):
            return int(value[2:], 8)
        if _INT16.match(value):
            return int(value[2:], 16)
        if _FLOAT.match(value):
            return float(value)
        if _INF.match(value):
            return float("-inf") if value.startswith("-") else float("inf")
        if _NAN.match(value):
            return float("nan")
        return value


def _plain(node: Any) -> bool:
    return node.style in (None, "")
