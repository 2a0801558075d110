from django.apps import AppConfig


class ObligationsConfig(AppConfig):
    name = "lantern.obligations"
    label = "obligations"
    verbose_name = "Statutory clock: obligations and work lists"

    def ready(self) -> None:
        from . import services  # noqa: F401  (registers the recompute task)
