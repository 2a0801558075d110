from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "lantern.people"
    label = "people"
    verbose_name = "Children and families"

    def ready(self) -> None:
        from . import chronology

        chronology.register()
