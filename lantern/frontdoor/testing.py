"""Records in each front door state, made through the services, for tests (and the matrix)."""

from datetime import date

from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.people.models import Person
from lantern.tasks.models import BackgroundTask

from .codes import PersonRole
from .default_levels import ensure_default_levels
from .models import Contact, DomesticAbuseNotification, ThresholdLevel
from .services import (
    contact_person_link,
    contact_record,
    decision_record,
    referral_draft_start,
    referral_person_save,
    referral_send,
)

CONCERN = {"source": "2A", "referrer_name": "Priya Testwell", "referrer_role": "Designated safeguarding lead",
           "concern": "Came to school with bruises on both arms and said she was scared to go home.",
           "immediate_risk": False, "discussed_with_parents": True}
PARTNER_ANSWERS = {"referrer_role": "Class teacher", "referrer_phone": "0121 496 0000",
                   "concern": "Often hungry and unkempt; says there is no food at home.", "immediate_risk": False,
                   "discussed_with_parents": False, "not_discussed_reason": "unreachable"}


def level(name: str) -> ThresholdLevel:
    ensure_default_levels()
    return ThresholdLevel.objects.get(name=name)


def received_contact(screener, child: Person | None = None, *, first_name="Amira", last_name="Testington",
                     date_of_birth=date(2016, 5, 14), adult: bool = False, **changes) -> Contact:
    """A contact the screener recorded; the named child is matched to ``child`` when given."""
    people = [{"role": PersonRole.CHILD, "first_name": first_name, "last_name": last_name,
               "date_of_birth": date_of_birth}]
    if adult:
        people.append({"role": PersonRole.ADULT, "first_name": "Dana", "last_name": last_name,
                       "relationship": "mother"})
    contact = contact_record(actor=screener, data={**CONCERN, **changes}, people=people)
    if child is not None:
        mention = contact.people.get(role=PersonRole.CHILD)
        contact_person_link(actor=screener, contact=contact, expected_version=contact.version, mention=mention,
                            person=child)
        contact.refresh_from_db()
    return contact


def decide(actor, contact: Contact, outcome: str = "nfa", level_name: str = "Universal", **extra):
    contact.refresh_from_db()
    data = {"outcome": outcome, "threshold_level": level(level_name), "rationale": "Checked records and agencies.",
            "nfa_reason": "Family already supported by school.", **extra}
    return decision_record(actor=actor, contact=contact, expected_version=contact.version, data=data)


def sent_referral(partner, *, first_name="Kofi", last_name="Marlowe") -> Contact:
    answers = {**PARTNER_ANSWERS, "referrer_level": level("Child in need")}
    return referral_send(actor=partner, data=answers, people=[{"role": PersonRole.CHILD, "first_name": first_name,
                                                               "last_name": last_name}])


def front_door_world(users, ids) -> dict:
    screener, partner = users[Role.FRONT_DOOR_SCREENER], users[Role.PARTNER_PRACTITIONER]
    child = Person.objects.get(pk=ids["child"])
    contact = received_contact(screener, child, adult=True)
    awaiting = received_contact(screener, child, concern="A second worry about the same child.")
    decide(screener, awaiting)
    draft = referral_draft_start(actor=partner)
    draft_child = referral_person_save(actor=partner, contact=draft, expected_version=draft.version,
                                       data={"role": PersonRole.CHILD, "first_name": "Ruby", "last_name": "Quenby"})
    notification = DomesticAbuseNotification.objects.create(
        police_reference="WM/24/000123", incident_date=timezone.localdate(), received_at=timezone.now(),
        received_on=timezone.localdate(), victim_name="Sam Example", address="1 Test Street, Brindleford",
        children_reported="Y", police_risk="medium")
    task = BackgroundTask.objects.create(kind="frontdoor_notifications", title="Receiving police notifications",
                                         started_by=screener, status=BackgroundTask.Status.DONE)
    mentions = {m.role: m.pk for m in contact.people.all()}
    first_level = ThresholdLevel.objects.order_by("pk").values_list("pk", flat=True)[0]
    return {"contact": contact.pk, "awaiting": awaiting.pk, "mention_child": mentions[PersonRole.CHILD],
            "mention_adult": mentions[PersonRole.ADULT], "level": first_level,
            "draft": draft.pk, "draft_child": draft_child.pk, "sent_referral": sent_referral(partner).pk,
            "notification": notification.pk, "upload_task": task.pk}
