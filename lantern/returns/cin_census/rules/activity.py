"""Rules about what happens inside an episode: activity after closure or after "no further action",
open work at closure, and how a child's episodes sit together."""

from ..codes import CLOSED_AFTER_ASSESSMENT, NO_FACTORS
from .registry import rule


def _activity_dates(e):
    for a in e.assessments:
        yield a.start
        yield a.authorised
    for s in e.s47s:
        yield s.start
        yield s.icpc_date
    yield e.icpc_date
    for p in e.cin_plans:
        yield p.start
        yield p.end
    for p in e.cp_plans:
        yield p.end


@rule("8565", "Activity shown after a case has been closed")
def no_activity_after_closure(child, ctx):
    for e in child.episodes:
        if e.closure_date and any(d and d > e.closure_date for d in _activity_dates(e)):
            yield e


@rule("8867", "CIN episode is shown as closed, however Assessment is not shown as completed")
def closed_assessments_done(child, ctx):
    for e in child.episodes:
        if e.closure_date and any(a.authorised is None for a in e.assessments):
            yield e


@rule("8868", "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or "
      "ICPC not required flag")
def closed_enquiries_done(child, ctx):
    for e in child.episodes:
        if e.closure_date and any(s.is_open for s in e.s47s):
            yield e


@rule("8825Q", "Reason for Closure code RC8 (case closed after assessment) has been returned but there is no "
      "assessment present for the episode.")
def rc8_has_assessment(child, ctx):
    for e in child.episodes:
        if e.closure_reason == "RC8" and not e.assessments:
            yield e


@rule("8585Q", "Please check: CIN episode shows Died as the Closure Reason, however child has no recorded Date of "
      "Death")
def died_has_death_date(child, ctx):
    for e in child.episodes:
        if e.closure_reason == "RC2" and child.death_date is None:
            yield e


@rule("2990", "Activity is recorded against a case marked as 'Case closed after assessment, no further action' or "
      "'case closed after assessment, referred to early help'.")
def closed_after_assessment(child, ctx):
    for e in child.episodes:
        if e.closure_reason in CLOSED_AFTER_ASSESSMENT and (e.s47s or e.cin_plans or e.cp_plans or e.icpc_date):
            yield e


@rule("8831", "Activity is recorded against a case marked as a referral with no further action")
def nfa_no_activity(child, ctx):
    for e in child.episodes:
        if e.nfa and (e.assessments or e.s47s or e.icpc_date):
            yield e


@rule("8832", "Child Protection details provided for a referral with no further action")
def nfa_no_cp_plan(child, ctx):
    for e in child.episodes:
        if e.nfa and e.cp_plans:
            yield e


@rule("4000", "CIN Plan details provided for a referral with no further action")
def nfa_no_cin_plan(child, ctx):
    for e in child.episodes:
        if e.nfa and e.cin_plans:
            yield e


def _open_further_action(child):
    return [e for e in child.episodes if e.closure_date is None and e.nfa is not True]


@rule("8815", "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this "
      "child and case is not a referral with no further action.")
def one_open_episode(child, ctx):
    if len(_open_further_action(child)) > 1:
        yield child


@rule("8816", "An open CIN episode is shown and case is not a referral with no further action, but it is not the "
      "latest episode.")
def open_episode_latest(child, ctx):
    dates = [e.referral_date for e in child.episodes if e.referral_date]
    for e in _open_further_action(child):
        if e.nfa is False and e.referral_date and any(d > e.referral_date for d in dates):
            yield e


@rule("8820", "The dates on the CIN episodes for this child overlap")
def episodes_do_not_overlap(child, ctx):
    episodes = [e for e in child.episodes if e.referral_date]
    for a in episodes:
        for b in episodes:
            if a is b or a.referral_date < b.referral_date:
                continue
            end = b.closure_date or (ctx.ref if b.nfa is False else None)
            if end and a.referral_date < end:
                yield a
                break


@rule("8873", "When there is only one assessment on the episode and the factors code \"21 No factors identified\" "
      "has been used for the completed assessment, the reason for closure 'RC8' must be used.")
def no_factors_closes_rc8(child, ctx):
    # As the DfE's validator reads it, an episode still open at year end fails too: it has no RC8.
    for e in child.episodes:
        if e.closure_reason != "RC8" and len(e.assessments) == 1 and NO_FACTORS in e.assessments[0].factors:
            yield e


@rule("2884", "An initial child protection conference is recorded at both the S47 and CIN Details level and it "
      "should only be recorded in one")
def icpc_recorded_once(child, ctx):
    for e in child.episodes:
        if e.icpc_date and any(s.icpc_date == e.icpc_date for s in e.s47s):
            yield e


@rule("2991Q", "Please check: A Section 47 module is recorded and there is no assessment on the episode")
def s47_with_assessment(child, ctx):
    for e in child.episodes:
        if e.s47s and not e.assessments:
            yield e


@rule("1104", "The date of the initial child protection conference cannot be before the referral date")
def icpc_after_referral(child, ctx):
    for e in child.episodes:
        if e.referral_date is None:
            continue
        if e.icpc_date and e.icpc_date < e.referral_date:
            yield e
        for s in e.s47s:
            if s.icpc_date and s.icpc_date < e.referral_date:
                yield s
