"""Pages for strategy discussions: recording one for an open episode, and reading it."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from lantern.protection.audit_types import STRATEGY_DISCUSSION
from lantern.referrals.models import Episode
from lantern.service_layer.pages import form_page, saved
from lantern.web.decorators import child_page

from ..codes import referrer_agency_for
from ..forms import StrategyForm
from ..forms.strategy import agency_queryset
from ..links import strategy_link
from ..models import StrategyDiscussion
from ..services import strategy_discussion_record
from .common import audit_view, case_staff, posted, record_of

INTRO = ("Record who took part for each agency and what they shared, what was decided and why, and the actions "
         "agreed. Police and health take part in every strategy discussion, and so does the referring agency: "
         "if one did not, say why.")


def _initial(episode, user) -> dict:
    return {"held_on": timezone.localdate(), "referrer_agency": referrer_agency_for(episode.referral_source),
            "csc_took_part": True, "csc_name": user.get_full_name(), "csc_role": user.job_title or
            user.get_role_display(), "lead_worker": episode.worker_id}


@child_page(permission="strategy.record")
def strategy_create(request, child, decision, episode_id: int):
    episode = get_object_or_404(Episode, pk=episode_id, child=child)
    form = StrategyForm(posted(request), initial=_initial(episode, request.user), staff=case_staff(),
                        agencies=agency_queryset())
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: strategy_discussion_record(
            actor=request.user, episode=episode, held_on=d["held_on"], held_at=d["held_at"], kind=d["kind"],
            concerns=d["concerns"], participants=form.participants(), referrer_agency=d["referrer_agency"],
            absent_reasons={k: d[k] for k in ("police_absent_reason", "health_absent_reason",
                                              "referrer_absent_reason")},
            decision=d["decision"], decision_rationale=d["decision_rationale"], actions=form.actions(),
            lead_worker=d["lead_worker"], police_contact=d["police_contact"], late_reason=d["late_reason"]),
            "The strategy discussion was recorded", strategy_link)
        if done:
            return done
    return form_page(request, form, child=child, title="Record a strategy discussion", intro=INTRO,
                     submit="Record the strategy discussion", template="protection/strategy_form.html",
                     back_url=f"/children/{child.pk}/episodes/{episode.pk}/", back_text="Back to the episode")


@child_page(permission="protection.casework")
def strategy_detail(request, child, decision, record_id: int):
    discussion = record_of(StrategyDiscussion.objects.select_related("episode", "recorded_by"), child, record_id)
    audit_view(request, child, decision, STRATEGY_DISCUSSION, discussion.pk)
    enquiry = getattr(discussion, "enquiry", None) if discussion.starts_enquiry else None
    return render(request, "protection/strategy_detail.html", {
        "child": child, "discussion": discussion, "participants": list(discussion.participants.select_related(
            "agency")), "actions": list(discussion.actions.all()), "enquiry": enquiry})
