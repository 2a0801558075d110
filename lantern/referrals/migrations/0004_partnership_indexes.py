"""An index for the safeguarding partnership's compendium (lantern/returns/partnership/selectors/
front_door.py): referrals by source over a period read it alone, not the table.

Database only: the model does not declare it, so the migration state (and makemigrations) is
unchanged; ``include`` is ignored by databases without covering indexes."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("referrals", "0003_episode_episode_referral_not_nfa_idx_and_more"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AddIndex(
                model_name="episode",
                index=models.Index(fields=["referral_date"], include=["referral_source", "id"],
                                   name="episode_referral_source_idx"))],
            state_operations=[],
        ),
    ]
