"""API for the authority's organisation: teams, staff and agencies."""

from ninja import Router, Schema

from lantern.access.policy import require_permission
from lantern.api.schema import Number

from .models import Agency, Team, User

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


@router.get("/teams", response=list[TeamOut])
def list_teams(request):
    require_permission(request.auth, "directory.view")
    return [TeamOut(id=t.pk, name=t.name, kind=t.kind, service=t.service.name, parent_id=t.parent_id)
            for t in Team.objects.select_related("service")]


@router.get("/staff", response=list[StaffOut])
def list_staff(request, team_id: Number | None = None, agency_id: Number | None = None):
    require_permission(request.auth, "directory.view")
    staff = User.objects.filter(is_active=True)
    if team_id:
        staff = staff.filter(team_id=team_id)
    if agency_id:
        staff = staff.filter(agency_id=agency_id)
    return list(staff.order_by("last_name", "first_name")[:2000])


@router.get("/agencies", response=list[AgencyOut])
def list_agencies(request):
    require_permission(request.auth, "directory.view")
    return list(Agency.objects.all())
