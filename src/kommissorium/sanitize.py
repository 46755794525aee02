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
