
import django.db.models.deletion
from django.db import migrations, models

# PostgreSQL guesses how many deadlines are open by multiplying the share of rows not met by the
# share not withdrawn, as if they were unrelated; they are not, and the guess came out four times
# too high, which made it read every child instead of the few thousand with an open deadline.
# Statistics on the pair give it the real share. Other databases have no such statistics.
STATISTICS = "obligation_open_stats"


def create_statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE STATISTICS IF NOT EXISTS {STATISTICS} (mcv) ON met_on, withdrawn_on "
                              "FROM obligations_obligation")


def drop_statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {STATISTICS}")


class Migration(migrations.Migration):

    dependencies = [
        ('obligations', '0002_remove_obligation_obligations_rule_id_93a96f_idx_and_more'),
        ('people', '0002_allocation_allocation_span_idx_and_more'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='obligation',
            name='obligation_open_due_idx',
        ),
        migrations.AlterField(
            model_name='obligation',
            name='child',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='obligations', to='people.person'),
        ),
        migrations.AddIndex(
            model_name='obligation',
            index=models.Index(condition=models.Q(('met_on__isnull', True), ('withdrawn_on__isnull', True)), fields=['child', 'due_date'], include=('rule_id',), name='obligation_open_idx'),
        ),
        migrations.RunPython(create_statistics, drop_statistics),
    ]
