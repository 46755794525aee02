"""Moved into the phrasebook package: officer sentences live in ``kommissorium.danish.sentences``,
document kinds in ``kommissorium.danish.vocabulary``. Add new phrasing there; this module only
keeps old imports working."""

from kommissorium.danish.sentences import (  # noqa: F401
    co_chairs_sentence,
    different_groups_sentence,
    group_phrase,
    no_chair_sentence,
    officer_sentence,
    other_officer_duties_intro,
    other_officer_sentence,
    term_years_text,
)
from kommissorium.danish.vocabulary import DOCUMENT_KIND_TITLES, document_title  # noqa: F401
