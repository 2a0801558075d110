"""Run a function in a background thread, recording progress on a BackgroundTask row.

A thread keeps set-up to nothing for a newcomer; each task writes its own progress in short
transactions, so a page can poll it. See docs/adr/0009-background-tasks.md for the limits."""

import logging
import threading
from collections.abc import Callable

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import BackgroundTask

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]


def _progress_writer(task_id: int) -> Progress:
    def report(done: int, total: int, message: str = "") -> None:
        BackgroundTask.objects.filter(pk=task_id).update(done=done, total=total, message=message[:300])
    return report


def _run(task_id: int, work: Callable[[Progress], dict | None]) -> None:
    BackgroundTask.objects.filter(pk=task_id).update(status=BackgroundTask.Status.RUNNING)
    try:
        result = work(_progress_writer(task_id))
    except Exception as exc:  # the task's page must say it failed, whatever the failure was
        log.exception("Background task %s failed", task_id)
        BackgroundTask.objects.filter(pk=task_id).update(status=BackgroundTask.Status.FAILED,
                                                         message=f"Failed: {exc}"[:300], finished_at=timezone.now())
    else:
        BackgroundTask.objects.filter(pk=task_id).update(status=BackgroundTask.Status.DONE, result=result,
                                                         finished_at=timezone.now())


def task_start(*, kind: str, title: str, actor, work: Callable[[Progress], dict | None]) -> BackgroundTask:
    task = BackgroundTask.objects.create(kind=kind, title=title, started_by=actor)
    if getattr(settings, "LANTERN_TASKS_INLINE", False):  # tests: run in the caller's thread
        _run(task.pk, work)
        task.refresh_from_db()
        return task

    def target() -> None:
        try:
            _run(task.pk, work)
        finally:
            connection.close()

    # Start only once the task row is committed, so the thread can see it.
    transaction.on_commit(threading.Thread(target=target, name=f"task-{task.pk}", daemon=True).start)
    return task
