"""What the application does about background tasks as it starts: a task left waiting or running by
a process that has since died is marked failed, so its page offers "Try again" instead of a
progress bar that never moves."""

import logging

from django.db import DatabaseError

log = logging.getLogger(__name__)


def mark_stopped_tasks() -> int:
    from .runner import tasks_mark_stopped

    try:
        stopped = tasks_mark_stopped()
    except DatabaseError:  # no tables yet (a first migrate); the task pages check again
        log.warning("Could not check for stopped background tasks at start-up", exc_info=True)
        return 0
    if stopped:
        log.warning("%s background task(s) had stopped unexpectedly and are marked failed", stopped)
    return stopped
