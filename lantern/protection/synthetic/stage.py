"""Synthetic child protection journeys for a generated authority.

``synthesise(ctx)`` reads the episodes earlier stages made, plans strategy discussions, enquiries,
conferences and plans in memory with ``ctx.rng`` and ``ctx.profile``, and bulk-inserts them. It keeps
the invariants the services keep (plans start on their conference's day, one open plan per child,
no overlap with a child in need plan, everything inside its episode, registered social workers on
enquiries, independent chairs, a late reason exactly where a deadline was missed, a service
manager's rationale for a plan ended within 3 months) without calling a service per row. The
deadlines are computed by the orchestrator's recompute after every stage."""

from datetime import timedelta

from lantern.audit_log.services import audit_record
from lantern.protection.audit_types import SYNTHETIC_PROTECTION

from .inputs import load_inputs
from .planner import Planner
from .profile import PROFILES
from .rows import write_rows


def synthesise(ctx) -> dict[str, int]:
    profile = PROFILES[getattr(ctx, "profile", "well_run")]
    years = getattr(ctx, "years", 3)
    inputs = load_inputs(ctx.today - timedelta(days=365 * years))
    ctx.log(f"child protection ({profile.name}): {len(inputs.episodes):,} episodes could carry it")
    planner = Planner(ctx.rng, profile, inputs, ctx.today)
    planner.run(years)
    write_rows(planner.rows, ctx.log)
    counts = planner.rows.counts()
    counts["children on plans"] = planner.made["open plans"]
    audit_record(actor=None, action="create", object_type=SYNTHETIC_PROTECTION,
                 detail=f"Synthetic child protection journeys ({profile.name}, {years} years): "
                        f"{counts['enquiries']:,} enquiries, {counts['plans']:,} plans")
    return counts
