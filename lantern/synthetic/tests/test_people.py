"""The generated population: identifiers, families, addresses, search keys, ethnicity mix."""

import re
from collections import Counter, defaultdict
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from lantern.audit_log.models import AuditEvent
from lantern.people.codes import MALE_CARER_TYPES, RelationshipType
from lantern.people.models import (
    Address,
    Allocation,
    Involvement,
    NameKey,
    Person,
    PersonAddress,
    PersonDisability,
    Relationship,
)
from lantern.people.search_keys import keys_for_person
from lantern.people.validators import nhs_number_is_valid, upn_is_valid
from lantern.synthetic.generate import generate_authority

from .conftest import SMALL

pytestmark = pytest.mark.django_db
R = RelationshipType


class _Rollback(Exception):
    pass


def _generated(seed: int, children: int = 300) -> list[tuple]:
    """Generate inside a transaction, read the people back in id order, then roll everything back."""
    try:
        with transaction.atomic():
            generate_authority(children, seed)
            rows = list(Person.objects.order_by("id").values_list(
                "first_name", "middle_names", "last_name", "date_of_birth", "expected_date_of_birth", "nhs_number",
                "upn", "ethnicity"))
            raise _Rollback
    except _Rollback:
        pass
    return rows


def test_same_seed_gives_the_same_people_in_the_same_order():
    first, second = _generated(11), _generated(11)
    assert len(first) > 300
    assert first == second


def test_a_different_seed_gives_different_people():
    first, other = _generated(11), _generated(12)
    assert [r[:4] for r in first[:50]] != [r[:4] for r in other[:50]]
    assert {r[5] for r in first if r[5]} != {r[5] for r in other if r[5]}


def test_child_count_and_unborn_children(authority):
    children = Person.objects.filter(is_child_record=True)
    assert children.count() == SMALL
    today = timezone.localdate()
    for child in children.filter(date_of_birth__isnull=True):
        assert child.sex == "U" and child.expected_date_of_birth is not None
        assert today < child.expected_date_of_birth <= today + timedelta(days=183)
        assert child.nhs_number == "" and child.upn == ""
    ages = [c.age_on(today) for c in children.filter(date_of_birth__isnull=False)]
    assert min(ages) == 0 and max(ages) == 17


def test_nhs_numbers_are_valid_test_numbers_and_unique(authority):
    numbers = list(Person.objects.exclude(nhs_number="").values_list("nhs_number", flat=True))
    assert numbers and len(numbers) == len(set(numbers))
    assert all(n.startswith("999") and nhs_number_is_valid(n) for n in numbers)
    children = Person.objects.filter(is_child_record=True, date_of_birth__isnull=False)
    share = children.exclude(nhs_number="").count() / children.count()
    assert 0.93 <= share <= 1.0


def test_upns_are_valid_unique_and_only_for_school_age_children(authority):
    today = timezone.localdate()
    with_upn = list(Person.objects.exclude(upn=""))
    assert with_upn and len({p.upn for p in with_upn}) == len(with_upn)
    for person in with_upn:
        assert upn_is_valid(person.upn) and person.upn[1:4] == "333"
        assert person.is_child_record and person.age_on(today) >= 4
    school_age = [p for p in Person.objects.filter(is_child_record=True, date_of_birth__isnull=False)
                  if p.age_on(today) >= 4]
    assert 0.8 <= sum(1 for p in school_age if p.upn) / len(school_age) <= 0.97


def test_every_person_has_exactly_the_name_keys_keys_for_person_makes(authority):
    stored = defaultdict(set)
    for person_id, key in NameKey.objects.values_list("person_id", "key"):
        stored[person_id].add(key)
    people = Person.objects.all()
    assert people.count() > SMALL
    for p in people:
        assert stored[p.pk] == keys_for_person(p.first_name, p.middle_names, p.last_name, p.known_as), p.full_name
    assert NameKey.objects.count() == sum(len(keys) for keys in stored.values())


def test_households_have_mothers_and_fathers_or_male_carers(authority):
    children = set(Person.objects.filter(is_child_record=True).values_list("id", flat=True))
    mothers = Counter(Relationship.objects.filter(relationship_type=R.MOTHER, lives_with_child=True,
                                                  has_parental_responsibility=True).values_list("child_id", flat=True))
    assert set(mothers) == children and set(mothers.values()) == {1}
    kinds = Counter(Relationship.objects.values_list("relationship_type", "lives_with_child"))
    assert kinds[(R.FATHER, True)] > 0.3 * SMALL
    assert kinds[(R.FATHER, False)] > 0.05 * SMALL  # fathers living elsewhere are recorded too
    assert kinds[(R.STEPFATHER, True)] + kinds[(R.MOTHERS_PARTNER, True)] > 0.03 * SMALL
    adults = Person.objects.filter(relationships_to_children__relationship_type__in=MALE_CARER_TYPES)
    assert not adults.filter(is_child_record=True).exists() and not adults.exclude(sex="M").exists()


