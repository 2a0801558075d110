from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "lantern.returns"
    label = "returns"
    verbose_name = "Statutory returns and performance"

    def ready(self) -> None:
        from lantern.people.panels import register_panel

        from .cin_census.panels import CENSUS_PANEL

        register_panel(CENSUS_PANEL)
