"""The Annex A workbook read back with openpyxl: its sheets, headers and the exact rows made from a
small set of records, and the period's boundaries (the day before the start is out; the first and
last days are in)."""

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from lantern.accounts.roles import Role
from lantern.frontdoor.codes import ContactStatus
from lantern.people.models import PersonDisability
from lantern.returns.annex_a import testing as t
from lantern.returns.annex_a.services import annex_a_export_start
from lantern.returns.models import ReportFile
from lantern.testing.factories import TeamFactory, UserFactory

from .casework import census_child, cp_plan, enquiry, episode, initial_conference, review

D = date
START, END = t.PERIOD.start, t.PERIOD.end


@pytest.fixture
def records(team, social_worker, analyst, make_user):
    """Four children, each on the lists their records put them on (see each list's test)."""
    chair = make_user(Role.CP_CHAIR)
    amira = census_child(team, social_worker, 1, first_name="Amira", date_of_birth=D(2016, 5, 14), sex="F",
                         ethnicity="WBRI")
    t.contact(amira, D(2024, 12, 31))  # the day before the period: out
    t.contact(amira, START, "2A")  # the first day: in
    last_day = t.contact(amira, END, "6")  # the last day: in, and passed to early help that day
    t.early_help_decision(last_day, social_worker, END, "Brindleford Family Hub")
    t.contact(amira, D(2025, 7, 1))  # the day after: out
    t.contact(amira, D(2025, 3, 3), status=ContactStatus.DRAFT)  # never received: out
    t.contact(None, D(2025, 3, 4), first_name="Unmatched")  # no record yet: counted in the notes
    first = episode(amira, social_worker, referral=D(2024, 9, 10), referral_source="3A", closure_date=D(2024, 10, 1),
                    closure_reason="RC8")
    again = episode(amira, social_worker, referral=D(2025, 2, 3), referral_source="1A")  # a re-referral
    from lantern.assessments.models import Assessment
    Assessment.objects.create(episode=again, child=amira, started_on=D(2025, 2, 4), child_seen_on=D(2025, 2, 6),
                              authorised_on=D(2025, 3, 10), status="authorised", outcome="cin_plan",
                              created_by=social_worker)
    Assessment.objects.create(episode=first, child=amira, started_on=D(2024, 9, 11), authorised_on=D(2024, 12, 31),
                              status="authorised", outcome="nfa", created_by=social_worker)  # ended the day before

    kofi = census_child(team, social_worker, 2, first_name="Kofi", date_of_birth=D(2012, 8, 1), sex="M",
                        ethnicity="BAFR")
    PersonDisability.objects.filter(person=kofi).update(code="AUT")
    other_team = TeamFactory(name="Northfield child protection team")
    holder = UserFactory(role=Role.SOCIAL_WORKER, team=other_team, first_name="Jo", last_name="Example")
    t.allocate(kofi, other_team, holder, D(2024, 12, 1))
    e = episode(kofi, social_worker, referral=D(2025, 1, 15), referral_source="6")
    s47 = enquiry(e, social_worker, start=D(2025, 1, 20), outcome="conference", completed=D(2025, 1, 28))
    plan = cp_plan(initial_conference(s47, chair, day=D(2025, 2, 5)), category="NEG")
    plan.latest_category, plan.previous_plans = "PHY", 1
    plan.save()
    t.cp_visit(plan, social_worker, D(2025, 2, 20), alone=False)
    t.cp_visit(plan, social_worker, D(2025, 3, 1), alone=True)
    t.cp_visit(plan, social_worker, D(2025, 3, 15), seen=False)  # not seen: not the last statutory visit
    t.cp_visit(plan, social_worker, D(2025, 7, 5))  # after the period
    review(plan, chair, D(2025, 5, 1))

    ruby = census_child(team, social_worker, 3, first_name="Ruby", date_of_birth=D(2019, 1, 2), sex="F",
                        ethnicity="MWAS")
    PersonDisability.objects.filter(person=ruby).delete()
    closed = episode(ruby, social_worker, referral=D(2024, 11, 1), referral_source="3A", primary_need="N3",
                     closure_date=D(2025, 4, 30), closure_reason="RC7")
    t.cin_visit(closed, social_worker, D(2025, 4, 10))
    episode(ruby, social_worker, referral=D(2024, 6, 1), closure_date=D(2024, 12, 31), closure_reason="RC7")  # out

    harpreet = census_child(team, social_worker, 4, first_name="Harpreet", date_of_birth=D(2010, 2, 28), sex="U",
                            ethnicity="NOBT")
    t.allocate(harpreet, t.early_help_team(), None, D(2025, 3, 3))
    return {"amira": amira, "kofi": kofi, "ruby": ruby, "harpreet": harpreet, "worker": str(social_worker),
            "team": team.name, "analyst": analyst}


