from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache, caches
from django.middleware.csrf import get_token
from wagtail.models import PageViewRestriction

from home import page_cache
from home.accessibility import COOKIE_NAME, AccessibilitySettings
from home.models import ContentPage, SiteSettings
from home.page_cache import STATUS_HEADER
from home.tests.factories import ContentPageFactory
from site_project.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_TIMEOUT = 3600


@pytest.fixture
def pages(home_page):
    """A section page in the menu, an index below it with two pages, and a page elsewhere."""
    section = ContentPageFactory(parent=home_page, title="Раздел", slug="razdel")
    index = ContentPageFactory(parent=section, title="Список", slug="spisok")
    item = ContentPageFactory(parent=index, title="Статья", slug="statya", intro="Было")
    sibling = ContentPageFactory(parent=index, title="Соседняя", slug="sosednyaya")
    elsewhere = ContentPageFactory(parent=section, title="Другая", slug="drugaya")
    return section, index, item, sibling, elsewhere


def cache_status(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200
    return response.get(STATUS_HEADER)


def test_second_anonymous_visit_is_served_without_a_query(client, pages, queries_of):
    url = pages[2].url

    assert cache_status(client, url) == "miss"
    assert queries_of(url, warm=False) == []
    assert cache_status(client, url) == "hit"


def test_a_cached_page_may_be_kept_by_a_shared_cache_until_midnight_but_not_by_a_browser(
    client, pages
):
    client.get(pages[2].url)
    response = client.get(pages[2].url)

    directives = dict(
        (part.split("=") + [""])[:2] for part in response["Cache-Control"].split(", ")
    )
    assert directives.keys() == {"public", "max-age", "s-maxage"}
    assert directives["max-age"] == "0"
    assert 0 < int(directives["s-maxage"]) <= page_cache.seconds_until_midnight()
    assert "Cookie" in response["Vary"]
    main = BeautifulSoup(response.content, "html.parser").find("main")
    assert main.get_text().count("Было") == 1


def cache_entries():
    # Test-only look into the local-memory cache: how many entries it holds.
    return len(cache._cache)


def test_unknown_query_parameters_share_one_entry(client, pages):
    url = pages[2].url
    client.get(url)
    entries = cache_entries()

    statuses = {cache_status(client, f"{url}?utm_source=mail{n}&x{n}=1") for n in range(200)}

    assert statuses == {"hit"}
    assert cache_entries() == entries


def test_a_kept_page_links_back_to_itself_without_the_first_visitors_tracker(client, pages):
    url = pages[2].url
    client.get(f"{url}?utm_source=mail1")

    response = client.get(url)

    assert response[STATUS_HEADER] == "hit"
    switch = BeautifulSoup(response.content, "html.parser").select_one("a.a11y-switch")
    assert switch["href"] == f"/accessibility/?next={quote(url, safe='')}"


def test_a_host_of_its_own_is_an_entry_of_its_own(client, pages, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    url = pages[2].url
    client.get(url)

    assert cache_status(client, url, HTTP_HOST="localhost") == "miss"
    assert cache_status(client, url) == "hit"


def test_each_language_is_served_from_the_cache_in_its_own_language(
    client, pages, home_page, english
):
    item = pages[2]
    translate(home_page, english, {})
    for page in pages[:2]:
        translate(page, english, {})
    english_item = translate(item, english, {"Статья": "Article"})
    for url in (item.url, english_item.url):
        client.get(url)

    # A browser asking for English still gets the Russian address in Russian.
    russian = client.get(item.url, HTTP_ACCEPT_LANGUAGE="en")
    english_hit = client.get(english_item.url)

    assert (russian[STATUS_HEADER], english_hit[STATUS_HEADER]) == ("hit", "hit")
    assert (russian["Content-Language"], english_hit["Content-Language"]) == ("ru", "en")
    assert '<html lang="en"' in english_hit.content.decode()
    assert "Article" in english_hit.content.decode()


def test_a_hit_is_sent_with_the_headers_the_page_was_first_sent_with(client, pages):
    first = client.get(pages[2].url)
    hit = client.get(pages[2].url)

    assert hit[STATUS_HEADER] == "hit"
    for header in ("Content-Type", "Content-Language", "X-Content-Type-Options", "Vary"):
        assert hit[header] == first[header], header


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_visitors_with_a_session_or_messages_are_never_served_from_the_cache(client, pages, cookie):
    client.get(pages[2].url)
    client.cookies[cookie] = "anything"

    response = client.get(pages[2].url)

    assert response.get(STATUS_HEADER) is None
    assert "private" in response["Cache-Control"]


def test_logged_in_users_get_fresh_private_pages(client, pages, django_user_model):
    client.get(pages[2].url)
    client.force_login(django_user_model.objects.create_user("editor", password="x"))

    response = client.get(pages[2].url)

    assert response.get(STATUS_HEADER) is None
    assert set(response["Cache-Control"].split(", ")) >= {"private", "no-cache"}


def test_accessible_version_is_cached_apart_from_the_normal_one(client, pages):
    url = pages[2].url
    client.get(url)
    client.cookies[COOKIE_NAME] = AccessibilitySettings(size="size3").cookie_value

    assert cache_status(client, url) == "miss"
    assert cache_status(client, url) == "hit"


def test_a_page_that_uses_the_csrf_token_is_never_cached(client, pages, monkeypatch):
    def context_with_token(self, request, *args, **kwargs):
        get_token(request)  # what a form's {% csrf_token %} does
        return super(ContentPage, self).get_context(request, *args, **kwargs)

    monkeypatch.setattr(ContentPage, "get_context", context_with_token)

    client.get(pages[2].url)
    response = client.get(pages[2].url)

    assert response.get(STATUS_HEADER) is None
    assert "no-cache" in response["Cache-Control"]


def test_not_found_search_and_admin_are_not_cached(client, pages):
    for url in ("/no-such-page/", "/search/?q=Статья", "/admin/login/"):
        client.get(url)
        assert client.get(url).get(STATUS_HEADER) is None


def publish_change(page, intro):
    page = ContentPage.objects.get(pk=page.pk)
    page.intro = intro
    page.save_revision().publish()


def test_a_published_change_shows_at_once_and_unrelated_pages_stay_cached(
    client, pages, queries_of
):
    section, index, item, sibling, elsewhere = pages
    for page in pages:
        client.get(page.url)

    publish_change(item, "Стало")

    assert "Стало" in client.get(item.url).content.decode()
    # Everything above it may list it: dropped too.
    for page in (index, section):
        assert cache_status(client, page.url) == "miss"
    for page in (sibling, elsewhere):
        assert queries_of(page.url, warm=False) == []


def test_an_unpublished_page_is_gone_at_once(client, pages):
    item = pages[2]
    client.get(item.url)

    item.unpublish()

    assert client.get(item.url).status_code == 404


def test_a_deleted_page_is_gone_at_once(client, pages, queries_of):
    item, elsewhere = pages[2], pages[4]
    for page in (item, elsewhere):
        client.get(page.url)

    item.delete()

    assert client.get(item.url).status_code == 404
    assert queries_of(elsewhere.url, warm=False) == []


def test_a_moved_page_leaves_its_old_address_and_old_index(client, pages, queries_of):
    section, index, item, sibling, elsewhere = pages
    old_url = item.url
    for page in (index, item, sibling):
        client.get(page.url)

    item.move(elsewhere, pos="last-child")

    # Wagtail's redirect to the new address, not the cached page.
    assert client.get(old_url).status_code == 301
    assert cache_status(client, index.url) == "miss"
    assert queries_of(sibling.url, warm=False) == []


def test_a_renamed_index_changes_the_breadcrumbs_and_addresses_of_the_pages_below_it(
    client, pages, django_capture_on_commit_callbacks, queries_of
):
    section, index, item, sibling, elsewhere = pages
    old_url = item.url
    for page in (item, sibling, elsewhere):
        client.get(page.url)

    index = ContentPage.objects.get(pk=index.pk)
    index.title, index.slug = "Новый список", "novyj-spisok"
    # Wagtail announces a new slug once it is committed.
    with django_capture_on_commit_callbacks(execute=True):
        index.save_revision().publish()

    # Wagtail's redirect to the new address, not the page kept at the old one.
    assert client.get(old_url).status_code == 301
    index.refresh_from_db()
    item.refresh_from_db()
    assert f'<a href="{index.url}">Новый список</a>' in client.get(item.url).content.decode()
    assert queries_of(elsewhere.url, warm=False) == []


def test_a_page_made_private_is_no_longer_served_from_the_cache(client, pages):
    index, item = pages[1], pages[2]
    client.get(item.url)

    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(item.url).status_code == 302


def test_school_details_change_every_page(client, pages, site):
    for page in pages:
        client.get(page.url)

    site_settings = SiteSettings.for_site(site)
    site_settings.phone = "+7 (900) 000-00-00"
    site_settings.save()

    for page in pages:
        assert cache_status(client, page.url) == "miss"


def test_a_piece_built_while_a_change_was_committed_is_not_kept_past_it(home_page):
    def built_while_the_page_changes():
        page_cache.drop([home_page.pk], [])  # a change commits during the build
        return "read before the change"

    page_cache.kept_for_page(home_page.pk, "piece", built_while_the_page_changes, 60)

    assert page_cache.kept_for_page(home_page.pk, "piece", lambda: "read after", 60) == (
        "read after"
    )
    assert page_cache.kept_for_page(home_page.pk, "piece", lambda: "built again", 60) == (
        "read after"
    )


def test_a_publication_drops_the_page_again_when_it_commits(
    client, pages, django_capture_on_commit_callbacks
):
    """A visitor who read the page before the change committed must not keep it."""
    item = pages[2]
    with django_capture_on_commit_callbacks() as callbacks:
        publish_change(item, "Стало")
        client.get(item.url)  # rendered before the commit: keeps the page as it was
    assert cache_status(client, item.url) == "hit"

    for callback in callbacks:
        callback()

    assert cache_status(client, item.url) == "miss"


def file_caches(settings, folder):
    """Django's caches in files below `folder`, as production keeps them without Redis
    (site_project.file_cache)."""
    settings.CACHES = {
        alias: {
            "BACKEND": "site_project.file_cache.FileBasedCache",
            "LOCATION": str(folder / alias),
        }
        for alias in settings.CACHES
    }


def test_on_a_failing_disk_the_file_cache_serves_and_changes_pages_without_it(
    client, pages, settings, tmp_path
):
    """A full or read-only disk made every page not yet kept a 500."""
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    file_caches(settings, not_a_folder)
    item = pages[2]

    for _visit in range(2):
        assert cache_status(client, item.url) != "hit"
    publish_change(item, "Стало")
    assert "Стало" in client.get(item.url).content.decode()


def test_a_damaged_file_of_the_file_cache_is_a_miss(client, pages, settings, tmp_path):
    """A crash or a repaired file system may leave a cache file that is not one."""
    file_caches(settings, tmp_path)
    item = pages[2]
    assert cache_status(client, item.url) == "miss"
    kept = list(tmp_path.rglob("*.djcache"))
    assert kept
    for file in kept:
        file.write_bytes(b"not a cache entry")

    assert cache_status(client, item.url) == "miss"
    assert cache_status(client, item.url) == "hit"


@pytest.mark.parametrize("damage", [b"not a cache entry", b"\x80\x09", b""])
def test_a_damaged_entry_of_the_file_cache_is_a_miss_and_made_again(settings, tmp_path, damage):
    """A page's generation is made with add(), which reads the entry first: failing, that
    page would never have been kept again."""
    file_caches(settings, tmp_path)
    files = caches["default"]
    files.set("generation", "1")
    (entry,) = tmp_path.rglob("*.djcache")
    entry.write_bytes(damage)

    assert files.get("generation") is None
    assert files.add("generation", "2")
    assert files.get("generation") == "2"