def test_siblings_are_child_records_linked_both_ways_and_mostly_share_a_surname(authority):
    pairs = set(Relationship.objects.filter(relationship_type=R.SIBLING).values_list("child_id", "relative_id"))
    assert pairs and all((b, a) in pairs for a, b in pairs)
    names = dict(Person.objects.values_list("id", "last_name"))
    flags = dict(Person.objects.values_list("id", "is_child_record"))
    assert all(flags[a] and flags[b] for a, b in pairs)
    assert sum(names[a] == names[b] for a, b in pairs) / len(pairs) > 0.75


def test_addresses_are_fictional_and_everyone_has_one_current_address(authority):
    for address in Address.objects.all():
        assert re.fullmatch(r"LZ[1-9] [1-9][A-Z]{2}", address.postcode), address.postcode
        assert address.town == "Brindleford"
    current = Counter(PersonAddress.objects.filter(moved_out__isnull=True).values_list("person_id", flat=True))
    assert set(current) == set(Person.objects.values_list("id", flat=True)) and set(current.values()) == {1}
    for history in PersonAddress.objects.exclude(moved_out__isnull=True):
        assert history.moved_in <= history.moved_out
    movers = PersonAddress.objects.filter(moved_out__isnull=False, person__is_child_record=True)
    assert 0.15 <= movers.values("person").distinct().count() / SMALL <= 0.45
    # siblings live at the same address
    home = dict(PersonAddress.objects.filter(moved_out__isnull=True).values_list("person_id", "address_id"))
    for a, b in Relationship.objects.filter(relationship_type=R.SIBLING).values_list("child_id", "relative_id"):
        assert home[a] == home[b]


def test_disabilities_are_recorded_for_every_child(authority):
    codes = defaultdict(set)
    for person_id, code in PersonDisability.objects.values_list("person_id", "code"):
        codes[person_id].add(code)
    assert set(codes) == set(Person.objects.filter(is_child_record=True).values_list("id", flat=True))
    assert all("NONE" not in c or c == {"NONE"} for c in codes.values())
    disabled = sum(1 for c in codes.values() if c != {"NONE"})
    assert 0.03 * SMALL <= disabled <= 0.14 * SMALL


def test_ethnicity_mix_is_roughly_a_metropolitan_borough():
    generate_authority(3000, 5)
    counts = Counter(Person.objects.filter(is_child_record=True).values_list("ethnicity", flat=True))
    total = sum(counts.values())

    def share(*codes):
        return sum(counts[c] for c in codes) / total

    assert 0.52 <= share("WBRI") <= 0.68
    assert 0.03 <= share("WIRI", "WIRT", "WROM", "WOTH") <= 0.12
    assert 0.15 <= share("AIND", "APKN", "ABAN", "AOTH") <= 0.25
    assert 0.03 <= share("BCRB", "BAFR", "BOTH") <= 0.09
    assert 0.03 <= share("MWBC", "MWBA", "MWAS", "MOTH") <= 0.08
    languages = Counter(Person.objects.filter(is_child_record=True).values_list("first_language", flat=True))
    assert 0.8 <= languages["English"] / total < 0.97


def test_one_audit_row_for_the_whole_generation(authority):
    assert AuditEvent.objects.filter(object_type="synthetic_authority").count() == 1
    assert not AuditEvent.objects.filter(object_type__in=["person", "allocation", "relationship", "user"]).exists()


def test_ids_continue_after_generation(authority):
    later = Person.objects.create(first_name="Later", last_name="Record", is_child_record=False)
    assert later.pk > Person.objects.exclude(pk=later.pk).order_by("-pk").first().pk


def test_nothing_is_dated_in_the_future_except_expected_births(authority):
    today = timezone.localdate()
    assert not Person.objects.filter(date_of_birth__gt=today).exists()
    assert not PersonAddress.objects.filter(moved_in__gt=today).exists()
    assert not Relationship.objects.filter(start_date__gt=today).exists()
    assert not Allocation.objects.filter(start_date__gt=today).exists()
    assert not Involvement.objects.filter(start_date__gt=today).exists()
    for child, relative in Relationship.objects.filter(relationship_type=R.MOTHER).values_list(
            "child__date_of_birth", "relative__date_of_birth"):
        if child:
            assert 16 <= (child - relative).days / 365.25 <= 45
