"""The conference list: the conferences still needing something, for chairs, managers and those who
oversee the work, as on its page."""

from django.utils import timezone
from ninja import Query

from lantern.access.policy import require_permission
from lantern.accounts.roles import Role
from lantern.api.paging import DateRange, PageQuery, page_of, paged_query
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.protection.audit_types import CP_CONFERENCE

from .. import schemas as s
from ..figures import conferences_needing_work
from ..readiness import readiness_for
from .router import router


@router.get("/conferences", response=page_of(s.ConferenceListItemOut), summary="Conferences still needing work",
            description="Arranged and not yet decided, or decided with the minutes not yet circulated, the "
                        "soonest first, each with what is missing. A chair sees the conferences they chair; "
                        "mine=false for everyone's. from= and to= on the conference date.")
def conference_list(request, paging: Query[PageQuery], dates: Query[DateRange], mine: bool = True):
    require_permission(request.auth, "conference.list")
    chaired = mine and request.auth.role == Role.CP_CHAIR
    rows = dates.apply(conferences_needing_work(request.auth, mine=chaired), "conference_date")
    page = paged_query(rows, paging, order=("conference_date", "pk"))
    ready = readiness_for(page.items, timezone.localdate())
    audit_record(actor=request.auth, action=Action.LIST, object_type=CP_CONFERENCE,
                 children=[c.child_id for c in page.items],
                 detail=f"api; conference list ({'mine' if chaired else 'all'}); {len(page.items)} shown")
    return {"next": page.next, "items": [
        {"id": r.conference.pk, "kind": r.conference.kind, "child_id": r.conference.child_id,
         "conference_date": r.conference.conference_date, "chair_id": r.conference.chair_id,
         "decision": r.conference.decision, "minutes_circulated_on": r.conference.minutes_circulated_on,
         "warnings": r.warnings} for r in ready]}
