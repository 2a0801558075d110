from django.apps import AppConfig


class FrontdoorConfig(AppConfig):
    name = "lantern.frontdoor"
    label = "frontdoor"
    verbose_name = "Front door: contacts, referral form, decisions and notifications"

    def ready(self) -> None:
        from . import chronology, obligations, panels  # noqa: F401  (obligations registers its source)
        from .services import notifications  # noqa: F401  (registers the upload's background task)

        chronology.register()
        panels.register()
