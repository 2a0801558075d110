"""The practice overview: the inspection's findings as numbers, for managers and analysts."""

from django.shortcuts import render
from django.utils import timezone

from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.cin.audit_types import PRACTICE_OVERVIEW
from lantern.timescales.rules import rule_for
from lantern.web.decorators import page

from ..selectors import TRACKED_RULES, practice_overview


@page(permission="cin.overview", nav_section="cin_overview")
def overview(request):
    today = timezone.localdate()
    figures = practice_overview(request.user, today=today)
    audit_record(actor=request.user, action=Action.LIST, object_type=PRACTICE_OVERVIEW,
                 detail="children in need practice overview (counts only)")
    overdue = [(rule_for(rule).name, figures["overdue"].get(rule, 0)) for rule in TRACKED_RULES]
    return render(request, "cin/overview.html", {"figures": figures, "overdue": overdue, "today": today})
