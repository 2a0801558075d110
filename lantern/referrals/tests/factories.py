"""One helper per state of the child in need journey, built through the services so every record
keeps the invariants the services keep. Shared by the tests of referrals, assessments, cin, visits
and chronology."""

from datetime import date
from typing import Any

from lantern.accounts.roles import Role
from lantern.assessments.models import Assessment
from lantern.assessments.services import (
    assessment_authorise,
    assessment_section_save,
    assessment_start,
    assessment_submit,
)
from lantern.people.services import family_member_add
from lantern.referrals.services import episode_open
from lantern.testing.factories import UserFactory

REFERRAL = date(2025, 3, 3)
ANSWERS: dict[str, dict[str, Any]] = {
    "seen": {"child_seen_on": date(2025, 3, 5), "seen_alone": True},
    "views": {"child_views": "'I like it when Dad picks me up from school. I don't like the shouting.'"},
    "identity": {"identity_needs": "White British; English at home; no religion; no disability. None of these "
                                   "changes what she needs, but she needs adults who notice her."},
    "history": {"history_considered": "One earlier contact from school in 2023, no further action."},
    "analysis": {"risks": "Arguments at home at night; mum's low mood.",
                 "protective_factors": "Both parents want help; school attendance is good.",
                 "analysis": "The arguments frighten her; with support for mum the risk is low to moderate."},
    "factors": {"factors": ["3B", "4B"]},
    "outcome": {"outcome": "cin_plan", "outcome_reasons": "Needs coordinated support for at least three months."},
}


def manager_for(team):
    return UserFactory(role=Role.TEAM_MANAGER, team=team)


def episode(worker, child, referral_date: date = REFERRAL, **kwargs):
    return episode_open(actor=worker, child=child, referral_date=referral_date, referral_source="2A",
                        primary_need=kwargs.pop("primary_need", "N1"), **kwargs)


def add_father(worker, child, first_name="Daniel"):
    return family_member_add(actor=worker, child=child, person_data={"first_name": first_name,
                                                                     "last_name": child.last_name, "sex": "M"},
                             relationship_type="father", lives_with_child=True)


def completed_assessment(worker, child, episode_, started_on: date = REFERRAL, outcome: str = "cin_plan") -> Assessment:
    """Every section answered (the father took part), not yet sent for authorisation."""
    father = add_father(worker, child)
    a = assessment_start(actor=worker, episode=episode_, started_on=started_on)
    answers = {**ANSWERS, "outcome": {**ANSWERS["outcome"], "outcome": outcome},
               "family": {"engagements": {father.relative_id: {"engaged": True, "note": "Met him twice."}}}}
    for section, data in answers.items():
        a = assessment_section_save(actor=worker, assessment=a, section=section, expected_version=a.version, data=data)
    return a


def authorised_assessment(worker, manager, child, episode_, authorised_on: date = date(2025, 4, 10),
                          outcome: str = "cin_plan", late_reason: str = "") -> Assessment:
    a = completed_assessment(worker, child, episode_, outcome=outcome)
    a = assessment_submit(actor=worker, assessment=a)
    return assessment_authorise(actor=manager, assessment=a, authorised_on=authorised_on,
                                rationale="Clear analysis; the plan follows from it.", late_reason=late_reason)


ACTION = {"what": "Mum attends the Freedom Programme", "owner": "Brindleford Women's Aid",
          "due_date": date(2025, 7, 1), "success_measure": "Mum can name three warning signs and a safety plan"}
