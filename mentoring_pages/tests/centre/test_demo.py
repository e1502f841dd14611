"""The demo's centre: its own site, in both languages, built once."""

import pytest
from wagtail.models import Site

from mentoring_pages.demo.centre import CENTRE_HOSTNAME, build_centre
from mentoring_pages.models import MunicipalCentrePage

pytestmark = pytest.mark.django_db


def test_the_demo_builds_the_centres_site_once_in_both_languages(client, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, CENTRE_HOSTNAME]
    messages = []

    build_centre(messages.append)
    build_centre(messages.append)

    assert len(messages) == 1
    assert (
        Site.objects.get(hostname=CENTRE_HOSTNAME).root_page.specific_class is MunicipalCentrePage
    )
    assert MunicipalCentrePage.objects.live().count() == 2
    assert client.get("/en/", HTTP_HOST=CENTRE_HOSTNAME).status_code == 200
    assert "Муниципальный центр" in client.get("/", HTTP_HOST=CENTRE_HOSTNAME).content.decode()
