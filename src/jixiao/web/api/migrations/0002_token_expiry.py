from datetime import timedelta

from django.db import migrations, models
from django.utils import timezone


def expire_in_ninety_days(apps, schema_editor):
    """Tokens made before tokens expired get the default lifetime from the upgrade on."""
    apps.get_model("api", "ApiToken").objects.update(expires_at=timezone.now() + timedelta(days=90))


class Migration(migrations.Migration):

    dependencies = [
        ('api', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='apitoken',
            name='expires_at',
            field=models.DateTimeField(null=True, verbose_name='有效期至'),
        ),
        migrations.RunPython(expire_in_ninety_days, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='apitoken',
            name='expires_at',
            field=models.DateTimeField(verbose_name='有效期至'),
        ),
    ]
