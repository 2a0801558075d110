"""What the journeys are planned from, read once: the episodes that may carry child protection work
(not closed as no further action, census rule 2990), their child in need plans (which a child
protection plan must not overlap), the children's involved agencies, and the staff."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from lantern.accounts.models import Agency, User
from lantern.accounts.roles import Role, TeamKind
from lantern.cin.models import CinPlan
from lantern.frontdoor.codes import DecisionStatus, Outcome
from lantern.frontdoor.models import ContactPerson
from lantern.people.models import Involvement, Person
from lantern.referrals.models import Episode

from ..models import CpPlan

NO_PLAN_CLOSURES = ("RC8", "RC9")


@dataclass(frozen=True)
class EpisodeFacts:
    pk: int
    child: int
    referral: date
    closure: date | None
    source: str
    team: int | None
    worker: int | None
    born: date | None  # the child's date of birth, if born


@dataclass
class Inputs:
    children: int
    episodes: list[EpisodeFacts]
    cin_plans: dict[int, list[tuple[date, date | None]]] = field(default_factory=dict)  # episode -> windows
    strategy_asked: set[int] = field(default_factory=set)  # episodes a front door decision opened for one
    involved: dict[int, list[tuple]] = field(default_factory=dict)  # child -> [(kind, agency, user, name)]
    plans_before: dict[int, list[date]] = field(default_factory=dict)  # child -> existing plan starts
    registered: dict[int | None, list[int]] = field(default_factory=dict)  # team -> registered social workers
    out_of_hours: list[int] = field(default_factory=list)  # registered social workers of the duty team
    managers: dict[int, int] = field(default_factory=dict)  # team -> team manager
    service_managers: list[int] = field(default_factory=list)
    chairs: list[int] = field(default_factory=list)
    line_managers: dict[int, int | None] = field(default_factory=dict)
    agencies: dict[str, list[int]] = field(default_factory=dict)  # kind -> agency ids
    names: dict[int, str] = field(default_factory=dict)  # user and agency display names


def load_inputs(earliest: date) -> Inputs:
    rows = (Episode.objects.filter(referral_nfa=False, referral_date__gte=earliest)
            .exclude(closure_reason__in=NO_PLAN_CLOSURES).exclude(cp_plans__isnull=False)
            .exclude(strategy_discussions__isnull=False).order_by("id"))
    inputs = Inputs(children=Person.objects.filter(is_child_record=True).count(), episodes=[
        EpisodeFacts(*values) for values in rows.values_list("id", "child_id", "referral_date", "closure_date",
                                                             "referral_source", "team_id", "worker_id",
                                                             "child__date_of_birth")])
    ids = [e.pk for e in inputs.episodes]
    for episode, start, end in CinPlan.objects.filter(episode_id__in=ids).values_list("episode_id", "start_date",
                                                                                     "end_date"):
        inputs.cin_plans.setdefault(episode, []).append((start, end))
    inputs.strategy_asked = set(ContactPerson.objects.filter(
        episode_id__in=ids, contact__decisions__status=DecisionStatus.FINAL,
        contact__decisions__outcome=Outcome.STRATEGY).values_list("episode_id", flat=True))
    children = {e.child for e in inputs.episodes}
    for child, start in CpPlan.objects.filter(child_id__in=children).values_list("child_id", "start_date"):
        inputs.plans_before.setdefault(child, []).append(start)
    for child, kind, agency, user, name in Involvement.objects.filter(child_id__in=children, end_date__isnull=True) \
            .values_list("child_id", "agency__kind", "agency_id", "practitioner_id", "practitioner_name"):
        inputs.involved.setdefault(child, []).append((kind, agency, user, name))
    _staff(inputs)
    for pk, name, kind in Agency.objects.values_list("id", "name", "kind"):
        inputs.agencies.setdefault(kind, []).append(pk)
        inputs.names[-pk] = name  # agencies by negative id, so they never collide with users
    return inputs


def _staff(inputs: Inputs) -> None:
    registered: defaultdict[int | None, list[int]] = defaultdict(list)
    users = User.objects.filter(is_active=True).values_list("id", "role", "team_id", "team__kind", "qualification",
                                                            "swe_registration", "line_manager_id", "first_name",
                                                            "last_name")
    for uid, role, team, kind, qualification, swe, manager, first, last in users:
        inputs.line_managers[uid] = manager
        inputs.names[uid] = f"{first} {last}".strip()
        if role in (Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER) and qualification == "registered_sw" and swe:
            registered[team].append(uid)
            registered[None].append(uid)
            if kind == TeamKind.EMERGENCY_DUTY:
                inputs.out_of_hours.append(uid)
        elif role == Role.TEAM_MANAGER:
            inputs.managers.setdefault(team, uid)
        elif role == Role.SERVICE_MANAGER:
            inputs.service_managers.append(uid)
        elif role == Role.CP_CHAIR:
            inputs.chairs.append(uid)
    inputs.registered = dict(registered)
