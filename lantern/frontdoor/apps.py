from django.apps import AppConfig


class FrontdoorConfig(AppConfig):
    name = "lantern.frontdoor"
    label = "frontdoor"
    verbose_name = "Front door: contacts, referral form, decisions and notifications"

    def ready(self) -> None:
        from . import chronology, obligations, panels  # noqa: F401  (obligations registers its source)

        chronology.register()
        panels.register()
