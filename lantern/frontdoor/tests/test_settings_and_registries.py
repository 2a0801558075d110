"""The authority's settings, the triage page, the chronology, the summary panel and the hand-over
to the child protection part."""

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from lantern.access.policy import sections_for
from lantern.accounts.roles import Role
from lantern.chronology.registry import events_for
from lantern.frontdoor.models import DomesticAbuseNotification, FrontDoorSettings, ThresholdLevel
from lantern.frontdoor.selectors.queue import strategy_needed
from lantern.frontdoor.services import strategy_arranged, threshold_level_save
from lantern.frontdoor.testing import decide, received_contact
from lantern.people.panels import panels_for
from lantern.service_layer.concurrency import ConcurrentEditError


def test_a_service_manager_changes_the_levels_and_what_needs_authorisation(client, make_user):
    manager = make_user(Role.SERVICE_MANAGER)
    client.force_login(manager)
    level = ThresholdLevel.objects.get(name="Early help")
    response = client.post(f"/front-door/settings/levels/{level.pk}/", {
        "name": "Early help (targeted)", "order": 2, "descriptor": level.descriptor, "examples": "One\nTwo",
        "allowed_outcomes": ["early_help", "advice"], "is_active": "on", "version": level.version})
    assert response.status_code == 302
    level.refresh_from_db()
    assert level.name == "Early help (targeted)" and level.example_list == ["One", "Two"] and level.version == 2
    client.post("/front-door/settings/", {"authorisation_required_for": ["nfa"], "version": 1})
    assert FrontDoorSettings.current().authorisation_required_for == ["nfa"]
    with pytest.raises(ConcurrentEditError):
        threshold_level_save(actor=manager, level=level, expected_version=1, data={
            "name": "Stale", "descriptor": "x", "allowed_outcomes": ["nfa"], "order": 2})


def test_a_level_needs_a_decision_that_fits_it(make_user):
    with pytest.raises(ValidationError) as refused:
        threshold_level_save(actor=make_user(Role.ADMINISTRATOR), data={"name": "Level five", "order": 5,
                                                                       "descriptor": "", "allowed_outcomes": []})
    assert set(refused.value.message_dict) == {"descriptor", "allowed_outcomes"}


def test_triage_through_the_page(client, screener):
    n = DomesticAbuseNotification.objects.create(
        police_reference="WM/88", incident_date=timezone.localdate(), received_at=timezone.now(),
        received_on=timezone.localdate(), victim_name="Sam Example", address="1 Test Street",
        children_reported="Y", police_risk="high")
    client.force_login(screener)
    refused = client.post(f"/front-door/notifications/{n.pk}/", {"triage": "1", "version": 1, "risk_level": "high",
                                                                  "children_present": "yes"}).content.decode()
    assert "A high-risk notification must be referred to MARAC" in refused and "govuk-error-summary" in refused
    client.post(f"/front-door/notifications/{n.pk}/", {"triage": "1", "version": 1, "risk_level": "high",
                                                       "children_present": "yes", "raise_contact": "on",
                                                       "marac_referred": "on"})
    n.refresh_from_db()
    assert n.status == "contact_raised" and n.marac_outcome == "pending" and n.contact.source == "6"


def _panel_html(user, child) -> str:
    panel = next(p for p in panels_for(sections_for(user)) if p.key == "frontdoor_contacts")
    request = RequestFactory().get("/")
    request.user = user
    context = panel.context(request=request, child=child, today=timezone.localdate())
    return render_to_string(panel.template, {"panel": {**context, "child": child, "request": request}})


def test_contacts_and_decisions_join_the_childs_chronology_and_summary(screener, manager, child):
    contact = received_contact(screener, child)
    decide(manager, contact)
    kinds = {e.kind for e in events_for(child)}
    assert {"contact", "frontdoor_decision"} <= kinds
    html = _panel_html(screener, child)
    assert f"/front-door/contacts/{contact.pk}/" in html and "No further action" in html
    assert "1 contact in the last 12 months" in html


def test_partners_do_not_see_the_contacts_panel(make_user):
    partner = make_user(Role.PARTNER_PRACTITIONER)
    assert "frontdoor_contacts" not in {p.key for p in panels_for(sections_for(partner))}


def test_child_protection_takes_a_strategy_discussion_off_the_list(screener, child, make_user):
    contact = received_contact(screener, child)
    decide(screener, contact, outcome="strategy", level_name="Child protection", primary_need="N1")
    assert strategy_needed()
    strategy_arranged(actor=make_user(Role.SOCIAL_WORKER), contact=contact)
    assert not strategy_needed()


def test_a_recompute_moves_the_queues_own_decision_due_dates(screener, make_user):
    from datetime import timedelta

    from lantern.accounts.roles import Role
    from lantern.frontdoor.testing import received_contact
    from lantern.obligations.clock import current_clock
    from lantern.obligations.recompute import recompute_due_dates
    from lantern.obligations.services import closure_day_add

    contact = received_contact(screener)
    due = contact.decision_due
    assert due is not None
    closure_day_add(actor=make_user(Role.ADMINISTRATOR), day=due, label="Staff training day")
    recompute_due_dates()
    contact.refresh_from_db()
    assert contact.decision_due == current_clock().calendar.add_working_days(contact.received_on, 1)
    assert contact.decision_due > due and contact.decision_due - due <= timedelta(days=4)
