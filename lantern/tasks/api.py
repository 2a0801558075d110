"""A background task's progress, and trying a failed one again, for the person who started it."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from .models import BackgroundTask
from .runner import task_retry, tasks_mark_stopped

router = Router(tags=["Background tasks"])


class TaskOut(Schema):
    id: int
    kind: str
    title: str
    status: str
    done: int
    total: int
    message: str
    result: dict | None
    attempts: int
    can_retry: bool
    created_at: datetime
    finished_at: datetime | None


def task_out(task: BackgroundTask) -> dict:
    return {**{f: getattr(task, f) for f in TaskOut.model_fields if f != "can_retry"},
            "can_retry": task.status == BackgroundTask.Status.FAILED}


def _own(request, task_id: int) -> BackgroundTask:
    tasks_mark_stopped()
    return get_object_or_404(BackgroundTask, pk=task_id, started_by=request.auth)


@router.get("/tasks/{task_id}", response=TaskOut, summary="A task you started: its progress, or why it failed",
            description="Only the person who started a task sees it; to anyone else it does not exist (404).")
def task_detail(request, task_id: int):
    return task_out(_own(request, task_id))


@router.post("/tasks/{task_id}/retry", response=TaskOut, summary="Start a failed task again",
             description="With the same inputs; refused (422) unless the task failed.")
def task_retry_endpoint(request, task_id: int):
    return task_out(task_retry(actor=request.auth, task=_own(request, task_id)))
