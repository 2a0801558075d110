"""Writing the planned rows in bulk, parents before children (each row's foreign keys point at
objects saved a step earlier), then the deadlines they start, in batches."""

from lantern.assessments.models import Assessment, AssessmentFactor, ParentCarerEngagement
from lantern.cin.models import ActionProgress, CinPlan, Closure, PlanAction, PlanReview
from lantern.obligations.engine import obligations_sync
from lantern.obligations.registry import all_sources
from lantern.visits.models import Visit

from ..models import Episode, Transfer
from .rows import Rows

BATCH = 2000
ORDER = (("episodes", Episode), ("transfers", Transfer), ("assessments", Assessment), ("factors", AssessmentFactor),
         ("engagements", ParentCarerEngagement), ("plans", CinPlan), ("actions", PlanAction),
         ("reviews", PlanReview), ("progress", ActionProgress), ("visits", Visit), ("closures", Closure))
OBLIGATION_BATCH = 5000


def write_rows(rows: Rows, log) -> None:
    for name, model in ORDER:
        model.objects.bulk_create(getattr(rows, name), batch_size=BATCH)
        log(f"{name}: {len(getattr(rows, name)):,} rows")
    Episode.objects.bulk_update(rows.continued, ["closure_date", "closure_reason", "stepped_down"], batch_size=BATCH)
    for episode, stepped_down in rows.returns:
        episode.returned_after_step_down_id = stepped_down.pk
    Episode.objects.bulk_update([e for e, _ in rows.returns], ["returned_after_step_down"], batch_size=BATCH)


def sync_obligations(rows: Rows, log) -> int:
    """The deadlines these rows start, through the same builders the services use."""
    ids = {Episode: [e.pk for e in rows.episodes + rows.continued], Assessment: [a.pk for a in rows.assessments],
           CinPlan: [p.pk for p in rows.plans]}
    written = 0
    for source in all_sources():
        wanted = ids.get(source.model)
        if not wanted:
            continue
        for start in range(0, len(wanted), OBLIGATION_BATCH):
            written += obligations_sync(source.key, wanted[start:start + OBLIGATION_BATCH])
        log(f"deadlines from {source.key}: {len(wanted):,} records")
    return written
