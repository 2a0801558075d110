"""Importing a census file: a good file becomes Lantern records that export to the same file; a
bad one is reported problem by problem, and nothing of it is imported."""

import io
from datetime import date, datetime

import pytest
from django.core.files.base import ContentFile

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.obligations.models import Obligation
from lantern.people.models import NameKey, Person
from lantern.people.validators import upn_check_letter
from lantern.returns.cin_census.extract import extract_return
from lantern.returns.cin_census.records import (
    AssessmentRecord,
    ChildRecord,
    CinPlanRecord,
    CpPlanRecord,
    EpisodeRecord,
    Section47Record,
)
from lantern.returns.cin_census.services import census_import_start, check_census_file
from lantern.returns.cin_census.writer import write_return
from lantern.returns.cin_census.years import CollectionYear
from lantern.returns.models import CensusChild, CensusImport
from lantern.timescales.calendar import WorkingDayCalendar

from . import casework as cw
from .census_records import census

pytestmark = pytest.mark.django_db
D = date
WHEN = datetime(2025, 4, 10, 9, 30)
CALENDAR = WorkingDayCalendar()


def _upn(body: str) -> str:
    return upn_check_letter(body) + body


def _target(start):
    return CALENDAR.add_working_days(start, 15)


def migrated_children() -> list[ChildRecord]:
    """Five children as another system would send them, covering every kind of record."""
    plan_before_year = CpPlanRecord(start=D(2023, 11, 1), end=D(2024, 6, 3), initial_category="PHY",
                                    latest_category="MUL", previous_plans=0, reviews=[D(2024, 5, 1)])
    return [
        ChildRecord(la_child_id="OLD001", upn=_upn("333000000011"), former_upn=_upn("123456789012"),
                    birth_date=D(2014, 2, 3), sex="M", ethnicity="BAFR", disabilities=["MOB", "LD"],
                    episodes=[EpisodeRecord(
                        referral_date=D(2023, 10, 2), referral_source="3A", primary_need="N2", nfa=False,
                        assessments=[AssessmentRecord(start=D(2025, 2, 3), internal_review=D(2025, 2, 20),
                                                      authorised=D(2025, 3, 10), factors=["5A", "6A"])],
                        cin_plans=[CinPlanRecord(start=D(2024, 6, 3))], cp_plans=[plan_before_year])]),
        ChildRecord(la_child_id="OLD002", expected_birth_date=D(2025, 6, 1), sex="U", ethnicity="NOBT",
                    episodes=[EpisodeRecord(
                        referral_date=D(2025, 1, 6), referral_source="3B", primary_need="N1", nfa=False,
                        icpc_date=D(2025, 2, 3),
                        assessments=[AssessmentRecord(start=D(2025, 1, 7), authorised=D(2025, 1, 31),
                                                      factors=["16A"])],
                        cp_plans=[CpPlanRecord(start=D(2025, 2, 3), initial_category="NEG", latest_category="NEG",
                                               previous_plans=1)])]),
        ChildRecord(la_child_id="OLD003", upn_unknown="UN7", birth_date=D(2010, 9, 9), sex="F", ethnicity="WBRI",
                    disabilities=["NONE"],
                    episodes=[EpisodeRecord(referral_date=D(2024, 9, 2), referral_source="6", nfa=True,
                                            closure_date=D(2024, 9, 3), closure_reason="RC7")]),
        ChildRecord(la_child_id="OLD004", upn=_upn("333000000021"), birth_date=D(2012, 1, 15), sex="F",
                    ethnicity="MWBC", disabilities=["NONE"],
                    episodes=[EpisodeRecord(
                        referral_date=D(2024, 7, 1), referral_source="2A", primary_need="N4", nfa=False,
                        closure_date=D(2024, 9, 30), closure_reason="RC7",
                        assessments=[AssessmentRecord(start=D(2024, 7, 2), authorised=D(2024, 8, 12),
                                                      factors=["3B", "4B"])],
                        s47s=[Section47Record(start=D(2024, 7, 8), icpc_target=_target(D(2024, 7, 8)),
                                              icpc_not_required=True)],
                        cin_plans=[CinPlanRecord(start=D(2024, 8, 12), end=D(2024, 9, 30))])]),
        ChildRecord(la_child_id="OLD005", upn=_upn("333000000031"), birth_date=D(2016, 3, 3), sex="M",
                    ethnicity="WBRI", disabilities=["NONE"],
                    episodes=[EpisodeRecord(
                        referral_date=D(2025, 3, 3), referral_source="6", primary_need="N1", nfa=False,
                        assessments=[AssessmentRecord(start=D(2025, 3, 3))],
                        s47s=[Section47Record(start=D(2025, 3, 24), icpc_target=_target(D(2025, 3, 24)),
                                              icpc_not_required=False)])]),
    ]