@pytest.fixture
def book(records):
    report = annex_a_export_start(actor=records["analyst"], start=START, end=END)
    report = ReportFile.objects.get(pk=report.pk)
    assert report.is_ready, report.task.message
    return load_workbook(io.BytesIO(bytes(report.content)))


def rows(book, sheet):
    return [tuple(row) for row in book[sheet].iter_rows(min_row=2, values_only=True)]


def day(d: date) -> datetime:
    return datetime(d.year, d.month, d.day)


def test_sheets_in_order(book):
    assert book.sheetnames == ["Cover", "List 1", "List 2", "List 3", "List 4", "List 5", "List 6", "List 7", "Notes"]


def test_headers_are_ofsteds(book):
    headers = {name: [c.value for c in book[name][1]] for name in book.sheetnames if name.startswith("List")}
    common = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
    assert headers["List 1"] == [*common, "Date of Contact", "Contact Source"]
    assert headers["List 3"] == [*common, "Date of referral", "Referral Source", "Referral NFA?",
                                 "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"]
    assert headers["List 5"][5:8] == ["Does the Child have a Disability",
                                      "Strategy discussion initiating Section 47 Enquiry Start Date",
                                      "Was an Initial Child Protection Conference deemed unnecessary?"]
    assert headers["List 6"][6:12] == ["CIN Start Date", "Primary Need Code", "Date Child Was Last Seen",
                                       "CIN Closure Date", "Reason for Closure", "Case Status"]
    assert headers["List 7"][-3:] == ["Number of Previous Child Protection Plans", "Allocated Team",
                                      "Allocated Worker"]
    for name, row in headers.items():
        assert all(book[name].cell(1, n).font.b for n in range(1, len(row) + 1)), name
        assert book[name].freeze_panes == "A2"


def test_list_1_contacts_inside_the_period(book, records):
    amira = f"LN{records['amira'].pk:07d}"
    assert rows(book, "List 1") == [
        (amira, "b) Female", "a) WBRI", day(D(2016, 5, 14)), 9, day(START), "e) 2A: Schools"),
        (amira, "b) Female", "a) WBRI", day(D(2016, 5, 14)), 9, day(END), "q) 6: Police"),
    ]
    assert book["List 1"]["F2"].number_format == "dd/mm/yyyy"
    notes = [row[0] for row in book["Notes"].iter_rows(values_only=True) if row[0]]
    assert any(line.startswith("List 1: 1 child named on contacts") for line in notes)


def test_list_2_early_help_by_decision_and_allocation(book, records):
    harpreet = records["harpreet"]
    assert rows(book, "List 2") == [
        (records["amira"].lantern_id, "b) Female", "a) WBRI", day(D(2016, 5, 14)), 9, None, None,
         "Brindleford Family Hub", day(END), "Front door decision"),
        (harpreet.lantern_id, "c) Not stated/recorded", "s) NOBT", day(D(2010, 2, 28)), 15, None, None,
         "Riverside early help and family support team", day(D(2025, 3, 3)), "Allocated to an early help team"),
    ]


