"""Work lists (mine, my team's, the service's) and the clock's settings page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.accounts.models import Team
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.obligations.audit_types import OBLIGATIONS
from lantern.service_layer.pages import refusals_on
from lantern.timescales.periods import Period, PeriodUnit
from lantern.timescales.rules import EVERY_RECORD, LOCAL_POLICY_DEFAULTS, all_rules, rule_for
from lantern.web.decorators import page

from .clock import current_clock
from .forms import ClosureDayForm, LocalPolicyForm
from .models import ClosureDay, LocalPolicySetting
from .selectors import (
    ALL_TEAMS,
    STATUS_ORDER,
    drill_down,
    local_policy_overview,
    my_work,
    service_counts,
    team_work,
)
from .services import closure_day_add, closure_day_remove, local_policy_remove, local_policy_set, recompute_start

STATUSES = tuple(STATUS_ORDER)


def _listed(request, views, what: str, *, also=()) -> None:
    """One audit row for the list, naming every child it showed (each child's access log lists it)."""
    children = {v.obligation.child_id for v in views} | set(also)
    if children:
        audit_record(actor=request.user, action=Action.LIST, object_type=OBLIGATIONS, children=children,
                     detail=f"{what}; {len(views)} rows, {len(children)} children")


@page(permission="worklist.mine", nav_section="work")
def my_work_page(request):
    today = timezone.localdate()
    rows = my_work(request.user, today=today, clock=current_clock())
    _listed(request, rows, "my work")
    return render(request, "obligations/my_work.html", {"rows": rows, "today": today})


def _team_for(request) -> Team:
    user = request.user
    wanted = request.GET.get("team")
    if not wanted:
        if user.team_id is None:
            raise PermissionDenied("You are not in a team")
        return user.team
    if not wanted.isdigit():  # a hand-edited address: no such team, rather than a failed lookup
        raise Http404("No such team")
    team = get_object_or_404(Team, pk=wanted)
    if team.pk != user.team_id and not (user.team_id and team.service_id == user.team.service_id
                                        and has_permission(user, "worklist.service")):
        raise PermissionDenied("You can see the work of your own service's teams only")
    return team


@page(permission="worklist.team", nav_section="team_work")
def team_work_page(request):
    team = _team_for(request)
    work = team_work(request.user, team, today=timezone.localdate(), clock=current_clock())
    _listed(request, [v for w in work.workers for v in w.obligations], f"team work for {team}",
            also=[c.pk for c in work.unallocated])
    teams = Team.objects.filter(service_id=team.service_id) if has_permission(request.user, "worklist.service") else []
    return render(request, "obligations/team_work.html", {"work": work, "teams": teams})


@page(permission="worklist.service", nav_section="service_work")
def service_work_page(request):
    """The service at a glance: overdue by team as a chart, each team's totals, each kind of
    deadline's totals, and one team's deadlines by kind when a team is chosen. Summaries first, so
    the page stays a few dozen rows however many teams and rules the authority has."""
    counts = service_counts(request.user, today=timezone.localdate(), clock=current_clock())
    names = {rule.id: rule.name for rule in all_rules()}
    base = reverse("obligations:service_drill_down")
    teams = [{"id": team_id, "name": name, "totals": _totals(rows)} for (team_id, name), rows in counts.items()]
    teams.sort(key=lambda team: (-team["totals"]["overdue"], team["name"]))
    widest = max((team["totals"]["overdue"] for team in teams), default=0) or 1
    chart = [{"team": team["name"], "overdue": team["totals"]["overdue"],
              "percent": round(100 * team["totals"]["overdue"] / widest)}
             for team in teams if team["totals"]["overdue"]]
    by_rule: dict[str, dict[str, int]] = {}
    for rows in counts.values():
        for row in rows:
            into = by_rule.setdefault(row["rule_id"], dict.fromkeys(STATUSES, 0))
            for status in STATUSES:
                into[status] += row[status]
    rules = [{"name": names[rule_id], "cells": _cells(base, ALL_TEAMS, rule_id, totals)}
             for rule_id, totals in sorted(by_rule.items(), key=lambda item: names[item[0]])]
    chosen = _chosen_team(request.GET.get("team"), counts)
    detail = None
    if chosen is not None:
        (team_id, name), rows = chosen
        detail = {"name": name, "rows": [{"name": names[row["rule_id"]],
                                          "cells": _cells(base, team_id or "", row["rule_id"], row)}
                                         for row in sorted(rows, key=lambda row: names[row["rule_id"]])]}
    return render(request, "obligations/service_work.html",
                  {"teams": teams, "chart": chart, "rules": rules, "detail": detail})


def _totals(rows: list[dict]) -> dict[str, int]:
    return {status: sum(row[status] for row in rows) for status in STATUSES}


def _cells(base: str, team, rule_id: str, counts: dict) -> list[tuple[int, str]]:
    # Links are built here once: reversing a URL in the template for every cell cost more than counting.
    return [(counts[status], f"{base}?team={team}&rule={rule_id}&status={status}") for status in STATUSES]


def _chosen_team(wanted: str | None, counts: dict):
    if wanted is None:
        return None
    for key, rows in counts.items():
        if str(key[0] or "none") == wanted:
            return key, rows
    return None


@page(permission="worklist.service", nav_section="service_work")
def service_drill_down(request):
    rule_id, status = request.GET.get("rule", ""), request.GET.get("status", "")
    try:
        rule = rule_for(rule_id)
        wanted = request.GET.get("team", "")
        team_id = ALL_TEAMS if wanted == ALL_TEAMS else int(wanted) if wanted else None
    except (KeyError, ValueError):
        return render(request, "web/404.html", status=404)
    rows = drill_down(request.user, team_id=team_id, rule_id=rule_id, status=status, today=timezone.localdate(),
                      clock=current_clock())
    _listed(request, rows, f"{rule_id} {status}")
    team = "Every team" if team_id == ALL_TEAMS else Team.objects.filter(pk=team_id).first()
    return render(request, "obligations/drill_down.html", {"rows": rows, "rule": rule, "status": status,
                                                           "team": team})


@page(permission="timescales.configure", nav_section="settings")
def settings_page(request):
    clock = current_clock()
    form = ClosureDayForm(request.POST if request.method == "POST" and "add_closure" in request.POST else None)
    if request.method == "POST":
        if "recompute" in request.POST:
            task = recompute_start(actor=request.user)
            return redirect("tasks:task_detail", pk=task.pk)
        if "remove_closure" in request.POST:
            if not request.POST["remove_closure"].isdigit():
                return render(request, "web/404.html", status=404)
            closure = get_object_or_404(ClosureDay, pk=request.POST["remove_closure"])
            closure_day_remove(actor=request.user, closure=closure)
            messages.success(request, "The closure day was removed. Recompute due dates to apply it.")
            return redirect("obligations:settings")
        if form.is_valid():
            with refusals_on(form) as outcome:
                closure_day_add(actor=request.user, day=form.cleaned_data["day"], label=form.cleaned_data["label"])
            if outcome.ok:
                messages.success(request, "The closure day was added. Recompute due dates to apply it.")
                return redirect("obligations:settings")
    rules_by_key: dict[str, list[str]] = {}
    for rule in all_rules():
        for key in {rule.local_policy_key, *[(r.local_policy_key) for r in (rule.recurrence or ())]} - {None}:
            rules_by_key.setdefault(key, []).append(rule.name)
    today = timezone.localdate()
    policies = [{"key": p["key"], "default": p["default"], "today": p["in_force"],
                 "overridden": p["in_force"] != p["default"], "changes": [_described(s) for s in p["values"]],
                 "rules": sorted(set(rules_by_key.get(p["key"], [])))}
                for p in local_policy_overview(clock, today)]
    return render(request, "obligations/settings.html", {"policies": policies, "closures": ClosureDay.objects.all(),
                                                         "form": form, "today": today})


def _described(setting: LocalPolicySetting) -> dict:
    return {"pk": setting.pk, "value": Period(setting.amount, PeriodUnit(setting.unit)),
            "since": None if setting.effective_from == EVERY_RECORD else setting.effective_from,
            "by": setting.changed_by, "at": setting.changed_at}


@page(permission="timescales.configure", nav_section="settings")
def policy_change(request, key: str):
    if key not in LOCAL_POLICY_DEFAULTS:
        return render(request, "web/404.html", status=404)
    today = timezone.localdate()
    current = current_clock().policy.value_on(key, today)[0]
    form = LocalPolicyForm(request.POST if request.method == "POST" else None,
                           initial={"amount": current.amount, "unit": current.unit.value, "effective_from": today})
    if request.method == "POST" and "remove" in request.POST:
        if not request.POST["remove"].isdigit():
            return render(request, "web/404.html", status=404)
        setting = get_object_or_404(LocalPolicySetting, pk=request.POST["remove"], key=key)
        local_policy_remove(actor=request.user, setting=setting)
        messages.success(request, "The value was removed. Recompute due dates to apply it.")
        return redirect("obligations:settings")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_on(form) as outcome:
            local_policy_set(actor=request.user, key=key, amount=data["amount"], unit=data["unit"],
                             effective_from=data["effective_from"] if data["applies"] == "from" else None)
        if outcome.ok:
            messages.success(request, "The local policy was changed. Recompute due dates to apply it.")
            return redirect("obligations:settings")
    return render(request, "obligations/policy_form.html", {"form": form, "key": key, "current": current,
                                                            "default": LOCAL_POLICY_DEFAULTS[key]})
