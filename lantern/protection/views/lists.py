"""The conference list: a chair's upcoming conferences (or everyone's), each with what is missing,
and the child protection figures for the children the reader may see."""

from django.shortcuts import render
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.protection.audit_types import CP_CONFERENCE
from lantern.web.decorators import page

from ..figures import conference_list, protection_figures


@page(permission="conference.list", nav_section="conferences")
def conference_list_page(request):
    today = timezone.localdate()
    is_chair = request.user.role == Role.CP_CHAIR
    mine = is_chair and request.GET.get("show") != "all"
    rows = conference_list(request.user, today=today, mine=mine)
    audit_record(actor=request.user, action=Action.LIST, object_type=CP_CONFERENCE,
                 children=[r.conference.child_id for r in rows],
                 detail=f"conference list ({'mine' if mine else 'all'}); {len(rows)} shown")
    return render(request, "protection/conference_list.html", {
        "rows": rows, "mine": mine, "is_chair": is_chair, "today": today,
        "figures": protection_figures(request.user, today=today)})
