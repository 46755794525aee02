"""Danish for composition as it is written, relations and timing: how members come in
(appointed, elected directly, chosen by another body), unspecified counts and open totals,
quotas (parity, majority, shares), alternates, holdover, outbound delegations, meeting timing
relative to another body, rotating host.

Every function takes words the document builder has already resolved (names in running text,
circles of seat groups) and returns Danish; nothing here reads a charter.
"""

from __future__ import annotations

from kommissorium.danish.lists import join
from kommissorium.danish.numbers import number
from kommissorium.danish.text import capitalize

#: The row count of a seat whose number the source does not state.
UNSPECIFIED_COUNT = "ikke fastlagt"


def open_total(low: int, high: int | None = None) -> tuple[str, str]:
    """The total when some seat's count is open: ('9 + ikke fastlagt', 'I alt 9 faste
    medlemmer og derudover et antal, som ikke er fastlagt.')."""
    if not low and not high:
        return UNSPECIFIED_COUNT, "Antallet af faste medlemmer er ikke fastlagt."
    from kommissorium.danish.quantities import count_text

    base = count_text(low, high) if high is not None and high != low else str(low)
    n = high if high is not None else low
    noun = "fast medlem" if n == 1 else "faste medlemmer"
    return (f"{base} + {UNSPECIFIED_COUNT}",
            f"I alt {base} {noun} og derudover et antal, som ikke er fastlagt.")


def election_clause(direct: bool, electorate: str | None, elected_by: str | None) -> str:
    """' valgt ved direkte valg af kommunens borgere over 60 år', ' valgt af Byrådet'."""
    if direct:
        return " valgt ved direkte valg" + (f" af {electorate}" if electorate else "")
    if elected_by:
        return f" valgt af {elected_by}"
    return ""


def all_members_of(body: str) -> str:
    """'alle medlemmer af Sundhedsudvalget' (the count follows that body)."""
    return f"alle medlemmer af {body}"


def seat_extras(*, plural: bool, parties: list[str], each_from_own: str | None, unit: str | None,
                must_sit_in: str | None, term: str | None, fallback: str | None,
                alternates: str | None, companion: bool) -> str:
    """The tail of a seat line: ', hver udpeget af den pågældende kommunes lægelaug, som også
    er medlemmer af …'."""
    text = ""
    if parties:
        text += f" på vegne af {join(parties)}"
    if each_from_own:
        text += f", hver udpeget af den pågældende {unit or 'enhed'}s {each_from_own}"
    if must_sit_in:
        text += f", som også {'er medlemmer' if plural else 'er medlem'} af {must_sit_in}"
    if term:
        text += f", for {term}"
    if fallback:
        text += f"; ellers {fallback.rstrip('.')}"
    if alternates:
        text += f", {alternates}"
    if companion:
        text += ", hver med mulighed for en bisidder" if plural else ", med mulighed for en bisidder"
    return text


def seat_alternates_clause(personal: bool, shared: bool, up_to: int | None) -> str:
    """'hver med en personlig suppleant', 'med op til 2 fælles suppleanter'."""
    if personal:
        if up_to and up_to > 1:
            return f"hver med op til {up_to} personlige suppleanter"
        return "hver med en personlig suppleant"
    kind = "fælles suppleanter" if shared else "suppleanter"
    return f"med op til {up_to} {kind}" if up_to else f"med {kind}"


def alternates_sentences(allowed: bool, personal: bool, shared: bool, up_to: int | None,
                         appointed_by: str | None, steps_in: str | None,
                         circles: list[str], elected: bool = False) -> list[str]:
    """'Der udpeges op til 2 personlige suppleanter for hvert medlem. Suppleanterne udpeges af
    byrådet. Suppleanten træder ind ved forfald i mere end en måned.' An elected council's
    alternates are elected ('Der vælges …'), never appointed."""
    if not allowed:
        return ["Der vælges ikke suppleanter." if elected else "Der udpeges ikke suppleanter."]
    whom = f"for {join(circles)}" if circles else "for medlemmerne"
    if up_to:
        kind = "personlige suppleanter" if personal else (
            "fælles suppleanter" if shared else "suppleanter")
        if up_to == 1 and personal:
            first = f"Der udpeges én personlig suppleant for hvert medlem{_of(circles)}."
        else:
            first = f"Der udpeges op til {up_to} {kind} for hvert medlem{_of(circles)}."
    elif personal:
        first = f"Der udpeges personlige suppleanter {whom}."
    elif shared:
        first = f"Der udpeges fælles suppleanter {whom}."
    else:
        first = f"Der kan udpeges suppleanter {whom}."
    if elected:
        first = first.replace("Der udpeges", "Der vælges").replace("Der kan udpeges", "Der kan vælges")
    out = [first]
    if appointed_by:
        out.append(f"Suppleanterne udpeges af {appointed_by.rstrip('.')}.")
    if steps_in:
        when = steps_in.rstrip(".")
        comma = "," if when.startswith(("når ", "hvis ", "såfremt ")) else ""
        out.append(f"En suppleant træder ind{comma} {when}.")
    return out


