"""Numbers and number words.

House style (Folketingets sprogpolitik, see docs): counts of members are written in digits
("3 repræsentanter"); other small numbers (nul to ti) in letters ("fire møder årligt").
"""

from __future__ import annotations

NUMBER_WORDS = {
    0: "nul", 1: "én", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks",
    7: "syv", 8: "otte", 9: "ni", 10: "ti", 11: "elleve", 12: "tolv",
}

#: Word → value, for reading numbers in prose (both "en" and "én", "et", "ét").
WORD_NUMBERS = {
    "nul": 0, "en": 1, "én": 1, "et": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
    "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
    "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17, "atten": 18,
    "nitten": 19, "tyve": 20, "enogtyve": 21, "toogtyve": 22,
}

#: The highest number written in letters in generated sentences ("nul to ti in letters").
WORDS_UP_TO = 9


def number(n: float, words: bool = False) -> str:
    """A number as digits ('3', '2,5') or, for 0-12 when asked, as a word ('fire')."""
    if float(n).is_integer():
        i = int(n)
        if words and i in NUMBER_WORDS:
            return NUMBER_WORDS[i]
        return str(i)
    return f"{n:g}".replace(".", ",")


def small_number(n: float, one: str = "én") -> str:
    """A whole number 1-10 as a word, other numbers in digits (house style for generated
    sentences): 'fire', 'ti', '12', '2,5'; ``one`` is the form of 1 ('én gang', 'ét møde')."""
    if float(n).is_integer() and 1 <= n <= WORDS_UP_TO:
        return one if n == 1 else NUMBER_WORDS[int(n)]
    return number(n)


def ordinal_years(n: int) -> str:
    """'etårig', 'toårig', 'fireårig', '12-årig' (as in 'for en fireårig periode')."""
    if n == 1:
        return "etårig"
    if 2 <= n <= WORDS_UP_TO:
        return f"{NUMBER_WORDS[n]}årig"
    return f"{n}-årig"


def to_number(token: str) -> int | None:
    """'4' → 4, 'fire' → 4, 'ét' → 1; None for anything else."""
    token = token.lower()
    if token.isdigit():
        return int(token)
    return WORD_NUMBERS.get(token)
