"""Turning a planned contact into the column values of its contact, people, decision and checks."""

from datetime import datetime, time, timedelta
from random import Random
from typing import Any

from django.utils import timezone

from lantern.timescales.deadlines import compute_deadline
from lantern.timescales.rules import rule_for

from ..services.referral_form import SOURCE_FOR_AGENCY
from . import wording as w
from .contacts import PlannedContact
from .episodes import pick
from .profiles import Profile
from .source import Authority

FIELDS = ("nfa_reason", "advice_given", "early_help_service", "transfer_authority")
OUTCOME_FIELD = {"nfa": ("nfa_reason", "Needs met by universal services."),
                 "advice": ("advice_given", "Advice on routines and local support given to the referrer."),
                 "early_help": ("early_help_service", "Family support service"),
                 "transfer": ("transfer_authority", "A neighbouring authority")}


class Decider:
    def __init__(self, authority: Authority, profile: Profile, rng: Random, clock, needs_manager: list[str]):
        self.a, self.p, self.rng, self.clock, self.needs_manager = authority, profile, rng, clock, needs_manager
        self.rule = rule_for("referral_decision")
        self.now = timezone.now()
        self.all_levels = sorted({lv for levels in authority.levels.values() for lv in levels})

    def due(self, c: PlannedContact):
        clock = self.clock
        return compute_deadline(self.rule, c.received_on, calendar=clock.calendar, policy=clock.policy).due_date

    def level(self, outcome: str) -> int:
        allowed = self.a.levels.get(outcome) or self.all_levels
        return allowed[-1] if outcome == "strategy" else allowed[0]

    def source(self, c: PlannedContact, partner) -> str:
        if c.channel == "police_notification":
            return "6"
        if partner:
            return SOURCE_FOR_AGENCY.get(partner[2], "8")
        return pick(self.rng, w.SCREENER_SOURCES)

    def referrer(self, c: PlannedContact, partner, level: int) -> dict:
        discussed = self.rng.random() < self.p.discussed_share
        values: dict[str, Any] = {
                  "referrer_name": self.rng.choice(w.REFERRER_NAMES), "referrer_role": self.rng.choice(w.ROLES),
                  "referrer_organisation": "", "referrer_level_id": None, "submitted_by_id": None,
                  "discussed_with_parents": discussed, "not_discussed_reason": "" if discussed else pick(
                      self.rng, w.NOT_DISCUSSED), "not_discussed_detail": ""}
        if values["not_discussed_reason"] == "other":
            values["not_discussed_detail"] = "The parent is in hospital."
        if c.channel == "police_notification":
            values.update(referrer_name="", referrer_role="Police public protection unit",
                          referrer_organisation="Police", discussed_with_parents=None, not_discussed_reason="")
        elif partner:
            agreed = self.rng.random() < self.p.level_agreement
            index = self.all_levels.index(level) if level in self.all_levels else 0
            other = self.all_levels[min(len(self.all_levels) - 1, max(0, index + self.rng.choice((-1, 1))))]
            values.update(referrer_name=partner[1], submitted_by_id=partner[0], referrer_organisation=partner[3],
                          referrer_level_id=level if agreed else other)
        return values

    def concern(self, c: PlannedContact) -> str:
        need = c.episode.need if c.episode and c.episode.need in w.CONCERNS else "other"
        return self.rng.choice(w.CONCERNS[need])

    def decided_at(self, c: PlannedContact) -> datetime:
        if c.decided_on == c.received_on or c.decided_on is None:
            moment = c.received_at + timedelta(minutes=self.rng.randrange(20, 300))
            end_of_day = timezone.make_aware(datetime.combine(c.received_on, time(23, 59)))
            return min(moment, end_of_day, self.now)
        moment = timezone.make_aware(datetime.combine(c.decided_on, time(self.rng.randrange(9, 18),
                                                                           self.rng.randrange(60))))
        return min(moment, self.now)

    def decision(self, c: PlannedContact, contact_id: int, due, level: int) -> tuple:
        screener = self.rng.choice(self.a.screeners)
        decided_at = self.decided_at(c)
        manager = self.rng.choice(self.a.managers) if c.outcome in self.needs_manager else None
        final = not c.proposed_only
        authorised_at = min(decided_at + timedelta(hours=self.rng.randrange(1, 4)), self.now) if manager and final \
            else None
        extra = dict.fromkeys(FIELDS, "")
        if c.outcome in OUTCOME_FIELD:
            name, text = OUTCOME_FIELD[c.outcome]
            extra[name] = text
        late = final and c.decided_on and c.decided_on > due
        need = c.episode.need if c.episode and c.outcome in ("referral", "strategy") else ""
        return (contact_id, "final" if final else "proposed", c.outcome, level, w.RATIONALES[c.outcome],
                extra["nfa_reason"], extra["advice_given"], extra["early_help_service"], extra["transfer_authority"],
                need, "", self.rng.choice(w.LATE_REASONS) if late else "", screener, decided_at,
                manager if authorised_at else None, authorised_at, "", c.decided_on if final else None,
                c.rereferral is not None, c.rereferral, min(c.contacts_in_year, 32767))
