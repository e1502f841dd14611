"""The tree's root, which superusers see at the start of the admin's breadcrumbs and in the
page chooser, named in the admin's language: Wagtail's first migration calls it "Root"."""

from django.db import migrations

WAGTAIL_TITLE = "Root"
RUSSIAN_TITLE = "Все сайты"


def rename_root(old, new):
    def rename(apps, schema_editor):
        apps.get_model("wagtailcore.Page").objects.filter(depth=1, title=old).update(
            title=new, draft_title=new
        )

    return rename


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_site_settings_plural"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            rename_root(WAGTAIL_TITLE, RUSSIAN_TITLE), rename_root(RUSSIAN_TITLE, WAGTAIL_TITLE)
        )
    ]
