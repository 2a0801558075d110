"""The authority's services, team tree, staff and partner agencies, sized to the child population.

About one registered social worker per 400 children, one care management team per ~7,000 children,
and the other teams a children's services department needs. Teams and agencies that already exist
(matched by name) are reused with their members, so generating into a non-empty database works."""

from dataclasses import dataclass, field
from datetime import date
from math import ceil
from random import Random

from django.db.models import Max

from lantern.accounts.models import Service, Team, User
from lantern.accounts.roles import Qualification, Role, TeamKind

from .agencies import AgencyPlan, plan_agencies
from .identifiers import SweNumbers
from .staff import ALLOCATABLE_ROLES, StaffFactory

CSC, EARLY_HELP, SAFEGUARDING = "Children's social care", "Early help and family support", "Safeguarding and quality"
AREAS = ["North", "South", "East", "West", "Central", "North East", "South East", "North West", "South West"]
EH_AREAS = ["Ashcombe", "Holloway Green", "Marlpit", "Kettlebridge", "Netherfold", "Coppice End", "Lowbrook",
            "Saltmoor Cross", "Brindleford Centre"]


def _spread(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def _area(names: list[str], index: int) -> str:
    return names[index] if index < len(names) else f"Area {index + 1}"


@dataclass
class TeamPlan:
    name: str
    kind: str
    service: str
    parent: str | None = None
    staff: list[tuple[str, int]] = field(default_factory=list)  # (profile, count); managers come first
    holds_children: bool = False


def plan_teams(children: int) -> list[TeamPlan]:
    sw_total = max(10, round(children / 400))
    K = TeamKind
    front = "Front door and assessment service"
    teams = [TeamPlan(front, K.REFERRAL_ASSESSMENT, CSC, staff=[("service_manager", 1)]),
             TeamPlan("Brindleford MASH (front door)", K.FRONT_DOOR, CSC, front,
                      [("team_manager", 1), ("senior", 1), ("screener", max(2, round(children / 10_000))),
                       ("social_worker", max(1, round(sw_total * 0.06)))]),
             TeamPlan("Emergency duty team (out of hours)", K.EMERGENCY_DUTY, CSC, front,
                      [("team_manager", 1), ("edt_worker", max(2, round(sw_total * 0.04)))])]
    ra_total = max(4, round(sw_total * 0.27))
    for i, size in enumerate(_spread(ra_total, max(2, ceil(ra_total / 9)))):
        seniors = max(1, round(size * 0.2))
        teams.append(TeamPlan(f"Referral and assessment team {i + 1}", K.REFERRAL_ASSESSMENT, CSC, front,
                              [("team_manager", 1), ("senior", seniors), ("social_worker", max(1, size - seniors)),
                               ("family_support", 1)], holds_children=True))
    cm_teams = max(1, round(children / 7_000))
    cm_sizes = _spread(max(4 * cm_teams, round(sw_total * 0.52)), cm_teams)
    for area_index in range(ceil(cm_teams / 4)):
        area = _area(AREAS, area_index)
        locality = f"{area} locality social work"
        teams.append(TeamPlan(locality, K.CARE_MANAGEMENT, CSC, staff=[("service_manager", 1)]))
        for j in range(area_index * 4, min(cm_teams, area_index * 4 + 4)):
            size = cm_sizes[j]
            seniors = max(1, round(size * 0.2))
            teams.append(TeamPlan(f"{area} care management team {j - area_index * 4 + 1}", K.CARE_MANAGEMENT, CSC,
                                  locality, [("team_manager", 1), ("senior", seniors),
                                             ("social_worker", max(1, size - seniors)), ("family_support", 1)],
                                  holds_children=True))
    cwd = "Disabled children's service"
    teams.append(TeamPlan(cwd, K.CHILDREN_WITH_DISABILITIES, CSC, staff=[("service_manager", 1)]))
    cwd_total = max(3, round(sw_total * 0.08))
    cwd_sizes = _spread(cwd_total, max(1, ceil(cwd_total / 10)))
    for i, size in enumerate(cwd_sizes):
        name = "Children with disabilities team" + (f" {i + 1}" if len(cwd_sizes) > 1 else "")
        teams.append(TeamPlan(name, K.CHILDREN_WITH_DISABILITIES, CSC, cwd,
                              [("team_manager", 1), ("senior", 1), ("social_worker", max(1, size - 1)),
                               ("family_support", 1)], holds_children=True))
    hub = "Early help hub"
    teams.append(TeamPlan(hub, K.EARLY_HELP, EARLY_HELP, staff=[("eh_service_manager", 1), ("early_help", 2)]))
    eh_teams = max(1, round(children / 15_000))
    for i, size in enumerate(_spread(max(3 * eh_teams, round(children / 1_500)), eh_teams)):
        teams.append(TeamPlan(f"{_area(EH_AREAS, i)} early help and family support team", K.EARLY_HELP,
                              EARLY_HELP, hub, [("eh_manager", 1), ("early_help", size)], holds_children=True))
    unit = "Safeguarding and reviewing unit"
    teams.append(TeamPlan(unit, K.SAFEGUARDING_UNIT, SAFEGUARDING, staff=[
        ("service_manager", 1), ("team_manager", 1), ("cp_chair", max(1, round(children / 12_000))),
        ("iro", max(1, round(children / 9_000))), ("qa", max(1, round(children / 40_000)))]))
    teams.append(TeamPlan("Performance and business support", K.BUSINESS_SUPPORT, SAFEGUARDING, unit, [
        ("bs_manager", 1), ("analyst", max(1, round(children / 40_000))), ("admin", 2 if children > 20_000 else 1)]))
    return teams


@dataclass
class Organisation:
    """What the family and casework stages need to know about the organisation."""

    teams: dict[str, Team]  # by name
    kinds: dict[int, str]  # team id -> kind, for teams that hold children
    workers: dict[int, list[int]]  # team id -> registered SW / senior practitioner ids
    practitioners: dict[int, list[int]]  # early help team id -> practitioner ids
    managers: dict[int, int]  # team id -> team manager id
    agencies: AgencyPlan
    created: dict[str, int] = field(default_factory=dict)


def _next_id(model) -> int:
    return (model.objects.aggregate(m=Max("id"))["m"] or 0) + 1


def build_organisation(rng: Random, children: int, today: date) -> Organisation:
    """Create (or reuse) services, teams, agencies and users; ``created`` counts the new rows."""
    services = {s.name: s for s in Service.objects.all()}
    new_services = []
    next_service = _next_id(Service)
    for name in (CSC, EARLY_HELP, SAFEGUARDING):
        if name not in services:
            services[name] = Service(id=next_service, name=name)
            new_services.append(services[name])
            next_service += 1
    Service.objects.bulk_create(new_services)

    existing = {t.name: t for t in Team.objects.all()}
    plans = plan_teams(children)
    teams: dict[str, Team] = {}
    new_teams: list[Team] = []
    next_team = _next_id(Team)
    for plan in plans:
        team = existing.get(plan.name)
        if team is None:
            parent = teams[plan.parent].id if plan.parent else None
            team = Team(id=next_team, name=plan.name, kind=plan.kind, service_id=services[plan.service].id,
                        parent_id=parent)
            next_team += 1
            new_teams.append(team)
        teams[plan.name] = team
    Team.objects.bulk_create(new_teams)
    new_ids = {t.id for t in new_teams}

    factory = StaffFactory(rng, today, _next_id(User), set(User.objects.values_list("username", flat=True)),
                           SweNumbers(rng, set(User.objects.exclude(swe_registration="").values_list(
                               "swe_registration", flat=True))))
    managers: dict[int, int] = {}
    service_managers: dict[int, int] = {}
    for plan in plans:
        team = teams[plan.name]
        if team.id not in new_ids:
            continue
        parent_manager = service_managers.get(team.parent_id) if team.parent_id else None
        head = None
        for profile, count in plan.staff:
            for _ in range(count):
                if profile in ("service_manager", "eh_service_manager"):
                    head = factory.staff(profile, team.id, None)
                    service_managers[team.id] = head.id
                elif profile in ("team_manager", "eh_manager", "bs_manager"):
                    manager = factory.staff(profile, team.id, head.id if head else parent_manager)
                    managers.setdefault(team.id, manager.id)
                else:
                    line = managers.get(team.id) or (head.id if head else parent_manager)
                    factory.staff(profile, team.id, line)

    agencies = plan_agencies(children, factory)
    User.objects.bulk_create(factory.users, batch_size=2_000)
    org = _describe(plans, teams, managers, agencies)
    org.created = {"services": len(new_services), "teams": len(new_teams), "agencies": agencies.created,
                   "users": len(factory.users)}
    return org


def _describe(plans, teams, managers, agencies) -> Organisation:
    holding = {teams[p.name].id: p.kind for p in plans if p.holds_children}
    workers: dict[int, list[int]] = {tid: [] for tid in holding}
    practitioners: dict[int, list[int]] = {tid: [] for tid in holding}
    members = User.objects.filter(team_id__in=list(holding)).order_by("id").values_list(
        "id", "team_id", "role", "qualification")
    for uid, team_id, role, qualification in members:
        if role in ALLOCATABLE_ROLES and qualification == Qualification.REGISTERED_SOCIAL_WORKER:
            workers[team_id].append(uid)
        elif role == Role.EARLY_HELP_PRACTITIONER:
            practitioners[team_id].append(uid)
        elif role == Role.TEAM_MANAGER:
            managers.setdefault(team_id, uid)
    return Organisation(teams=teams, kinds=holding, workers=workers, practitioners=practitioners,
                        managers=managers, agencies=agencies)

