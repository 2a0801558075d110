"""The compendium's indicators, computed live from the records in a fixed number of grouped queries
(no query per row, per month or per agency). Aggregates only: no child is named or counted apart.

These read the whole authority: the services check who may see the figures (see
lantern/returns/partnership/permissions.py for why aggregate counts are authority-wide)."""

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from ...parallel import side_by_side
from ..period import Period
from .conferences import ConferenceIndicators, conference_indicators
from .core_groups import CoreGroupIndicators, core_group_indicators
from .domestic_abuse import FunnelIndicators, funnel_indicators
from .front_door import FrontDoorIndicators, front_door_indicators
from .strategy import StrategyIndicators, strategy_indicators


@dataclass
class Compendium:
    period: Period
    as_at: datetime
    strategy: StrategyIndicators
    conferences: ConferenceIndicators
    core_groups: CoreGroupIndicators
    domestic_abuse: FunnelIndicators
    front_door: FrontDoorIndicators


STEPS = (("strategy", strategy_indicators, "Strategy discussions"),
         ("conferences", conference_indicators, "Child protection conferences"),
         ("core_groups", core_group_indicators, "Core groups"),
         ("domestic_abuse", funnel_indicators, "Domestic abuse notifications"),
         ("front_door", front_door_indicators, "Contacts and referrals"))


def compendium_indicators(period: Period, *, as_at: datetime, progress=None) -> Compendium:
    """Every indicator for ``period``; ``progress(done, total, message)`` is told before each part."""
    if progress is None:  # a page: every part at once (see lantern/returns/parallel.py)
        results = side_by_side([partial(compute, period) for _, compute, _ in STEPS])
    else:
        results = []
        for n, (_, compute, label) in enumerate(STEPS):
            progress(n, len(STEPS), f"Counting: {label.lower()}")
            results.append(compute(period))
    # Each step's own indicators, keyed by the Compendium field they fill.
    parts: dict[str, Any] = {key: result for (key, _, _), result in zip(STEPS, results, strict=True)}
    return Compendium(period=period, as_at=as_at, **parts)


__all__ = ["Compendium", "compendium_indicators"]
