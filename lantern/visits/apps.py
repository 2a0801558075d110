from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "lantern.visits"
    label = "visits"
    verbose_name = "Statutory visits"
