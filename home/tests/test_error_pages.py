"""A form refused before any view sees it (a stale CSRF token, blocked cookies, a request
too large) answers with the site's own page in the visitor's language and says what to do,
not Django's bare English one."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client
from django.urls import path
from django.utils import translation

from site_project.urls import handler400, handler403  # noqa: F401  (this test's URLconf answers so)
from site_project.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db

# A token of the right form that the server never gave: what a visitor whose session has
# gone sends with an old page's form.
STALE_TOKEN = "a" * 32
ADVICE = (
    "Go back, reload the page and send the form again. The site needs cookies allowed for "
    "its own address to accept forms."
)


@pytest.fixture
def browser(settings):
    """A client that checks CSRF as a browser's request is checked."""
    # As in production: with DEBUG on, Django shows its own debugging pages instead.
    assert not settings.DEBUG
    return Client(enforce_csrf_checks=True)


def russian(msgid):
    """The Russian catalogue's text for `msgid`, which must have one."""
    with translation.override("ru"):
        text = translation.gettext(msgid)
    assert text != msgid, f"locale/ru has no translation of {msgid!r}"
    return text


def site_page(response):
    """The parts every page of the site has (utility_page.html): the landmarks and h1."""
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("a.skip-link")
    assert html.select_one("header.site-header") and html.select_one("footer.site-footer")
    assert html.select_one("main#main h1")
    return html


@pytest.mark.parametrize(("url", "lang"), [("/about/", "ru"), ("/en/about/", "en")])
@pytest.mark.parametrize("cookie", ["sent", "blocked"])
def test_a_form_with_a_stale_token_or_no_cookie_gets_the_sites_page_back_to_it(
    browser, about_page, url, lang, cookie
):
    if cookie == "sent":
        browser.cookies["csrftoken"] = "b" * 32

    response = browser.post(
        url, {"csrfmiddlewaretoken": STALE_TOKEN}, HTTP_REFERER=f"http://testserver{url}"
    )

    assert response.status_code == 403
    html = site_page(response)
    assert html.html["lang"] == lang
    in_language = russian if lang == "ru" else str
    assert html.h1.get_text() == in_language("The form was not accepted")
    assert in_language(ADVICE) in html.main.get_text()
    assert html.main.find("a", href=f"http://testserver{url}")


@pytest.mark.parametrize(
    "referer", [None, "https://elsewhere.example/about/", "javascript:alert(1)", "/\\evil"]
)
def test_without_a_referer_of_this_site_the_csrf_page_leads_home(browser, about_page, referer):
    extra = {"HTTP_REFERER": referer} if referer else {}

    response = browser.post("/en/about/", {"csrfmiddlewaretoken": STALE_TOKEN}, **extra)

    assert response.status_code == 403
    html = site_page(response)
    assert html.h1.get_text() == "The form was not accepted"
    assert [a["href"] for a in html.main.find_all("a")] == ["/en/"]


@pytest.mark.parametrize(("url", "lang"), [("/about/", "ru"), ("/en/about/", "en")])
def test_a_form_over_the_upload_limit_gets_the_sites_400_page(
    browser, about_page, settings, url, lang
):
    """Django reads the form for its CSRF token first, and refuses one over
    DATA_UPLOAD_MAX_MEMORY_SIZE there (RequestDataTooBig)."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    browser.cookies["csrftoken"] = "b" * 32

    response = browser.post(url, {"csrfmiddlewaretoken": STALE_TOKEN, "about": "я" * 1000})

    assert response.status_code == 400
    html = site_page(response)
    assert html.html["lang"] == lang
    assert html.h1.get_text() == (russian if lang == "ru" else str)("Bad request")


def suspicious(request):
    raise SuspiciousOperation("A request no browser sends.")


def refuse(request):
    raise PermissionDenied("Вы не можете опубликовать «Новости»: ничего не опубликовано.")


urlpatterns = [path("suspicious/", suspicious), path("refuse/", refuse), *site_urlpatterns]


def test_a_suspicious_request_gets_the_sites_400_page(client, home_page, settings):
    settings.ROOT_URLCONF = __name__

    response = client.get("/suspicious/")

    assert response.status_code == 400
    assert site_page(response).h1.get_text() == russian("Bad request")
    assert "A request no browser sends" not in response.content.decode()


@pytest.mark.parametrize("url", ["/", "/en/about/"])
def test_a_request_for_a_host_of_no_school_is_a_plain_400_not_a_server_error(
    client, about_page, url
):
    """The site's page would ask for the host again to find the school and fail."""
    response = client.get(url, HTTP_HOST="elsewhere.example")

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_a_refusal_is_the_sites_own_page_with_its_reason(client, home_page, settings):
    settings.ROOT_URLCONF = __name__

    response = client.get("/refuse/")

    assert response.status_code == 403
    page = response.content.decode()
    assert "<h1>Нет доступа</h1>" in page
    assert "<title>Нет доступа — " in page
    assert "ничего не опубликовано" in page