def test_list_3_referral_with_a_re_referral(book, records):
    amira, kofi = records["amira"], records["kofi"]
    assert rows(book, "List 3") == [
        (amira.lantern_id, "b) Female", "a) WBRI", day(D(2016, 5, 14)), 9, day(D(2025, 2, 3)), "a) 1A: Individual",
         "b) No", 2, records["team"], records["worker"]),
        (kofi.lantern_id, "a) Male", "o) BAFR", day(D(2012, 8, 1)), 12, day(D(2025, 1, 15)), "q) 6: Police",
         "b) No", 1, "Northfield child protection team", "Jo Example"),
    ]


def test_list_4_assessment(book, records):
    assert rows(book, "List 4") == [
        (records["amira"].lantern_id, "b) Female", "a) WBRI", day(D(2016, 5, 14)), 9, "b) No", day(D(2025, 2, 4)),
         "a) Yes", day(D(2025, 3, 10)), "a) Yes", records["team"], records["worker"]),
    ]


def test_list_5_section_47_with_conference_and_plan(book, records):
    assert rows(book, "List 5") == [
        (records["kofi"].lantern_id, "a) Male", "o) BAFR", day(D(2012, 8, 1)), 12, "a) Yes", day(D(2025, 1, 20)),
         "b) No", day(D(2025, 2, 5)), "a) Yes", 1, 1, "Northfield child protection team", "Jo Example"),
    ]


def test_list_6_children_in_need_with_status_and_closure(book, records):
    amira, kofi, ruby = records["amira"], records["kofi"], records["ruby"]
    cin = rows(book, "List 6")
    assert cin == sorted(cin, key=lambda r: r[0])
    by_child = {row[0]: row for row in cin}
    assert by_child[ruby.lantern_id] == (
        ruby.lantern_id, "b) Female", "h) MWAS", day(D(2019, 1, 2)), 6, "c) Unknown", day(D(2024, 11, 1)),
        "N3 - Parental disability or illness", day(D(2025, 4, 10)), day(D(2025, 4, 30)),
        "RC7 - Services ceased for any other reason, including child no longer in need", "e) Closed episode",
        records["team"], records["worker"])
    assert by_child[kofi.lantern_id][6:12] == (day(D(2025, 1, 15)), "N1 - Abuse or neglect", day(D(2025, 3, 1)), None,
                                               None, "b) Child Protection plan")
    # Amira's re-referral is open with an authorised assessment and no plan: no Annex A status fits.
    assert by_child[amira.lantern_id][6:12] == (day(D(2025, 2, 3)), "N1 - Abuse or neglect", day(D(2025, 2, 6)),
                                                None, None, None)
    assert len(cin) == 3  # Ruby's earlier episode closed the day before the period


def test_list_7_plan_with_visit_and_review(book, records):
    assert rows(book, "List 7") == [
        (records["kofi"].lantern_id, "a) Male", "o) BAFR", day(D(2012, 8, 1)), 12, "a) Yes", day(D(2025, 2, 5)),
         "a) Neglect", "b) Physical abuse", day(D(2025, 3, 1)), "a) Yes", day(D(2025, 5, 1)), None, None, 1,
         "Northfield child protection team", "Jo Example"),
    ]


def test_cover_sheet(book, records):
    cover = {row[0]: row[1:] for row in book["Cover"].iter_rows(values_only=True) if row and row[0]}
    assert cover["Local authority"][0] == "Brindleford Metropolitan Borough Council"
    assert cover["Period from"][0] == day(START) and cover["Period to"][0] == day(END)
    assert cover["List 1: Contacts"] == ("List 1", 2, 1)
    assert cover["List 6: Children in need"] == ("List 6", 3, 3)
    assert isinstance(cover["Generated at"][0], datetime)


def test_notes_name_the_gaps(book):
    text = " ".join(row[0] for row in book["Notes"].iter_rows(values_only=True) if row[0])
    assert "emergency protection orders" in text
    assert "Lists 8 to 11" in text
    assert "does not keep early help assessments" in text
