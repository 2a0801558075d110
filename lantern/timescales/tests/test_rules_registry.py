"""The registry holds every row of section A, and refuses bad definitions at import."""

from __future__ import annotations

import importlib.util
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lantern.timescales.catalogue import ALL_RULES
from lantern.timescales.rules import (
    EVERY_RECORD,
    LOCAL_POLICY_DEFAULTS,
    Direction,
    LocalPolicy,
    Period,
    PeriodUnit,
    Repeat,
    RuleDefinitionError,
    TimescaleRule,
    all_rules,
    build_registry,
    collect_local_policy_defaults,
    months,
    rule_for,
    rules_in_force,
    weeks,
    working_days,
)

WT_2023 = "Working Together to Safeguard Children 2023"

# id -> (first period, direction, local-policy key, later intervals)
SECTION_A = {
    "referral_decision": (working_days(1), Direction.AFTER, None, ()),
    "single_assessment": (working_days(45), Direction.AFTER, None, ()),
    "initial_assessment": (working_days(7), Direction.AFTER, None, ()),
    "core_assessment": (working_days(35), Direction.AFTER, None, ()),
    "initial_cp_conference": (working_days(15), Direction.AFTER, None, ()),
    "conference_decision_recorded": (working_days(1), Direction.AFTER, "conference_decision_record", ()),
    "conference_minutes_circulated": (working_days(15), Direction.AFTER, "conference_minutes", ()),
    "conference_report_to_parents": (working_days(2), Direction.BEFORE, "conference_report_to_parents", ()),
    "core_group": (working_days(10), Direction.AFTER, None, (weeks(4),)),
    "review_cp_conference": (months(3), Direction.AFTER, None, (months(6),)),
    "cp_visit": (working_days(10), Direction.AFTER, "cp_visit_interval", (working_days(10),)),
    "cin_plan": (working_days(10), Direction.AFTER, "cin_plan_after_assessment", ()),
    "cin_review": (months(3), Direction.AFTER, "cin_review_interval", (months(3),)),
    "cin_visit": (working_days(20), Direction.AFTER, "cin_visit_interval", (working_days(20),)),
    "strategy_discussion_record": (working_days(1), Direction.AFTER, "strategy_discussion_record", ()),
    "private_fostering_visit": (working_days(7), Direction.AFTER, None, (weeks(6), weeks(12))),
    "looked_after_review": (working_days(20), Direction.AFTER, None, (months(3), months(6))),
    "looked_after_visit": (weeks(1), Direction.AFTER, None, (weeks(6), months(3))),
}  # fmt: skip


@pytest.mark.parametrize("rule_id", sorted(SECTION_A))
def test_every_section_a_rule_is_registered_with_its_timescale(rule_id: str) -> None:
    period, direction, key, repeats = SECTION_A[rule_id]
    rule = rule_for(rule_id)
    assert rule.period == period
    assert rule.direction is direction
    assert rule.local_policy_key == key
    assert rule.is_local_policy == (key is not None)
    assert tuple(step.interval for step in rule.recurrence or ()) == repeats
    assert rule.source.strip() and rule.name.strip() and rule.start_event.strip()


def test_sources_name_the_right_law_or_guidance() -> None:
    assert rule_for("initial_cp_conference").source == WT_2023
    assert rule_for("single_assessment").source == "Working Together to Safeguard Children 2013"
    assert rule_for("initial_assessment").source == "Working Together to Safeguard Children 2010"
    assert rule_for("looked_after_review").source.endswith("Regulations 2010 reg 33")
    assert rule_for("looked_after_visit").source.endswith("Regulations 2010 reg 28")
    assert "Private Arrangements for Fostering" in rule_for("private_fostering_visit").source
    assert rule_for("cp_visit").source == "Local policy"
    assert rule_for("initial_assessment").extension == working_days(10)


