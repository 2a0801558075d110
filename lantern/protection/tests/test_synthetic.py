"""The synthetic child protection journeys keep every invariant the services keep, follow the
national proportions, and differ between the well-run and the inspected authority."""

from datetime import date, timedelta
from random import Random

import pytest
from django.db.models import F
from django.utils import timezone

from lantern.obligations.engine import recompute_all
from lantern.obligations.models import Obligation
from lantern.synthetic.generate import generate_authority
from lantern.synthetic.stages import StageContext, journey_stages

from ..models import Conference, CpPlan, EnquiryVisit, Section47Enquiry, StrategyDiscussion
from ..policies import chair_independence
from ..services.plan_changes import EARLY_END
from ..synthetic import synthesise
from ..synthetic.inputs import load_inputs
from ..synthetic.planner import Planner
from ..synthetic.profile import PROFILES

pytestmark = pytest.mark.django_db
CHILDREN, SEED = 1500, 11


def _context(name: str, profile: str = "well_run") -> StageContext:
    return StageContext(rng=Random(f"{SEED}:{name}:{profile}"), today=timezone.localdate(), profile=profile, years=3,
                        seed=SEED, log=lambda message: None)


def _rates(planner: Planner) -> dict:
    rows, today = planner.rows, timezone.localdate()
    held = [c for c in rows.conferences + rows.reviews if c.decision]
    police = {id(i.conference) for i in rows.invitations if i.agency_kind == "police" and i.attended}
    late = [c for c in rows.conferences if c.decision and c.late_reason]
    seen_days: dict[int, list[date]] = {}
    for v in rows.visits:
        seen_days.setdefault(id(v.plan), []).append(v.visit_date)
    gaps = [(b - a).days for days in seen_days.values() for a, b in zip(sorted(days), sorted(days)[1:], strict=False)]
    return {"police absent": sum(1 for d in rows.discussions if d.police_absent_reason) / len(rows.discussions),
            "police at conference": sum(1 for c in held if id(c) in police) / len(held),
            "late conferences": len(late) / max(1, sum(1 for c in rows.conferences if c.decision)),
            "visit gap": sum(gaps) / len(gaps), "open": sum(1 for p in rows.plans if p.end_date is None),
            "future": sum(1 for d in rows.discussions if d.held_on > today)}


def _invariants() -> None:
    assert not CpPlan.objects.exclude(start_date=F("conference__conference_date")).exists()  # census rule 2885
    starts: dict[int, list] = {}
    for child, start, end in CpPlan.objects.values_list("child_id", "start_date", "end_date"):
        starts.setdefault(child, []).append((start, end))
    for spans in starts.values():  # 8935/8940: one open plan, no overlaps
        spans.sort()
        assert all(e1 is not None and e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False))
    assert not CpPlan.objects.filter(end_date__lte=F("start_date")).exists()  # 8840
    assert not Conference.objects.filter(kind="review", conference_date__lte=F("plan__start_date")).exists()  # 8841
    assert all(d.weekday() < 5 for d in Conference.objects.values_list("conference_date", flat=True))  # 8875
    assert not Section47Enquiry.objects.filter(episode__closure_date__lt=F("completed_on")).exists()  # 8565
    assert not CpPlan.objects.filter(episode__closure_date__lt=F("end_date")).exists()
    assert not CpPlan.objects.filter(end_date__isnull=True, episode__closure_date__isnull=False).exists()
    assert not Section47Enquiry.objects.filter(episode__closure_reason__in=("RC8", "RC9")).exists()  # 2990
    for worker in {v.visited_by for v in EnquiryVisit.objects.select_related("visited_by")} | {
            e.lead_worker for e in Section47Enquiry.objects.select_related("lead_worker")}:
        assert worker.is_registered_social_worker
    for c in Conference.objects.select_related("episode__worker", "chair"):
        assert c.chair.role == "cp_chair" and c.chair_id not in chair_independence.line_manager_chain(c.episode.worker)
    late = Obligation.objects.filter(source_type__startswith="protection.", met_on__gt=F("due_date"))
    assert not late.filter(late_reason="").exists()
    for plan in CpPlan.objects.filter(end_date__isnull=False).select_related("early_end_approved_by"):
        if plan.end_date <= plan.start_date + EARLY_END:
            approver = plan.early_end_approved_by
            assert plan.early_end_rationale and approver is not None and approver.role == "service_manager"


def test_synthetic_journeys_keep_the_invariants_the_proportions_and_the_profiles():
    generate_authority(CHILDREN, SEED)
    for name, stage in journey_stages():
        if name != "protection":
            stage(_context(name))
    inputs = load_inputs(timezone.localdate() - timedelta(days=3 * 365))
    # The profiles, compared on the same episodes over several seeds (in memory, nothing written).
    rates = {}
    for profile in ("well_run", "inspected"):
        planners = [Planner(Random(seed), PROFILES[profile], inputs, timezone.localdate()) for seed in range(4)]
        for planner in planners:
            planner.run(3)
        rates[profile] = {k: sum(_rates(p)[k] for p in planners) / 4 for k in _rates(planners[0])}
    good, poor = rates["well_run"], rates["inspected"]
    assert good["police absent"] < 0.15 < 0.4 < poor["police absent"]
    assert good["police at conference"] > 0.6 > 0.35 > poor["police at conference"]
    assert good["late conferences"] < 0.2 < 0.35 < poor["late conferences"]
    assert good["visit gap"] < 14 and 28 <= poor["visit gap"] <= 45  # every 4 to 6 weeks
    assert good["future"] == poor["future"] == 0
    expected_open = 350 * CHILDREN / 85_000
    assert 0.6 * expected_open <= good["open"] <= 1.6 * expected_open
    # The well-run authority, written: every invariant, and the national proportions.
    counts = synthesise(_context("protection"))
    recompute_all()
    assert counts["enquiries"] == Section47Enquiry.objects.count() > 20
    _invariants()
    initial = Conference.objects.filter(kind="initial")
    assert 0.2 <= initial.count() / Section47Enquiry.objects.count() <= 0.45
    decided = initial.exclude(decision="")
    assert 0.7 <= decided.filter(decision="plan").count() / decided.count() <= 1
    assert StrategyDiscussion.objects.count() >= Section47Enquiry.objects.count()
