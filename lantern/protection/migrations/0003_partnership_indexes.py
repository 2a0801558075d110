"""Indexes for the safeguarding partnership's compendium (lantern/returns/partnership/selectors/):
the strategy discussions and core groups of a period are found from these alone rather than by
reading the tables.

Database only: the models do not declare them, so the migration state (and makemigrations) is
unchanged; ``include`` is ignored by databases without covering indexes."""

from django.db import migrations, models

INDEXES = [
    ("strategydiscussion", models.Index(fields=["held_on"], include=["referrer_agency", "id"],
                                        name="strategy_held_referrer_idx")),
    ("coregroup", models.Index(fields=["held_on"], include=["id"], name="core_group_held_idx")),
]


class Migration(migrations.Migration):

    dependencies = [
        ("protection", "0002_cpvisit_cp_visit_date_seen_idx"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AddIndex(model_name=model, index=index) for model, index in INDEXES],
            state_operations=[],
        ),
    ]