def test_assessment_rules_switch_over_in_april_2013() -> None:
    before = {rule.id for rule in rules_in_force(date(2013, 4, 14))}
    after = {rule.id for rule in rules_in_force(date(2013, 4, 15))}
    assert {"initial_assessment", "core_assessment"} <= before
    assert "single_assessment" not in before
    assert "single_assessment" in after
    assert not {"initial_assessment", "core_assessment"} & after
    assert "initial_cp_conference" in before and "initial_cp_conference" in after


def test_lookups() -> None:
    assert len(all_rules()) == len(ALL_RULES)
    assert rule_for("core_group").id == "core_group"
    with pytest.raises(KeyError, match="Known rules"):
        rule_for("no_such_rule")


def test_local_policy_defaults_and_overrides() -> None:
    assert LOCAL_POLICY_DEFAULTS["core_group_interval"] == weeks(4)
    assert LOCAL_POLICY_DEFAULTS["cp_visit_interval"] == working_days(10)
    assert LOCAL_POLICY_DEFAULTS["conference_minutes"] == working_days(15)
    policy = LocalPolicy({"cp_visit_interval": weeks(4)})
    assert policy["cp_visit_interval"] == weeks(4)
    assert policy["cin_visit_interval"] == working_days(20)
    assert policy.is_overridden("cp_visit_interval")
    assert not policy.is_overridden("cin_visit_interval")
    assert set(policy) == set(LOCAL_POLICY_DEFAULTS)
    assert dict(LocalPolicy()) == dict(LOCAL_POLICY_DEFAULTS)


def test_local_policy_refuses_unknown_keys_and_non_periods() -> None:
    with pytest.raises(RuleDefinitionError, match="cp_visit_intervall"):
        LocalPolicy({"cp_visit_intervall": weeks(4)})
    with pytest.raises(RuleDefinitionError, match="must be a Period"):
        LocalPolicy({"cp_visit_interval": 10})  # type: ignore[dict-item]


def good_rule(**changes: Any) -> TimescaleRule:
    fields: dict[str, Any] = dict(
        id="example_rule", name="Example", start_event="referral", met_by_event="done",
        period=working_days(5), source=WT_2023,
    )  # fmt: skip
    fields.update(changes)
    return TimescaleRule(**fields)


def test_a_good_rule_constructs() -> None:
    assert good_rule().period == Period(5, PeriodUnit.WORKING_DAYS)
    assert good_rule(direction="before").direction is Direction.BEFORE


@pytest.mark.parametrize(
    "changes",
    [
        {"id": "Bad-Id"},
        {"name": ""},
        {"source": ""},
        {"source": "   "},
        {"met_by_event": None},
        {"period": 5},
        {"direction": "sideways"},
        {"applies_from": date(2020, 1, 2), "applies_to": date(2020, 1, 1)},
        {"applies_from": datetime(2020, 1, 1, 9, 0)},
        {"is_local_policy": True},  # no key
        {"local_policy_key": "some_key"},  # key but not flagged local
        {"is_local_policy": True, "local_policy_key": "some_key"},  # local but cites WT
        {"source": "Local policy"},  # cites local policy but not flagged
        {"extension": working_days(3)},  # shorter than the period
        {"extension": weeks(2)},  # different unit
        {"recurrence": (Repeat(weeks(4)),)},  # no repeat_start_event
        {"repeat_start_event": "previous meeting"},  # no recurrence
        {"recurrence": (), "repeat_start_event": "previous meeting"},
        {"recurrence": (Repeat(weeks(4)),), "repeat_start_event": "x", "direction": "before"},
        {
            "recurrence": (Repeat(weeks(4), once_series_older_than=months(12)),),
            "repeat_start_event": "previous meeting",
        },
        {
            "recurrence": (Repeat(weeks(4)), Repeat(weeks(8), from_occurrence=4), Repeat(weeks(6))),
            "repeat_start_event": "previous meeting",
        },
    ],
)
def test_bad_rule_definitions_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(RuleDefinitionError):
        good_rule(**changes)


