"""Run a registered kind of work in a background thread, recording progress on a BackgroundTask row.

A thread keeps set-up to nothing for a newcomer; each task writes its own progress in short
transactions, so a page can poll it. A running task stamps a heartbeat (every progress write does,
and a small timer does between them), so a task whose process died is found and marked failed
rather than shown as running for ever; it can then be tried again with the same inputs. See
docs/adr/0009-background-tasks.md."""

import json
import logging
import threading
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from lantern.audit_log.context import current_origin, reset_origin, set_origin
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.tasks.audit_types import BACKGROUND_TASK

from .models import BackgroundTask
from .registry import Progress, kind_for

log = logging.getLogger(__name__)
ACTIVE = (BackgroundTask.Status.QUEUED, BackgroundTask.Status.RUNNING)
STOPPED = "Stopped unexpectedly: the work was interrupted (for example, the server restarted). Try again."


def stale_after() -> timedelta:
    return timedelta(seconds=getattr(settings, "LANTERN_TASK_STALE_AFTER", 600))


def _progress_writer(task_id: int) -> Progress:
    def report(done: int, total: int, message: str = "") -> None:
        BackgroundTask.objects.filter(pk=task_id).update(done=done, total=total, message=message[:300],
                                                         heartbeat_at=timezone.now())
    return report


def _beat(task_id: int, stop: threading.Event) -> None:
    # A long step writes no progress; the heartbeat must not stop with it.
    interval = max(stale_after().total_seconds() / 10, 1)
    try:
        while not stop.wait(interval):
            BackgroundTask.objects.filter(pk=task_id, status=BackgroundTask.Status.RUNNING).update(
                heartbeat_at=timezone.now())
    finally:
        connection.close()


def _run(task_id: int, origin) -> None:
    token = set_origin(origin)  # the thread writes its audit rows with the starting request's address
    stop = threading.Event()
    try:
        task = BackgroundTask.objects.select_related("started_by").get(pk=task_id)
        BackgroundTask.objects.filter(pk=task_id).update(status=BackgroundTask.Status.RUNNING,
                                                         heartbeat_at=timezone.now())
        if not getattr(settings, "LANTERN_TASKS_INLINE", False):
            threading.Thread(target=_beat, args=(task_id, stop), name=f"task-{task_id}-beat", daemon=True).start()
        result = kind_for(task.kind).run(task.started_by, task.inputs, _progress_writer(task_id))
    except Exception as exc:  # the task's page must say it failed, whatever the failure was
        message = failure_message(exc)
        log.exception("Background task %s failed (%s)", task_id, message)
        BackgroundTask.objects.filter(pk=task_id).update(status=BackgroundTask.Status.FAILED,
                                                         message=f"Failed: {message}"[:300], finished_at=timezone.now())
    else:
        BackgroundTask.objects.filter(pk=task_id).update(status=BackgroundTask.Status.DONE, result=result,
                                                         finished_at=timezone.now())
    finally:
        stop.set()
        reset_origin(token)


def _launch(task: BackgroundTask) -> BackgroundTask:
    origin = current_origin()
    if getattr(settings, "LANTERN_TASKS_INLINE", False):  # tests: run in the caller's thread
        _run(task.pk, origin)
        task.refresh_from_db()
        return task

    def target() -> None:
        try:
            _run(task.pk, origin)
        finally:
            connection.close()

    # Start only once the task row is committed, so the thread can see it.
    transaction.on_commit(threading.Thread(target=target, name=f"task-{task.pk}", daemon=True).start)
    return task


def task_start(*, kind: str, title: str, actor, inputs: dict) -> BackgroundTask:
    """Start the registered ``kind`` for ``actor``; its permission is checked here as well as by the caller."""
    definition = kind_for(kind)
    definition.permit(actor)
    json.dumps(inputs)  # a value that is not plain JSON fails now, not when the task is tried again
    task = BackgroundTask.objects.create(kind=kind, title=title[:200], started_by=actor, inputs=inputs)
    return _launch(task)


def _stale(rows):
    cutoff = timezone.now() - stale_after()
    return rows.filter(status__in=ACTIVE).filter(Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True,
                                                                                 created_at__lt=cutoff))


def task_checked(task: BackgroundTask) -> BackgroundTask:
    """The task as it is now, marked failed first if its process died: for the pages that show a
    task's progress inside their own (an export, an import, an upload)."""
    if task.is_active and _stale(BackgroundTask.objects.filter(pk=task.pk)).update(
            status=BackgroundTask.Status.FAILED, message=STOPPED, finished_at=timezone.now()):
        task.refresh_from_db()
    return task


def tasks_mark_stopped() -> int:
    """Mark failed every task still waiting or running whose heartbeat (or, never started, whose
    creation) is older than LANTERN_TASK_STALE_AFTER seconds. Run at start-up and on the task pages."""
    return _stale(BackgroundTask.objects.all()).update(status=BackgroundTask.Status.FAILED, message=STOPPED,
                                                       finished_at=timezone.now())


def task_retry(*, actor, task: BackgroundTask) -> BackgroundTask:
    """Start a failed task's work again with the same inputs, on the same row (so the export or import
    it belongs to follows it). Only its starter may, and only with the permission that starts it."""
    from django.core.exceptions import PermissionDenied, ValidationError

    if task.started_by_id != actor.pk:
        raise PermissionDenied("Only the person who started a task can try it again")
    definition = kind_for(task.kind)
    definition.permit(actor)
    with atomic():
        locked = BackgroundTask.objects.select_for_update().get(pk=task.pk)
        if locked.status != BackgroundTask.Status.FAILED:
            raise ValidationError("Only a task that failed can be tried again")
        BackgroundTask.objects.filter(pk=task.pk).update(
            status=BackgroundTask.Status.QUEUED, done=0, total=0, result=None, finished_at=None, heartbeat_at=None,
            attempts=locked.attempts + 1, message=f"Trying again (attempt {locked.attempts + 1})")
        audit_record(actor=actor, action=Action.UPDATE, object_type=BACKGROUND_TASK, object_id=task.pk,
                     changes={"status": [locked.status, BackgroundTask.Status.QUEUED]},
                     detail=f"tried again: {task.kind}, attempt {locked.attempts + 1}")
        task.refresh_from_db()
        return _launch(task)


def failure_message(exc: Exception) -> str:
    """What a person may be shown of a failure. A refusal Lantern raised on purpose says what is
    wrong; anything else (a database error above all, whose text can hold a row's values) is shown
    only as a reference to the log line that holds the details."""
    from django.core.exceptions import PermissionDenied, ValidationError

    if isinstance(exc, ValidationError | PermissionDenied | ValueError):
        return "; ".join(getattr(exc, "messages", None) or [str(exc)])
    return f"an unexpected error (reference {uuid.uuid4().hex[:12]} in the server's log)"
