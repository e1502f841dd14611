"""The site settings join Wagtail's reference index (home.apps): index the rows that exist."""

from django.db import migrations


def index_site_settings(apps, schema_editor):
    # The index reads the model's own fields and panels: the current class, not the
    # migration's historical one. Settings are a handful of rows.
    from wagtail.models import ReferenceIndex

    from home.models import SiteSettings

    for site_settings in SiteSettings.objects.all():
        ReferenceIndex.create_or_update_for_object(site_settings)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_locales_and_home_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(index_site_settings, migrations.RunPython.noop)]