@pytest.mark.parametrize(
    "make_period",
    [
        lambda: Period(3, "fortnights"),  # type: ignore[arg-type]
        lambda: Period(0, PeriodUnit.WEEKS),
        lambda: Period(True, PeriodUnit.WEEKS),
        lambda: Period(1.5, PeriodUnit.WEEKS),  # type: ignore[arg-type]
        lambda: Repeat(weeks(4), from_occurrence=1),
        lambda: Repeat(weeks(4), once_series_older_than=working_days(250)),
    ],
)
def test_bad_periods_are_refused(make_period: Any) -> None:
    with pytest.raises(RuleDefinitionError):
        make_period()


def test_duplicate_ids_are_refused() -> None:
    assert set(build_registry([good_rule()])) == {"example_rule"}
    with pytest.raises(RuleDefinitionError, match="Duplicate"):
        build_registry([good_rule(), good_rule(name="Another")])


def test_contradictory_local_policy_defaults_are_refused() -> None:
    local = dict(source="Local policy", is_local_policy=True, local_policy_key="shared_key")
    first = good_rule(id="first_rule", period=working_days(5), **local)
    second = good_rule(id="second_rule", period=working_days(6), **local)
    assert collect_local_policy_defaults([first]) == {"shared_key": working_days(5)}
    with pytest.raises(RuleDefinitionError, match="two defaults"):
        collect_local_policy_defaults([first, second])


def test_a_module_with_a_bad_rule_fails_to_import(tmp_path: Path) -> None:
    module_file = tmp_path / "bad_catalogue.py"
    module_file.write_text(
        "from lantern.timescales.rules import TimescaleRule, working_days\n"
        "BAD = TimescaleRule(id='bad', name='Bad', start_event='referral', met_by_event='done',\n"
        "                    period=working_days(3), source='')\n"
    )
    spec = importlib.util.spec_from_file_location("bad_catalogue", module_file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with pytest.raises(RuleDefinitionError, match="source is missing"):
        spec.loader.exec_module(module)


def test_dated_local_policy_applies_from_its_date_and_keeps_earlier_clocks() -> None:
    policy = LocalPolicy({"cp_visit_interval": [(date(2026, 4, 1), weeks(4)), (date(2026, 9, 1), weeks(2))]})
    assert policy.value_on("cp_visit_interval", date(2026, 3, 31)) == (working_days(10), EVERY_RECORD)
    assert policy.value_on("cp_visit_interval", date(2026, 4, 1)) == (weeks(4), date(2026, 4, 1))
    assert policy.value_on("cp_visit_interval", date(2026, 8, 31)) == (weeks(4), date(2026, 4, 1))
    assert policy.value_on("cp_visit_interval", date(2030, 1, 1)) == (weeks(2), date(2026, 9, 1))
    assert policy["cp_visit_interval"] == weeks(2)
    assert policy.is_overridden("cp_visit_interval")
    assert [since for since, _ in policy.changes("cp_visit_interval")] == [date(2026, 4, 1), date(2026, 9, 1)]
    # A dated return to the default is not an override any more.
    back = LocalPolicy({"cp_visit_interval": [(date(2026, 4, 1), weeks(4)), (date(2026, 9, 1), working_days(10))]})
    assert not back.is_overridden("cp_visit_interval")


@given(st.lists(st.tuples(st.dates(date(2010, 1, 1), date(2030, 12, 31)), st.integers(1, 60)), max_size=6),
       st.dates(date(2009, 1, 1), date(2031, 12, 31)))
def test_the_value_on_a_day_is_the_latest_change_not_after_it(changes, day) -> None:
    dated = {since: working_days(amount) for since, amount in changes}  # one value per day, as stored
    policy = LocalPolicy({"cin_visit_interval": list(dated.items())})
    earlier = [since for since in dated if since <= day]
    expected = (dated[max(earlier)], max(earlier)) if earlier else (LOCAL_POLICY_DEFAULTS["cin_visit_interval"],
                                                                     EVERY_RECORD)
    assert policy.value_on("cin_visit_interval", day) == expected
