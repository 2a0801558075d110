"""The home page and the error pages."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from lantern.access.policy import has_permission, visible_children
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.web.decorators import page

MY_CHILDREN_LIMIT = 50


@page(nav_section="home")
def home(request):
    user = request.user
    mine = []
    if has_permission(user, "child.view"):
        mine = list(visible_children(user).filter(current_worker=user).select_related("current_team")
                    .order_by("last_name", "first_name")[:MY_CHILDREN_LIMIT])
        if mine:
            audit_record(actor=user, action=Action.LIST, object_type="person", detail=f"my children; {len(mine)} shown")
    return render(request, "web/home.html", {"my_children": mine, "today": timezone.localdate()})


def healthz(request):
    return JsonResponse({"status": "ok"})


def permission_denied(request, exception=None):
    return render(request, "web/403.html", {"reason": str(exception or "")}, status=403)


def not_found(request, exception=None):
    return render(request, "web/404.html", status=404)


def server_error(request):
    return HttpResponse(render(request, "web/500.html").content, status=500)