def _write(ret) -> bytes:
    out = io.BytesIO()
    write_return(ret, out, serial=1, generated_at=WHEN, release="1.0")
    return out.getvalue()


def _export() -> bytes:
    return _write(extract_return(CollectionYear(2025), la_code="333"))


def _import(actor, data: bytes, team=None) -> CensusImport:
    return census_import_start(actor=actor, upload=ContentFile(data, name="old-system.xml"), filename="old-system.xml",
                               team=team)


@pytest.fixture
def analyst(make_user):
    return make_user(Role.PERFORMANCE_ANALYST)


def test_a_good_file_imports_and_exports_again_unchanged(analyst, team):
    original = _write(census(*migrated_children()))
    _, problems, _ = check_census_file(original)
    assert problems == []
    record = _import(analyst, original, team=team)
    assert record.status == CensusImport.Status.IMPORTED, record.problems
    assert record.counts["children"] == 5 and record.counts["episodes"] == 5
    assert _export() == original


def test_imported_children_keep_the_services_invariants(analyst, team):
    _import(analyst, _write(census(*migrated_children())), team=team)
    child = Person.objects.get(census_identity__la_child_id="OLD005")
    assert child.first_name == "Census child" and child.last_name == "OLD005"
    assert NameKey.objects.filter(person=child).exists()
    assert child.current_team == team and child.allocations.get().team == team
    assert Person.objects.get(census_identity__la_child_id="OLD003").current_team is None  # closed: not allocated
    assert Obligation.objects.filter(child=child, rule_id="initial_cp_conference", met_on=None).exists()
    assert AuditEvent.objects.filter(action="create", object_type="cin_census_import").count() == 1


def test_lantern_records_export_import_and_export_the_same(analyst, team, social_worker, chair):
    for serial in (1, 2):
        cw.protected_child(team, social_worker, chair, serial=serial)
    first = _export()
    refused = _import(analyst, first)
    assert refused.status == CensusImport.Status.REFUSED
    assert {p["message"].split(" is already")[0] for p in refused.problems if "already" in p["message"]} >= {
        f"LAchildID {p.lantern_id}" for p in Person.objects.all()}
    cw.wipe()
    assert _import(analyst, first).status == CensusImport.Status.IMPORTED
    assert _export() == first


def _problems(data: bytes) -> list[dict]:
    _, problems, _ = check_census_file(data)
    return [p.as_dict() for p in problems]


def _good_file() -> str:
    return _write(census(*migrated_children())).decode()


def _line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def test_a_bad_date_is_reported_with_its_child_element_and_line():
    text = _good_file().replace("<CINreferralDate>2024-07-01<", "<CINreferralDate>2024-13-01<")
    [problem] = _problems(text.encode())
    assert problem["la_child_id"] == "OLD004" and problem["element"] == "CINreferralDate"
    assert problem["line"] == _line_of(text, "2024-13-01") and "not a real date" in problem["message"]


def test_an_unknown_code_is_reported_by_its_rule():
    text = _good_file().replace("<PrimaryNeedCode>N4<", "<PrimaryNeedCode>N11<").replace(
        "<AssessmentFactors>16A<", "<AssessmentFactors>99Z<")
    problems = _problems(text.encode())
    assert {(p["la_child_id"], p["rule"]) for p in problems if p["rule"]} == {("OLD004", "8650")}
    assert any(p["la_child_id"] == "OLD002" and "99Z" in p["message"] for p in problems)


