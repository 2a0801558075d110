from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "lantern.returns"
    label = "returns"
    verbose_name = "Statutory returns and performance"

    def ready(self) -> None:
        from lantern.people.panels import register_panel

        from .annex_a import services as _annex_a  # noqa: F401  (each services module registers its tasks)
        from .cin_census import services as _census  # noqa: F401
        from .cin_census.panels import CENSUS_PANEL
        from .partnership import services as _partnership  # noqa: F401

        register_panel(CENSUS_PANEL)
