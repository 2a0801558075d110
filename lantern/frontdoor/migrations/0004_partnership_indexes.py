"""Indexes for the safeguarding partnership's compendium (lantern/returns/partnership/selectors/):
its counts over a period read these alone, not the tables.

Database only: the models do not declare them, so the migration state (and makemigrations) is
unchanged; ``include`` is ignored by databases without covering indexes."""

from django.db import migrations, models

ACCEPTED = models.Q(status="final", outcome__in=("referral", "strategy"))
EARLY_HELP = models.Q(status="final", outcome="early_help")

INDEXES = [
    ("contact", models.Index(fields=["received_on"], include=["status", "source", "discussed_with_parents", "id"],
                             name="contact_received_source_idx")),
    ("contactdecision", models.Index(fields=["contact"], condition=ACCEPTED,
                                     name="decision_final_accepted_idx")),
    ("contactdecision", models.Index(fields=["contact"], condition=EARLY_HELP,
                                     name="decision_final_early_help_idx")),
    ("domesticabusenotification", models.Index(fields=["received_on"],
                                               include=["status", "marac_outcome", "contact", "id"],
                                               name="notification_received_cov_idx")),
    ("agencycheck", models.Index(fields=["asked_on"], include=["agency", "contact", "id"],
                                 name="agency_check_asked_idx")),
]


class Migration(migrations.Migration):

    dependencies = [
        ("frontdoor", "0003_contact_contact_received_status_idx_and_more"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AddIndex(model_name=model, index=index) for model, index in INDEXES],
            state_operations=[],
        ),
    ]
