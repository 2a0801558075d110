"""Finding 8 of the hostile-insider probe: bulk reads were audited as one row with no child, so a
child's "who has looked" page never showed them. Each list, search and export now names every
child it showed or wrote, and the child's access log lists it."""

from lantern.accounts.roles import Role
from lantern.audit_log.selectors import audit_events_for_child
from lantern.returns.models import CensusExport
from lantern.returns.tests import casework as cw
from lantern.testing.api import bearer
from lantern.testing.factories import ChildFactory


def _seen_by(child, user) -> set[str]:
    return {f"{e.action} {e.object_type}" for e in audit_events_for_child(child.pk).filter(actor=user)}


def test_a_search_page_and_the_api_search_name_each_child_they_showed(client, social_worker, team):
    shown = [ChildFactory(first_name="Idris", last_name="Pellowe", current_team=team) for _ in range(2)]
    client.force_login(social_worker)
    client.get("/children/?q=Idris+Pellowe")
    client.get("/api/v1/children?q=Pellowe", **bearer(social_worker))
    for child in shown:
        rows = audit_events_for_child(child.pk).filter(actor=social_worker, action="search")
        assert sorted(rows.values_list("via", flat=True)) == ["api", "web"]


def test_a_work_list_names_each_child_on_it(client, social_worker, team):
    from lantern.obligations.tests.test_worklists import refer

    child = ChildFactory(current_team=team, current_worker=social_worker)
    refer(child, social_worker, 3)
    client.force_login(social_worker)
    assert client.get("/work/").status_code == 200
    assert "list obligations" in _seen_by(child, social_worker)


def test_the_access_log_shows_a_list_that_showed_the_child_among_others(client, social_worker, team, make_user):
    child = ChildFactory(first_name="Idris", last_name="Pellowe", current_team=team)
    ChildFactory(first_name="Idris", last_name="Pellowe", current_team=team)
    client.force_login(social_worker)
    client.get("/children/?q=Idris+Pellowe")
    client.force_login(make_user(Role.TEAM_MANAGER, team=team))
    log = client.get(f"/children/{child.pk}/access-log/").content.decode()
    assert "Searched child&#x27;s record" in log and "(among other children)" in log


def test_a_census_export_and_each_download_name_every_child_in_the_return(client, make_user, team, social_worker):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    child = cw.protected_child(team, social_worker, make_user(Role.CP_CHAIR))
    client.force_login(analyst)
    client.post("/returns/cin-census/", {"year": 2025, "action": "export"})
    export = CensusExport.objects.get()
    client.get(f"/returns/cin-census/exports/{export.pk}/file/")
    assert {"export cin_census_export", "export cin_census_download"} <= _seen_by(child, analyst)
