"""List 3, referrals: every referral (child in need episode) made in the period. "Number of
Referrals in Last 12 Months" counts the child's referrals in the twelve months ending on this
referral's date, this one included, so a re-referral shows 2 or more."""

from bisect import bisect_left, bisect_right
from collections import defaultdict

from lantern.referrals.models import Episode

from ..codes import SOURCE, yes_no
from ..period import Period
from .common import ListRows, children_for


def referral_rows(period: Period) -> ListRows:
    episodes = Episode.objects.filter(referral_date__gte=period.start, referral_date__lte=period.end,
                                      child__is_child_record=True)
    children = episodes.values("child_id")
    history: defaultdict[int, list] = defaultdict(list)
    for child_id, day in (Episode.objects.filter(child_id__in=children, referral_date__lte=period.end,
                                                 referral_date__gte=period.year_before(period.start))
                          .order_by("referral_date").values_list("child_id", "referral_date")):
        history[child_id].append(day)
    result = ListRows()
    for child_id, day, source, nfa in episodes.values_list("child_id", "referral_date", "referral_source",
                                                           "referral_nfa"):
        days = history[child_id]
        in_year = bisect_right(days, day) - bisect_left(days, period.year_before(day))
        result.rows.append((child_id, (day, SOURCE.get(source, source), yes_no(nfa), in_year)))
    return result.finish(children_for(children, period))
