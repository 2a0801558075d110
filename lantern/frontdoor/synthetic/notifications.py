"""Police domestic abuse notifications: one behind every contact that came from the police, and the
rest (no children in the household, or standard risk with the information shared) to make up a
Sandwell-sized volume. Every one is kept; the newest may still wait for triage."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from lantern.synthetic.rows import Inserter, next_id

from ..models import DomesticAbuseNotification
from .contacts import PlannedContact

COLUMNS = ("police_reference", "incident_date", "received_at", "received_on", "victim_name", "perpetrator_name",
           "address", "postcode", "children_reported", "children_details", "police_risk", "status", "risk_level",
           "children_present", "triage_notes", "triaged_by_id", "triaged_at", "marac_referred", "marac_date",
           "marac_outcome", "contact_id")
MALE = {"father", "stepfather", "mothers_partner", "other_male_carer"}


class NotificationWriter:
    def __init__(self, decider, profile, rng, today: date):
        self.d, self.p, self.rng, self.today = decider, profile, rng, today
        self.a = decider.a
        self.rows = Inserter(DomesticAbuseNotification, COLUMNS, 5_000)
        self.serial = next_id(DomesticAbuseNotification)
        self.target = 0
        self.start = today

    @property
    def count(self) -> int:
        return self.rows.count

    def _people(self, child: int) -> tuple[str, str, str, str]:
        household = self.a.household.get(child, [])
        victim = next((f"{f} {last}" for _, kind, f, last, _ in household if kind not in MALE), "Name withheld")
        accused = next((f"{f} {last}" for _, kind, f, last, _ in household if kind in MALE), "")
        address = self.a.addresses.get(child, "Address withheld, Brindleford")
        postcode = address.rsplit(" ", 2)[-2:] if "," in address else ["", ""]
        return victim, accused, address, " ".join(postcode).strip()[:10]

    def _add(self, *, child: int, received_at: datetime, risk: str, status: str, children: bool | None,
             contact: int | None) -> None:
        received_on = timezone.localdate(received_at)
        victim, accused, address, postcode = self._people(child)
        kid = self.a.children[child]
        details = f"{kid.first_name} {kid.last_name} ({kid.born:%d/%m/%Y})" if children and kid.born else ""
        triaged = status != "new"
        marac = triaged and risk == "high" and children is not False
        outcome = ""
        if marac:
            old = received_on < self.today - timedelta(days=14)
            outcome = "pending" if not old else "action_plan" if self.rng.random() < self.p.marac_action_plan else \
                self.rng.choice(("no_action", "no_action", "not_heard"))
        self.rows.add((f"WM/{received_on:%y}/{self.serial:07d}", received_on - timedelta(days=self.rng.randrange(3)),
                       received_at, received_on, victim, accused, address, postcode,
                       "N" if children is False and self.rng.random() < 0.8 else "Y", details, risk, status,
                       risk if triaged else "", children if triaged else None, "", self.rng.choice(self.a.screeners)
                       if triaged else None, received_at + timedelta(hours=2) if triaged else None, marac,
                       received_on + timedelta(days=10) if outcome in ("action_plan", "no_action") else None, outcome,
                       contact))
        self.serial += 1

    def for_contact(self, c: PlannedContact, contact_id: int) -> None:
        if c.outcome == "strategy":
            risk = "high"
        elif c.outcome in ("referral", "existing"):
            risk = "high" if self.rng.random() < 0.4 else "medium"
        else:
            risk = self.rng.choices(("standard", "medium", "high"), (55, 40, 5))[0]
        self._add(child=c.child, received_at=c.received_at, risk=risk, status="contact_raised", children=True,
                  contact=contact_id)

    def others(self) -> None:
        """Top up to the target: households without children, and standard-risk ones shared with school and
        health. Today's may still wait for triage (and a backlog in the inspected authority)."""
        children = list(self.a.children)
        span = max(1, (self.today - self.start).days)
        now = timezone.now()
        for _ in range(max(0, self.target - self.rows.count - len(self.rows.batch))):
            day = self.start + timedelta(days=self.rng.randrange(span + 1))
            moment = min(timezone.make_aware(datetime.combine(day, time(self.rng.randrange(24), self.rng.randrange(
                60)))), now)
            recent = day >= self.today - timedelta(days=30)
            waiting = (day == self.today and self.rng.random() < 0.5) or (recent and self.rng.random() <
                                                                          self.p.backlog_share / 2)
            no_children = self.rng.random() < 0.45
            self._add(child=self.rng.choice(children), received_at=moment, risk="standard",
                      status="new" if waiting else "no_children" if no_children else "information_shared",
                      children=not no_children, contact=None)
        self.rows.flush()
