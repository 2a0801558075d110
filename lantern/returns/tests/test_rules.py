"""Every census rule, with a record that passes it and one that breaks it; and the registry itself."""

from copy import deepcopy
from datetime import date

import pytest

from lantern.returns.cin_census.records import AssessmentRecord, CinPlanRecord, CpPlanRecord, Section47Record
from lantern.returns.cin_census.rules import RuleDefinitionError, all_rules, rule, rules_for
from lantern.returns.cin_census.validate import validate_return
from lantern.timescales.calendar import WorkingDayCalendar

from .census_records import a_year_earlier, census, clean_child, episode

CALENDAR = WorkingDayCalendar()
D = date


def _ep(child):
    return child.episodes[0]


def _a(child):
    return child.episodes[0].assessments[0]


def _s(child):
    return child.episodes[0].s47s[0]


def _cpp(child):
    return child.episodes[0].cp_plans[0]


def _plan(child):
    return child.episodes[0].cin_plans[0]


def _set(get, **values):
    def change(child):
        for name, value in values.items():
            setattr(get(child), name, value)
    return change


def _child(**values):
    return _set(lambda c: c, **values)


def _add(get_list, record):
    def change(child):
        get_list(child).append(deepcopy(record))
    return change


def _both(*changes):
    def change(child):
        for one in changes:
            one(child)
    return change


def _open_assessment(start):
    return _set(_a, authorised=None, factors=[], start=start)


def _close(day, reason="RC7"):
    return _set(_ep, closure_date=day, closure_reason=reason)


