"""Canonical formatting of charter files: key order and indentation, losing nothing.

Steps, each verified:

1. ruamel.yaml round-trip with the house indentation (mappings 2, sequences 4 with the dash at
   offset 2, no line wrapping): comments, quoting, blank lines and block-scalar styles are kept.
   Keys of flow mappings (``{mindst: 4, højst: 6}``) are put in order in memory.
2. Full-line comments that the re-indentation left deeper than both neighbouring lines are moved
   to the indentation of the line after them.
3. Block mappings are put in the model's field order by moving whole line blocks: a key takes
   with it its value, the comment lines and blank lines right above it (at its own indentation
   or less) and comment lines deeper than it at its end. Comment lines above the first key of
   the document stay at the top; comment lines after the last key stay at the end.
4. The result is parsed again and must give the same data and the same comments; otherwise the
   file is left untouched and an error is reported.

Unknown keys keep their relative order after the known ones (``validate`` reports them).
"""

from __future__ import annotations

import io
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kommissorium.errors import KommissoriumError

INDENT_MAPPING = 2
INDENT_SEQUENCE = 4
INDENT_OFFSET = 2
WIDTH = 100_000  # never re-wrap lines


class FormatError(KommissoriumError):
    """The file cannot be formatted (does not parse, or formatting would lose something)."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message, exit_code=1)
        self.line = line
        self.column = column


@dataclass
class FormatResult:
    path: Path
    original: str
    formatted: str

    @property
    def changed(self) -> bool:
        return self.original != self.formatted


# -- canonical key order from the models -------------------------------------------------------

@dataclass
class Spec:
    """Key order of one mapping and the specs of its children (by key)."""

    order: dict[str, int]
    children: dict[str, "Spec | None"]
    items: "Spec | None" = None  # for a list: the spec of each item mapping


def _models_in(annotation: Any) -> tuple[type[BaseModel] | None, bool, Any]:
    """(model, is_list, dict_key_literal) found in an annotation."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False, None
    if origin is typing.Annotated:
        return _models_in(args[0])
    if origin in (list, tuple):
        model, _, _ = _models_in(args[0]) if args else (None, False, None)
        return model, True, None
    if origin is dict:
        return None, False, args[0] if args else None
    if args:  # Union / Optional
        for a in args:
            model, is_list, lit = _models_in(a)
            if model is not None or lit is not None:
                return model, is_list, lit
    return None, False, None


_SPEC_CACHE: dict[type, Spec] = {}


def model_spec(model: type[BaseModel]) -> Spec:
    if model in _SPEC_CACHE:
        return _SPEC_CACHE[model]
    spec = Spec({}, {})
    _SPEC_CACHE[model] = spec  # recursion guard
    for i, (name, info) in enumerate(model.model_fields.items()):
        key = info.alias or name
        spec.order[key] = i
        sub, is_list, lit = _models_in(info.annotation)
        child: Spec | None = None
        if sub is not None:
            child = model_spec(sub)
            if is_list:
                child = Spec({}, {}, items=child)
        elif lit is not None:
            keys = typing.get_args(lit)
            if keys and all(isinstance(k, str) for k in keys):
                child = Spec({k: j for j, k in enumerate(keys)}, {})
        spec.children[key] = child
    return spec


def charter_spec() -> Spec:
    from kommissorium.model.charter import Charter

    return model_spec(Charter)


# -- comments and scalar spans -----------------------------------------------------------------


