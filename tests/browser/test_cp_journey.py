"""A child protection journey in a real browser, from the strategy discussion to the end of the plan,
with axe-core checking every page against WCAG 2.2 AA: the social worker records the discussion and
the enquiry, the manager decides the outcome, the school submits its report, the independent chair
records the conference and later the review that ends the plan within 3 months, and the service
manager records why ending it is safe. Recording happens after the event, so late records carry
their reasons."""

import re
from datetime import date

import pytest
from django.utils import timezone

from lantern.accounts.roles import Role, TeamKind
from lantern.obligations.clock import current_clock
from lantern.protection.models import Conference, CpPlan, Section47Enquiry, StrategyDiscussion
from lantern.protection.services import core_group_record, cp_visit_record
from lantern.referrals.services import episode_open
from lantern.testing.factories import AgencyFactory, ChildFactory, InvolvementFactory, TeamFactory, UserFactory

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.browser


def days_before(day: date, n: int) -> date:
    return current_clock().calendar.add_working_days(day, -n)


def fill_date(scope, legend: str, day: date) -> None:
    group = scope.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def choose(page, legend: str, option: str) -> None:
    page.get_by_role("group", name=legend, exact=True).get_by_label(option, exact=True).check()


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/sign-in/"))


@pytest.fixture
def people(transactional_db):
    team = TeamFactory(name="Brindleford West care management", kind=TeamKind.CARE_MANAGEMENT)
    manager = UserFactory(role=Role.TEAM_MANAGER, team=team, first_name="Grace", last_name="Adeyemi")
    worker = UserFactory(role=Role.SOCIAL_WORKER, team=team, first_name="Sam", last_name="Okafor",
                         line_manager=manager)
    unit = TeamFactory(name="Safeguarding and reviewing unit", kind=TeamKind.SAFEGUARDING_UNIT, service=team.service)
    chair = UserFactory(role=Role.CP_CHAIR, team=unit, first_name="Helen", last_name="Marsh")
    service_manager = UserFactory(role=Role.SERVICE_MANAGER, team=team, first_name="Omar", last_name="Reid")
    school = AgencyFactory(name="Oakfield Primary School")
    teacher = UserFactory(role=Role.PARTNER_PRACTITIONER, team=None, agency=school, first_name="Ruth",
                          last_name="Hale", qualification="unqualified", swe_registration="")
    child = ChildFactory(first_name="Lily", last_name="Marchetti", date_of_birth=date(2017, 2, 3),
                         current_team=team, current_worker=worker)
    InvolvementFactory(child=child, agency=school, practitioner=teacher)
    today = current_clock().calendar.last_working_day_on_or_before(timezone.localdate())
    episode_open(actor=worker, child=child, referral_date=days_before(today, 30), referral_source="2A",
                 primary_need="N1")
    return {"worker": worker, "manager": manager, "chair": chair, "sm": service_manager, "teacher": teacher,
            "child": child, "today": today}


