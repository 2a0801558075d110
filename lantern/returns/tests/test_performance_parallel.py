"""The dashboard's and the compendium's sources counted side by side on their own connections give
the same figures as counted in turn. Other connections see only committed data, so these tests
commit (pytest-django empties the tables afterwards); side by side runs on PostgreSQL only."""

from datetime import date

import pytest
from django.db import connection
from django.utils import timezone

from lantern.returns import parallel
from lantern.returns.partnership.selectors import compendium_indicators
from lantern.returns.performance.figures import all_figures
from lantern.returns.performance.periods import year_to_march

from .test_performance_figures import EXPECTED, FY, build_world

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(connection.vendor != "postgresql", reason="side by side runs on PostgreSQL only")]


@pytest.fixture(autouse=True)
def _close_pool():
    yield
    parallel.shutdown()  # the threads' connections would keep the test database from being dropped


def _counts(figures) -> dict:
    return {key: (f.numerator, f.denominator, [(p.numerator, p.denominator) for p in f.series or []])
            for key, f in figures.items()}


def test_side_by_side_gives_the_same_figures_as_in_turn(team, social_worker, chair, make_user, settings):
    build_world(team, social_worker, chair, make_user)
    today = timezone.localdate()
    period = year_to_march(FY, today)
    settings.PERFORMANCE_FIGURE_WORKERS = 0
    in_turn = all_figures(period, today)
    settings.PERFORMANCE_FIGURE_WORKERS = 2
    assert parallel._workers() == 2
    side_by_side = all_figures(period, today)
    assert _counts(side_by_side) == _counts(in_turn)
    assert {key: (f.numerator, f.denominator) for key, f in side_by_side.items()} == EXPECTED


def test_results_keep_the_jobs_order(settings):
    settings.PERFORMANCE_FIGURE_WORKERS = 2
    assert parallel.side_by_side([lambda n=n: n for n in range(7)]) == list(range(7))


def test_the_compendium_side_by_side_is_the_same_as_in_turn(settings):
    from .test_partnership_indicators import PERIOD, _some_of_everything

    for n in range(3):
        _some_of_everything(date(2025, 5 + n, 2 + n))
    as_at = timezone.now()
    settings.PERFORMANCE_FIGURE_WORKERS = 0
    in_turn = compendium_indicators(PERIOD, as_at=as_at)
    settings.PERFORMANCE_FIGURE_WORKERS = 2
    assert compendium_indicators(PERIOD, as_at=as_at) == in_turn
    assert in_turn.strategy.held == 3
