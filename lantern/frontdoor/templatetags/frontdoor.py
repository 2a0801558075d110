from django import template

from lantern.frontdoor.codes import REFERRER_WORDING, Outcome

register = template.Library()


@register.filter
def referrer_wording(outcome: str) -> str:
    """The decision in the words a referrer sees."""
    return REFERRER_WORDING.get(Outcome(outcome), "") if outcome in Outcome.values else ""
