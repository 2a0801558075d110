"""A record's stored deadlines, as the statutory clock computed them, for its page."""

from django.utils import timezone

from lantern.obligations.clock import current_clock
from lantern.obligations.selectors import child_timescales


def deadlines_for(child, link: str) -> list:
    views = child_timescales(child, as_of=timezone.localdate(), clock=current_clock())
    return [v for v in views if v.obligation.link == link]
