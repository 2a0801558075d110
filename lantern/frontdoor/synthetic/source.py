"""What the front door stage reads from the generated authority: children, their allocation history
and households, the staff who screen and authorise, partners, agencies, and threshold levels."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from lantern.accounts.models import Agency, Team, User
from lantern.accounts.roles import Role, TeamKind
from lantern.people.models import Allocation, Person, PersonAddress, Relationship
from lantern.referrals.models import Episode

from ..default_levels import ensure_default_levels
from ..models import ThresholdLevel

CSC_TEAMS = (TeamKind.REFERRAL_ASSESSMENT, TeamKind.CARE_MANAGEMENT, TeamKind.CHILDREN_WITH_DISABILITIES)


@dataclass
class Child:
    pk: int
    first_name: str
    last_name: str
    born: date | None
    sex: str
    team: int | None
    worker: int | None


@dataclass
class Authority:
    children: dict[int, Child]
    # child → [(team, worker, start, end)] of children's social care allocations, oldest first
    allocations: dict[int, list[tuple]] = field(default_factory=dict)
    household: dict[int, list[tuple]] = field(default_factory=dict)  # child → [(relative, type, first, last, dob)]
    addresses: dict[int, str] = field(default_factory=dict)
    episodes: list[tuple] = field(default_factory=list)  # existing (pk, child, referral, closure)
    screeners: list[int] = field(default_factory=list)
    managers: list[int] = field(default_factory=list)
    partners: list[tuple[int, str, str, str]] = field(default_factory=list)  # (user, name, agency kind, agency)
    agencies: list[tuple[int, str]] = field(default_factory=list)
    assessment_teams: dict[int, list[int]] = field(default_factory=dict)  # team → social workers
    levels: dict[str, list[int]] = field(default_factory=dict)  # outcome → level ids allowed, lowest first

    @property
    def known(self) -> list[int]:
        return [pk for pk, c in self.children.items() if c.team or pk in self.allocations]


def _levels() -> dict[str, list[int]]:
    ensure_default_levels()
    allowed: dict[str, list[int]] = defaultdict(list)
    for level in ThresholdLevel.objects.filter(is_active=True).order_by("order"):
        for outcome in level.allowed_outcomes:
            allowed[outcome].append(level.pk)
    return dict(allowed)


def _staff(authority: Authority) -> None:
    front = Q(team__kind__in=(TeamKind.FRONT_DOOR, TeamKind.EMERGENCY_DUTY))
    authority.screeners = list(User.objects.filter(Q(role=Role.FRONT_DOOR_SCREENER) | (front & Q(
        role__in=(Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER))), is_active=True).values_list("pk", flat=True))
    authority.managers = list(User.objects.filter((front & Q(role=Role.TEAM_MANAGER)) | Q(
        role=Role.SERVICE_MANAGER), is_active=True).values_list("pk", flat=True))
    if not authority.screeners or not authority.managers:
        workers = list(User.objects.filter(role__in=(Role.SOCIAL_WORKER, Role.TEAM_MANAGER)).values_list("pk", "role"))
        authority.screeners = authority.screeners or [pk for pk, role in workers if role == Role.SOCIAL_WORKER][:20]
        authority.managers = authority.managers or [pk for pk, role in workers if role == Role.TEAM_MANAGER][:5]
    for pk, first, last, kind, agency in User.objects.filter(role=Role.PARTNER_PRACTITIONER, agency__isnull=False) \
            .values_list("pk", "first_name", "last_name", "agency__kind", "agency__name"):
        authority.partners.append((pk, f"{first} {last}".strip(), kind, agency))
    authority.agencies = list(Agency.objects.values_list("pk", "kind"))
    for team in Team.objects.filter(kind=TeamKind.REFERRAL_ASSESSMENT).values_list("pk", flat=True):
        authority.assessment_teams[team] = []
    for pk, team in User.objects.filter(team__kind=TeamKind.REFERRAL_ASSESSMENT, role=Role.SOCIAL_WORKER,
                                        is_active=True).values_list("pk", "team_id"):
        authority.assessment_teams[team].append(pk)


def load_authority() -> Authority:
    children = {pk: Child(pk, first, last, born or expected, sex, team, worker)
                for pk, first, last, born, expected, sex, team, worker in Person.objects.filter(
                    is_child_record=True).values_list("pk", "first_name", "last_name", "date_of_birth",
                                                      "expected_date_of_birth", "sex", "current_team_id",
                                                      "current_worker_id").order_by("pk")}
    authority = Authority(children=children)
    for child, team, worker, start, end in Allocation.objects.filter(team__kind__in=CSC_TEAMS).values_list(
            "child_id", "team_id", "worker_id", "start_date", "end_date").order_by("child_id", "start_date", "pk"):
        if child in children:
            authority.allocations.setdefault(child, []).append((team, worker, start, end))
    for child, relative, kind, first, last, dob in Relationship.objects.filter(
            lives_with_child=True, relative__is_child_record=False).values_list(
            "child_id", "relative_id", "relationship_type", "relative__first_name", "relative__last_name",
            "relative__date_of_birth").order_by("child_id", "pk"):
        authority.household.setdefault(child, []).append((relative, kind, first, last, dob))
    for person, line, town, postcode in PersonAddress.objects.filter(
            moved_out__isnull=True, person__is_child_record=True).values_list(
            "person_id", "address__line_1", "address__town", "address__postcode"):
        authority.addresses[person] = f"{line}, {town} {postcode}"
    authority.episodes = list(Episode.objects.values_list("pk", "child_id", "referral_date", "closure_date")
                              .order_by("child_id", "referral_date"))
    _staff(authority)
    authority.levels = _levels()
    return authority
