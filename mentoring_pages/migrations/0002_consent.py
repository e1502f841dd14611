"""Mentor pages rely on the consent registry: the link first, beside the interim fields."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring_pages", "0001_initial"),
        ("programmes", "0004_private_consent_collection"),
    ]

    operations = [
        migrations.AddField(
            model_name="mentorpage",
            name="consent",
            field=models.ForeignKey(
                blank=True,
                help_text="The person's consent from the consent registry. It must be valid and list this page's address; for a minor, record the parent who signed it.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="programmes.consent",
                verbose_name="consent to dissemination",
            ),
        ),
    ]
