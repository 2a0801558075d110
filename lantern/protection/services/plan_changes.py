"""What a conference's decision does to the plan: an initial conference starts it (and ends any child
in need plan that day, census rules 4001/4016/4017); a review continues it with the latest category,
or ends it, unless that is within 3 months of its start, when a service manager must say why first."""

from collections.abc import Mapping

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db.models import F

from lantern.access.policy import has_permission

from ..codes import NEEDS_A_NOTE, Progress
from ..models import ActionProgress, CoreGroupMember, CpPlan, PlanAction

EARLY_END = relativedelta(months=3)


def ends_early(plan: CpPlan, end_date) -> bool:
    """A plan ending within 3 months of its start (counted nationally: 15.9% in 2025)."""
    return end_date <= plan.start_date + EARLY_END


def progress_rows(plan: CpPlan, progress: Mapping, errors: dict) -> list[ActionProgress]:
    rows = []
    for action in plan.actions.all():
        answer = progress.get(action.pk) or progress.get(str(action.pk)) or {}
        status, note = answer.get("status") or "", str(answer.get("note") or "").strip()
        if status not in Progress.values:
            errors[f"progress.{action.pk}.status"] = f"Select the progress on '{action.what[:60]}'"
        elif status in NEEDS_A_NOTE and not note:
            errors[f"progress.{action.pk}.note"] = f"Say what is getting in the way of '{action.what[:60]}'"
        rows.append(ActionProgress(action=action, status=status, note=note))
    return rows


def end_cin_plans(actor, child_id: int, on) -> list[int]:
    """End any running child in need plan on the day the child protection plan starts, through the
    child in need part's own service (they may touch on the same day, never overlap). Where the actor
    may not end it (a chair, while the child in need part keeps that to social workers and managers),
    the decision is refused with what to do, so the two plans never overlap."""
    from lantern.cin.models import CinPlan
    from lantern.cin.services import cin_plan_end

    running = list(CinPlan.objects.filter(child_id=child_id, end_date__isnull=True))
    if running and not has_permission(actor, "cin_plan.end"):
        raise ValidationError({"decision": (
            f"The child's child in need plan (from {running[0].start_date:%-d %B %Y}) is still running, and the two "
            f"plans must not overlap (census rules 4001/4016/4017). Ask the social worker or a manager to end it "
            f"on {on:%-d %B %Y}, then record this decision.")})
    for cin_plan in running:
        cin_plan_end(actor=actor, plan=cin_plan, end_date=on,
                     reason=f"A child protection plan started on {on:%-d %B %Y}")
    return [p.pk for p in running]


def start_plan(actor, conference, first_action: Mapping) -> CpPlan:
    previous = CpPlan.objects.filter(child_id=conference.child_id, start_date__lt=conference.conference_date).count()
    end_cin_plans(actor, conference.child_id, conference.conference_date)
    plan = CpPlan.objects.create(episode_id=conference.episode_id, child_id=conference.child_id, conference=conference,
                                 start_date=conference.conference_date, initial_category=conference.category,
                                 latest_category=conference.category, outcomes=conference.outline_plan,
                                 previous_plans=previous)
    PlanAction.objects.create(plan=plan, what=first_action["what"].strip(), owner=first_action["owner"].strip(),
                              due_date=first_action["due_date"],
                              success_measure=first_action["success_measure"].strip(), created_by=actor)
    # The professionals invited to the conference form the first core group.
    CoreGroupMember.objects.bulk_create(
        CoreGroupMember(plan=plan, agency_kind=i.agency_kind, agency=i.agency, name=i.invitee_name, user=i.invitee,
                        joined_on=conference.conference_date) for i in conference.invitations.all())
    return plan


def continue_plan(conference) -> CpPlan:
    CpPlan.objects.filter(pk=conference.plan_id).update(latest_category=conference.category, version=F("version") + 1)
    return CpPlan.objects.get(pk=conference.plan_id)


def end_or_hold_plan(conference) -> CpPlan:
    plan = conference.plan
    if ends_early(plan, conference.conference_date):
        CpPlan.objects.filter(pk=plan.pk).update(pending_end=conference, version=F("version") + 1)
    else:
        CpPlan.objects.filter(pk=plan.pk).update(end_date=conference.conference_date, ended_by=conference,
                                                 after_plan=conference.after_plan, version=F("version") + 1)
    return CpPlan.objects.get(pk=plan.pk)
