from datetime import date

from django import template

from ..codes import MALE_CARER_TYPES

register = template.Library()


@register.filter
def age_text(person, today: date) -> str:
    """'7 years', '11 months' or 'Unborn (expected 3 May 2027)': what a worker reads at a glance."""
    if person.is_unborn:
        return f"Unborn (expected {person.expected_date_of_birth:%-d %B %Y})"
    dob = person.date_of_birth
    if dob is None:
        return "Not known"
    years = person.age_on(today)
    if years >= 2:
        return f"{years} years"
    months = (today.year - dob.year) * 12 + today.month - dob.month - (today.day < dob.day)
    return f"{months} month{'s' if months != 1 else ''}"


@register.filter
def is_male_carer(relationship) -> bool:
    return relationship.relationship_type in MALE_CARER_TYPES
