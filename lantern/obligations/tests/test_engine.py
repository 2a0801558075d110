from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.obligations.clock import current_clock
from lantern.obligations.engine import recompute_all
from lantern.obligations.late import require_late_reason
from lantern.obligations.models import LocalPolicySetting, Obligation
from lantern.obligations.registry import ObligationSpec, register_source
from lantern.obligations.services import closure_day_add, local_policy_remove, local_policy_set, recompute_start
from lantern.obligations.status import explain, view_of
from lantern.people.models import Person
from lantern.referrals.models import Episode
from lantern.referrals.services import episode_open


@pytest.fixture
def episode(child, social_worker):
    return episode_open(actor=social_worker, child=child, referral_date=date(2025, 3, 3), referral_source="2A",
                        primary_need="N1")


def test_a_referral_starts_the_45_working_day_assessment_clock(episode):
    obligation = Obligation.objects.get(source_type="referrals.episode", source_id=episode.pk)
    # 45 working days from Monday 3 March 2025, counted by hand: 20 in March (4th to 31st), 19 in
    # April (Good Friday 18th and Easter Monday 21st skipped), then 1, 2, 6, 7 and 8 May (the early May
    # bank holiday on the 5th skipped): Thursday 8 May 2025.
    assert obligation.rule_id == "single_assessment"
    assert obligation.due_date == date(2025, 5, 8)
    text = explain(obligation, current_clock())
    assert "45 working days" in text and "3 March 2025" in text and "Good Friday" in text


def test_a_referral_before_april_2013_gets_the_legacy_initial_assessment(child, social_worker):
    Person.objects.filter(pk=child.pk).update(date_of_birth=date(2009, 1, 5))
    old = episode_open(actor=social_worker, child=child, referral_date=date(2012, 6, 1), referral_source="6",
                       primary_need="N4")
    assert list(Obligation.objects.filter(source_id=old.pk).values_list("rule_id", flat=True)) == ["initial_assessment"]


def test_referral_before_the_birth_window_is_refused(child, social_worker):
    with pytest.raises(ValidationError) as error:
        episode_open(actor=social_worker, child=child, referral_date=date(2012, 6, 1), referral_source="6",
                     primary_need="N4")
    assert "8606" in str(error.value)


def test_nfa_referrals_start_no_assessment_clock(child, social_worker):
    episode = episode_open(actor=social_worker, child=child, referral_date=date(2025, 3, 3), referral_source="9",
                           referral_nfa=True)
    assert not Obligation.objects.filter(source_id=episode.pk).exists()


@pytest.mark.parametrize("today,status,left", [
    (date(2025, 5, 6), "due_soon", 2), (date(2025, 4, 1), "upcoming", 24), (date(2025, 5, 8), "due_today", 0),
    (date(2025, 5, 12), "overdue", -2),
])
def test_status_on_a_day(episode, today, status, left):
    view = view_of(Obligation.objects.get(source_id=episode.pk), today=today, clock=current_clock())
    assert (view.status.status, view.status.working_days_left) == (status, left)


def test_closing_the_episode_withdraws_the_obligation_from_that_day(episode):
    Episode.objects.filter(pk=episode.pk).update(closure_date=date(2025, 4, 1), closure_reason="RC7")
    recompute_all()
    obligation = Obligation.objects.get(source_id=episode.pk)
    assert obligation.withdrawn_on == date(2025, 4, 1)
    assert view_of(obligation, today=date(2025, 3, 31), clock=current_clock()).label == "Upcoming"
    assert view_of(obligation, today=date(2025, 4, 2), clock=current_clock()).status is None


def test_a_closure_day_moves_due_dates_after_recompute_and_is_audited(episode, make_user):
    admin = make_user(Role.ADMINISTRATOR)
    closure_day_add(actor=admin, day=date(2025, 4, 22), label="Office move")
    assert Obligation.objects.get(source_id=episode.pk).due_date == date(2025, 5, 8)  # stored until recomputed
    task = recompute_start(actor=admin)
    task.refresh_from_db()
    assert task.status == "done" and task.percent == 100
    obligation = Obligation.objects.get(source_id=episode.pk)
    assert obligation.due_date == date(2025, 5, 9)
    assert "Office move" in explain(obligation, current_clock())
    assert AuditEvent.objects.filter(object_type="closure_day", actor=admin).exists()


def test_local_policy_changes_are_audited_and_validated(make_user):
    admin = make_user(Role.ADMINISTRATOR)
    local_policy_set(actor=admin, key="cp_visit_interval", amount=4, unit="weeks")
    assert current_clock().policy["cp_visit_interval"].describe() == "4 weeks"
    event = AuditEvent.objects.get(object_type="local_policy")
    assert event.changes == {"cp_visit_interval": ["10 working days", "4 weeks"]}
    with pytest.raises(ValidationError):
        local_policy_set(actor=admin, key="no_such_policy", amount=1, unit="weeks")
    with pytest.raises(PermissionDenied):
        local_policy_set(actor=make_user(Role.TEAM_MANAGER), key="cp_visit_interval", amount=2, unit="weeks")


def test_late_events_must_say_why(episode):
    with pytest.raises(ValidationError) as error:
        require_late_reason(source_key="referrals.episode", source_id=episode.pk, rule_id="single_assessment",
                            met_on=date(2025, 5, 12), reason=" ")
    assert "2 working days late" in str(error.value)
    require_late_reason(source_key="referrals.episode", source_id=episode.pk, rule_id="single_assessment",
                        met_on=date(2025, 5, 12), reason="Family abroad for three weeks")
    require_late_reason(source_key="referrals.episode", source_id=episode.pk, rule_id="single_assessment",
                        met_on=date(2025, 5, 8), reason="")