def _scalar_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of every scalar (keys and values) in the text, by libyaml."""
    from ruamel.yaml.cyaml import CBaseLoader
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    loader = CBaseLoader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    spans: list[tuple[int, int]] = []
    stack = [node] if node is not None else []
    seen: set[int] = set()
    while stack:
        n = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        if isinstance(n, ScalarNode):
            spans.append((n.start_mark.index, n.end_mark.index))
        elif isinstance(n, SequenceNode):
            stack.extend(n.value)
        elif isinstance(n, MappingNode):
            for k, v in n.value:
                stack.extend((k, v))
    spans.sort()
    return spans


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def comments_of(text: str) -> list[str]:
    """Every comment in the text (without surrounding blanks), in order."""
    spans = _scalar_spans(text)
    out: list[str] = []
    i = 0
    si = 0
    n = len(text)
    while i < n:
        while si < len(spans) and spans[si][1] <= i:
            si += 1
        if si < len(spans) and spans[si][0] <= i < spans[si][1]:
            i = spans[si][1]
            continue
        ch = text[i]
        if ch == "#" and (i == 0 or text[i - 1] in " \t\n"):
            end = text.find("\n", i)
            end = n if end == -1 else end
            out.append(text[i:end].rstrip())
            i = end
            continue
        i += 1
    return out


def _scalar_lines(text: str) -> set[int]:
    """0-based line numbers that lie inside a multi-line scalar (not its first line)."""
    starts = _line_starts(text)
    import bisect

    inside: set[int] = set()
    for a, b in _scalar_spans(text):
        la = bisect.bisect_right(starts, a) - 1
        lb = bisect.bisect_right(starts, max(a, b - 1)) - 1
        for ln in range(la + 1, lb + 1):
            inside.add(ln)
    return inside


# -- the passes ----------------------------------------------------------------------------------


def _yaml():
    from ruamel.yaml import YAML
    from ruamel.yaml.resolver import VersionedResolver

    class _NoTimestamps(VersionedResolver):
        """YAML 1.2 core schema as the loader reads it: ``2022-06-23`` is text, not a date
        (ruamel would construct a timestamp, and fail on an impossible date like 2022-02-30)."""

        def add_version_implicit_resolver(self, version, tag, regexp, first):  # noqa: ANN001
            if str(tag).endswith(":timestamp"):
                return
            super().add_version_implicit_resolver(version, tag, regexp, first)

    y = YAML(typ="rt")
    y.Resolver = _NoTimestamps
    y.indent(mapping=INDENT_MAPPING, sequence=INDENT_SEQUENCE, offset=INDENT_OFFSET)
    y.width = WIDTH
    y.preserve_quotes = True
    y.allow_duplicate_keys = False
    return y


def _sort_flow(node: Any, spec: Spec | None) -> None:
    """Order the keys of flow-style mappings in memory (they carry no full-line comments)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        if spec is not None and node.fa.flow_style() and not node.ca.items:
            keys = list(node.keys())
            wanted = sorted(keys, key=lambda k: spec.order.get(str(k), len(spec.order)))
            if wanted != keys:
                for k in wanted:
                    node.move_to_end(k)
        for k, v in node.items():
            child = spec.children.get(str(k)) if spec is not None else None
            _sort_flow(v, child)
    elif isinstance(node, CommentedSeq):
        item_spec = spec.items if spec is not None else None
        for v in node:
            _sort_flow(v, item_spec)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content_indent(line: str) -> int:
    """Indentation of a line's content, past any '- ' sequence indicators."""
    i = _indent(line)
    while line[i:i + 2] in ("- ", "-") and i < len(line):
        i += 1
        while i < len(line) and line[i] == " ":
            i += 1
    return i


def _fix_comment_indent(lines: list[str], in_scalar: set[int]) -> list[str]:
    out = list(lines)
    content = [
        i for i, ln in enumerate(lines)
        if i not in in_scalar and ln.strip() and not ln.lstrip().startswith("#")
    ]
    import bisect

    for i, ln in enumerate(lines):
        if i in in_scalar or not ln.lstrip().startswith("#"):
            continue
        pos = bisect.bisect_left(content, i)
        prev_i = content[pos - 1] if pos > 0 else None
        next_i = content[pos] if pos < len(content) else None
        nxt = _indent(lines[next_i]) if next_i is not None else 0
        prev = _content_indent(lines[prev_i]) if prev_i is not None else 0
        if _indent(ln) > max(prev, nxt):
            out[i] = " " * nxt + ln.lstrip(" ")
    return out


