"""Assessments in the child's chronology and in the episode's activity (for closure checks)."""

from lantern.chronology.registry import ChronologyEvent
from lantern.referrals.activity import ASSESSMENT_COMPLETED, Activity

from .models import Assessment


def assessment_events(child):
    for a in Assessment.objects.filter(child=child):
        link = f"/children/{child.pk}/assessments/{a.pk}/"
        yield ChronologyEvent(kind="assessment", key=f"assessment:{a.pk}", on=a.started_on,
                              title=f"{a.get_kind_display()} started", link=link)
        if a.authorised_on:
            yield ChronologyEvent(kind="assessment", key=f"assessment-authorised:{a.pk}", on=a.authorised_on,
                                  title=f"{a.get_kind_display()} authorised: {a.get_outcome_display()}",
                                  detail=a.authorisation_rationale, link=link)


def assessment_activities(episode):
    for a in episode.assessments.all():
        yield Activity(f"{a.get_kind_display()} started", a.started_on)
        if a.authorised_on:
            yield Activity(f"{a.get_kind_display()} authorised", a.authorised_on, ASSESSMENT_COMPLETED)


KINDS = (("assessment", "Assessments", assessment_events),)
ACTIVITIES = (("assessments", assessment_activities),)
