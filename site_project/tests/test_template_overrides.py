"""Our copies of Wagtail's admin templates (templates/wagtailadmin, templates/wagtailforms:
the Russian admin's wording, see test_admin_language) are made from Wagtail's own of the
version we pin. When an upgrade changes one of Wagtail's, this fails, so that our copy is
made again from the new one instead of silently hiding Wagtail's change."""

import hashlib
from pathlib import Path

import wagtail
from django.conf import settings

# Each override, and the SHA-256 of the Wagtail template it was made from.
MADE_FROM = {
    "wagtailadmin/shared/pagination_nav.html": "4d6da73d6fef03c37dce45ddc5ff069e6f9750667125f8a18659a7418c3d6a71",
    "wagtailadmin/shared/headers/_actions.html": "facea723b6b917627f718d47a945c79fabcb1cbc516983c66cb6801b6a9a1557",
    "wagtailadmin/pages/listing/_page_title_column_header.html": "6edca9f62c0dd8440e8193141d4c3d9319525f599cd56ff349668c4f7d9a9fa1",
    "wagtailforms/content_type_column.html": "129f1f71fa20665b032013e540bc4cdd8b17bf6153d05a512f9131f84ad40677",
}
OVERRIDDEN_APPS = ("wagtailadmin", "wagtailforms")


def wagtails_own(name):
    [path] = Path(wagtail.__file__).parent.glob(f"**/templates/{name}")
    return path


def test_every_override_of_a_wagtail_template_is_listed():
    ours = Path(settings.BASE_DIR) / "templates"
    overrides = {
        str(path.relative_to(ours))
        for app in OVERRIDDEN_APPS
        for path in (ours / app).glob("**/*.html")
    }
    assert overrides == set(MADE_FROM)


def test_wagtails_templates_are_still_those_our_copies_were_made_from():
    changed = [
        name
        for name, digest in MADE_FROM.items()
        if hashlib.sha256(wagtails_own(name).read_bytes()).hexdigest() != digest
    ]
    assert not changed, f"Wagtail changed {changed}: make our copies again from its new ones"
