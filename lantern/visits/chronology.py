"""Visits in the child's chronology and in the episode's activity."""

from lantern.chronology.registry import ChronologyEvent
from lantern.referrals.activity import Activity

from .models import Visit


def _seen(v) -> str:
    if not v.child_seen:
        return "child not seen"
    return "child seen alone" if v.seen_alone else "child seen, not alone"


def visit_events(child):
    for v in Visit.objects.filter(child=child):
        yield ChronologyEvent(kind="visit", key=f"visit:{v.pk}", on=v.visit_date,
                              title=f"{v.get_kind_display()}: {_seen(v)}", detail=v.child_words,
                              link=f"/children/{child.pk}/visits/{v.pk}/")


def visit_activities(episode):
    for v in episode.visits.all():
        yield Activity(v.get_kind_display(), v.visit_date)


KINDS = (("visit", "Visits", visit_events),)
ACTIVITIES = (("visits", visit_activities),)
