"""Test factories: one per kind of record and state. Names and numbers are synthetic."""

from datetime import date

import factory
from django.utils import timezone

from lantern.accounts.models import Agency, Service, Team, User
from lantern.accounts.roles import AgencyKind, Qualification, Role, TeamKind
from lantern.people.models import Allocation, Involvement, Person
from lantern.people.search_keys import keys_for_person


class ServiceFactory(factory.django.DjangoModelFactory[Service]):
    class Meta:
        model = Service
        django_get_or_create = ("name",)

    name = "Children's social care"


class TeamFactory(factory.django.DjangoModelFactory[Team]):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Care management team {n}")
    kind = TeamKind.CARE_MANAGEMENT
    service = factory.SubFactory(ServiceFactory)


class AgencyFactory(factory.django.DjangoModelFactory[Agency]):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Oakfield Primary School {n}")
    kind = AgencyKind.EDUCATION


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"Alex{n}")
    last_name = "Testworker"
    role = Role.SOCIAL_WORKER
    team = factory.SubFactory(TeamFactory)
    qualification = Qualification.REGISTERED_SOCIAL_WORKER
    swe_registration = factory.Sequence(lambda n: f"SW{100000 + n}")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PartnerFactory(UserFactory):
    role = Role.PARTNER_PRACTITIONER
    team = None  # type: ignore[assignment]
    agency = factory.SubFactory(AgencyFactory)
    qualification = Qualification.UNQUALIFIED
    swe_registration = ""  # type: ignore[assignment]


class ChildFactory(factory.django.DjangoModelFactory[Person]):
    """A child with a record, allocated to a team (no worker) and indexed for search."""

    class Meta:
        model = Person
        skip_postgeneration_save = True

    first_name = factory.Iterator(["Amira", "Jayden", "Oliwia", "Kofi", "Ruby", "Harpreet"])
    last_name = factory.Iterator(["Testington", "Brookfield", "Marlowe", "Quenby"])
    date_of_birth = date(2016, 5, 14)
    sex = "F"
    ethnicity = "WBRI"
    current_team = factory.SubFactory(TeamFactory)

    @factory.post_generation
    def index(obj, create, extracted, **kwargs):
        if not create:
            return
        from lantern.people.models import NameKey
        NameKey.objects.bulk_create(
            NameKey(person=obj, key=k)
            for k in keys_for_person(obj.first_name, obj.middle_names, obj.last_name, obj.known_as)
        )
        if obj.current_team_id:
            Allocation.objects.create(child=obj, team_id=obj.current_team_id, worker=obj.current_worker,
                                      start_date=timezone.localdate())


class InvolvementFactory(factory.django.DjangoModelFactory[Involvement]):
    class Meta:
        model = Involvement

    child = factory.SubFactory(ChildFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = "Designated safeguarding lead"
    start_date = date(2024, 9, 1)


def synthetic_nhs_number(serial: int) -> str:
    """A valid NHS number in the 999 range, which is never issued to a real person."""
    from lantern.people.validators import nhs_number_is_valid

    base = 999000000 + serial * 7
    for candidate in range(base, base + 20):
        digits = str(candidate)
        for check in "0123456789":
            if nhs_number_is_valid(digits + check):
                return digits + check
    raise ValueError("no valid number near serial")


def synthetic_upn(serial: int, la_code: str = "333") -> str:
    from lantern.people.validators import upn_check_letter

    body = f"{la_code}{serial:08d}1"
    return upn_check_letter(body) + body
