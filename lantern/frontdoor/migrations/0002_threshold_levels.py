"""Seed the starting threshold framework (lantern/frontdoor/default_levels.py)."""

from django.db import migrations

from lantern.frontdoor.default_levels import ensure_default_levels


def seed(apps, schema_editor):
    ensure_default_levels(apps.get_model("frontdoor", "ThresholdLevel"))


class Migration(migrations.Migration):
    dependencies = [("frontdoor", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
