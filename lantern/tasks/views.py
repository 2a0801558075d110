from django.shortcuts import get_object_or_404, render

from lantern.web.decorators import page

from .models import BackgroundTask


@page()
def task_detail(request, pk: int):
    """Progress of a task the reader started; the page refreshes itself until it finishes."""
    task = get_object_or_404(BackgroundTask, pk=pk, started_by=request.user)
    return render(request, "tasks/task_detail.html", {"task": task})
