"""Journey stages: each part of the child's journey adds its own synthetic records after the
authority's people exist, through ``synthesise(ctx)`` in its ``synthetic.py``.

Stages run in the order of ``lantern.parts.part_names()`` (the front door before referrals,
referrals before assessments and plans), each in its own transaction, and every due date is then
computed once for the whole authority."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import import_module
from importlib.util import find_spec
from random import Random

from lantern.audit_log.transactions import atomic
from lantern.parts import part_names

PROFILES = ("well_run", "inspected")


@dataclass
class StageContext:
    rng: Random
    today: date
    profile: str  # "well_run", or "inspected": late, thin and unplanned work like the 2013 inspection found
    years: int  # how many years of history to make
    seed: int
    log: Callable[[str], None]


def journey_stages() -> list[tuple[str, Callable]]:
    stages = []
    for app in part_names():
        name = f"lantern.{app}.synthetic"
        if find_spec(name) is not None:
            module = import_module(name)
            if hasattr(module, "synthesise"):
                stages.append((app, module.synthesise))
    return stages


def run_journey_stages(*, seed: int, profile: str, years: int, today: date,
                       log: Callable[[str], None] = lambda message: None) -> list[tuple[str, dict, float]]:
    """Run every journey stage, then compute every obligation. Returns (stage, counts, seconds)."""
    if profile not in PROFILES:
        raise ValueError(f"Unknown profile {profile!r}; use one of {PROFILES}")
    from lantern.obligations.engine import recompute_all

    results = []
    for name, synthesise in journey_stages():
        started = time.perf_counter()
        ctx = StageContext(rng=Random(f"{seed}:{name}:{profile}"), today=today, profile=profile, years=years,
                           seed=seed, log=log)
        with atomic():
            counts = synthesise(ctx) or {}
        results.append((name, counts, time.perf_counter() - started))
        log(f"  {name:<14} " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    started = time.perf_counter()
    written = recompute_all()
    results.append(("obligations", written, time.perf_counter() - started))
    return results
