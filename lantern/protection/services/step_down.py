"""Starting the child in need plan a conference stepped down to: after an initial conference that
decided on no child protection plan, or a review that ended the plan. The plan is the child in need
part's, started through its own service; it starts on the conference's date (the two plans touch,
never overlap)."""

from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError

from ..codes import AfterPlan, ConferenceDecision
from ..models import Conference


def step_down_start_date(conference: Conference):
    """The day the child in need plan starts, or None when this conference did not step down."""
    if conference.after_plan != AfterPlan.CIN_PLAN:
        return None
    if conference.decision == ConferenceDecision.NO_PLAN:
        return conference.conference_date
    plan = conference.plan
    if conference.decision == ConferenceDecision.END and plan and plan.end_date and plan.ended_by_id == conference.pk:
        return plan.end_date
    return None


def cin_plan_after_conference(*, actor, conference: Conference, outcomes: str, actions: Sequence[Mapping]):
    from lantern.cin.services import cin_plan_start

    conference = Conference.objects.select_related("plan", "episode").get(pk=conference.pk)
    start = step_down_start_date(conference)
    if start is None:
        raise ValidationError("This conference did not step down to a child in need plan (or the plan has not "
                              "ended yet)")
    return cin_plan_start(actor=actor, episode=conference.episode, start_date=start, outcomes=outcomes,
                          actions=actions)
