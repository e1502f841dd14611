"""A page's view restriction holds on every way a page is made: here, a copy of the
section above it (the restrictions in every language: mentoring_pages/tests/test_privacy.py)."""

import pytest
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from home.tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_copying_a_section_keeps_private_the_pages_below_it_that_were(
    admin_client, client, home_page
):
    section = ContentPageFactory(parent=home_page, title="Раздел", slug="razdel")
    ContentPageFactory(parent=section, title="Открытая", slug="otkrytaya")
    staff_only = ContentPageFactory(parent=section, title="Для педагогов", slug="dlya-pedagogov")
    ContentPageFactory(parent=staff_only, title="Приказ", slug="prikaz")
    PageViewRestriction.objects.create(
        page=staff_only, restriction_type="password", password="секрет-1"
    )

    admin_client.post(
        reverse("wagtailadmin_pages:copy", args=[section.pk]),
        {
            "new_title": "Раздел (копия)",
            "new_slug": "razdel-2",
            "new_parent_page": home_page.pk,
            "copy_subpages": "on",
            "publish_copies": "on",
        },
    )

    assert Page.objects.get(url_path="/home/razdel-2/dlya-pedagogov/").live
    assert client.get("/razdel-2/otkrytaya/").status_code == 200
    for address in ("/razdel-2/dlya-pedagogov/", "/razdel-2/dlya-pedagogov/prikaz/"):
        response = client.get(address)
        assert "Приказ" not in response.content.decode()
        assert 'name="password"' in response.content.decode()