class _Reorderer:
    def __init__(self, lines: list[str], in_scalar: set[int]):
        self.lines = lines
        self.in_scalar = in_scalar

    def _is_blank(self, i: int) -> bool:
        return i not in self.in_scalar and not self.lines[i].strip()

    def _is_comment(self, i: int) -> bool:
        return i not in self.in_scalar and self.lines[i].lstrip().startswith("#")

    def node(self, node: Any, spec: Spec | None, a: int, b: int, top: bool = False,
             seq_item: bool = False) -> list[str]:
        from ruamel.yaml.nodes import MappingNode, SequenceNode

        if isinstance(node, MappingNode) and not node.flow_style and node.value:
            return self.mapping(node, spec, a, b, top, seq_item)
        if isinstance(node, SequenceNode) and not node.flow_style and node.value:
            return self.sequence(node, spec.items if spec else None, a, b)
        return self.lines[a:b]

    def sequence(self, node: Any, item_spec: Spec | None, a: int, b: int) -> list[str]:
        items = node.value
        starts = [item.start_mark.line for item in items]
        if any(not (a <= s < b) for s in starts) or starts != sorted(starts):
            return self.lines[a:b]
        out = self.lines[a:starts[0]]
        for i, value in enumerate(items):
            end = starts[i + 1] if i + 1 < len(items) else b
            out += self.node(value, item_spec, starts[i], end, seq_item=True)
        return out

    def mapping(self, node: Any, spec: Spec | None, a: int, b: int, top: bool,
                seq_item: bool) -> list[str]:
        pairs = node.value
        keys = [k.value for k, _ in pairs]
        key_lines = [k.start_mark.line for k, _ in pairs]
        col = pairs[0][0].start_mark.column
        if len(set(keys)) != len(keys):
            return self.lines[a:b]
        if (any(not (a <= ln < b) for ln in key_lines) or key_lines != sorted(key_lines)
                or len(set(key_lines)) != len(key_lines)):
            return self.lines[a:b]
        # Where each key's block starts: its key line, or the comments/blank lines above it.
        starts = []
        for idx, ln in enumerate(key_lines):
            s = ln
            floor = key_lines[idx - 1] + 1 if idx else (ln if (top or seq_item) else a)
            while s - 1 >= floor and (
                self._is_blank(s - 1)
                or (self._is_comment(s - 1) and _indent(self.lines[s - 1]) <= col)
            ):
                s -= 1
            starts.append(s)
        # The end of the last block: drop trailing blank lines and shallow comments.
        end = b
        while end - 1 > key_lines[-1] and (
            self._is_blank(end - 1)
            or (self._is_comment(end - 1) and _indent(self.lines[end - 1]) <= col)
        ):
            end -= 1
        blocks: list[tuple[Any, list[str]]] = []
        for idx, k in enumerate(keys):
            s = starts[idx]
            e = starts[idx + 1] if idx + 1 < len(keys) else end
            child_spec = spec.children.get(str(k)) if spec is not None else None
            value = pairs[idx][1]
            kl = key_lines[idx]
            # Re-order inside the value first (its lines start after the key line).
            inner = self.node(value, child_spec, kl + 1, e) if kl + 1 <= e else []
            head = self.lines[s:kl + 1]
            if self._value_on_key_line(value, kl):
                inner = self.lines[kl + 1:e]
            blocks.append((k, head + inner))
        head = self.lines[a:starts[0]]
        tail = self.lines[end:b]
        if spec is None:
            body = [ln for _, blk in blocks for ln in blk]
            return head + body + tail
        order = spec.order
        ordered = sorted(
            range(len(blocks)), key=lambda i: (order.get(str(blocks[i][0]), len(order)), i)
        )
        if ordered == list(range(len(blocks))):
            return head + [ln for _, blk in blocks for ln in blk] + tail
        if seq_item:
            moved = self._move_dash(blocks, ordered, key_lines, starts, col)
            if moved is None:
                return self.lines[a:b]
            return head + moved + tail
        return head + [ln for i in ordered for ln in blocks[i][1]] + tail

    def _value_on_key_line(self, value: Any, key_line: int) -> bool:
        from ruamel.yaml.nodes import MappingNode, SequenceNode

        if isinstance(value, (MappingNode, SequenceNode)):
            return value.start_mark.line == key_line or bool(value.flow_style)
        return True

    def _move_dash(self, blocks, ordered, key_lines, starts, col) -> list[str] | None:
        """In a '- key: value' item, the dash moves to the new first key."""
        if col < 2:
            return None
        first_line = key_lines[0] - starts[0]  # index of the key line inside block 0
        blk0 = list(blocks[0][1])
        if blk0[first_line][col - 2:col] != "- ":
            return None
        blk0[first_line] = blk0[first_line][:col - 2] + "  " + blk0[first_line][col:]
        blocks = list(blocks)
        blocks[0] = (blocks[0][0], blk0)
        new_first = ordered[0]
        blk = list(blocks[new_first][1])
        kl = key_lines[new_first] - starts[new_first]
        if blk[kl][col - 2:col] != "  ":
            return None
        blk[kl] = blk[kl][:col - 2] + "- " + blk[kl][col:]
        # Comments above the new first key go before the dash line; that is where they are.
        blocks[new_first] = (blocks[new_first][0], blk)
        return [ln for i in ordered for ln in blocks[i][1]]


def _compose(text: str) -> Any:
    """libyaml's node tree (C parser: fast; nodes carry line and column)."""
    from ruamel.yaml.cyaml import CBaseLoader

    loader = CBaseLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _plain(text: str) -> Any:
    from kommissorium.load.yaml import load_text

    doc = load_text(text)
    return doc.data if not doc.problems else None


