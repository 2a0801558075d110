"""The manager's oversight view, the domestic abuse funnel report and the threshold guidance."""

from django.shortcuts import render
from django.utils import timezone

from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.frontdoor.audit_types import CONTACT
from lantern.web.decorators import page

from ..models import ThresholdLevel
from ..selectors.funnel import STAGES, funnel_totals, notification_funnel
from ..selectors.oversight import awaiting_authorisation, late_decisions, open_counts, performance
from ..selectors.queue import strategy_needed
from .common import front_door_page


@front_door_page(permission="frontdoor.authorise")
def oversight(request):
    today = timezone.localdate()
    waiting = awaiting_authorisation()
    audit_record(actor=request.user, action=Action.LIST, object_type=CONTACT,
                 detail=f"front door oversight; {len(waiting)} waiting for authorisation")
    return render(request, "frontdoor/oversight.html", {
        "today": today, "waiting": waiting, "counts": open_counts(today), "performance": performance(today),
        "late": late_decisions(today), "strategy": strategy_needed(),
    })


@page(permission="frontdoor.report", nav_section="frontdoor_report")
def funnel_report(request):
    months = notification_funnel(today=timezone.localdate())
    return render(request, "frontdoor/funnel.html", {"months": months, "totals": funnel_totals(months),
                                                     "stages": STAGES})


@page(permission="frontdoor.thresholds", nav_section="thresholds")
def thresholds(request):
    return render(request, "frontdoor/thresholds.html", {"levels": ThresholdLevel.objects.filter(is_active=True)})
