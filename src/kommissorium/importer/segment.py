"""From source lines to blocks: headings, paragraphs and list items, with their source lines.

Word and PDF exports break lines inside sentences (often with blank lines between), split
words at line ends ("Kommis-/soriet"), and write list bullets as "•", "–", "", or, after
scanning, "e", "o" and "¢". This module joins what belongs together and keeps every word:
the blocks, read in order, hold exactly the source's words (less bullets and line-end
hyphens). Headings are recognised by the format (Word styles, HTML h1–h6, Markdown #) or, in
plain text, by their shape: a short line without a full stop between blocks, a known section
word ("Formål", "Mødefrekvens"), "§ 3", or a label ending in a colon ("Formandskab:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kommissorium.importer.sources import Line

#: A list bullet at the start of a line (the scanner's "e", "o" and "¢" among them).
BULLET = re.compile(r"^(?:[•·▪■□◦●○\u2013\u2014\-*\uf0b7\uf0a7\uf076\uf0d8\uf0a8\uf0fc\uf0e0\uf06e\uf071¢➢✓]|(?:e|o)(?=\s+[A-ZÆØÅ0-9]))\s+")
NUMBERED = re.compile(
    r"^(\d{1,2}[.)]|[a-h][.)])\s+(?!(?:januar|februar|marts|april|maj|juni|juli|august|september|"
    r"oktober|november|december)\b)(?=\S)", re.IGNORECASE)
PARAGRAPH_MARK = re.compile(r"^§\s*\d+[a-z]?\.?(?:\s+|$)")
STK = re.compile(r"^Stk\.\s*\d+\.?\s+")

#: Words that end a line in the middle of a phrase: the next line continues it.
_OPEN_END = {
    "i", "af", "og", "for", "til", "på", "med", "om", "mellem", "at", "der", "som", "de", "den",
    "det", "en", "et", "fra", "samt", "eller", "ved", "under", "over", "efter", "inden",
    "hver", "alle", "er", "har", "skal", "kan", "vil", "bl.a.", "f.eks.", "jf.", "ift.",
    "herunder", "henholdsvis", "blandt", "hos", "uden", "mod", "dog", "men", "så", "sin",
    "sit", "sine", "deres", "hvor", "når", "hvis", "the", "både", "mv.", "evt.", "vedr.",
}

#: Heading words (lower case, without punctuation) that always start a section.
KNOWN_HEADINGS = {
    "formål", "baggrund", "grundlag", "indledning", "opgaver", "sammensætning", "medlemmer",
    "formandskab", "formand", "sekretariat", "sekretariatsbetjening", "møder", "mødefrekvens",
    "mødeafholdelse", "dagsorden", "beslutninger", "referat", "ikrafttræden", "forretningsorden",
    "struktur", "principper", "kompetence", "organisering", "offentliggørelse", "økonomi",
    "godkendelse", "deltagere", "repræsentation", "mødeform", "relationer", "afrapportering",
    "evaluering", "varighed", "kommissorium", "notat", "opgaver og kompetencer",
    "sammensætning og formandskab", "mødeindhold/opgaver", "dagsorden og referat",
    "beslutningskompetence", "beslutningsdygtighed", "tavshedspligt", "habilitet",
    "samspil med andre organer",
}
#: Labels of a title page's fact box ("Formandskab:", "Godkendt i …:").
LABEL_WORDS = ("formandskab", "sekretariat", "godkendt", "dato", "version", "formand",
               "ansvarlig", "revideret", "gældende")


@dataclass
class Block:
    kind: str  # "heading", "para", "item", "label"
    text: str
    line: int
    page: int = 0
    level: int = 0
    number: str = ""  # "1." for numbered items, "§ 3" for paragraphs
    lines: list[int] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # the source lines of a fact-box value

    def where(self) -> str:
        if self.page:
            return f"side {self.page}, linje {self.line}"
        return f"linje {self.line}"


def _ends_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?:;)\]”\"]\s*$", text))


def _open_end(text: str) -> bool:
    if re.search(r"[,\-–/(&]\s*$", text):
        return True
    words = text.split()
    return bool(words) and words[-1].lower() in _OPEN_END


def _join(a: str, b: str) -> str:
    """Join two pieces of one paragraph; a word split by a hyphen at the line end is rejoined
    ("Kommis-" + "soriet"); "PLO-" + "repræsentanter" keeps its hyphen."""
    if re.search(r"[a-zæøå]-$", a) and re.match(r"^[a-zæøå]", b):
        return a[:-1] + b
    if a.endswith("-") or a.endswith("/"):
        return a + b
    return a + " " + b


def _is_heading_shape(text: str) -> bool:
    if not text or len(text) > 80 or _ends_sentence(text.rstrip(":")) and not text.endswith(":"):
        return False
    if text.endswith(":"):
        return False
    if not re.match(r"^[A-ZÆØÅ§]", text):
        return False
    if re.search(r"[,;]", text):
        return False
    return len(text.split()) <= 7


def heading_key(text: str) -> str:
    t = PARAGRAPH_MARK.sub("", text).strip().rstrip(":").strip().lower()
    t = re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", t)
    return t


def segment(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    cur: Block | None = None
    blank_before = True

    def close() -> None:
        nonlocal cur
        if cur is not None and cur.text.strip():
            cur.text = " ".join(cur.text.split())
            blocks.append(cur)
        cur = None

    n = len(lines)
    for idx, ln in enumerate(lines):
        text = ln.text.strip()
        if not text:
            blank_before = True
            if ln.kind in ("heading", "item", "para", "row") or (cur and cur.kind == "heading"):
                close()
            continue
        nxt = next((lines[j] for j in range(idx + 1, min(n, idx + 4)) if lines[j].text.strip()), None)
        next_text = nxt.text.strip() if nxt else ""
        blank_after = idx + 1 < n and not lines[idx + 1].text.strip()

        # Structure given by the format.
        if ln.kind == "heading":
            close()
            blocks.append(Block("heading", " ".join(text.split()), ln.line, ln.page, ln.level or 2,
                                lines=[ln.line]))
            blank_before = False
            continue
        if ln.kind == "row":
            close()
            cells = [c.strip() for c in text.split(" | ")]
            # A count column next to a seat line ("1 direktør … | 11") is the renderer's own.
            if len(cells) == 2 and re.fullmatch(r"\d+(?:\s*[-–]\s*\d+)?|[\d\s–-]+", cells[1]):
                cells = cells[:1]
            if cells in (["Medlem", "Antal"], ["Medlem"]) or (len(cells) == 2 and cells[1] == "Antal"):
                continue
            blocks.append(Block("item", " – ".join(cells), ln.line, ln.page, lines=[ln.line]))
            blank_before = False
            continue

        bullet = BULLET.match(text)
        number = NUMBERED.match(text) if not bullet else None
        para_mark = PARAGRAPH_MARK.match(text)
        stk = STK.match(text)
        prev = cur or (blocks[-1] if blocks else None)
        lost_bullet = (ln.indent > 0 and blank_before and prev is not None and (
            (prev.kind == "para" and prev.text.rstrip().endswith(":")) or prev.kind == "item")
            and re.match(r"^[A-ZÆØÅ]", text) is not None)
        if ln.kind == "item" or bullet or number or lost_bullet:
            close()
            body = text[bullet.end():] if bullet else text[number.end():] if number else text
            cur = Block("item", body, ln.line, ln.page, lines=[ln.line],
                        number=number.group(1) if number else "")
            blank_before = False
            continue
        if para_mark:
            close()
            rest = text[para_mark.end():].strip()
            mark = para_mark[0].strip()
            if rest and _is_heading_shape(rest) or not rest:
                blocks.append(Block("heading", text, ln.line, ln.page, 2, mark, [ln.line]))
            else:
                cur = Block("para", text, ln.line, ln.page, lines=[ln.line], number=mark)
            blank_before = False
            continue
        if stk:
            close()  # "Stk. 2." is the paragraph's number, kept in 'number', not its text
            cur = Block("para", text[stk.end():].strip(), ln.line, ln.page, lines=[ln.line],
                        number=stk[0].strip())
            blank_before = False
            continue

        # A fact-box label: "Formandskab:", or "Godkendt i Strategisk" + "Sundhedsforum:".
        first = text.split()[0].lower().rstrip(":")
        if first in LABEL_WORDS and len(text) <= 60:
            label = text
            if not label.endswith(":") and not re.search(r":\s", label) and next_text.endswith(":") \
                    and len(next_text.split()) <= 3 and ":" not in next_text[:-1]:
                # the label continues on the next line; take it now and skip that line
                lines[idx + 1:] = _drop_first_nonblank(lines[idx + 1:])
                label = label + " " + next_text
            if label.endswith(":") or re.search(r"\w:\s", label):
                close()
                blocks.append(Block("label", " ".join(label.split()), ln.line, ln.page,
                                    lines=[ln.line]))
                blank_before = False
                continue

        if first == "godkendt" and not text.endswith(":") and (
                re.search(r"\d{4}\s*$", text) or len(text.split()) <= 8):
            close()
            blocks.append(Block("label", " ".join(text.split()), ln.line, ln.page, lines=[ln.line]))
            blank_before = False
            continue
        key = heading_key(text)
        last = blocks[-1] if blocks and cur is None else None
        if last is not None and last.kind == "heading" and not last.number and (
                _open_end(last.text) or re.match(r"^[a-zæøå]", text)) and len(text) <= 80 \
                and not _ends_sentence(text):
            last.text = _join(last.text, text)  # a title over two lines
            last.lines.append(ln.line)
            continue
        known = key in KNOWN_HEADINGS and len(text) <= 60 and re.match(r"^[A-ZÆØÅ§\d]", text)
        if blocks and blocks[-1].kind in ("label", "value") and cur is None and not known \
                and len(text) <= 60 and not ln.kind:
            # The value under a fact-box label ("Formandskab:" / "Delt formandskab mellem" / …)
            if blocks[-1].kind == "value":
                blocks[-1].text = _join(blocks[-1].text, text)
                blocks[-1].lines.append(ln.line)
                blocks[-1].parts.append(text)
            else:
                blocks.append(Block("value", text, ln.line, ln.page, lines=[ln.line], parts=[text]))
            blank_before = False
            continue
        heading_like = bool(known) or (
            _is_heading_shape(text)
            and (blank_before or cur is None or _ends_sentence(cur.text) or cur.kind == "item")
            and (blank_after or not next_text or re.match(r"^[A-ZÆØÅ•\-–¢]", next_text)
                 or BULLET.match(next_text) is not None)
            and not (cur is not None and _open_end(cur.text))
        )
        continues = cur is not None and cur.kind in ("para", "item") and (
            _open_end(cur.text)
            or re.match(r"^[a-zæøå0-9(]", text)
            or (not blank_before and not _ends_sentence(cur.text) and cur.kind == "para")
            or (cur.kind == "para" and not _ends_sentence(cur.text) and not heading_like
                and len(text) > 60)
        )
        if heading_like and not (continues and not known):
            close()
            blocks.append(Block("heading", " ".join(text.split()), ln.line, ln.page, 2,
                                lines=[ln.line]))
            blank_before = False
            continue
        # "Samarbejdsfora (4 møder årligt): …" right after a full stop starts a new paragraph
        # (a body or a term being described), even without a blank line before it.
        if cur is not None and cur.kind == "para" and _ends_sentence(cur.text) and re.match(
                r"^[A-ZÆØÅ][\wæøåÆØÅ' /-]{2,60}?\s*(?:\([^)]{1,80}\)\s*)*:\s+\S", text):
            continues = False
            blank_before = True
        if continues:
            assert cur is not None
            cur.text = _join(cur.text.rstrip(), text)
            cur.lines.append(ln.line)
        elif cur is not None and cur.kind == "para" and not blank_before:
            cur.text = _join(cur.text.rstrip(), text)
            cur.lines.append(ln.line)
        else:
            close()
            cur = Block("para", text, ln.line, ln.page, lines=[ln.line])
        blank_before = False
    close()
    return blocks


def _drop_first_nonblank(rest: list[Line]) -> list[Line]:
    out = list(rest)
    for i, ln in enumerate(out):
        if ln.text.strip():
            out[i] = Line("", ln.line, page=ln.page)
            break
    return out


# -- sentences ---------------------------------------------------------------------------------

_ABBREV = r"(?:bl\.a|f\.eks|jf|ift|evt|ca|mv|vedr|nr|stk|kl|pkt|inkl|ekskl|dvs|mht|m\.fl|d|St|Stk|pr|o\.l|etc|min|maks|mia|mio|tlf|ref)"
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ»“\"(0-9])")


def sentences(text: str) -> list[str]:
    """A paragraph's sentences; abbreviations ("bl.a.", "jf.", "d. 23.") and dates do not end
    one."""
    parts: list[str] = []
    buf = ""
    for piece in _SPLIT.split(text):
        buf = f"{buf} {piece}".strip() if buf else piece
        if re.search(r"(?:^|[\s(])" + _ABBREV + r"\.$", buf, re.IGNORECASE) or re.search(
                r"\b\d{1,2}\.$", buf):
            continue
        parts.append(buf)
        buf = ""
    if buf:
        parts.append(buf)
    return parts
