"""The front door queue and recording a new contact."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.frontdoor.audit_types import CONTACT
from lantern.service_layer.pages import run_service

from ..access import restricted_hidden
from ..forms.contacts import ContactRecordForm
from ..selectors.queue import front_door_queue, strategy_needed, strategy_needed_count
from ..services import contact_record
from .common import front_door_page


@front_door_page()
def queue(request):
    today = timezone.localdate()
    rows, total = front_door_queue(today=today)
    strategy = strategy_needed()
    matched = {m.person_id for r in rows for m in r.children if m.person_id}
    matched |= {m.person_id for d in strategy for m in d.contact.children if m.person_id}
    hidden = restricted_hidden(request.user, matched)
    for row in rows:
        row.restricted = any(m.person_id in hidden for m in row.children)
    for d in strategy:
        d.restricted = any(m.person_id in hidden for m in d.contact.children)
    audit_record(actor=request.user, action=Action.LIST, object_type=CONTACT, children=matched - hidden,
                 detail=f"front door queue; {len(rows)} of {total} shown; {len(strategy)} strategy discussions")
    return render(request, "frontdoor/queue.html", {
        "rows": rows, "total": total, "strategy": strategy, "strategy_total": strategy_needed_count(), "today": today,
        "overdue": sum(1 for r in rows if r.due_state == "overdue"),
        "can_oversee": has_permission(request.user, "frontdoor.authorise"),
    })


def _contact_data(data) -> tuple[dict, list[dict]]:
    fields = ("source", "referrer_name", "referrer_role", "referrer_organisation", "referrer_phone", "concern",
              "child_views", "immediate_risk", "discussed_with_parents", "not_discussed_reason", "not_discussed_detail")
    child = {"role": "child", "first_name": data["child_first_name"], "last_name": data["child_last_name"],
             "date_of_birth": data.get("child_date_of_birth"), "address": data.get("child_address", "")}
    return {k: data.get(k) for k in fields}, [child]


@front_door_page()
def contact_create(request):
    now = timezone.localtime()
    form = ContactRecordForm(request.POST or None,
                             initial={"received_date": now.date(), "received_time": now.strftime("%H:%M")})
    if request.method == "POST" and form.is_valid():
        contact_data, people = _contact_data(form.cleaned_data)
        made = {}

        def record():
            made["contact"] = contact_record(actor=request.user, data=contact_data, people=people,
                                             received_at=form.received_at())
        if run_service(form, record):
            contact = made["contact"]
            messages.success(request, f"Contact {contact.reference} was recorded. Match the child to a record next.")
            return redirect("frontdoor:contact_detail", pk=contact.pk)
    return render(request, "frontdoor/contact_form.html", {"form": form})