def test_an_unknown_rule_fails_loudly():
    with pytest.raises(KeyError):
        ObligationSpec(source_id=1, rule_id="teleportation_review", child_id=1, start_date=date(2025, 1, 1))


def test_source_keys_are_checked():
    with pytest.raises(ValueError):
        register_source("NotAKey", model=Episode, build=lambda records: [])


def test_recomputing_due_dates_changes_only_rows_whose_date_moved(child, social_worker, make_user):
    from lantern.obligations.recompute import recompute_due_dates

    early = episode_open(actor=social_worker, child=child, referral_date=date(2025, 3, 3), referral_source="2A",
                         primary_need="N1")
    Episode.objects.filter(pk=early.pk).update(closure_date=date(2025, 3, 10), closure_reason="RC7")
    late = episode_open(actor=social_worker, child=child, referral_date=date(2025, 9, 1), referral_source="2A",
                        primary_need="N1")
    assert recompute_due_dates() == (2, 0)
    closure_day_add(actor=make_user(Role.ADMINISTRATOR), day=date(2025, 4, 22), label="Office move")
    assert recompute_due_dates() == (2, 1)
    assert Obligation.objects.get(source_id=early.pk).due_date == date(2025, 5, 9)
    assert Obligation.objects.get(source_id=late.pk).due_date == date(2025, 11, 3)


def test_recompute_puts_right_every_row_of_a_shared_set_of_inputs_and_leaves_the_rest(child):
    """Rows are recomputed a set of inputs at a time: with and without a series start, several
    rows on the same inputs (stored dates wrong in different ways), and a row already right."""
    from lantern.obligations.recompute import recompute_due_dates

    clock = current_clock()
    inputs = [("review_cp_conference", date(2025, 6, 2), 2, date(2025, 3, 3)),
              ("review_cp_conference", date(2025, 6, 2), 2, date(2025, 3, 3)),
              ("cin_visit", date(2025, 6, 2), 1, None), ("cin_visit", date(2025, 6, 2), 1, None),
              ("single_assessment", date(2025, 12, 19), 1, None)]
    wrong = [date(2000, 1, 3), date(2001, 1, 3), date(2000, 1, 3), None, None]
    for n, ((rule_id, start, occurrence, series_start), stored) in enumerate(zip(inputs, wrong, strict=True)):
        right = clock.due_date(rule_id, start, occurrence=occurrence, series_start=series_start)
        Obligation.objects.create(source_type="test.source", source_id=n, rule_id=rule_id, child=child,
                                  start_date=start, occurrence=occurrence, series_start=series_start,
                                  due_date=stored or right)
    assert recompute_due_dates() == (5, 3)
    for row in Obligation.objects.all():
        assert row.due_date == clock.due_date(row.rule_id, row.start_date, occurrence=row.occurrence,
                                              series_start=row.series_start)
    assert recompute_due_dates() == (5, 0)


def test_a_dated_policy_change_moves_only_deadlines_started_on_or_after_its_date(child, make_user):
    """The recompute after a change of local policy leaves deadlines that started before the change
    as they were, so what was overdue last year stays what it was."""
    from lantern.obligations.recompute import recompute_due_dates

    admin = make_user(Role.ADMINISTRATOR)
    starts = [date(2026, 3, 2), date(2026, 3, 31), date(2026, 4, 1), date(2026, 6, 1)]
    for n, start in enumerate(starts):
        Obligation.objects.create(source_type="test.source", source_id=n, rule_id="cp_visit", child=child,
                                  start_date=start, occurrence=2,
                                  due_date=current_clock().due_date("cp_visit", start, occurrence=2))
    local_policy_set(actor=admin, key="cp_visit_interval", amount=4, unit="weeks", effective_from=date(2026, 4, 1))
    assert recompute_due_dates() == (4, 2)
    due = dict(Obligation.objects.values_list("start_date", "due_date"))
    # 10 working days, Good Friday (3 April) and Easter Monday (6 April) skipped for the second.
    assert due[date(2026, 3, 2)] == date(2026, 3, 16) and due[date(2026, 3, 31)] == date(2026, 4, 16)
    assert due[date(2026, 4, 1)] == date(2026, 4, 29) and due[date(2026, 6, 1)] == date(2026, 6, 29)  # 4 weeks
    row = Obligation.objects.get(start_date=date(2026, 4, 1))
    assert "(Local policy from Wednesday 1 April 2026)" in explain(row, current_clock())
    event = AuditEvent.objects.filter(object_type="local_policy").latest("at")
    assert event.detail == "for clocks starting from 2026-04-01"

    setting = LocalPolicySetting.objects.get(key="cp_visit_interval")
    local_policy_remove(actor=admin, setting=setting)
    assert recompute_due_dates() == (4, 2)
    assert Obligation.objects.get(start_date=date(2026, 4, 1)).due_date == date(2026, 4, 17)


def test_the_default_for_every_record_is_stored_as_no_value(make_user):
    admin = make_user(Role.ADMINISTRATOR)
    local_policy_set(actor=admin, key="cin_visit_interval", amount=2, unit="weeks")
    local_policy_set(actor=admin, key="cin_visit_interval", amount=6, unit="weeks", effective_from=date(2027, 1, 4))
    assert LocalPolicySetting.objects.filter(key="cin_visit_interval").count() == 2
    local_policy_set(actor=admin, key="cin_visit_interval", amount=20, unit="working_days")
    assert list(LocalPolicySetting.objects.values_list("effective_from", flat=True)) == [date(2027, 1, 4)]
    assert current_clock().policy.value_on("cin_visit_interval", date(2026, 12, 1))[0].describe() == "20 working days"
