"""The flat, typed records of one CIN census return, one class per XML block.

The same records come from Lantern's database (extract.py) and from a census file (reader.py),
so the writer, the rules and the importer each have one input. ``source_id`` is the Lantern row a
record came from (None for a file); ``line`` is the line of the file it came from (None for Lantern).
Codes are kept as written, even when invalid, so that the rules can say what is wrong with them;
a boolean that is not true/false/1/0 is None (rule 8568 reports it)."""

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class Header:
    year: int
    reference_date: date | None
    lea: str = ""
    line: int | None = None


@dataclass(slots=True)
class CpPlanRecord:
    start: date | None
    end: date | None = None
    initial_category: str = ""
    latest_category: str = ""
    previous_plans: int | None = None
    reviews: list[date | None] = field(default_factory=list)  # None: a Reviews group with no date (8842Q)
    source_id: int | None = None
    line: int | None = None

    label = "ChildProtectionPlans"


@dataclass(slots=True)
class Section47Record:
    start: date | None
    icpc_target: date | None = None
    icpc_date: date | None = None
    icpc_not_required: bool | None = False
    source_id: int | None = None
    line: int | None = None

    label = "Section47"

    @property
    def is_open(self) -> bool:
        """No conference held and none ruled out: the enquiry is still waiting for its conference."""
        return self.icpc_date is None and not self.icpc_not_required


@dataclass(slots=True)
class CinPlanRecord:
    start: date | None
    end: date | None = None
    source_id: int | None = None
    line: int | None = None

    label = "CINPlanDates"


@dataclass(slots=True)
class AssessmentRecord:
    start: date | None
    internal_review: date | None = None
    authorised: date | None = None
    factors: list[str] = field(default_factory=list)
    source_id: int | None = None
    line: int | None = None

    label = "Assessments"


@dataclass(slots=True)
class EpisodeRecord:
    referral_date: date | None
    referral_source: str = ""
    primary_need: str = ""
    closure_date: date | None = None
    closure_reason: str = ""
    icpc_date: date | None = None  # an ICPC held with no Section47 record for it
    nfa: bool | None = False
    assessments: list[AssessmentRecord] = field(default_factory=list)
    cin_plans: list[CinPlanRecord] = field(default_factory=list)
    s47s: list[Section47Record] = field(default_factory=list)
    cp_plans: list[CpPlanRecord] = field(default_factory=list)
    source_id: int | None = None
    line: int | None = None

    label = "CINdetails"

    @property
    def has_activity(self) -> bool:
        return bool(self.assessments or self.cin_plans or self.s47s or self.cp_plans or self.icpc_date)


@dataclass(slots=True)
class ChildRecord:
    la_child_id: str
    upn: str = ""
    former_upn: str = ""
    upn_unknown: str = ""
    birth_date: date | None = None
    expected_birth_date: date | None = None
    sex: str = ""  # M/F/U; for years before 2024-25 the writer turns it into GenderCurrent
    gender_current: str = ""  # only as read from a file of a year before 2024-25
    death_date: date | None = None
    ethnicity: str = ""
    disabilities: list[str] = field(default_factory=list)
    episodes: list[EpisodeRecord] = field(default_factory=list)
    person_id: int | None = None
    line: int | None = None

    label = "Child"

    @property
    def went_further(self) -> bool:
        """Some referral of the child led to further action (ReferralNFA false)."""
        return any(e.nfa is False for e in self.episodes)

    @property
    def is_unborn(self) -> bool:
        return self.birth_date is None and self.expected_birth_date is not None

    def age_on(self, day: date) -> int | None:
        born = self.birth_date
        if born is None:
            return None
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass(slots=True)
class Return:
    header: Header
    children: list[ChildRecord] = field(default_factory=list)


Located = ChildRecord | EpisodeRecord | AssessmentRecord | CinPlanRecord | Section47Record | CpPlanRecord
