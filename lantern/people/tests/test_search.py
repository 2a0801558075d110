from datetime import date

import pytest

from lantern.access.policy import visible_children
from lantern.accounts.roles import Role
from lantern.people.search import parse_query, search_children
from lantern.testing.factories import ChildFactory, synthetic_nhs_number, synthetic_upn


@pytest.fixture
def children(team, social_worker):
    make = lambda **kw: ChildFactory(current_team=team, **kw)  # noqa: E731
    return {
        "jonathan": make(first_name="Jonathan", last_name="Brookfield", date_of_birth=date(2015, 3, 14),
                         nhs_number=synthetic_nhs_number(1), upn=synthetic_upn(1)),
        "william": make(first_name="William", last_name="Ashdown", date_of_birth=date(2012, 7, 1)),
        "mohammed": make(first_name="Mohammed", last_name="Rahman", date_of_birth=date(2019, 1, 9)),
        "smith": make(first_name="Kayla", last_name="Smith", date_of_birth=date(2015, 3, 14)),
        "other": make(first_name="Priya", last_name="Kaur", date_of_birth=date(2010, 11, 30)),
    }


def find(user, text):
    return [c.pk for c in search_children(visible_children(user), parse_query(text))]


@pytest.mark.parametrize("text,expected", [
    ("Jonathan Brookfield", "jonathan"),
    ("jonathon brookfeild", "jonathan"),      # misspelt first and last names
    ("Brookfield Jonathan", "jonathan"),      # name order
    ("jon brookfield", "jonathan"),           # nickname
    ("Bill Ashdown", "william"),              # nickname
    ("Muhammad Rahman", "mohammed"),          # spelling variant
    ("Kayla Smyth", "smith"),                 # phonetic
    ("kayla smiht", "smith"),                 # transposed letters
])
def test_name_search_tolerates_misspelling_nicknames_and_order(social_worker, children, text, expected):
    found = find(social_worker, text)
    assert found and found[0] == children[expected].pk


def test_search_by_date_of_birth_alone_and_with_a_name(social_worker, children):
    assert set(find(social_worker, "14/03/2015")) == {children["jonathan"].pk, children["smith"].pk}
    assert find(social_worker, "kayla 2015-03-14") == [children["smith"].pk]


def test_search_by_identifiers(social_worker, children):
    child = children["jonathan"]
    nhs = child.nhs_number
    assert find(social_worker, f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}") == [child.pk]
    assert find(social_worker, child.upn.lower()) == [child.pk]
    assert find(social_worker, child.lantern_id) == [child.pk]


@pytest.mark.parametrize("stored,typed", [("Łukasz Wójcik", "lukasz wojcik"), ("Ștefan Popescu", "stefan popescu"),
                                          ("Søren Ødegård", "soren odegard"), ("Siobhán Ní Bhriain", "siobhan")])
def test_accented_names_are_found_without_the_accents(team, social_worker, stored, typed):
    first, last = stored.split(" ", 1)
    child = ChildFactory(first_name=first, last_name=last, current_team=team)
    assert find(social_worker, typed)[0] == child.pk


def test_unrelated_names_do_not_match(social_worker, children):
    assert find(social_worker, "Zebedee Quartermaine") == []


def test_search_never_shows_children_outside_the_searchers_access(make_user, children):
    stranger = make_user(Role.SOCIAL_WORKER)  # another team, no involvement
    assert find(stranger, "Jonathan Brookfield") == []


def test_restricted_children_are_hidden_from_search(social_worker, children):
    children["jonathan"].is_restricted = True
    children["jonathan"].save()
    assert find(social_worker, "Jonathan Brookfield") == []


def test_search_query_count_is_fixed(social_worker, children, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        results = search_children(visible_children(social_worker), parse_query("brookfield"))
        _ = [(c.current_team.name, c.current_worker) for c in results]
