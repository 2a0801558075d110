"""Finding a child: by name (misspelt, nicknamed, in any order), date of birth, NHS number, UPN or
Lantern ID, alone or together. Always within the records the searcher may see."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import QuerySet

from .models import LANTERN_ID_PREFIX, NameKey, Person
from .search_keys import closeness, keys_for_search_word, name_words
from .validators import nhs_number_is_valid, normalise_identifier, upn_is_valid

MAX_RESULTS = 25
CANDIDATE_LIMIT = 300
_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y")
_LANTERN_ID = re.compile(rf"^{LANTERN_ID_PREFIX}?(\d{{1,9}})$", re.IGNORECASE)


@dataclass
class ParsedQuery:
    words: list[str] = field(default_factory=list)
    date_of_birth: date | None = None
    nhs_number: str = ""
    upn: str = ""
    person_id: int | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.date_of_birth or self.nhs_number or self.upn or self.person_id)


def _as_date(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_query(text: str) -> ParsedQuery:
    parsed = ParsedQuery()
    compact = normalise_identifier(text)
    if re.fullmatch(r"\d{10}", compact) and nhs_number_is_valid(compact):
        parsed.nhs_number = compact
        return parsed
    for token in text.split():
        plain = normalise_identifier(token)
        if (when := _as_date(token)) is not None:
            parsed.date_of_birth = when
        elif upn_is_valid(plain):
            parsed.upn = plain
        elif re.fullmatch(r"\d{10}", plain):
            parsed.nhs_number = plain
        elif (match := _LANTERN_ID.match(plain)) and (plain.startswith(LANTERN_ID_PREFIX) or plain.isdigit()):
            parsed.person_id = int(match.group(1))
        else:
            parsed.words.extend(name_words(token))
    return parsed


def search_children(visible: QuerySet[Person], parsed: ParsedQuery) -> list[Person]:
    """Best matches first. Two queries however many children match: candidates, then nothing more
    (team and worker come with them)."""
    if parsed.is_empty:
        return []
    candidates = visible.select_related("current_team", "current_worker")
    if parsed.person_id:
        candidates = candidates.filter(pk=parsed.person_id)
    if parsed.nhs_number:
        candidates = candidates.filter(nhs_number=parsed.nhs_number)
    if parsed.upn:
        candidates = candidates.filter(upn=parsed.upn)
    if parsed.date_of_birth:
        candidates = candidates.filter(date_of_birth=parsed.date_of_birth)
    for word in parsed.words:
        matching = NameKey.objects.filter(key__in=keys_for_search_word(word)).values("person_id")
        candidates = candidates.filter(pk__in=matching)
    found = list(candidates.order_by("last_name", "first_name", "pk")[:CANDIDATE_LIMIT])
    if parsed.words:
        def score(person: Person) -> float:
            return closeness(parsed.words, name_words(person.first_name, person.middle_names,
                                                      person.last_name, person.known_as))
        found.sort(key=score, reverse=True)
    return found[:MAX_RESULTS]


def likely_duplicates(all_children: QuerySet[Person], *, first_name: str, last_name: str,
                      date_of_birth: date | None, nhs_number: str = "", upn: str = "") -> list[Person]:
    """Children who may be the one about to be recorded: the same identifier; or a similar name
    (any date of birth, since a wrong one is a common recording error); or the same date of birth
    with either name similar."""
    found: dict[int, Person] = {}
    for ident, value in (("nhs_number", nhs_number), ("upn", upn)):
        if value:
            for person in all_children.filter(**{ident: normalise_identifier(value)})[:5]:
                found[person.pk] = person
    words = name_words(first_name, last_name)
    candidates = search_children(all_children, ParsedQuery(words=words)) if words else []
    if date_of_birth:
        for part in (name_words(first_name), name_words(last_name)):
            if part:
                candidates += search_children(all_children, ParsedQuery(words=part, date_of_birth=date_of_birth))
    for person in candidates:
        similarity = closeness(words, name_words(person.first_name, person.last_name, person.known_as))
        same_birthday = date_of_birth is not None and person.date_of_birth == date_of_birth
        if similarity >= 0.9 or (same_birthday and similarity >= 0.75):
            found.setdefault(person.pk, person)
    return list(found.values())[:10]
