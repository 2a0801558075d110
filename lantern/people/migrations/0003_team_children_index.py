
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('people', '0002_allocation_allocation_span_idx_and_more'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='person',
            index=models.Index(condition=models.Q(('current_team__isnull', False), ('is_child_record', True)), fields=['current_team'], include=('id', 'current_worker', 'is_restricted'), name='person_team_idx'),
        ),
    ]
