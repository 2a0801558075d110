"""List 6, children in need: every child in need episode open at some point in the period
(referrals closed with no further action at the referral are not children in need, and are left
out). "Date Child Was Last Seen" is the latest day, by the end of the period, that a social worker
saw the child during the episode: at a visit (child in need, child protection or Section 47) or
for the assessment. "Case Status" is as it stood at the end of the period."""

from django.db.models import Max, Q

from lantern.assessments.models import Assessment
from lantern.cin.models import CinPlan
from lantern.protection.models import CpPlan, CpVisit, EnquiryVisit
from lantern.referrals.models import Episode
from lantern.visits.models import Visit

from ..codes import CASE_ASSESSMENT, CASE_CIN_PLAN, CASE_CLOSED, CASE_CP_PLAN, CLOSURE, NEED
from ..period import Period
from .common import ListRows, children_for, upto


def _last_seen(episode_ids, end) -> dict[int, object]:
    latest: dict[int, object] = {}
    sources = (
        Visit.objects.filter(episode_id__in=episode_ids, child_seen=True, visit_date__lte=end)
        .values("episode_id").annotate(day=Max("visit_date")).values_list("episode_id", "day"),
        CpVisit.objects.filter(plan__episode_id__in=episode_ids, child_seen=True, visit_date__lte=end)
        .values("plan__episode_id").annotate(day=Max("visit_date")).values_list("plan__episode_id", "day"),
        EnquiryVisit.objects.filter(enquiry__episode_id__in=episode_ids, child_seen=True, visit_date__lte=end)
        .values("enquiry__episode_id").annotate(day=Max("visit_date")).values_list("enquiry__episode_id", "day"),
        Assessment.objects.filter(episode_id__in=episode_ids, child_seen_on__lte=end)
        .values("episode_id").annotate(day=Max("child_seen_on")).values_list("episode_id", "day"),
    )
    for rows in sources:
        for episode_id, day in rows:
            if day is not None and (episode_id not in latest or day > latest[episode_id]):
                latest[episode_id] = day
    return latest


def _open_at_end(model, episode_ids, end, start_field: str, end_field: str) -> set[int]:
    """Episodes with a record of ``model`` open on the last day of the period."""
    return set(model.objects.filter(episode_id__in=episode_ids, **{f"{start_field}__lte": end})
               .filter(Q(**{f"{end_field}__isnull": True}) | Q(**{f"{end_field}__gt": end}))
               .values_list("episode_id", flat=True))


def cin_rows(period: Period) -> ListRows:
    end = period.end
    episodes = Episode.objects.filter(referral_date__lte=end, referral_nfa=False, child__is_child_record=True).filter(
        Q(closure_date__isnull=True) | Q(closure_date__gte=period.start))
    ids = episodes.values("id")
    seen = _last_seen(ids, end)
    on_cp = _open_at_end(CpPlan, ids, end, "start_date", "end_date")
    on_cin = _open_at_end(CinPlan, ids, end, "start_date", "end_date")
    assessing = _open_at_end(Assessment, ids, end, "started_on", "authorised_on")
    result = ListRows()
    for pk, child_id, referred, need, closed, reason in episodes.values_list(
            "id", "child_id", "referral_date", "primary_need", "closure_date", "closure_reason"):
        closed = upto(closed, end)
        status = (CASE_CLOSED if closed else CASE_CP_PLAN if pk in on_cp else CASE_CIN_PLAN if pk in on_cin
                  else CASE_ASSESSMENT if pk in assessing else "")
        result.rows.append((child_id, (referred, NEED.get(need, need), seen.get(pk), closed,
                                       CLOSURE.get(reason, reason) if closed else "", status)))
    blank = sum(1 for _, cells in result.rows if not cells[5])
    if blank:
        result.notes.append(f"List 6: {blank:,} open episode{'s' if blank != 1 else ''} had no child protection plan, "
                            "child in need plan or open assessment at the end of the period (for example, waiting "
                            "for a plan after an assessment, or during a Section 47 enquiry), which none of the "
                            "Annex A case statuses describes; the Case Status cell is blank.")
    return result.finish(children_for(episodes.values("child_id"), period))
