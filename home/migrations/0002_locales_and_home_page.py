"""Both site languages and the school's home page, so a fresh database is a working site."""

import uuid

from django.db import migrations


def create_locales_and_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    russian, _ = Locale.objects.get_or_create(language_code="ru")
    Locale.objects.get_or_create(language_code="en")

    # Replace Wagtail's placeholder "Welcome" page (and the site pointing at it).
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()

    home_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    home = HomePage.objects.create(
        title="Главная",
        draft_title="Главная",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=russian,
        translation_key=uuid.uuid4(),
    )
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)


def remove_home_page(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(create_locales_and_home_page, remove_home_page)]