def test_a_child_protection_journey_from_strategy_discussion_to_the_end_of_the_plan(page, phone_page, people, sign_in,
                                                                                    axe_check, screenshot):
    worker, child, today = people["worker"], people["child"], people["today"]
    held_on = days_before(today, 20)

    # The social worker records the strategy discussion; police took part, health did not.
    sign_in(page, worker)
    page.goto(f"/children/{child.pk}/")
    page.get_by_role("link", name="Record a strategy discussion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a strategy discussion")
    axe_check(page, "strategy discussion form")
    fill_date(page, "Date of the discussion", held_on)
    page.get_by_label("Time of the discussion").fill("10:30")
    choose(page, "How was it held?", "Meeting")
    page.get_by_label("Why the discussion was held").fill("Bruise to the cheek seen at school; Lily said dad hit her.")
    csc = page.get_by_role("group", name="Children's social care", exact=True)
    csc.get_by_label("What they shared").fill("Open to children in need since the referral; two earlier contacts.")
    police = page.get_by_role("group", name="Police", exact=True)
    police.get_by_label("Police took part").check()
    police.get_by_label("Name").fill("DC Jo Morgan")
    police.get_by_label("What they shared").fill("Two domestic call-outs this year; father cautioned in May.")
    school = page.get_by_role("group", name="Education", exact=True)
    school.get_by_label("Education took part").check()
    school.get_by_label("Name").fill("Ruth Hale")
    school.get_by_label("What they shared").fill("Bruise seen on Monday; attendance 82% this term.")
    choose(page, "What was decided?", "Section 47 enquiry jointly with the police")
    page.get_by_label("Why", exact=True).fill("Injury with a disclosure: reasonable cause to suspect significant harm.")
    page.get_by_role("button", name="Record the strategy discussion").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Health did not take part: say why")
    expect(summary).to_contain_text("working days late: say why")
    axe_check(page, "strategy discussion form with errors")
    screenshot(page, "60-strategy-errors")
    page.get_by_label("If health did not take part, why").fill("School nurse on leave; GP surgery did not answer.")
    page.get_by_label("If the record is completed late, why").fill("Typed up from notes after a court week.")
    page.get_by_role("button", name="Record the strategy discussion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Strategy discussion of"))
    expect(page.get_by_role("table", name="Who took part, by agency")).to_contain_text("DC Jo Morgan")
    axe_check(page, "strategy discussion")
    enquiry = Section47Enquiry.objects.get()
    assert enquiry.joint_with_police and StrategyDiscussion.objects.get().late_reason

    # The enquiry: a visit by the registered social worker, then the assessment of risk.
    page.get_by_role("link", name=re.compile("^Section 47 enquiry from")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Section 47 enquiry")
    axe_check(page, "enquiry")
    page.get_by_role("link", name="Record a visit").click()
    axe_check(page, "enquiry visit form")
    fill_date(page, "Date of the visit", days_before(today, 19))
    page.get_by_label("Time of the visit").fill("15:45")
    choose(page, "Was the child seen?", "Yes")
    choose(page, "Was the child seen alone?", "Yes")
    page.get_by_label("What you saw, heard and did").fill("Seen at school with the DSL; bruise photographed.")
    page.get_by_role("button", name="Record the visit").click()
    expect(page.get_by_role("table", name="Visits for this enquiry")).to_contain_text("Sam Okafor")
    page.get_by_role("link", name="Record the assessment of risk").click()
    axe_check(page, "assessment of risk")
    page.get_by_label("Assessment of risk").fill("The injury fits Lily's account; father's drinking makes it "
                                                 "likely again. Mother is protective but overwhelmed.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("assessment of risk was saved")
    sign_out(page)

    # The manager decides the outcome: an initial conference.
    sign_in(page, people["manager"])
    page.goto(f"/children/{child.pk}/protection/enquiries/{enquiry.pk}/")
    page.get_by_role("link", name="Decide the outcome").click()
    axe_check(page, "enquiry outcome")
    choose(page, "Outcome of the enquiry", "Initial child protection conference")
    page.get_by_label("Why", exact=True).fill("Harm is likely to continue without a multi-agency plan.")
    fill_date(page, "Date the enquiry ended", days_before(today, 15))
    page.get_by_role("button", name="Record the outcome").click()
    expect(page.get_by_role("link", name="Arrange the initial conference")).to_be_visible()
    sign_out(page)

    # The social worker arranges the conference with an independent chair and shares the report.
    sign_in(page, worker)
    page.goto(f"/children/{child.pk}/protection/enquiries/{enquiry.pk}/")
    page.get_by_role("link", name="Arrange the initial conference").click()
    axe_check(page, "arrange conference")
    icpc_on = days_before(today, 10)
    fill_date(page, "Date of the conference", icpc_on)
    page.get_by_label("Chair").select_option(label="Helen Marsh")
    page.get_by_role("button", name="Arrange the conference").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Initial child protection conference")
    expect(page.locator(".govuk-warning-text").first).to_be_visible()
    axe_check(page, "conference arranged")
    screenshot(page, "61-conference-arranged")
    page.get_by_role("link", name="Write or share the social work report").click()
    axe_check(page, "social work report")
    page.get_by_label("Social work report").fill("Findings, Lily's words, and my analysis: I recommend a plan.")
    fill_date(page, "Date shared with the parents", days_before(icpc_on, 3))
    page.get_by_role("button", name="Save the report").click()
    expect(page.get_by_text(re.compile("Shared with the parents on"))).to_be_visible()
    sign_out(page)

    # The school's designated safeguarding lead submits the school's report.
    sign_in(page, people["teacher"])
    page.goto(f"/children/{child.pk}/")
    page.get_by_role("link", name=re.compile(icpc_on.strftime("%-d %b %Y"))).click()
    axe_check(page, "conference for the partner")
    page.get_by_role("link", name="Submit the report from Oakfield Primary School").click()
    axe_check(page, "agency report form")
    page.get_by_label("Your agency's report").fill("Attendance 82%; bruise on Monday; Lily says home is 'shouty'.")
    page.get_by_role("button", name="Submit the report").click()
    expect(page.get_by_role("table", name=re.compile("Agencies invited"))).to_contain_text("Submitted")
    sign_out(page)

    # The chair finds the conference on the Conferences list and records the decision.
    chair = people["chair"]
    sign_in(page, chair)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Conferences", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Conferences")
    axe_check(page, "conference list")
    screenshot(page, "62-conference-list")
    page.get_by_role("link", name="Lily Marchetti").click()
    page.get_by_role("link", name="Record the decision").click()
    axe_check(page, "conference decision form")
    for group in page.get_by_role("group", name=re.compile(r"^Did .* attend\?$")).all():
        group.get_by_label("Yes", exact=True).check()
    choose(page, "How did the parents take part?", "Attended")
    choose(page, "How did the child take part?", "Views given through an advocate")
    choose(page, "Was advocacy offered to the child and the parents?", "Yes")
    choose(page, "Decision", "The child needs a child protection plan")
    page.get_by_label("Why", exact=True).fill("All agencies agree Lily is likely to suffer significant harm.")
    page.get_by_label("Category of abuse").select_option("PHY")
    page.get_by_label("Outline plan").fill("Father stops physical chastisement; Lily feels safe at home.")
    page.get_by_label("The plan's first action: what will be done").fill("Father attends Caring Dads")
    page.get_by_label("Who will do it").fill("Brindleford Family Service")
    fill_date(page, "By when", today)
    page.get_by_label("How we will know it worked").fill("Father can say what he does instead of hitting")
    page.get_by_label("If the decision is recorded late, why").fill("Chair at a second conference that day.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("link", name=re.compile("^Child protection plan from"))).to_be_visible()
    axe_check(page, "conference decided")
    plan = CpPlan.objects.get()
    assert plan.start_date == icpc_on and plan.initial_category == "PHY"
    sign_out(page)

    # Between conferences: a core group and a visit (recorded through the services), then the review.
    members = [m.pk for m in plan.members.all()]
    core_group_record(actor=worker, plan=plan, held_on=days_before(today, 5), summary="Father has started the "
                      "programme.", attendee_ids=members, progress={a.pk: {"status": "on_track"}
                                                                    for a in plan.actions.all()})
    cp_visit_record(actor=worker, plan=plan, visit_date=days_before(today, 3), child_seen=True, seen_alone=True,
                    bedroom_seen=True, child_words="'Dad doesn't shout now.'", observations="Calm, warm home.")
    sign_in(page, worker)
    page.goto(f"/children/{child.pk}/protection/plans/{plan.pk}/")
    expect(page.get_by_role("table", name="Child protection visits")).to_contain_text("Dad doesn't shout now")
    axe_check(page, "plan")
    screenshot(page, "63-plan")
    page.get_by_role("link", name="Arrange a review conference").click()
    fill_date(page, "Date of the conference", today)
    page.get_by_label("Chair").select_option(label="Helen Marsh")
    page.get_by_role("button", name="Arrange the conference").click()
    review = Conference.objects.get(kind="review")
    sign_out(page)

    # The chair records the review: the plan ends, within 3 months, so it waits for a service manager.
    sign_in(page, chair)
    page.goto(f"/children/{child.pk}/protection/conferences/{review.pk}/decision/")
    axe_check(page, "review decision form")
    for group in page.get_by_role("group", name=re.compile(r"^Did .* attend\?$")).all():
        group.get_by_label("Yes", exact=True).check()
    choose(page, "How did the parents take part?", "Attended")
    choose(page, "How did the child take part?", "Written or drawn views")
    choose(page, "Was advocacy offered to the child and the parents?", "Yes")
    choose(page, "Decision", "The child protection plan ends")
    page.get_by_label("Why", exact=True).fill("Father has left the home; mother protective; Lily says she is safe.")
    choose(page, "What happens next for the child (no plan, or the plan ends)", "Step down to a child in need plan")
    for group in page.get_by_role("group", name="Progress").all():
        group.get_by_label("Achieved", exact=True).check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("The child protection plan ends")).to_be_visible()
    assert CpPlan.objects.get().pending_end_id == review.pk
    sign_out(page)

    sign_in(page, people["sm"])
    page.goto(f"/children/{child.pk}/protection/plans/{plan.pk}/")
    page.get_by_role("link", name="Decide on ending the plan").click()
    axe_check(page, "early end decision")
    choose(page, "Your decision", "The plan can end on the review's date")
    page.get_by_label("Why", exact=True).fill("Father has left; school and health visitor see Lily daily; a "
                                             "child in need plan keeps support in place.")
    page.get_by_role("button", name="Record your decision").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ended")
    axe_check(page, "plan ended")
    screenshot(page, "64-plan-ended")
    ended = CpPlan.objects.get()
    assert ended.end_date == today and ended.early_end_approved_by == people["sm"]
    assert page.js_errors == []

    # On a phone the plan's tables scroll inside their own box; the page itself never scrolls sideways.
    sign_in(phone_page, worker)
    phone_page.goto(f"/children/{child.pk}/protection/plans/{plan.pk}/")
    expect(phone_page.get_by_role("heading", level=1)).to_contain_text("Child protection plan")
    assert phone_page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    axe_check(phone_page, "plan on a phone")
