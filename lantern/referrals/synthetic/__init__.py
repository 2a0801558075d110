"""The synthetic child in need journeys (episodes, transfers, assessments, plans, reviews, visits,
closures), planned in memory from the allocations the synthetic authority already holds and
written in bulk. The entry point is ``lantern.referrals.synthetic.synthesise``."""

from .stage import synthesise  # noqa: F401  (the stage the generator runs)
