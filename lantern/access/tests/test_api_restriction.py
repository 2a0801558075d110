"""Restricting a record, reviewing break-glass access and reading its notices, through the API: the
same services, checks and audit trail as the pages."""

from datetime import timedelta

from django.utils import timezone

from lantern.access.models import BreakGlassAccess, NamedAccess, RestrictedRecordNotice
from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.testing.api import bearer
from lantern.testing.factories import ChildFactory


def _json(client, method, path, user, body=None):
    return getattr(client, method)(f"/api/v1{path}", body, content_type="application/json", **bearer(user))


def test_a_manager_restricts_a_record_to_named_people_and_a_social_worker_may_not(client, make_user, team, child,
                                                                                  social_worker):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    body = {"is_restricted": True, "named_user_ids": [social_worker.pk], "reason": "Family member works here"}
    assert _json(client, "put", f"/children/{child.pk}/restriction", social_worker, body).status_code == 403
    done = _json(client, "put", f"/children/{child.pk}/restriction", manager, body)
    assert done.status_code == 200 and done.json() == {"child_id": child.pk, "is_restricted": True,
                                                       "named_user_ids": sorted([social_worker.pk, manager.pk])}
    assert _json(client, "get", f"/children/{child.pk}/restriction", manager).json()["is_restricted"] is True
    assert AuditEvent.objects.filter(object_type="person", action="restrict", child_id=child.pk, via="api").exists()


def test_naming_someone_who_cannot_reach_the_record_is_refused_under_the_request_field(client, make_user, team,
                                                                                        child):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    elsewhere = make_user(Role.SOCIAL_WORKER)  # another team of the service: the child is outside their reach
    body = {"is_restricted": True, "named_user_ids": [elsewhere.pk], "reason": "Family member works here"}
    refused = _json(client, "put", f"/children/{child.pk}/restriction", manager, body)
    assert refused.status_code == 422 and list(refused.json()["errors"]) == ["named_user_ids"]
    assert not NamedAccess.objects.filter(child=child).exists()
    # The page shows the same refusal on its own field.
    client.force_login(manager)
    page = client.post(f"/children/{child.pk}/restriction/", {"is_restricted": "on", "named_users": [elsewhere.pk],
                                                              "reason": "Family member works here"})
    assert "cannot reach this record" in page.context["form"].errors["named_users"][0]


def test_an_administrator_reviews_break_glass_access_once(client, make_user, social_worker, team):
    admin = make_user(Role.ADMINISTRATOR)
    child = ChildFactory(current_team=team, is_restricted=True)
    access = BreakGlassAccess.objects.create(child=child, user=social_worker, reason="Police at the door need this now",
                                             started_at=timezone.now(), expires_at=timezone.now() + timedelta(hours=1))
    assert _json(client, "get", "/break-glass?status=pending", social_worker).status_code == 403
    pending = _json(client, "get", "/break-glass?status=pending", admin).json()["items"]
    assert [a["id"] for a in pending] == [access.pk]
    assert _json(client, "post", f"/break-glass/{access.pk}/review", social_worker, {"note": "Fine"}).status_code == 403
    done = _json(client, "post", f"/break-glass/{access.pk}/review", admin, {"note": "Justified: police request."})
    assert done.status_code == 200 and done.json()["reviewed_by_id"] == admin.pk
    again = _json(client, "post", f"/break-glass/{access.pk}/review", admin, {"note": "Again"})
    assert again.status_code == 422
    assert _json(client, "get", "/break-glass?status=pending", admin).json()["items"] == []


def test_notices_of_break_glass_are_read_and_marked_read(client, make_user, social_worker, team):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    child = ChildFactory(current_team=team, is_restricted=True)
    NamedAccess.objects.create(child=child, user=manager, granted_by=manager)
    access = BreakGlassAccess.objects.create(child=child, user=social_worker, reason="Police at the door need this now",
                                             started_at=timezone.now(), expires_at=timezone.now() + timedelta(hours=1))
    RestrictedRecordNotice.objects.create(recipient=manager, access=access, kind="opened")
    notices = _json(client, "get", "/me/break-glass-notices", manager).json()["items"]
    assert [(n["child_id"], n["by_user_id"], n["reason"]) for n in notices] == [(child.pk, social_worker.pk,
                                                                                  access.reason)]
    assert _json(client, "post", "/me/break-glass-notices/read", manager).json() == {"marked_read": 1}
    assert _json(client, "get", "/me/break-glass-notices", manager).json()["items"] == []
    assert _json(client, "post", "/me/break-glass-notices/read", make_user(Role.ADMINISTRATOR)).status_code == 403
