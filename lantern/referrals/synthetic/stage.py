"""The synthetic child in need journeys for a generated authority: one stage for the referrals,
assessments, cin and visits apps together, because each record depends on the one before it
(an assessment on its referral, a plan on its assessment, a closure on everything in between).

``synthesise(ctx)`` reads the children known to social care (their allocations, made by the
generator's casework stage), plans a journey for each episode in memory with ``ctx.rng`` and
``ctx.profile`` ("well_run" or "inspected"), bulk-inserts the rows and computes their deadlines.
It keeps the invariants the services keep (census rules 8565, 8820, 2990, late reasons where late)
but does not call the services per row: that would be far too slow for 300,000 children."""

from datetime import timedelta

from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.referrals.audit_types import SYNTHETIC_JOURNEYS

from .clock import Due
from .inputs import load_inputs
from .planner import JourneyPlanner
from .profile import PROFILES
from .writer import sync_obligations, write_rows


@atomic
def synthesise(ctx) -> dict[str, int]:
    profile = PROFILES[getattr(ctx, "profile", "well_run")]
    years = getattr(ctx, "years", 3)
    earliest = ctx.today - timedelta(days=365 * years)
    inputs = load_inputs(earliest)
    ctx.log(f"child in need journeys ({profile.name}): {len(inputs.chains):,} children known to social care")
    planner = JourneyPlanner(ctx.rng, profile, inputs, ctx.today, Due())
    for child_id in sorted(inputs.chains):
        planner.child(child_id)
    write_rows(planner.rows, ctx.log)
    counts = planner.rows.counts()
    counts["deadlines"] = sync_obligations(planner.rows, ctx.log)
    audit_record(actor=None, action="create", object_type=SYNTHETIC_JOURNEYS,
                 detail=f"Synthetic child in need journeys ({profile.name}, {years} years): "
                        f"{counts['episodes']:,} episodes")
    return counts
