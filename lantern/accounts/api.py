"""API for the authority's organisation: who you are, teams, staff and agencies."""

from ninja import Field, Query, Router, Schema

from lantern.access.permissions import PERMISSIONS
from lantern.access.policy import require_permission, scope_for, sections_for
from lantern.api.paging import PageQuery, choice, page_of, paged_query
from lantern.api.schema import Number, Text

from .models import Agency, Team, User
from .roles import AgencyKind, Role, TeamKind

router = Router(tags=["Teams, staff and agencies"])


class TeamOut(Schema):
    id: int
    name: str
    kind: str
    service: str
    parent_id: int | None


class StaffOut(Schema):
    id: int
    first_name: str
    last_name: str
    role: str
    job_title: str
    team_id: int | None
    agency_id: int | None
    line_manager_id: int | None
    qualification: str
    swe_registration: str
    employment: str


class AgencyOut(Schema):
    id: int
    name: str
    kind: str


class NamedOut(Schema):
    id: int
    name: str


class MeOut(Schema):
    id: int
    name: str
    role: str
    role_label: str
    team: NamedOut | None
    service: NamedOut | None
    agency: NamedOut | None = Field(description="A partner practitioner's agency")
    permissions: list[str] = Field(description="The permissions your role holds, by name; some also depend on your "
                                               "team (the front door's work on a front door team, say)")
    scope: str = Field(description="Whose records you reach before restriction: none, involvement (children you "
                                   "hold or are involved with), team, service or authority")
    sections: list[str] = Field(description="The parts of a child's record shared with your role")


def _named(thing) -> NamedOut | None:
    return NamedOut(id=thing.pk, name=thing.name) if thing else None


@router.get("/me", response=MeOut, summary="Who this token belongs to",
            description="The person the token acts as, with their role, where they work, and what the access "
                        "policy lets them do. Reads nothing about any child.")
def me(request):
    user = User.objects.select_related("team__service", "agency").get(pk=request.auth.pk)
    return MeOut(id=user.pk, name=user.get_full_name(), role=user.role, role_label=user.get_role_display(),
                 team=_named(user.team), service=_named(user.team.service if user.team else None),
                 agency=_named(user.agency),
                 permissions=sorted(name for name, roles in PERMISSIONS.items() if user.role in roles),
                 scope=scope_for(user).value, sections=sorted(sections_for(user)))


@router.get("/teams", response=page_of(TeamOut), summary="The authority's teams",
            description="By name; kind= for one kind of team (front_door, care_management, early_help...).")
def list_teams(request, paging: Query[PageQuery], kind: Text | None = None):
    require_permission(request.auth, "directory.view")
    teams = Team.objects.select_related("service")
    if choice("kind", kind, TeamKind.values):
        teams = teams.filter(kind=kind)
    page = paged_query(teams, paging, order=("name", "pk"))
    return page.out(lambda t: TeamOut(id=t.pk, name=t.name, kind=t.kind, service=t.service.name,
                                      parent_id=t.parent_id))


@router.get("/staff", response=page_of(StaffOut), summary="Active staff and partner practitioners",
            description="By last name, then first name; filter by team_id, agency_id or role.")
def list_staff(request, paging: Query[PageQuery], team_id: Number | None = None, agency_id: Number | None = None,
               role: Text | None = None):
    require_permission(request.auth, "directory.view")
    staff = User.objects.filter(is_active=True)
    if team_id:
        staff = staff.filter(team_id=team_id)
    if agency_id:
        staff = staff.filter(agency_id=agency_id)
    if choice("role", role, Role.values):
        staff = staff.filter(role=role)
    return paged_query(staff, paging, order=("last_name", "first_name", "pk")).out()


@router.get("/agencies", response=page_of(AgencyOut), summary="Partner agencies",
            description="By name; kind= for one kind of agency (police, health, education...).")
def list_agencies(request, paging: Query[PageQuery], kind: Text | None = None):
    require_permission(request.auth, "directory.view")
    agencies = Agency.objects.all()
    if choice("kind", kind, AgencyKind.values):
        agencies = agencies.filter(kind=kind)
    return paged_query(agencies, paging, order=("name", "pk")).out()
