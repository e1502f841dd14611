"""What the site's answers tell browsers: a Content-Security-Policy that runs only the site's
own scripts and styles on public pages (the admin, which Wagtail builds with inline scripts,
gets a looser one), the same policy on a page served from the cache, a Permissions-Policy,
and no word to the public on how the site is built."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from home.page_cache import STATUS_HEADER
from mentoring_pages.tests.factories import MentoringIndexPageFactory
from programmes.tests.factories import ProgrammeFactory, TargetIndicatorFactory
from site_project.tests.http_headers import policy_directives
from site_project.tests.processes import production_setting

pytestmark = pytest.mark.django_db

CSP = "Content-Security-Policy"


@pytest.fixture
def landing(home_page):
    """A page with the programme's indicators, drawn as bars."""
    programme = ProgrammeFactory()
    programme.save_revision().publish()
    TargetIndicatorFactory(programme=programme, target_percent=30)
    return MentoringIndexPageFactory(parent=home_page, programme=programme)


def features(response):
    return dict(part.strip().split("=", 1) for part in response["Permissions-Policy"].split(","))


def test_public_pages_run_only_the_sites_own_scripts_and_styles(client, landing):
    policy = policy_directives(client.get(landing.url))

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_public_pages_have_nothing_inline_that_the_policy_would_block(client, landing):
    page = BeautifulSoup(client.get(landing.url).content, "html.parser")

    assert page.select(".indicator-chart .bar"), "the bars are drawn"
    assert page.select("script:not([src])") == []
    assert page.select("style, [style]") == []


def test_the_admin_gets_a_looser_policy_of_its_own(client, admin_client):
    for response in (client.get(reverse("wagtailadmin_login")), admin_client.get("/admin/")):
        policy = policy_directives(response)
        # Wagtail's admin writes inline scripts and styles, still from this site only.
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["object-src"] == ["'none'"]
        # Its preview shows the page in a frame of its own.
        assert policy["frame-ancestors"] == ["'self'"]


def test_a_page_served_from_the_cache_keeps_the_headers_it_was_rendered_with(
    client, landing, settings
):
    settings.PAGE_CACHE_TIMEOUT = 3600
    miss = client.get(landing.url)
    hit = client.get(landing.url)

    assert (miss[STATUS_HEADER], hit[STATUS_HEADER]) == ("miss", "hit")
    assert hit[CSP] == miss[CSP]
    assert "'unsafe-inline'" not in hit[CSP]
    assert hit["Permissions-Policy"] == miss["Permissions-Policy"]


def test_no_camera_microphone_or_location_for_any_page(client, admin_client, landing):
    for response in (client.get(landing.url), admin_client.get("/admin/")):
        allowed = features(response)
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert allowed[feature] == "()", feature
        assert allowed["interest-cohort"] == allowed["browsing-topics"] == "()"


def test_the_page_cache_tells_hit_or_miss_only_where_settings_ask(queries_of, landing, settings):
    settings.PAGE_CACHE_TIMEOUT = 3600
    settings.PAGE_CACHE_STATUS_HEADER = False

    hit = queries_of(landing.url)

    assert hit == [], "served from the cache"
    assert STATUS_HEADER not in hit.response


def test_production_keeps_the_page_caches_status_to_itself():
    assert production_setting("PAGE_CACHE_STATUS_HEADER") == "False"
