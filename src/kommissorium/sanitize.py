"""Text from a pull request made safe for where it is shown.

Everything a pull request can change (charter text, names, ids, file names) is untrusted:

* ``printable``: for a terminal or a log. Control characters (terminal escapes), bidirectional
  overrides and zero-width characters are shown as ``\\xNN``/``\\uNNNN``, never sent.
* ``md_text`` / ``md_code``: for the pull-request comment (GitHub-flavoured Markdown), see
  their docstrings.
"""

from __future__ import annotations

import re
import unicodedata


def printable(text: str, keep: str = " ") -> str:
    """``text`` with every character that is not printable (categories C* and separators other
    than the space: ESC, BEL, newline, RLO, zero-width space, BOM …) written as an escape; the
    characters in ``keep`` (the space; for a multi-line text also line break and tab) pass."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or ch in keep else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def invisible(ch: str) -> bool:
    """Control, format (bidi overrides, zero-width) and line/paragraph separator characters."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn")


# -- the pull-request comment (GitHub-flavoured Markdown) ---------------------------------------

#: Every ASCII punctuation character: CommonMark lets each be escaped with a backslash, and an
#: escaped character is always literal text.
_MD_PUNCT = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
#: U+2060 WORD JOINER after '@': GitHub makes '@name' a mention (and 'a@b.c' a mail link) only when
#: a letter or digit follows the '@' directly; the joiner is invisible and keeps the text as is.
_NO_MENTION = "@\u2060"


def md_text(text: str) -> str:
    """Untrusted text as inline Markdown that shows exactly the text and nothing else:

    * line breaks, control, bidi and zero-width characters become visible escapes (``\\n``,
      ``\\u202e``): the text stays on its one line, so it can never start a heading, a list
      item, a quote, a table or a code block of its own;
    * every ASCII punctuation character is backslash-escaped: no emphasis, link (``[x](y)``),
      image, HTML tag, code span, table cell or autolink (``https:``, ``www.`` need an unescaped
      ``:`` and ``.``) can form;
    * ``@`` is followed by a word joiner: no mention (``@org/security``) and no mail link.
    """
    text = printable(text)
    text = _MD_PUNCT.sub(r"\\\1", text)
    return text.replace("@", _NO_MENTION)


def md_code(text: str) -> str:
    """Untrusted text as a Markdown code span that cannot be closed early: the fence is one
    backtick longer than the longest run of backticks inside, with a space inside the fence
    when the text starts or ends with a backtick (or a space). Control characters and line
    breaks are escaped first. Inside a code span GitHub makes no links and no mentions."""
    text = printable(text)
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith(("`", " ")) or text.endswith(("`", " ")) or not text:
        text = f" {text} "
    return f"{fence}{text}{fence}"
