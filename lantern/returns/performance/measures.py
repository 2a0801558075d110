"""The dashboard's measures, as data: what each counts in plain words, its England comparator, which
way is better, how it is drawn, and how its children are listed. Checked at import: a bad entry
fails loudly. The figures themselves come from figures.py (a few grouped queries shared between
measures); the children behind them from drill.py."""

from dataclasses import dataclass

from .comparators import ENGLAND, Comparator

HIGHER, LOWER, NEITHER = "higher", "lower", "neither"
RATE, SNAPSHOT, BARS = "rate", "snapshot", "bars"


@dataclass(frozen=True)
class Measure:
    id: str
    title: str
    numerator: str  # plain words: what counts towards the figure
    denominator: str  # plain words: out of what
    unit: str  # what one row of the drill-down is
    better: str = HIGHER
    kind: str = RATE
    note: str = ""
    group: str = ""

    @property
    def england(self) -> Comparator | None:
        return ENGLAND.get(self.id)

    @property
    def units(self) -> str:
        """The unit in the plural: what the denominator counts."""
        return {"child": "children", "enquiry": "enquiries"}.get(self.unit, f"{self.unit}s")

    @property
    def slug(self) -> str:
        return self.id.replace("_", "-")


TIMELY = ("Counted by due date: every deadline that fell due in the period, less any that stopped applying "
          "before it fell due. Work not done by its due date counts as late even if it is still open, so "
          "leaving work undone never flatters the figure.")

MEASURES: tuple[Measure, ...] = (
    Measure("contacts", "Contacts converted to a referral", group="The front door",
            numerator="decisions to refer for a child and family assessment or to hold a strategy discussion",
            denominator="decisions on contacts made in the period", unit="decision", better=NEITHER,
            note="The card also gives the number of contacts received in the period. Counted by the day of "
                 "the decision, so a contact still waiting for one is not yet in the figure."),
    Measure("rereferrals", "Re-referrals within 12 months", group="The front door",
            numerator="referrals of a child who had another referral in the 12 months before",
            denominator="referrals (front door decisions to refer for assessment or hold a strategy "
                        "discussion) made in the period", unit="referral", better=LOWER),
    Measure("decisions_1wd", "Decisions within 1 working day", group="The front door",
            numerator="decisions made by the end of the working day after the contact arrived",
            denominator="decisions on contacts about a known child that fell due in the period",
            unit="decision", note=TIMELY),
    Measure("assessments_45wd", "Assessments within 45 working days", group="Assessment and children in need",
            numerator="assessments authorised within 45 working days of the referral",
            denominator="child and family assessments that fell due in the period", unit="assessment", note=TIMELY),
    Measure("cin_with_plan", "Children in need with a plan", kind=SNAPSHOT, group="Assessment and children in need",
            numerator="children with a child in need plan or a child protection plan open that day",
            denominator="children in need on the last day of the period (an open episode, not closed at "
                        "referral)", unit="child"),
    Measure("cin_visits", "Child in need visits in timescale", group="Assessment and children in need",
            numerator="visits made (child seen) by the due date",
            denominator="child in need visits that fell due in the period", unit="visit", note=TIMELY),
    Measure("seen_alone", "Children seen alone on visits", group="Assessment and children in need",
            numerator="visits at which the child was seen alone",
            denominator="child in need and child protection visits in the period at which the child was seen",
            unit="visit"),
    Measure("icpc_15wd", "Enquiries to initial conference within 15 working days", group="Child protection",
            numerator="initial conferences held within 15 working days of the strategy discussion that started "
                      "the section 47 enquiry",
            denominator="section 47 enquiries whose initial conference fell due in the period (enquiries that "
                        "ended without one before it fell due are left out)", unit="enquiry",
            note=TIMELY + " England's figure counts conferences held in the year."),
    Measure("plans_by_category", "Child protection plans by category", kind=BARS, group="Child protection",
            numerator="children on a child protection plan on the last day of the period, by the plan's latest "
                      "category of abuse", denominator="", unit="plan", better=NEITHER),
    Measure("plans_ended_3m", "Plans ending within 3 months", group="Child protection",
            numerator="plans that had lasted 3 months or less when they ended",
            denominator="child protection plans that ended in the period", unit="plan", better=LOWER),
    Measure("second_plans", "Second or later plans", group="Child protection",
            numerator="plans for a child who had been on a plan before",
            denominator="child protection plans that started in the period", unit="plan", better=LOWER),
    Measure("cp_visits", "Child protection visits in timescale", group="Child protection",
            numerator="visits made (child seen) by the due date",
            denominator="child protection visits that fell due in the period", unit="visit", note=TIMELY),
    Measure("core_groups", "Core groups in timescale", group="Child protection",
            numerator="core groups held by the due date",
            denominator="core group meetings that fell due in the period", unit="core group", note=TIMELY),
    Measure("worker_changes", "Children with 3 or more social workers", kind=SNAPSHOT, group="Workforce",
            numerator="children who had 3 or more different allocated workers in the period",
            denominator="children allocated to a worker at some time in the period", unit="child", better=LOWER),
    Measure("caseloads", "Caseloads per worker", kind=BARS, group="Workforce",
            numerator="children allocated to a worker today",
            denominator="workers with at least one child allocated today", unit="child", better=NEITHER,
            note="Caseloads are counted as they stand today, whatever period is chosen."),
)

BY_ID: dict[str, Measure] = {}
BY_SLUG: dict[str, Measure] = {}


def _check() -> None:
    for measure in MEASURES:
        if measure.id in BY_ID:
            raise ValueError(f"Measure {measure.id} is declared twice")
        if measure.better not in (HIGHER, LOWER, NEITHER) or measure.kind not in (RATE, SNAPSHOT, BARS):
            raise ValueError(f"Measure {measure.id}: unknown direction or kind")
        if not measure.title or not measure.numerator or not measure.group:
            raise ValueError(f"Measure {measure.id} needs a title, a group and a numerator in plain words")
        BY_ID[measure.id] = measure
        BY_SLUG[measure.slug] = measure
    unknown = set(ENGLAND) - set(BY_ID)
    if unknown:
        raise ValueError(f"England figures for unknown measures: {unknown}")


_check()


def groups() -> list[tuple[str, list[Measure]]]:
    out: dict[str, list[Measure]] = {}
    for measure in MEASURES:
        out.setdefault(measure.group, []).append(measure)
    return list(out.items())
