"""The decision clock on work lists: each received contact with a matched child starts the
'Decision on a referral' obligation (1 working day), met on the day the decision takes effect.

An obligation hangs from one child, so it is the contact's first matched child that carries it; a
contact with no matched child yet is still on the front door queue, with the same due date."""

from collections.abc import Iterable

from django.db.models import Prefetch

from lantern.obligations.clock import current_clock
from lantern.obligations.recompute import after_recompute
from lantern.obligations.registry import ObligationSpec, register_source
from lantern.timescales.deadlines import compute_deadline
from lantern.timescales.rules import rule_for

from .codes import ContactStatus, DecisionStatus, PersonRole
from .models import Contact, ContactDecision, ContactPerson
from .services.common import DECISION_RULE, OBLIGATION_SOURCE


def _select(queryset):
    return (queryset.exclude(status=ContactStatus.DRAFT)
            .prefetch_related(Prefetch("people", queryset=ContactPerson.objects.filter(
                role=PersonRole.CHILD, person__isnull=False).order_by("id"), to_attr="matched"),
                Prefetch("decisions", queryset=ContactDecision.objects.filter(status=DecisionStatus.FINAL),
                         to_attr="final")))


def contact_obligations(contacts: Iterable[Contact]) -> Iterable[ObligationSpec]:
    for contact in contacts:
        matched: list[ContactPerson] = getattr(contact, "matched", [])
        if not matched or matched[0].person_id is None:
            continue
        decisions: list[ContactDecision] = getattr(contact, "final", [])
        final = decisions[0] if decisions else None
        yield ObligationSpec(source_id=contact.pk, rule_id=DECISION_RULE, child_id=matched[0].person_id,
                             start_date=contact.received, met_on=final.effective_on if final else None,
                             late_reason=final.late_reason if final else "",
                             link=f"/front-door/contacts/{contact.pk}/")


register_source(OBLIGATION_SOURCE, model=Contact, build=contact_obligations, select=_select)


@after_recompute
def refresh_decision_due_dates() -> int:
    """Keep each contact's own decision due date (the queue's sort order) equal to the clock's:
    contacts received on the same day share it, so the database groups them by day and stored date
    (a few thousand groups for seven hundred thousand contacts) and only groups whose date moved
    are rewritten."""
    clock, rule = current_clock(), rule_for(DECISION_RULE)
    sent = Contact.objects.exclude(status=ContactStatus.DRAFT)
    written = 0
    for received_on, stored in sent.values_list("received_on", "decision_due").distinct().order_by():
        assert received_on is not None  # a constraint requires it on every contact past draft
        due = compute_deadline(rule, received_on, calendar=clock.calendar, policy=clock.policy).due_date
        if due != stored:
            written += sent.filter(received_on=received_on, decision_due=stored).update(decision_due=due)
    return written
