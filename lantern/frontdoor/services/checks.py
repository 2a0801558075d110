"""The rules a contact must meet before it reaches the queue, shared by the screener's form, the
partner's online form and the API, so every route refuses the same gaps with the same words."""

from datetime import date
from typing import Any

from django.utils import timezone

from lantern.referrals.codes import ReferralSource

from ..codes import NotDiscussedReason, PersonRole
from ..models import Contact

# Which question page asks for each answer, so the check-your-answers page can send the partner back.
FIELD_STEPS = {
    "referrer_role": "about-you", "referrer_phone": "about-you", "people": "children",
    "concern": "concern", "immediate_risk": "concern", "referrer_level_id": "level",
    "discussed_with_parents": "parents", "not_discussed_reason": "parents-why", "not_discussed_detail": "parents-why",
}


def contact_problems(contact: Contact, people: list[dict[str, Any]], *, online: bool) -> dict[str, str]:
    """Field → message for everything missing or wrong; empty when the contact can be received."""
    errors: dict[str, str] = {}
    if contact.source not in ReferralSource.values:
        errors["source"] = "Select where the contact came from"
    if online and not contact.referrer_role.strip():
        errors["referrer_role"] = "Enter your job title or role"
    if online and not contact.referrer_phone.strip():
        errors["referrer_phone"] = "Enter a phone number the front door can call you on"
    if not any(p.get("role", PersonRole.CHILD) == PersonRole.CHILD for p in people):
        errors["people"] = "Add at least one child"
    if not contact.concern.strip():
        errors["concern"] = "Describe what you are worried about"
    if contact.immediate_risk is None:
        errors["immediate_risk"] = "Say whether a child is at risk of significant harm now"
    if online and contact.referrer_level_id is None:
        errors["referrer_level_id"] = "Select the level of need you think this is"
    errors.update(parents_problems(contact))
    return errors


def parents_problems(contact: Contact) -> dict[str, str]:
    if contact.discussed_with_parents is None:
        return {"discussed_with_parents": "Say whether you discussed this with the child's parents or carers"}
    if contact.discussed_with_parents:
        return {}
    if contact.not_discussed_reason not in NotDiscussedReason.values:
        return {"not_discussed_reason": "Select why it was not discussed with the parents or carers"}
    if contact.not_discussed_reason == NotDiscussedReason.OTHER and not contact.not_discussed_detail.strip():
        return {"not_discussed_detail": "Explain why it was not discussed with the parents or carers"}
    return {}


def people_problems(people: list[dict[str, Any]]) -> dict[str, str]:
    """Each person's problems, keyed by their place in the list (``people.1.first_name``)."""
    return {f"people.{n}.{name}": message for n, person in enumerate(people)
            for name, message in person_problems(person).items()}


def person_problems(data: dict[str, Any]) -> dict[str, str]:
    errors = {}
    if not (data.get("first_name") or "").strip():
        errors["first_name"] = "Enter the first name"
    if not (data.get("last_name") or "").strip():
        errors["last_name"] = "Enter the last name"
    born = data.get("date_of_birth")
    if isinstance(born, date) and born > timezone.localdate():
        errors["date_of_birth"] = "Date of birth must be today or in the past"
    if data.get("role", PersonRole.CHILD) not in PersonRole.values:
        errors["role"] = "Select whether this is a child or an adult"
    return errors
