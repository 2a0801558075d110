from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "lantern.referrals"
    label = "referrals"
    verbose_name = "Child in need episodes"

    def ready(self) -> None:
        from . import obligations  # noqa: F401  (registers the episode's timescales)
