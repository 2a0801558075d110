"""The home page and the error pages."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from lantern.access.models import RestrictedRecordNotice
from lantern.access.policy import has_permission, visible_children
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.people.audit_types import PERSON
from lantern.web.decorators import page

MY_CHILDREN_LIMIT = 50


@page(nav_section="home")
def home(request):
    user = request.user
    mine, notices = [], []
    if has_permission(user, "child.view"):
        visible = visible_children(user)
        mine = list(visible.filter(current_worker=user).select_related("current_team")
                    .order_by("last_name", "first_name")[:MY_CHILDREN_LIMIT])
        notices = list(RestrictedRecordNotice.objects.filter(recipient=user, read_at__isnull=True,
                                                             access__child__in=visible)
                       .select_related("access__user", "access__child").order_by("-created_at")[:20])
        shown = {c.pk for c in mine} | {n.access.child_id for n in notices}
        if shown:
            audit_record(actor=user, action=Action.LIST, object_type=PERSON, children=shown,
                         detail=f"home page: {len(mine)} allocated, {len(notices)} break-glass notices")
    return render(request, "web/home.html", {"my_children": mine, "notices": notices, "today": timezone.localdate()})


def healthz(request):
    return JsonResponse({"status": "ok"})


def permission_denied(request, exception=None):
    return render(request, "web/403.html", {"reason": str(exception or "")}, status=403)


def not_found(request, exception=None):
    return render(request, "web/404.html", status=404)


def server_error(request):
    return HttpResponse(render(request, "web/500.html").content, status=500)
