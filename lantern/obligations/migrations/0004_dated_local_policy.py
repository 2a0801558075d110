# Values set before this change keep applying to every record (effective from date.min).

import datetime
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('obligations', '0003_open_deadlines_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='localpolicysetting',
            options={'ordering': ['key', 'effective_from']},
        ),
        migrations.AddField(
            model_name='localpolicysetting',
            name='effective_from',
            field=models.DateField(default=datetime.date(1, 1, 1)),
        ),
        migrations.AlterField(
            model_name='localpolicysetting',
            name='key',
            field=models.CharField(max_length=60),
        ),
        migrations.AddConstraint(
            model_name='localpolicysetting',
            constraint=models.UniqueConstraint(fields=('key', 'effective_from'), name='local_policy_once_per_day'),
        ),
    ]
