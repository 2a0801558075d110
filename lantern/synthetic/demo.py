"""Demo sign-ins: one per role, placed in the synthetic authority so each has something to show.

Idempotent: running again updates the accounts, tops the demo social worker's caseload back up
to 15 and adds nothing twice."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.utils import timezone

from lantern.access.models import NamedAccess
from lantern.accounts.models import Agency, Service, Team, User
from lantern.accounts.roles import AgencyKind, Employment, Qualification, Role, TeamKind
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.people.models import Allocation, Involvement, Person
from lantern.synthetic.audit_types import DEMO_USERS

DEMO_PASSWORD = "lantern-demo-2026"
CASELOAD = 15
PARTNER_CHILDREN = 4
K = TeamKind


@dataclass(frozen=True)
class DemoLogin:
    role: str
    username: str
    password: str
    placed_in: str


def username_for(role: str) -> str:
    return f"demo.{role}"


def _team(kind: str, fallback: str, *, leaf: bool = True) -> Team:
    """The first team of this kind (preferring one without sub-teams), or a small demo team if none exist."""
    teams = Team.objects.filter(kind=kind).order_by("id")
    team = (teams.filter(children__isnull=True).first() if leaf else None) or teams.first()
    if team:
        return team
    service, _ = Service.objects.get_or_create(name="Children's social care")
    return Team.objects.get_or_create(name=fallback, defaults={"kind": kind, "service": service})[0]


def _care_management_team() -> Team:
    """The demo social worker's team if already placed, else the care management team with most open children."""
    current = User.objects.filter(username=username_for(Role.SOCIAL_WORKER), team__kind=K.CARE_MANAGEMENT).first()
    if current and current.team:
        return current.team
    busiest = (Allocation.objects.filter(end_date__isnull=True, team__kind=K.CARE_MANAGEMENT)
               .values("team").annotate(n=Count("id")).order_by("-n", "team").first())
    if busiest:
        return Team.objects.get(pk=busiest["team"])
    return _team(K.CARE_MANAGEMENT, "Demo care management team")


def _manager_of(team: Team) -> User | None:
    return (team.members.filter(role=Role.TEAM_MANAGER).exclude(username__startswith="demo.").order_by("id").first()
            or User.objects.filter(role=Role.SERVICE_MANAGER, team__service=team.service).order_by("id").first())


def _school(social_worker: User) -> Agency:
    partner = User.objects.filter(username=username_for(Role.PARTNER_PRACTITIONER), agency__isnull=False).first()
    if partner and partner.agency:
        return partner.agency
    involved = (Involvement.objects.filter(child__current_worker=social_worker, agency__kind=AgencyKind.EDUCATION)
                .order_by("id").first())
    if involved:
        return involved.agency
    school = Agency.objects.filter(kind=AgencyKind.EDUCATION).order_by("name").first()
    return school or Agency.objects.get_or_create(name="Demo Primary School (synthetic)",
                                                  defaults={"kind": AgencyKind.EDUCATION})[0]


def _upsert(role: str, *, team=None, agency=None, manager=None, job_title: str, registered: bool,
            number: int) -> User:
    user = User.objects.filter(username=username_for(role)).first() or User(username=username_for(role))
    user.first_name, user.last_name = "Demo", Role(role).label
    user.email = f"{user.username}@brindleford.example"
    user.role, user.job_title, user.team, user.agency, user.line_manager = role, job_title, team, agency, manager
    user.qualification = Qualification.REGISTERED_SOCIAL_WORKER if registered else Qualification.UNQUALIFIED
    user.swe_registration = f"SW9{number:05d}" if registered else ""
    user.qualified_on = date(2016, 7, 1) if registered else None
    user.employment = Employment.PERMANENT
    user.is_active, user.is_staff, user.is_superuser = True, role == Role.ADMINISTRATOR, False
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def _top_up_caseload(social_worker: User, team: Team, today: date) -> int:
    """Move open children from the team (then other care management teams) to the demo social worker."""
    need = CASELOAD - Person.objects.filter(current_worker=social_worker, is_child_record=True).count()
    moved = 0
    for same_team in (True, False):
        if need - moved <= 0:
            break
        children = Person.objects.filter(is_child_record=True, is_restricted=False, current_team__isnull=False)
        children = (children.filter(current_team=team) if same_team
                    else children.filter(current_team__kind=K.CARE_MANAGEMENT).exclude(current_team=team))
        for child in children.exclude(current_worker=social_worker).order_by("id")[: need - moved]:
            Allocation.objects.filter(child=child, end_date__isnull=True).update(end_date=today)
            Allocation.objects.create(child=child, team=team, worker=social_worker, start_date=today,
                                      reason="Transferred to the demo social worker's caseload")
            Person.objects.filter(pk=child.pk).update(current_team=team, current_worker=social_worker)
            moved += 1
    return moved


