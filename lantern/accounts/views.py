"""Pages for the authority's teams, staff and partner agencies, and a person's API tokens."""

import secrets

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from lantern.accounts.audit_types import API_TOKEN
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.web.decorators import page

from .models import ApiToken, Team
from .selectors import agencies_with_practitioners, team_staff, teams_with_counts


@page(permission="directory.view", nav_section="teams")
def teams(request):
    return render(request, "accounts/teams.html", {"teams": teams_with_counts()})


@page(permission="directory.view", nav_section="teams")
def team_detail(request, pk: int):
    team = get_object_or_404(Team.objects.select_related("service"), pk=pk)
    return render(request, "accounts/team_detail.html", {"team": team, "staff": team_staff(team)})


@page(permission="directory.view", nav_section="agencies")
def agencies(request):
    return render(request, "accounts/agencies.html", {"agencies": agencies_with_practitioners()})


@page(permission="api.token", nav_section="api")
def api_tokens(request):
    new_key = None
    if request.method == "POST":
        if "revoke" in request.POST:
            if not request.POST["revoke"].isdigit():  # a hand-made form: no such token, not a failed lookup
                raise Http404("No such token")
            token = get_object_or_404(ApiToken, pk=request.POST["revoke"], user=request.user)
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit_record(actor=request.user, action=Action.UPDATE, object_type=API_TOKEN, object_id=token.pk,
                         detail="revoked")
            messages.success(request, "The token was revoked")
            return redirect("accounts:api_tokens")
        new_key = "lnt_" + secrets.token_urlsafe(32)
        # PostgreSQL cannot store a NUL character; a label loses nothing without one.
        name = request.POST.get("name", "").replace("\x00", "")[:80]
        token = ApiToken.objects.create(user=request.user, name=name or "API token",
                                        key_hash=ApiToken.hash_key(new_key), prefix=new_key[:8])
        audit_record(actor=request.user, action=Action.CREATE, object_type=API_TOKEN, object_id=token.pk)
    tokens = request.user.api_tokens.order_by("-created_at")
    return render(request, "accounts/api_tokens.html", {"tokens": tokens, "new_key": new_key})
