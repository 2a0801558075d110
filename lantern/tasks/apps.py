from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "lantern.tasks"
    label = "tasks"
    verbose_name = "Background tasks"
