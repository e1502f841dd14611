import django.db.models.deletion
from django.db import migrations, models


def school_key(related_name):
    return models.ForeignKey(
        on_delete=django.db.models.deletion.PROTECT,
        related_name=related_name,
        to="programmes.school",
        verbose_name="school",
    )


class Migration(migrations.Migration):
    dependencies = [("programmes", "0007_first_school")]

    operations = [
        migrations.AlterField("consent", "school", school_key("consents")),
        migrations.AlterField("consenttext", "school", school_key("consent_texts")),
        migrations.AlterField("programme", "school", school_key("programmes")),
    ]
