from django.apps import AppConfig


class RevisionsConfig(AppConfig):
    name = "lantern.revisions"
    label = "revisions"
    verbose_name = "Earlier versions of replaced text"