def _of(circles: list[str]) -> str:
    return f" blandt {join(circles)}" if circles else ""


def term_sentence(term: str, elected: bool) -> str:
    """'Medlemmerne vælges for fire år.' — an elected council is never 'udpeget'."""
    return f"Medlemmerne {'vælges' if elected else 'udpeges'} for {term.rstrip('.')}."


def holdover_sentence(elected: bool) -> str:
    return ("Medlemmerne fortsætter, indtil nye medlemmer er "
            f"{'valgt' if elected else 'udpeget'}.")


def stated_total_sentence(body: str, count: str) -> str:
    """'Udsatterådet har op til 18 medlemmer.'"""
    return f"{body} har {count} medlemmer."


def parity_sentence(circles: list[str]) -> str:
    """'Der er lige mange pladser til borgere som til politikere.'"""
    if len(circles) == 2:
        return f"Der er lige mange pladser til {circles[0]} som til {circles[1]}."
    return f"Der er lige mange pladser til hver af grupperne: {join(circles)}."


def majority_sentence(circle: str) -> str:
    return f"{capitalize(circle)} har flertallet af pladserne."


def share_sentence(share: str, circle: str) -> str:
    """'Over en tredjedel af medlemmerne er brugerrepræsentanter.'"""
    return f"{capitalize(share)} af medlemmerne er {circle}."


def delegation_sentence(body: str, count: str, n: int | None, alternates: int | None,
                        target: str, term: str | None) -> str:
    """'Ældrerådet udpeger 2 medlemmer og 2 suppleanter til Sundhedsrådet for valgperioden.'"""
    members = f"{count} {'medlem' if n == 1 else 'medlemmer'}"
    if alternates:
        members += f" og {alternates} {'suppleant' if alternates == 1 else 'suppleanter'}"
    s = f"{body} udpeger {members} til {target}"
    if term:
        s += f" for {term.rstrip('.')}"
    return s + "."


def relative_timing_sentence(target: str, before: bool, weeks: int | None, days: int | None,
                             approximately: bool) -> str:
    """'Møderne placeres ca. seks uger før møderne i Dialogforum.'"""
    if weeks is not None:
        offset = "én uge" if weeks == 1 else f"{number(weeks, words=weeks <= 10)} uger"
    elif days is not None:
        offset = "én dag" if days == 1 else f"{number(days, words=days <= 10)} dage"
    else:
        offset = ""
    if offset and approximately:
        offset = "ca. " + offset
    where = "før" if before else "efter"
    lead = f"{offset} {where}" if offset else ("forud for" if before else "efter")
    return f"Møderne placeres {lead} møderne i {target}."


def rotating_host_sentence() -> str:
    return "Værtskabet for møderne går på skift mellem medlemmerne."


def legal_basis_text(refs: list[str]) -> str:
    return join(refs)


def seat_written(text: str, *, role_plural: str, unspecified: bool, follows: str | None,
                 election: str, extras: str) -> str:
    """A seat line as written: the phrasebook's seat sentence ``text`` (phrased as two seats
    when the count is unspecified or follows another body), without the invented number,
    with how the members come in and the rest of what the charter says about the seat."""
    head = f"2 {role_plural}"
    if (unspecified or follows) and text.lower().startswith(head.lower()):
        rest = text[len(head):]
        text = capitalize((all_members_of(follows) if follows else role_plural) + rest)
    suffix = ""
    for tail in (" (uden stemmeret)", " efter behov", " ad hoc"):
        if text.endswith(tail):
            text, suffix = text[: -len(tail)], tail + suffix
    return text + election + extras + suffix


def source_text(source: str | None, incomplete: bool, missing: str | None) -> str:
    """The 'Kilde' fact: 'Referat af 3. maj 2024 (ufuldstændig: bilag 2 mangler)'."""
    if not incomplete:
        return source or ""
    note = "ufuldstændig" + (f": {missing.rstrip('.')}" if missing else "")
    return f"{source} ({note})" if source else capitalize(note)
