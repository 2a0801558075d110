"""Background tasks never hang: a task whose process died (no heartbeat) is marked failed at start-up
and when its page is viewed; "Try again" starts the same registered work with the same inputs, for
its starter only and under the permission that starts it; the registry refuses a bad kind at import."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from lantern.accounts.models import ApiToken
from lantern.accounts.roles import Role
from lantern.obligations.services import recompute_start
from lantern.tasks.models import BackgroundTask
from lantern.tasks.registry import KINDS, register_task
from lantern.tasks.runner import STOPPED, task_start
from lantern.tasks.startup import mark_stopped_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(make_user):
    return make_user(Role.ADMINISTRATOR)


def _died(admin, *, minutes: int = 60, kind: str = "recompute_obligations") -> BackgroundTask:
    """A task left running by a process that died ``minutes`` ago."""
    task = BackgroundTask.objects.create(kind=kind, title="Recomputing due dates", started_by=admin,
                                         status=BackgroundTask.Status.RUNNING, inputs={})
    BackgroundTask.objects.filter(pk=task.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=minutes))
    return task


def test_a_task_whose_process_died_is_marked_failed_when_its_page_is_viewed(client, admin):
    task = _died(admin)
    client.force_login(admin)
    page = client.get(f"/tasks/{task.pk}/").content.decode()
    task.refresh_from_db()
    assert task.status == BackgroundTask.Status.FAILED and task.message == STOPPED
    assert "Stopped unexpectedly" in page and "Try again" in page and 'http-equiv="refresh"' not in page


def test_a_task_with_a_recent_heartbeat_is_left_running(client, admin):
    task = _died(admin, minutes=1)
    client.force_login(admin)
    client.get(f"/tasks/{task.pk}/")
    task.refresh_from_db()
    assert task.status == BackgroundTask.Status.RUNNING


def test_stale_tasks_are_marked_failed_when_the_application_starts(admin):
    dead, waiting = _died(admin), _died(admin, minutes=2)
    assert mark_stopped_tasks() == 1
    dead.refresh_from_db()
    waiting.refresh_from_db()
    assert (dead.status, waiting.status) == ("failed", "running")


def test_try_again_starts_the_same_work_with_the_same_inputs(client, admin):
    task = _died(admin)
    client.force_login(admin)
    client.get(f"/tasks/{task.pk}/")
    assert "Try again" in client.get(f"/tasks/{task.pk}/retry/").content.decode()
    response = client.post(f"/tasks/{task.pk}/retry/")
    assert response.status_code == 302 and response["Location"] == f"/tasks/{task.pk}/"
    task.refresh_from_db()
    assert (task.status, task.attempts, task.inputs) == ("done", 2, {})
    assert task.result["Due dates checked"] == 0


def test_try_again_needs_the_permission_that_starts_the_task(client, admin):
    task = _died(admin)
    client.get(f"/tasks/{task.pk}/")
    admin.role = Role.QA_AUDITOR  # the starter's role changed since
    admin.save()
    client.force_login(admin)
    client.get(f"/tasks/{task.pk}/")
    assert client.post(f"/tasks/{task.pk}/retry/").status_code == 403
    task.refresh_from_db()
    assert task.status == "failed" and task.attempts == 1


def test_only_the_starter_can_try_again_and_only_a_failed_task(client, admin, make_user):
    task = _died(admin)
    client.force_login(make_user(Role.ADMINISTRATOR))
    assert client.post(f"/tasks/{task.pk}/retry/").status_code == 404
    done = recompute_start(actor=admin)
    client.force_login(admin)
    page = client.post(f"/tasks/{done.pk}/retry/").content.decode()
    assert "Only a task that failed can be tried again" in page


def test_the_task_api_reads_and_tries_again(client, admin):
    task = _died(admin)
    key = "task-api-key-1"
    ApiToken.objects.create(user=admin, name="test", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    read = client.get(f"/api/v1/tasks/{task.pk}", **headers).json()
    assert read["status"] == "failed" and read["message"] == STOPPED and read["can_retry"]
    again = client.post(f"/api/v1/tasks/{task.pk}/retry", **headers)
    assert again.status_code == 200 and again.json()["status"] == "done" and again.json()["attempts"] == 2
    assert client.post(f"/api/v1/tasks/{task.pk}/retry", **headers).status_code == 422


def test_inputs_must_be_plain_json(admin):
    with pytest.raises(TypeError):
        task_start(kind="recompute_obligations", title="x", actor=admin, inputs={"on": date(2025, 1, 1)})


@pytest.mark.parametrize("kind,run", [
    ("Bad Kind", lambda actor, inputs, progress: None),
    ("fine_kind", lambda actor: None),  # wrong arguments
])
def test_the_registry_refuses_a_bad_definition(kind, run):
    with pytest.raises(ImproperlyConfigured):
        register_task(kind, permit=lambda actor: None)(run)
    assert kind not in KINDS


def test_the_registry_refuses_a_kind_registered_twice():
    with pytest.raises(ImproperlyConfigured):
        register_task("recompute_obligations", permit=lambda actor: None)(lambda actor, inputs, progress: None)


def test_every_task_started_in_the_code_is_registered():
    assert {"frontdoor_notifications", "annex_a_export", "cin_census_export", "cin_census_validation",
            "cin_census_import", "partnership_compendium_pdf", "recompute_obligations"} <= set(KINDS)


def test_a_database_error_is_shown_only_as_a_reference_to_the_log():
    """A database error's text can hold a whole row (names, NHS number): it never reaches a page."""
    from django.db import IntegrityError

    from lantern.tasks.runner import failure_message

    said = failure_message(IntegrityError('null value violates not-null constraint DETAIL: Failing row contains '
                                          '(7, Wren, Testalley, 9990000018)'))
    assert "Testalley" not in said and "9990000018" not in said and "reference" in said
    assert failure_message(ValueError("The file is not in UTF-8")) == "The file is not in UTF-8"
