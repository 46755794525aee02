"""The phrasebook: every Danish word the product writes about a charter.

Documents, diff, rule messages, diagram labels and the site call this package; no other module
builds Danish sentences from charter data. Add new phrasing HERE, in the module that fits:

=================  ==============================================================================
``numbers``        digits and number words ('fire', 'ti', '12'), reading them back (``to_number``)
``nouns``          plurals and agreement of roles ('6 kommunale medlemmer', 'socialt udsatte
                   borgere', 'medlemmer' stays), definite roles ('borgmesteren')
``lists``          'A, B og C'
``dates``          '23. juni 2022', 'august 2022', 'den …'/'i …', periods
``quotes``         »citat« (never «…»)
``text``           typography: capital first letter, one full stop, paragraphs, clauses
``names``          names in running text from the registry: 'Københavns Kommune', 'Bornholms
                   Regionskommune', genitives, 'staten' mid-sentence, kommuner listed together
``vocabulary``     fixed words: body types, parties, units (kommune/klynge/region), section
                   headings, document kinds (kommissorium/forretningsorden/vedtægt)
``quantities``     a number with its unit: member counts, THE meeting frequency phrase
                   ('mindst fire møder årligt'), hours, days before a meeting
``changes``        what a diff says changed: a sentence per change kind, the summary
``sentences``      every generated sentence: seat, count, total, frequency, duration, chair,
                   secretariat, relation, procedure, change ('Mødefrekvensen ændres fra fire
                   til seks møder årligt.')
=================  ==============================================================================

Rules of the house: one phrase per value (documents, diff and rules call the same function);
members in digits, other numbers nul-ti in letters; quotes »…«; no English, no raw true/false.
A test (tests/test_phrasebook_only.py) fails when Danish sentence fragments built from charter
data appear outside this package.
"""

from __future__ import annotations

from kommissorium.danish.dates import format_date, format_month, format_partial_date, on_date, period
from kommissorium.danish.lists import join
from kommissorium.danish.names import Names, genitive, in_sentence, kommune_list, proper_name
from kommissorium.danish.nouns import (
    is_definite,
    is_plural,
    plural,
    plural_adjective,
    plural_noun,
    plural_role,
    role_for,
    singular_role,
)
from kommissorium.danish.numbers import NUMBER_WORDS, WORD_NUMBERS, number, small_number, to_number
from kommissorium.danish.quantities import (
    count_text,
    days_before_text,
    frequency,
    frequency_change,
    hours_text,
    meetings_per_year_text,
    meetings_text,
    times_text,
)
from kommissorium.danish.quotes import quote
from kommissorium.danish.text import capitalize, finish, lower_first, paragraphs, sentence
from kommissorium.danish.vocabulary import (
    BODY_TYPE_GROUPS,
    BODY_TYPE_NAMES,
    PARTIES,
    RELATION_LABELS,
    SECTION_HEADINGS,
    UNIT_NOUNS,
    body_type_name,
    party_name,
)

__all__ = [
    "BODY_TYPE_GROUPS", "BODY_TYPE_NAMES", "NUMBER_WORDS", "Names", "PARTIES", "RELATION_LABELS",
    "SECTION_HEADINGS",
    "UNIT_NOUNS", "WORD_NUMBERS", "body_type_name", "capitalize", "count_text", "days_before_text",
    "finish", "format_date", "format_month", "format_partial_date", "frequency",
    "frequency_change", "genitive", "hours_text", "in_sentence", "is_definite", "is_plural",
    "join", "kommune_list", "lower_first", "meetings_per_year_text", "meetings_text", "number",
    "on_date", "paragraphs", "party_name", "period", "plural", "plural_adjective", "plural_noun",
    "plural_role", "proper_name", "quote", "role_for", "sentence", "singular_role",
    "small_number", "times_text", "to_number",
]
