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


def _out(task: BackgroundTask) -> dict:
    return {**{f: getattr(task, f) for f in TaskOut.model_fields if f != "can_retry"},
            "can_retry": task.status == BackgroundTask.Status.FAILED}


def _own(request, pk: int) -> BackgroundTask:
    tasks_mark_stopped()
    return get_object_or_404(BackgroundTask, pk=pk, started_by=request.auth)


@router.get("/tasks/{pk}", response=TaskOut, summary="A task you started: its progress, or why it failed")
def task_detail(request, pk: int):
    return _out(_own(request, pk))


@router.post("/tasks/{pk}/retry", response=TaskOut,
             summary="Start a failed task again with the same inputs (422 unless it failed)")
def task_retry_endpoint(request, pk: int):
    return _out(task_retry(actor=request.auth, task=_own(request, pk)))
