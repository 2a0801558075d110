from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from lantern.web.decorators import page

from .models import BackgroundTask
from .runner import task_retry, tasks_mark_stopped


def _own_task(request, pk: int) -> BackgroundTask:
    # Checked on every view of a task, so a task whose process died never shows as running for long.
    tasks_mark_stopped()
    return get_object_or_404(BackgroundTask, pk=pk, started_by=request.user)


@page()
def task_detail(request, pk: int):
    """Progress of a task the reader started; the page refreshes itself until it finishes."""
    return render(request, "tasks/task_detail.html", {"task": _own_task(request, pk)})


@page()
def task_retry_page(request, pk: int):
    """Start a failed task's work again with the same inputs (its starter, with the permission that starts it)."""
    task = _own_task(request, pk)
    problem = ""
    if request.method == "POST":
        try:
            task_retry(actor=request.user, task=task)
        except ValidationError as exc:
            problem = " ".join(exc.messages)
        else:
            messages.success(request, "The task was started again")
            return redirect("tasks:task_detail", pk=task.pk)
    elif task.status != BackgroundTask.Status.FAILED:
        problem = "Only a task that failed can be tried again"
    return render(request, "tasks/task_retry.html", {"task": task, "problem": problem}, status=422 if problem and
                  request.method == "POST" else 200)