# rule id -> a change that makes the clean child break that rule
BREAKS = {
    "8500": _child(la_child_id=""),
    "1570": _child(la_child_id="L" * 21),
    "1580": _child(la_child_id="LN-0001"),
    "1510": _child(upn="A333123456789"),
    "1530": _child(upn="U999123456789"),
    "1540": _child(upn="K333ABCD56789"),
    "1550": _child(upn="K33312345678I"),
    "1560Q": _child(former_upn="12345"),
    "8520": _child(birth_date=D(2025, 5, 1)),
    "8525Q": _child(expected_birth_date=D(2025, 6, 1)),
    "8530Q": _child(birth_date=None, expected_birth_date=D(2026, 6, 1), sex="U"),
    "8535Q": _child(death_date=D(2014, 1, 1)),
    "8545Q": _child(death_date=D(2023, 1, 1)),
    "4180": _child(sex="X"),
    "8750": _child(birth_date=None, expected_birth_date=D(2025, 5, 1), sex="F"),
    "4220": _child(ethnicity="XXXX"),
    "8540": _child(disabilities=[]),
    "8790": _child(disabilities=["NONE", "MOB"]),
    "8794": _child(disabilities=["MOB", "MOB"]),
    "8770Q": _child(upn=""),
    "8772": _child(upn="", upn_unknown="UN7"),
    "8775Q": _child(birth_date=D(1990, 1, 1)),
    "8590": _child(episodes=[]),
    "8555Q": _child(death_date=D(2024, 4, 20)),
    "8600": _set(_ep, referral_date=None),
    "8606": _set(_ep, referral_date=D(2014, 1, 1)),
    "8610": _set(_ep, primary_need=""),
    "8650": _set(_ep, primary_need="N10"),
    "8866": _set(_ep, referral_source="11"),
    "8568": _set(_ep, nfa=None),
    "8569Q": _add(lambda c: c.episodes, episode(referral_date=D(2024, 3, 1), nfa=True, primary_need="",
                                               assessments=[], s47s=[], cp_plans=[], cin_plans=[],
                                               closure_date=D(2024, 4, 2), closure_reason="RC7")),
    "8620": _close(D(2025, 5, 1)),
    "8630": _close(D(2024, 4, 20)),
    "8640": _both(_close(D(2025, 3, 1), "RC10"), _set(_plan, end=D(2025, 3, 1))),
    "8805": _set(_ep, closure_date=D(2025, 3, 1)),
    "8810": _set(_ep, closure_reason="RC7"),
    "8565": _close(D(2024, 6, 1)),
    "8867": _both(_close(D(2025, 3, 1)), _open_assessment(D(2025, 2, 1))),
    "8868": _both(_close(D(2025, 3, 1)), _set(_s, icpc_date=None)),
    "8825Q": _both(_close(D(2025, 3, 1), "RC8"), _set(_ep, assessments=[])),
    "8585Q": _close(D(2025, 3, 1), "RC2"),
    "2990": _close(D(2025, 3, 1), "RC8"),
    "8831": _set(_ep, nfa=True),
    "8832": _set(_ep, nfa=True),
    "4000": _set(_ep, nfa=True),
    "8815": _add(lambda c: c.episodes, episode(referral_date=D(2024, 6, 1))),
    "8816": _add(lambda c: c.episodes, episode(referral_date=D(2025, 1, 6), assessments=[], s47s=[], cp_plans=[],
                                               cin_plans=[], closure_date=D(2025, 2, 3), closure_reason="RC7")),
    "8820": _add(lambda c: c.episodes, episode(referral_date=D(2024, 6, 3), assessments=[], s47s=[], cp_plans=[],
                                               cin_plans=[], closure_date=D(2024, 7, 1), closure_reason="RC7")),
    "8873": _both(_close(D(2025, 3, 1)), _set(_a, factors=["21"])),
    "2884": _set(_ep, icpc_date=D(2024, 5, 20)),
    "2991Q": _set(_ep, assessments=[]),
    "1104": _set(_s, icpc_date=D(2024, 4, 20)),
    "1103": _set(_a, start=D(2024, 4, 20)),
    "8608": _set(_a, start=D(2024, 6, 10)),
    "8670Q": _open_assessment(D(2024, 6, 3)),
    "8897Q": _set(_a, factors=[]),
    "8614": _set(_a, authorised=None),
    "8696": _set(_a, authorised=D(2025, 4, 10)),
    "8736": _open_assessment(D(2024, 3, 1)),
    "8898": _set(_a, factors=["3A", "3A"]),
    "8869": _set(_a, factors=["21", "3A"]),
    "8617": _set(_a, factors=["8A"]),
    "8945Q": _set(_a, factors=["18A"]),
    "8950Q": _set(_a, factors=["19A"]),
    "8899Q": _child(disabilities=["MOB"]),
    "8896": _both(_open_assessment(D(2025, 3, 3)),
                  _add(lambda c: c.episodes[0].assessments, AssessmentRecord(start=D(2025, 3, 10)))),
    "8863Q": _add(lambda c: c.episodes[0].assessments, AssessmentRecord(start=D(2024, 5, 10),
                                                                        authorised=D(2024, 6, 10), factors=["3A"])),
    "4008": _child(death_date=D(2024, 11, 1)),
    "4009Q": _child(death_date=D(2025, 3, 1)),
    "4010": _set(_plan, start=None),
    "4011": _set(_plan, end=D(2024, 11, 1)),
    "4012Q": _set(_plan, end=D(2024, 11, 20)),
    "4013": _set(_plan, end=D(2025, 4, 15)),
    "4015": _set(_plan, start=D(2024, 4, 20)),
    "4004": _add(lambda c: c.episodes[0].cin_plans, CinPlanRecord(start=D(2024, 12, 2))),
    "4014": _add(lambda c: c.episodes[0].cin_plans, CinPlanRecord(start=D(2024, 12, 2), end=D(2025, 1, 6))),
    "4001": _set(_cpp, end=None),
    "4016": _add(lambda c: c.episodes[0].cin_plans, CinPlanRecord(start=D(2024, 6, 3), end=D(2024, 7, 1))),
    "4017": _add(lambda c: c.episodes[0].cin_plans, CinPlanRecord(start=D(2024, 5, 10), end=D(2024, 6, 3))),
    "4003": _add(lambda c: c.episodes[0].cin_plans, CinPlanRecord(start=D(2024, 8, 1), end=D(2024, 9, 2))),
    "2889": _set(_s, start=D(2024, 4, 20)),
    "8615": _set(_s, start=D(2024, 5, 21)),
    "8740": _set(_s, icpc_date=None, start=D(2024, 3, 1)),
    "8675Q": _set(_s, icpc_date=None),
    "8870Q": _set(_s, icpc_target=D(2024, 5, 25)),
    "8875": _both(_set(_s, icpc_date=D(2024, 5, 19)), _set(_cpp, start=D(2024, 5, 19))),
    "8715": _set(_s, icpc_date=D(2024, 3, 20)),
    "8839": _both(_set(_s, icpc_date=None),
                  _add(lambda c: c.episodes[0].s47s, Section47Record(start=D(2024, 6, 3), icpc_not_required=False))),
    "8890": _add(lambda c: c.episodes[0].s47s, Section47Record(start=D(2024, 5, 10), icpc_date=D(2024, 5, 20),
                                                                icpc_not_required=False)),
    "8905": _set(_cpp, initial_category="XXX"),
    "8910": _set(_cpp, latest_category=""),
    "8720": _set(_cpp, start=None),
    "8915": _child(death_date=D(2024, 5, 10)),
    "8920": _child(death_date=D(2024, 10, 1)),
    "8925": _set(_cpp, end=D(2024, 5, 10)),
    "8930": _set(_cpp, end=D(2025, 4, 22)),
    "8840": _set(_cpp, end=D(2024, 5, 20)),
    "8841": _set(_cpp, reviews=[D(2024, 5, 20)]),
    "8842Q": _set(_cpp, reviews=[D(2024, 8, 20), None]),
    "8730": _set(_cpp, previous_plans=None),
    "1105": _set(_cpp, start=D(2024, 4, 20)),
    "2885": _set(_cpp, start=D(2024, 5, 21)),
    "2883": _add(lambda c: c.episodes[0].cp_plans, CpPlanRecord(start=D(2024, 12, 2), end=D(2025, 1, 6),
                                                                 initial_category="NEG", latest_category="NEG")),
    "8935": _both(_set(_cpp, end=None), _add(lambda c: c.episodes[0].cp_plans, CpPlanRecord(
        start=D(2024, 12, 2), initial_category="NEG", latest_category="NEG"))),
    "8940": _add(lambda c: c.episodes[0].cp_plans, CpPlanRecord(start=D(2024, 6, 3), end=D(2024, 7, 1),
                                                                 initial_category="NEG", latest_category="NEG")),
}
PAIRS = {"8510": "two children with one LAchildID", "1520": "two children with one UPN"}
CHILD_RULES = sorted({r.id for r in rules_for(2025) if r.scope == "child"})


