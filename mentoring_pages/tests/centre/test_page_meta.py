"""What search engines read of the centre's page, on its own site, in both languages."""

import html5lib
import pytest

from mentoring_pages.tests.test_page_meta import head_of, sitemap_entries
from site_project.translation import translate

from .conftest import CENTRE_HOST, add_school

pytestmark = pytest.mark.django_db


def test_the_centre_is_in_its_sites_sitemap_and_names_its_address_and_translation(
    client, centre, english, today
):
    add_school("gymnasium")
    centre.save_revision().publish()
    translate(centre, english, {centre.title: "Municipal mentoring centre"})

    entries = sitemap_entries(client)
    head = head_of(client, "/")

    assert {f"http://{CENTRE_HOST}/", f"http://{CENTRE_HOST}/en/"} <= set(entries)
    assert head.find("link", rel="canonical")["href"] == f"http://{CENTRE_HOST}/"
    links = {link["hreflang"]: link["href"] for link in head.find_all("link", hreflang=True)}
    assert links == {
        "ru": f"http://{CENTRE_HOST}/",
        "en": f"http://{CENTRE_HOST}/en/",
        "x-default": f"http://{CENTRE_HOST}/",
    }
    for url in ("/", "/en/"):
        parser = html5lib.HTMLParser()
        parser.parse(client.get(url).content)
        assert parser.errors == [], url
