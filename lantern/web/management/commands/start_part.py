"""Lay out a new part of the child's journey, found by Lantern with no central file edited."""

import keyword
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lantern.parts import ROOT, part_configs

SKELETON = Path(__file__).resolve().parents[2] / "part_skeleton"
# template file → where it goes in the new part
FILES = {
    "__init__.py.tmpl": "__init__.py", "apps.py.tmpl": "apps.py", "models.py.tmpl": "models.py",
    "permissions.py.tmpl": "permissions.py", "navigation.py.tmpl": "navigation.py", "urls.py.tmpl": "urls.py",
    "views.py.tmpl": "views.py", "services.py.tmpl": "services.py", "selectors.py.tmpl": "selectors.py",
    "api.py.tmpl": "api.py", "synthetic.py.tmpl": "synthetic/__init__.py",
    "child.html.tmpl": "templates/{name}/child.html", "matrix.py.tmpl": "tests/matrix.py",
    "test_part.py.tmpl": "tests/test_{name}.py",
}
EMPTY = ("migrations/__init__.py", "tests/__init__.py")


def fill(text: str, values: dict[str, str]) -> str:
    return re.sub(r"\{\{(name|Name|title|order|slug)\}\}", lambda m: values[m[1]], text)


class Command(BaseCommand):
    help = ("Lay out a new part under lantern/ (its app config, permissions, page, API router, synthetic "
            "stage and permission-matrix rows); settings, URLs and the API find it with no other edit.")

    def add_arguments(self, parser):
        parser.add_argument("name", help="the part's name, a Python identifier such as early_help")
        parser.add_argument("--title", help="what the part holds, in words")
        parser.add_argument("--order", type=int, help="its place in the journey (default: after the last part)")
        parser.add_argument("--directory", type=Path, default=ROOT, help="where to write it (default: lantern/)")

    def handle(self, *args, name: str, title: str | None, order: int | None, directory: Path, **options):
        if not name.isidentifier() or keyword.iskeyword(name) or name != name.lower():
            raise CommandError(f"{name!r} is not a lower-case Python identifier")
        target = directory / name
        if target.exists():
            raise CommandError(f"{target} already exists")
        orders = [config.order for config in part_configs()]
        place = order if order is not None else max(orders, default=0) + 10
        if place in orders:
            raise CommandError(f"Place {place} in the journey is taken; choose another --order")
        values = {"name": name, "Name": name.title().replace("_", ""), "order": str(place),
                  "title": title or name.replace("_", " ").capitalize(), "slug": name.replace("_", "-")}
        for template, path in FILES.items():
            out = target / path.format(name=name)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(fill((SKELETON / template).read_text(), values))
        for path in EMPTY:
            (target / path).parent.mkdir(parents=True, exist_ok=True)
            (target / path).write_text("")
        self.stdout.write(f"Wrote the part '{name}' in {target}, at place {place} in the journey. Next: its models and "
                          f"`manage.py makemigrations {name}`, then its pages, with a row each in tests/matrix.py.")
