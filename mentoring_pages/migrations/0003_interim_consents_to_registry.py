"""Copy each mentor's interim consent record into the consent registry and link it: one
Consent (to dissemination) per person, shared by the Russian page and its translations."""

from django.conf import settings
from django.db import migrations


def page_address(page, site_roots):
    """The page's address as the Russian site shows it, e.g. /nastavnichestvo/mentors/x/."""
    root = max((r for r in site_roots if page.url_path.startswith(r)), key=len, default="/")
    return "/" + page.url_path[len(root) :]


def interim_to_registry(apps, schema_editor):
    MentorPage = apps.get_model("mentoring_pages", "MentorPage")
    Consent = apps.get_model("programmes", "Consent")
    Locale = apps.get_model("wagtailcore", "Locale")
    Site = apps.get_model("wagtailcore", "Site")
    Revision = apps.get_model("wagtailcore", "Revision")

    default = (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        or Locale.objects.order_by("pk").first()
    )
    if default is None:
        return
    site_roots = [site.root_page.url_path for site in Site.objects.select_related("root_page")]
    originals = MentorPage.objects.filter(locale=default, consent__isnull=True).exclude(
        consent_given_by=""
    )
    for page in originals.filter(consent_date__isnull=False):
        consent = Consent.objects.create(
            person=page.title,
            kind="dissemination",
            data_categories=page.consent_scope or page.title,
            pages=page_address(page, site_roots),
            valid_from=page.consent_date,
            is_minor=page.is_minor,
            parent_name=page.parent_consent_given_by,
            conditions=f"Перенесено из карточки наставника; согласие дал(а): "
            f"{page.consent_given_by}.",
        )
        pages = MentorPage.objects.filter(translation_key=page.translation_key)
        for linked in pages:
            # The page and its revisions (a revision published later keeps the link).
            for revision in Revision.objects.filter(
                content_type_id=linked.content_type_id, object_id=str(linked.pk)
            ):
                revision.content["consent"] = consent.pk
                revision.save(update_fields=["content"])
        pages.update(consent=consent)


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring_pages", "0002_consent"),
        ("programmes", "0004_private_consent_collection"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(interim_to_registry, migrations.RunPython.noop),
    ]
