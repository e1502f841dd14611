"""The admin's accessibility checker in the user bar runs every axe rule."""

import json
import re

import pytest
from django.urls import reverse

from home.tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def axe_configuration(content):
    match = re.search(
        r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>',
        content,
        re.DOTALL,
    )
    return json.loads(match.group(1))


def test_the_user_bar_checks_every_rule_on_a_public_page(admin_client, home_page):
    page = ContentPageFactory(parent=home_page, slug="about")

    configuration = axe_configuration(admin_client.get(page.url).content.decode())

    assert "runOnly" not in configuration["options"]
    assert configuration["options"]["rules"] == {}


def test_the_editors_checks_panel_uses_every_rule_too(admin_client, home_page):
    page = ContentPageFactory(parent=home_page, slug="about")

    content = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
    configuration = axe_configuration(content.decode())

    assert "runOnly" not in configuration["options"]