def _rules_broken(*children, year=2025):
    return {i.rule for i in validate_return(census(*children, year=year), calendar=CALENDAR)
            if i.where != "Return header"}


def test_the_clean_child_breaks_no_child_rule():
    assert _rules_broken(clean_child()) == set()


def test_every_child_rule_has_a_failing_case():
    assert set(CHILD_RULES) - set(PAIRS) == set(BREAKS)


@pytest.mark.parametrize("rule_id", sorted(BREAKS))
def test_rule_passes_the_clean_child_and_fails_the_changed_one(rule_id):
    child = clean_child()
    BREAKS[rule_id](child)
    assert rule_id not in _rules_broken(clean_child())
    assert rule_id in _rules_broken(child)


def test_8510_one_child_id_twice():
    assert "8510" not in _rules_broken(clean_child(), clean_child(la_child_id="LN0000002", upn=""))
    assert "8510" in _rules_broken(clean_child(), clean_child(upn=""))


def test_1520_one_upn_twice():
    assert "1520" not in _rules_broken(clean_child(), clean_child(la_child_id="LN0000002", upn=""))
    assert "1520" in _rules_broken(clean_child(), clean_child(la_child_id="LN0000002"))


def _return_rules(*children, **kwargs):
    return {i.rule for i in validate_return(census(*children, **kwargs), calendar=CALENDAR)
            if i.where == "Return header"}


def _eight_codes(n):
    codes = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"]
    return clean_child(la_child_id=f"LN{n:07d}", upn="", disabilities=[codes[n], codes[(n + 1) % 8]])


def test_return_rules_pass_a_varied_return():
    assert _return_rules(*[_eight_codes(n) for n in range(8)]) == set()


@pytest.mark.parametrize("rule_id,children,kwargs", [
    ("100", [clean_child()], {"reference_date": date(2025, 3, 30)}),
    ("2886Q", [clean_child(sex="U")], {}),
    ("2887Q", [clean_child(disabilities=["MOB", "HAND"])], {}),
    ("2888Q", [clean_child(disabilities=["MOB"])], {}),
])
def test_return_rule_fails(rule_id, children, kwargs):
    assert rule_id in _return_rules(*children, **kwargs)


def test_before_2024_25_gender_is_checked_instead_of_sex():
    earlier = a_year_earlier(clean_child())
    assert _rules_broken(earlier, year=2024) == set()
    assert "4180" in _rules_broken(a_year_earlier(clean_child(sex="", gender_current="7")), year=2024)
    unborn = a_year_earlier(clean_child(birth_date=None, expected_birth_date=date(2025, 5, 1), sex="F"))
    assert "8750" in _rules_broken(unborn, year=2024)
    unborn.sex = "U"
    assert "8750" not in _rules_broken(unborn, year=2024)
    retired = a_year_earlier(clean_child())
    retired.episodes[0].assessments[0].factors = ["18A"]
    assert "8945Q" not in _rules_broken(retired, year=2024)
    assert {r.id for r in rules_for(2024)} >= {"4180", "8750"} and "1570" not in {r.id for r in rules_for(2024)}


def test_1530_knows_the_la_codes_added_in_2023_24():
    child = clean_child(upn="")
    from lantern.people.validators import upn_check_letter
    child.upn = upn_check_letter("94212345678" + "9") + "94212345678" + "9"
    assert "1530" in _rules_broken(child, year=2023)
    assert "1530" not in _rules_broken(child, year=2024)


def test_each_year_carries_the_previous_one_forward():
    ids = {year: {r.id for r in rules_for(year)} for year in (2023, 2024, 2025, 2026)}
    assert ids[2024] == ids[2023]
    assert ids[2024] < ids[2025] and ids[2025] - ids[2024] == {"1570", "1580", "8945Q", "8950Q"}
    assert ids[2026] == ids[2025]
    assert all(r.severity == ("query" if r.id.endswith("Q") else "error") for r in all_rules())


@pytest.mark.parametrize("rule_id,message,kwargs,complaint", [
    ("86x5", "A message", {}, "must be 3-4 digits"),
    ("8615", "Again", {}, "defined twice"),
    ("9999", " ", {}, "no message"),
    ("9998", "A message", {"years": (2019,)}, "outside"),
    ("9997", "A message", {"scope": "episode"}, "scope"),
])
def test_a_bad_rule_definition_fails_at_once(rule_id, message, kwargs, complaint):
    with pytest.raises(RuleDefinitionError, match=complaint):
        rule(rule_id, message, **kwargs)(lambda child, ctx: ())