@atomic
def ensure_demo_users(today: date | None = None) -> list[DemoLogin]:
    today = today or timezone.localdate()
    R = Role
    cm = _care_management_team()
    head_team = cm.parent or cm
    front_door = _team(K.FRONT_DOOR, "Demo front door team")
    early_help = _team(K.EARLY_HELP, "Demo early help team")
    unit = _team(K.SAFEGUARDING_UNIT, "Demo safeguarding and reviewing unit", leaf=False)
    business = _team(K.BUSINESS_SUPPORT, "Demo performance and business support team", leaf=False)

    sm = _upsert(R.SERVICE_MANAGER, team=head_team, job_title="Service manager", registered=True, number=4)
    tm = _upsert(R.TEAM_MANAGER, team=cm, manager=sm, job_title="Team manager", registered=True, number=3)
    sw = _upsert(R.SOCIAL_WORKER, team=cm, manager=tm, job_title="Social worker", registered=True, number=1)
    _upsert(R.SENIOR_PRACTITIONER, team=cm, manager=tm, job_title="Senior practitioner", registered=True, number=2)
    _upsert(R.FRONT_DOOR_SCREENER, team=front_door, manager=_manager_of(front_door),
            job_title="MASH screening officer", registered=False, number=0)
    _upsert(R.EARLY_HELP_PRACTITIONER, team=early_help, manager=_manager_of(early_help),
            job_title="Early help practitioner", registered=False, number=0)
    _upsert(R.CP_CHAIR, team=unit, manager=_manager_of(unit), job_title="Child protection chair", registered=True,
            number=5)
    _upsert(R.QA_AUDITOR, team=unit, manager=_manager_of(unit), job_title="Quality assurance auditor",
            registered=True, number=6)
    _upsert(R.PERFORMANCE_ANALYST, team=business, job_title="Performance analyst", registered=False, number=0)
    _upsert(R.ADMINISTRATOR, team=business, job_title="Systems administrator", registered=False, number=0)
    _upsert(R.INSPECTOR, job_title="Inspector (demo, read only)", registered=False, number=0)

    moved = _top_up_caseload(sw, cm, today)
    school = _school(sw)
    partner = _upsert(R.PARTNER_PRACTITIONER, agency=school, job_title="Designated safeguarding lead",
                      registered=False, number=0)
    for child in Person.objects.filter(current_worker=sw).order_by("id")[:PARTNER_CHILDREN]:
        if not Involvement.objects.filter(child=child, practitioner=partner, end_date__isnull=True).exists():
            Involvement.objects.create(child=child, agency=school, practitioner=partner,
                                       role="Designated safeguarding lead", contact_details="01632 960000",
                                       start_date=today)
    if not NamedAccess.objects.filter(user=tm, child__is_restricted=True).exists():
        restricted = (Person.objects.filter(is_child_record=True, is_restricted=True, current_team__service=cm.service)
                      .order_by("id").first()
                      or Person.objects.filter(is_child_record=True, is_restricted=True).order_by("id").first())
        if restricted:
            NamedAccess.objects.create(child=restricted, user=tm, granted_by=tm)
    audit_record(actor=None, action="update", object_type=DEMO_USERS,
                 detail=f"Demo sign-ins set up; {moved} children moved to the demo social worker")

    logins = []
    for role in Role:
        user = User.objects.select_related("team", "agency").get(username=username_for(role))
        place = user.team.name if user.team else user.agency.name if user.agency else "(whole authority, read only)"
        logins.append(DemoLogin(Role(role).label, user.username, DEMO_PASSWORD, place))
    return logins
