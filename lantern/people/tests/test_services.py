from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.people.models import Allocation, NameKey, Person, PersonAddress, Relationship
from lantern.people.search_keys import keys_for_person
from lantern.people.services import (
    address_add,
    allocation_change,
    child_create,
    child_update,
    family_member_add,
)
from lantern.service_layer.concurrency import ConcurrentEditError
from lantern.testing.factories import UserFactory, synthetic_nhs_number

CHILD = {"first_name": "Ruby", "last_name": "Quenby", "date_of_birth": date(2018, 2, 3), "sex": "F",
         "ethnicity": "WBRI"}


def test_child_create_saves_allocates_indexes_and_audits(social_worker):
    child = child_create(actor=social_worker, data=CHILD, disabilities=["NONE"])
    assert child.current_team == social_worker.team
    assert Allocation.objects.filter(child=child, team=social_worker.team, end_date__isnull=True).count() == 1
    assert set(NameKey.objects.filter(person=child).values_list("key", flat=True)) == keys_for_person(
        "Ruby", "", "Quenby", "")
    event = AuditEvent.objects.get(child_id=child.pk, action="create")
    assert event.actor == social_worker and event.actor_role == Role.SOCIAL_WORKER
    assert event.changes["first_name"] == [None, "Ruby"]


def test_invalid_nhs_number_is_refused_and_nothing_is_saved(social_worker):
    with pytest.raises(ValidationError) as error:
        child_create(actor=social_worker, data={**CHILD, "nhs_number": "9990000017"})
    assert "nhs_number" in error.value.message_dict
    assert Person.objects.count() == 0 and AuditEvent.objects.count() == 0


def test_read_only_roles_cannot_create(make_user):
    with pytest.raises(PermissionDenied):
        child_create(actor=make_user(Role.INSPECTOR), data=CHILD)


def test_none_disability_cannot_be_mixed(social_worker):
    with pytest.raises(ValidationError):
        child_create(actor=social_worker, data=CHILD, disabilities=["NONE", "AUT"])
    assert Person.objects.count() == 0


def test_later_of_two_concurrent_saves_is_refused_and_the_first_is_kept(child, social_worker):
    colleague = UserFactory(role=Role.SOCIAL_WORKER, team=child.current_team)
    opened_version = child.version
    child_update(actor=social_worker, child=child, expected_version=opened_version,
                 data={"first_language": "Polish"})
    with pytest.raises(ConcurrentEditError):
        child_update(actor=colleague, child=child, expected_version=opened_version,
                     data={"first_language": "Urdu"})
    child.refresh_from_db()
    assert child.first_language == "Polish" and child.version == opened_version + 1
    assert AuditEvent.objects.filter(child_id=child.pk, action="update").count() == 1


def test_update_records_what_changed_and_reindexes_names(child, social_worker):
    child_update(actor=social_worker, child=child, expected_version=child.version,
                 data={"last_name": "Ashdown", "nhs_number": synthetic_nhs_number(5)})
    event = AuditEvent.objects.get(child_id=child.pk, action="update")
    assert event.changes["last_name"][1] == "Ashdown"
    assert NameKey.objects.filter(person=child, key="x:ashdown").exists()


def test_family_member_is_a_person_related_to_the_child(child, social_worker):
    relationship = family_member_add(actor=social_worker, child=child,
                                     person_data={"first_name": "Dean", "last_name": "Quenby", "sex": "M"},
                                     relationship_type="father", lives_with_child=True)
    assert Relationship.objects.get(pk=relationship.pk).relative.is_child_record is False
    assert AuditEvent.objects.filter(child_id=child.pk, object_type="relationship").exists()


def test_new_address_moves_the_old_one_into_history(child, social_worker):
    first = {"line_1": "4 Canal Row", "town": "Brindleford", "postcode": "lz1 2ab"}
    address_add(actor=social_worker, child=child, address_data=first, moved_in=date(2020, 1, 1))
    address_add(actor=social_worker, child=child, address_data={**first, "line_1": "9 Mill Lane"},
                moved_in=date(2024, 6, 1))
    history = list(PersonAddress.objects.filter(person=child).order_by("moved_in"))
    assert [h.moved_out for h in history] == [date(2024, 6, 1), None]
    assert history[0].address.postcode == "LZ1 2AB"
    with pytest.raises(ValidationError):
        address_add(actor=social_worker, child=child, address_data=first, moved_in=date(2023, 1, 1))


def test_allocation_change_keeps_history_and_the_current_allocation_in_step(child, social_worker, other_team):
    worker = UserFactory(role=Role.SOCIAL_WORKER, team=other_team)
    allocation_change(actor=social_worker, child=child, team=other_team, worker=worker, start_date=date.today())
    child.refresh_from_db()
    assert (child.current_team, child.current_worker) == (other_team, worker)
    assert child.allocations.filter(end_date__isnull=True).count() == 1
    assert child.allocations.count() == 2


def test_allocation_to_a_worker_outside_the_team_is_refused(child, social_worker, other_team):
    with pytest.raises(ValidationError):
        allocation_change(actor=social_worker, child=child, team=other_team, worker=social_worker,
                          start_date=date.today())
