"""The parts of the child's journey, found rather than listed (ADR 0011, amended).

A part is an app under ``lantern/`` whose ``apps.py`` declares a ``PartConfig``. Settings, URLs, the
API, the navigation, the permission table, the permission-matrix test and the synthetic generator all
find parts here, in journey order (``order``), so adding a part touches no central file:
``manage.py start_part <name>`` lays one out.

A part contributes through modules of these names, each optional:

| module | what it holds |
| --- | --- |
| ``permissions.py`` | ``PERMISSIONS``: permission name to roles, merged into the one access policy |
| ``navigation.py`` | ``NAV``: the part's items in the service navigation |
| ``urls.py`` | its pages, included at the site's root |
| ``api.py`` | ``router``, added to the API at /api/v1 |
| ``chronology.py`` | ``KINDS`` (kind, label, events) for the chronology; ``ACTIVITIES`` (name, activities) |
| ``panels.py`` | ``CHILD_PANELS`` on the child's summary; ``EPISODE_PANELS`` on an episode's page |
| ``obligations.py`` | its statutory deadlines' sources, registered as the module is imported |
| ``synthetic/`` | ``synthesise(ctx)``: the part's records in the synthetic authority |
| ``tests/matrix.py`` | ``PAGES``, ``ENDPOINTS`` and ``world`` for the permission matrix |

Modules that register background task kinds as they are imported are named in ``task_modules``."""

from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import AppConfig

ROOT = Path(__file__).resolve().parent


class PartConfig(AppConfig):
    """The app config of a part of the journey; ``order`` places it in the journey."""

    order: int = 100
    task_modules: tuple[str, ...] = ()

    def ready(self) -> None:
        from lantern.chronology.registry import register_kind
        from lantern.people.panels import register_panel
        from lantern.referrals.activity import register_activity
        from lantern.referrals.episode_panels import register_episode_panel

        chronology, panels = self._module("chronology"), self._module("panels")
        self._module("obligations")
        for name in self.task_modules:
            import_module(f"{self.name}.{name}")
        for kind, label, events in getattr(chronology, "KINDS", ()):
            register_kind(kind, label, events)
        for name, activities in getattr(chronology, "ACTIVITIES", ()):
            register_activity(name, activities)
        for panel in getattr(panels, "CHILD_PANELS", ()):
            register_panel(panel)
        for panel in getattr(panels, "EPISODE_PANELS", ()):
            register_episode_panel(panel)

    def _module(self, name: str):
        dotted = f"{self.name}.{name}"
        return import_module(dotted) if find_spec(dotted) is not None else None


def part_configs() -> list[type[PartConfig]]:
    """Every part's config class, in journey order. Only ``apps.py`` modules are imported, which
    import no models, so settings may call this."""
    found = []
    for package in sorted(p.name for p in ROOT.iterdir() if (p / "apps.py").is_file()):
        module = import_module(f"lantern.{package}.apps")
        found += [value for value in vars(module).values()
                  if isinstance(value, type) and issubclass(value, PartConfig) and value is not PartConfig
                  and value.__module__ == module.__name__]
    orders = [config.order for config in found]
    if len(orders) != len(set(orders)):
        raise ValueError(f"Two parts share a place in the journey: {sorted(orders)}")
    return sorted(found, key=lambda config: config.order)


def part_apps() -> list[str]:
    """The parts' app configs (``lantern.cin.apps.CinConfig``), for INSTALLED_APPS."""
    return [f"{config.__module__}.{config.__name__}" for config in part_configs()]


def part_names() -> tuple[str, ...]:
    """The parts' short names (``cin``), in journey order: the stages, the navigation, the API."""
    return tuple(config.__module__.split(".")[1] for config in part_configs())


def part_modules(name: str) -> list:
    """Each part's module called ``name`` (``"navigation"``), in journey order, where it has one."""
    modules = []
    for part in part_names():
        dotted = f"lantern.{part}.{name}"
        if find_spec(dotted) is not None:
            modules.append(import_module(dotted))
    return modules
