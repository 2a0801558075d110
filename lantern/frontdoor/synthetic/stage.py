"""The front door's part of the synthetic authority: contacts, decisions, referrals and police
notifications at the volumes of a Sandwell-sized authority (about 20,000 contacts and 4,840 domestic
abuse notifications a year for 85,000 children), scaled to the authority's children.

Rows are planned in memory and bulk-inserted, keeping the invariants the services keep (children
matched before a decision, decisions fitting their threshold level, episodes that never overlap).
Obligations are left to the orchestrator's ``recompute_all()``."""

import time
from datetime import timedelta

from lantern.obligations.clock import current_clock

from ..models import FrontDoorSettings
from .contacts import ContactPlanner
from .decisions import Decider
from .episodes import EpisodePlanner
from .profiles import CONTACTS_PER_CHILD_YEAR, NOTIFICATIONS_PER_CHILD_YEAR, PROFILES
from .source import load_authority
from .write import Writer


def synthesise(ctx) -> dict[str, int]:
    started = time.perf_counter()
    profile = PROFILES[ctx.profile]
    authority = load_authority()
    if not authority.children or not authority.screeners:
        ctx.log("  frontdoor: no children or no front door staff, nothing made")
        return {}
    start = ctx.today - timedelta(days=365 * ctx.years)
    contacts_wanted = round(len(authority.children) * CONTACTS_PER_CHILD_YEAR * ctx.years)
    planner = EpisodePlanner(authority, ctx.rng, ctx.today, start)
    if authority.episodes:  # the referrals already exist: the contacts lead to them
        episodes = planner.existing()
        in_window = sum(1 for e in episodes if e.referral >= start)
        contacts_wanted = max(contacts_wanted, round(in_window / profile.referral_share))
    else:
        episodes = planner.plan(round(contacts_wanted * profile.referral_share), profile.rereferral_share)
    clock = current_clock()
    contacts = ContactPlanner(authority, profile, ctx.rng, ctx.today, start, clock.calendar).plan(
        episodes, contacts_wanted)
    decider = Decider(authority, profile, ctx.rng, clock, FrontDoorSettings.current().authorisation_required_for)
    writer = Writer(decider, profile, ctx.rng, ctx.today, window_start=start,
                    notifications=round(len(authority.children) * NOTIFICATIONS_PER_CHILD_YEAR * ctx.years))
    keys = writer.episodes(episodes, writer.sources(contacts))
    writer.contacts(contacts, keys)
    ctx.log(f"  frontdoor planned and written in {time.perf_counter() - started:.1f}s")
    return dict(writer.counts)
