"""The interim consent fields, now copied into the registry (0003), go."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring_pages", "0003_interim_consents_to_registry"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="mentorpage",
            name="consent_date",
        ),
        migrations.RemoveField(
            model_name="mentorpage",
            name="consent_given_by",
        ),
        migrations.RemoveField(
            model_name="mentorpage",
            name="consent_scope",
        ),
        migrations.RemoveField(
            model_name="mentorpage",
            name="is_minor",
        ),
        migrations.RemoveField(
            model_name="mentorpage",
            name="parent_consent_date",
        ),
        migrations.RemoveField(
            model_name="mentorpage",
            name="parent_consent_given_by",
        ),
    ]
