from django import template

from ..runner import task_checked

register = template.Library()


@register.simple_tag
def checked_task(task):
    """``{% checked_task task as task %}``: a page showing a task's progress never shows a dead task as running."""
    return task_checked(task) if task is not None else None
