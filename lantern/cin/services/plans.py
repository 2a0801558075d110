"""Starting a child in need plan, adding actions to it, and ending it.

Every action says what, who (a named person or agency), by when, and how we will know it worked:
an action without an owner or a date is refused."""

from collections.abc import Iterable, Mapping
from datetime import date

from django.db.models import F, Q
from django.utils import timezone

from lantern.access.policy import child_for, has_permission, require_permission
from lantern.assessments.codes import AssessmentOutcome
from lantern.assessments.obligations import SOURCE as ASSESSMENT_SOURCE
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.casework.records import plan_action_errors
from lantern.cin.audit_types import CIN_PLAN, PLAN_ACTION
from lantern.obligations.engine import obligations_sync
from lantern.obligations.late import require_late_reason
from lantern.service_layer.errors import raise_if, required_text

from ..models import CinPlan, PlanAction
from .common import sync_plan_obligations


def _new_action(plan, data, actor) -> PlanAction:
    return PlanAction(plan=plan, what=data["what"].strip(), owner=data["owner"].strip(), due_date=data["due_date"],
                      success_measure=data["success_measure"].strip(), created_by=actor)


def _start_errors(episode, assessment, child, start_date: date, outcomes: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    required_text(outcomes, "outcomes", "Say what must change for the child", errors)
    if not episode.is_open:
        errors["__all__"] = "This episode is closed"
    concluded = assessment is None or (assessment.authorised_on and assessment.outcome == AssessmentOutcome.CIN_PLAN)
    if not concluded:
        errors["__all__"] = "A plan follows an authorised assessment that concluded the child needs one"
    if start_date > timezone.localdate():
        errors["start_date"] = "The plan cannot start in the future"
    elif start_date < episode.referral_date:
        errors["start_date"] = "The plan cannot start before the referral (census rule 4015)"
    elif assessment is not None and assessment.authorised_on and start_date < assessment.authorised_on:
        errors["start_date"] = "The plan cannot start before the assessment was authorised"
    overlapping = CinPlan.objects.filter(child=child).filter(Q(end_date__isnull=True) | Q(end_date__gt=start_date))
    if overlapping.exists():
        errors["start_date"] = "The child already has a child in need plan running on this date"
    from lantern.protection.models import CpPlan  # child protection builds on this app, so import late

    protected = CpPlan.objects.filter(child=child, start_date__lte=start_date).filter(
        Q(end_date__isnull=True) | Q(end_date__gt=start_date))
    if protected.exists():
        errors["start_date"] = ("The child is on a child protection plan on this date; a child in need plan can "
                                "start on the day it ends (census rules 4001, 4016 and 4017)")
    return errors


@atomic
def cin_plan_start(*, actor, start_date: date, outcomes: str, actions: Iterable[Mapping], assessment=None,
                   episode=None, late_reason: str = "") -> CinPlan:
    """Start a plan from an assessment (or, for child protection's step-down, from an episode)."""
    require_permission(actor, "cin_plan.edit")
    episode = assessment.episode if assessment is not None else episode
    child, _ = child_for(actor, episode.child_id, for_change=True)
    actions = list(actions)
    errors = _start_errors(episode, assessment, child, start_date, outcomes)
    for n, data in enumerate(actions):
        errors.update(plan_action_errors(data, start_date, prefix=f"actions.{n}."))
    if not actions:
        errors["actions"] = "A plan needs at least one action"
    raise_if(errors)
    if assessment is not None:
        require_late_reason(source_key=ASSESSMENT_SOURCE, source_id=assessment.pk, rule_id="cin_plan",
                            met_on=start_date, reason=late_reason)
    plan = CinPlan.objects.create(episode=episode, child=child, assessment=assessment, start_date=start_date,
                                  outcomes=outcomes.strip(), late_reason=late_reason.strip(), created_by=actor)
    PlanAction.objects.bulk_create(_new_action(plan, data, actor) for data in actions)
    audit_record(actor=actor, action=Action.CREATE, object_type=CIN_PLAN, object_id=plan.pk, child_id=child.pk,
                 changes={"start_date": [None, start_date.isoformat()], "actions": [None, len(actions)]})
    if assessment is not None:
        obligations_sync(ASSESSMENT_SOURCE, [assessment.pk])
    sync_plan_obligations([plan.pk])
    return plan


@atomic
def plan_action_add(*, actor, plan: CinPlan, what: str, owner: str, due_date: date | None,
                    success_measure: str) -> PlanAction:
    require_permission(actor, "cin_plan.edit")
    child, _ = child_for(actor, plan.child_id, for_change=True)
    data = {"what": what, "owner": owner, "due_date": due_date, "success_measure": success_measure}
    errors = plan_action_errors(data, plan.start_date)
    if not plan.is_open:
        errors["__all__"] = "This plan has ended"
    raise_if(errors)
    assert due_date is not None  # action_errors refused a missing date
    action = _new_action(plan, data, actor)
    action.save()
    CinPlan.objects.filter(pk=plan.pk).update(version=F("version") + 1)
    audit_record(actor=actor, action=Action.CREATE, object_type=PLAN_ACTION, object_id=action.pk,
                 child_id=child.pk, changes={"plan": [None, plan.pk], "due_date": [None, due_date.isoformat()]})
    return action


def end_open_plans(*, episode, end_date: date, reason: str) -> list[int]:
    """End the episode's running plans (used when the episode closes); returns their ids."""
    ids = list(CinPlan.objects.filter(episode=episode, end_date__isnull=True).values_list("pk", flat=True))
    CinPlan.objects.filter(pk__in=ids).update(end_date=end_date, end_reason=reason, version=F("version") + 1)
    if ids:
        sync_plan_obligations(ids)
    return ids


@atomic
def cin_plan_end(*, actor, plan: CinPlan, end_date: date, reason: str) -> CinPlan:
    """End a plan: the child no longer needs it, or a child protection plan replaces it (the two
    must not overlap, census rules 4001/4016/4017; they may touch on the same day)."""
    require_permission(actor, "cin_plan.end")
    # A chair may end it without edit rights over the rest of the record.
    child, _ = child_for(actor, plan.child_id, for_change=has_permission(actor, "child.edit"))
    plan = CinPlan.objects.select_for_update().get(pk=plan.pk)
    errors: dict[str, str] = {}
    required_text(reason, "reason", "Say why the plan is ending", errors)
    last_review = plan.reviews.order_by("-review_date").values_list("review_date", flat=True).first()
    if not plan.is_open:
        errors["__all__"] = "This plan has already ended"
    elif end_date < plan.start_date:
        errors["end_date"] = "The plan cannot end before it started"
    elif end_date > timezone.localdate():
        errors["end_date"] = "The end date cannot be in the future"
    elif last_review and end_date < last_review:
        errors["end_date"] = f"The plan was reviewed on {last_review:%-d %B %Y}: it cannot end before that"
    raise_if(errors)
    CinPlan.objects.filter(pk=plan.pk).update(end_date=end_date, end_reason=reason.strip(), version=F("version") + 1)
    audit_record(actor=actor, action=Action.UPDATE, object_type=CIN_PLAN, object_id=plan.pk, child_id=child.pk,
                 changes={"end_date": [None, end_date.isoformat()]})
    if plan.assessment_id:
        obligations_sync(ASSESSMENT_SOURCE, [plan.assessment_id])
    sync_plan_obligations([plan.pk])
    plan.refresh_from_db()
    return plan