@pytest.mark.parametrize("change,expected", [
    (lambda t: t.replace("</Children>", "</Children"), "not well-formed"),
    (lambda t: t.replace('<?xml version="1.0" encoding="UTF-8"?>',
                         '<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'),
     "DOCTYPE"),
    (lambda t: t.replace("<Sex>M</Sex>", "<Gender>M</Gender>", 1), "<Gender> is not an element of <ChildIdentifiers>"),
    (lambda t: t.replace("<ReferralSource>6</ReferralSource>\n        <PrimaryNeedCode>N1</PrimaryNeedCode>",
                         "<PrimaryNeedCode>N1</PrimaryNeedCode>\n        <ReferralSource>6</ReferralSource>"),
     "out of order"),
    (lambda t: t.replace("<Sex>M</Sex>", "<GenderCurrent>1</GenderCurrent>", 1), "records the child's Sex"),
    (lambda t: t.replace("<ICPCnotRequired>true<", "<ICPCnotRequired>True<"), "must be true, false, 1 or 0"),
    (lambda t: t.replace("<Message>", '<Message xmlns="http://www.dfes.gov.uk/CBDS">'), "no XML namespace"),
    (lambda t: "", "empty"),
])
def test_a_malformed_file_is_refused_and_nothing_is_imported(analyst, change, expected):
    people = Person.objects.count()
    record = _import(analyst, change(_good_file()).encode())
    assert record.status == CensusImport.Status.REFUSED
    assert any(expected in p["message"] for p in record.problems), record.problems
    assert Person.objects.count() == people and not CensusChild.objects.exists()


def test_rnfa_written_True_is_rule_8568():
    text = _good_file().replace("<ReferralNFA>true<", "<ReferralNFA>True<")
    # 8772 follows too: with the flag unreadable, UN7 (NFA) no longer matches the referral.
    assert {(p["la_child_id"], p["rule"]) for p in _problems(text.encode())} == {("OLD003", "8568"),
                                                                                  ("OLD003", "8772")}


def test_census_queries_do_not_stop_an_import(analyst):
    children = migrated_children()
    children[2].upn_unknown = ""  # the NFA child has no UPN and no reason: query 8770Q does not apply to NFA
    children[4].upn = ""  # a school-age child with no UPN and no reason: query 8770Q
    record = _import(analyst, _write(census(*children)))
    assert record.status == CensusImport.Status.IMPORTED
    assert any(w["rule"] == "8770Q" and w["la_child_id"] == "OLD005" for w in record.warnings)


def test_a_failure_while_writing_keeps_nothing(analyst, monkeypatch):
    from lantern.returns.cin_census import protection_import

    def fail(self, pairs):
        raise RuntimeError("disk full")
    monkeypatch.setattr(protection_import.ProtectionImport, "run", fail)
    record = _import(analyst, _good_file().encode())
    record.refresh_from_db()
    # An unexpected error is shown as a reference to the log, never its own text (it may hold a row).
    message = record.problems[0]["message"]
    assert record.status == CensusImport.Status.REFUSED and "nothing was kept" in message and "reference" in message
    assert not Person.objects.filter(last_name__startswith="OLD").exists()


def test_a_review_with_no_date_is_query_8842Q_and_the_rest_imports(analyst):
    text = _good_file().replace("<CPPreviewDate>2024-05-01</CPPreviewDate>", "")
    assert "<Reviews>" in text and "2024-05-01" not in text
    record = _import(analyst, text.encode())
    assert record.status == CensusImport.Status.IMPORTED, record.problems
    assert [(w["la_child_id"], w["rule"]) for w in record.warnings if w["rule"] == "8842Q"] == [("OLD001", "8842Q")]
    # The plan and its child came in; a review with no date has no conference to become.
    assert CensusChild.objects.filter(la_child_id="OLD001").exists()