def format_text(text: str, display: str = "<tekst>", charter: bool = True) -> str:
    """The canonical form of a charter's text. Raises FormatError (Danish) when it cannot.

    ``charter=False`` (registry files) keeps the key order and only re-indents.
    """
    from kommissorium.load.yaml import load_text

    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n")
    doc = load_text(text, Path(display), display)
    if doc.problems:
        p = doc.problems[0]
        raise FormatError(f"{p.message} Filen formateres ikke. [{p.code}]", p.line, p.column)
    original_data = doc.data
    original_comments = sorted(comments_of(text))

    y = _yaml()
    try:
        tree = y.load(text)
    except Exception:  # noqa: BLE001 - ruamel may be stricter than libyaml
        # ruamel's messages are English; the loader found nothing, so say so in Danish.
        raise FormatError(
            "Filen kan læses af validate, men ikke af formateringens YAML-parser; filen "
            "formateres ikke. Meld det gerne med filen som eksempel."
        ) from None
    spec = charter_spec() if charter else None
    _sort_flow(tree, spec)
    buf = io.StringIO()
    y.dump(tree, buf)
    dumped = buf.getvalue()
    if text.startswith("---") and not dumped.startswith("---"):
        dumped = "---\n" + dumped

    lines = dumped.split("\n")
    trailing_newline = dumped.endswith("\n")
    if trailing_newline:
        lines = lines[:-1]
    lines = _fix_comment_indent(lines, _scalar_lines(dumped))
    stage2 = "\n".join(lines) + ("\n" if trailing_newline else "")
    result = stage2
    try:
        tree2 = _compose(stage2)
        lines2 = stage2.split("\n")[:-1] if trailing_newline else stage2.split("\n")
        reordered = _Reorderer(lines2, _scalar_lines(stage2)).node(
            tree2, spec, 0, len(lines2), top=True
        )
        candidate = "\n".join(reordered) + ("\n" if trailing_newline else "")
        if candidate != stage2:
            fixed = _fix_comment_indent(reordered, _scalar_lines(candidate))
            candidate = "\n".join(fixed) + ("\n" if trailing_newline else "")
        if _plain(candidate) == original_data and sorted(comments_of(candidate)) == original_comments:
            result = candidate
    except Exception:  # noqa: BLE001 - fall back to the verified stage-2 text below
        result = stage2
    if _plain(result) != original_data:
        raise FormatError(
            "Formateringen ville ændre filens data; filen er ikke ændret. Dette er en fejl i "
            "kommissorium – meld den gerne med filen som eksempel."
        )
    if sorted(comments_of(result)) != original_comments:
        raise FormatError(
            "Formateringen ville miste eller ændre en kommentar; filen er ikke ændret. Dette er "
            "en fejl i kommissorium – meld den gerne med filen som eksempel."
        )
    return result


def format_file(path: Path, display: str | None = None, charter: bool = True) -> FormatResult:
    display = display or str(path)
    if path.is_symlink():
        # Writing would replace the link by a copy of its target: text from outside the
        # repository (a link to ~/.ssh/… in a pull request) would land in charters/.
        raise FormatError("Filen er en symbolsk henvisning (symlink) og formateres ikke; "
                          "formatér den fil, den peger på.")
    try:
        import stat

        if not stat.S_ISREG(path.stat().st_mode):
            raise FormatError("Stien er ikke en almindelig fil og formateres ikke.")
        from kommissorium.load.yaml import MAX_BYTES

        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise FormatError(f"Filen er større end {MAX_BYTES // 1024 // 1024} MB og formateres ikke.")
    except OSError as exc:
        raise FormatError(f"Filen kan ikke læses: {exc.strerror or exc}.") from None
    # The loader's diagnostics (code, line, column, Danish message) come first: the same
    # problem is reported the same way by fmt and validate.
    from kommissorium.load.yaml import load_bytes

    doc = load_bytes(raw, path, display)
    if doc.problems:
        p = doc.problems[0]
        raise FormatError(f"{p.message} Filen formateres ikke. [{p.code}]", p.line, p.column)
    text = raw.decode("utf-8")
    return FormatResult(path, text, format_text(text, display, charter))


def write_result(result: FormatResult) -> None:
    from kommissorium.fsutil import atomic_write

    atomic_write(result.path, result.formatted)


def collect(paths: list[Path], cwd: Path | None = None,
            links: list[Path] | None = None) -> list[Path]:
    """The YAML files to format: the given files, the charters and registry files below the given
    folders, or the repository's charters/ folder. Raises UsageError for bad paths."""
    from kommissorium.corpus import discover
    from kommissorium.errors import UsageError
    from kommissorium.workspace import Workspace

    out: list[Path] = []
    for found in Workspace.find(cwd).targets(paths):
        for target in found.paths or [found.root]:
            if target.is_file():
                out.append(target)
                continue
            charters, registers = discover(target, links)
            out += charters + registers
    seen: set[Path] = set()
    unique = []
    for p in out:
        if p not in seen:
            seen.add(p)
            unique.append(p)
    if not unique:
        raise UsageError("Fandt ingen YAML-filer at formatere.")
    return unique
