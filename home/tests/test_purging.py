"""What home.purging asks Wagtail's frontend cache (nginx in production) to purge: the same
pages as it drops from Django's cache, by address, once the change is committed."""

import contextlib

import pytest

from home.frontend_cache import NginxBackend
from home.models import ContentPage, SiteSettings
from home.tests.factories import ContentPageFactory
from site_project.tests.fake_servers import listening
from site_project.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page, english):
    """A section in the menu, an index below it with two pages, and their English twins."""
    section = ContentPageFactory(parent=home_page, title="Раздел", slug="razdel")
    index = ContentPageFactory(parent=section, title="Список", slug="spisok")
    item = ContentPageFactory(parent=index, title="Статья", slug="statya")
    sibling = ContentPageFactory(parent=index, title="Соседняя", slug="sosednyaya")
    for page in (home_page, section, index, item):
        translate(page, english, {})
    return section, index, item, sibling


def paths(urls):
    return {url.split("://", 1)[1].split("/", 1)[1] for url in urls}


@pytest.fixture
def committed(purged, django_capture_on_commit_callbacks):
    """`committed(change)`: the paths purged once what `change()` did is committed."""

    def commit(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()
        return paths(purged)

    return commit


def publish(page, **changes):
    page = ContentPage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_publishing_purges_the_page_its_translation_and_ancestors_nothing_else(pages, committed):
    section, index, item, sibling = pages

    purged_paths = committed(lambda: publish(item, intro="Новое"))

    assert purged_paths == {
        "razdel/spisok/statya/",
        "en/razdel/spisok/statya/",
        "razdel/spisok/",
        "en/razdel/spisok/",
        "razdel/",
        "en/razdel/",
        "",
        "en/",
    }


def test_nothing_is_purged_before_the_change_is_committed(
    pages, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        publish(pages[2], intro="Новое")

    assert purged == []


def test_a_moved_page_is_purged_at_its_old_address_too(pages, committed):
    section, index, item, sibling = pages

    purged_paths = committed(
        lambda: ContentPage.objects.get(pk=item.pk).move(sibling, pos="last-child")
    )

    assert {"razdel/spisok/statya/", "razdel/spisok/sosednyaya/statya/"} <= purged_paths


def test_a_new_slug_purges_the_old_addresses_of_the_page_and_those_below_it(pages, committed):
    section, index, item, sibling = pages

    purged_paths = committed(lambda: publish(index, slug="novyj-spisok"))

    assert {
        "razdel/spisok/",
        "razdel/spisok/statya/",
        "razdel/spisok/sosednyaya/",
        "razdel/novyj-spisok/",
        "razdel/novyj-spisok/statya/",
    } <= purged_paths


def test_the_school_details_purge_every_page_of_the_site(pages, site, committed):
    def change_details():
        site_settings = SiteSettings.for_site(site)
        site_settings.phone = "+7 (900) 000-00-00"
        site_settings.save()

    SiteSettings.for_site(site)  # made on first use, which purges nothing

    purged_paths = committed(change_details)

    assert {"", "en/", "razdel/spisok/sosednyaya/", "en/razdel/spisok/statya/"} <= purged_paths


def hang_up(connection):
    connection.close()


def say_nothing(connection):
    """Keep the connection open, answering nothing (closed when the test ends)."""


@pytest.mark.parametrize("answer", ["nothing listening", "drop", "silence"])
def test_a_publication_stands_whatever_nginx_does_with_the_purge(
    pages, settings, django_capture_on_commit_callbacks, client, caplog, answer
):
    """nginx gone, restarting (the connection dropped) or stuck (never answering): the
    publication and the rest of its after-commit work stand, and the log says why nginx
    may still show the old page."""
    item = pages[2]
    answers = {"drop": hang_up, "silence": say_nothing}
    with contextlib.ExitStack() as stack:
        # Nothing listens on the discard port.
        port = stack.enter_context(listening(answers[answer])) if answer in answers else 9
        location = f"http://127.0.0.1:{port}"
        settings.WAGTAILFRONTENDCACHE = {
            "nginx": {
                "BACKEND": "home.frontend_cache.NginxBackend",
                "LOCATION": location,
                "TIMEOUT": 0.5,
            }
        }
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            publish(item, intro="Новое при сломанном nginx")

    assert len(callbacks) > 1  # Django's cache is dropped on commit too, nginx after it
    assert "Новое при сломанном nginx" in client.get(item.url).content.decode()
    assert any("nginx did not purge" in record.getMessage() for record in caplog.records)


def test_an_nginx_that_does_not_answer_is_given_up_on_after_one_address(caplog):
    """The school's details purge every page of the site: a stuck nginx costs one wait."""
    backend = NginxBackend({"LOCATION": "http://127.0.0.1:9", "TIMEOUT": 0.5})
    asked = []
    backend.purge = lambda url: asked.append(url) and False

    backend.purge_batch([f"http://localhost/{number}/" for number in range(50)])

    assert asked == ["http://localhost/0/"]
    assert "not asked to purge 49 more" in caplog.text


def test_a_home_page_with_a_new_slug_is_purged_everywhere(home_page, pages, committed):
    """Its old address cannot be worked out once the site's root has moved: nothing is
    purged there, and nothing fails."""
    purged_paths = committed(lambda: publish_home(home_page, slug="glavnaya"))

    assert {"", "razdel/spisok/statya/", "en/razdel/"} <= purged_paths


def publish_home(home_page, **changes):
    page = home_page.specific_class.objects.get(pk=home_page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_new_slug_drops_the_translations_of_the_pages_below_it_wherever_they_lie(
    client, pages, english, purged, committed
):
    section, index, item, sibling = pages
    other = ContentPageFactory(parent=section, title="Другой список", slug="drugoj")
    translate(other, english, {})
    other_en = other.get_translation(english)
    # The English item lies below another list than the Russian one.
    committed(lambda: item.get_translation(english).move(other_en, pos="last-child"))
    switcher_link = '<a href="/en/razdel/{}/statya/" hreflang="en"'
    assert switcher_link.format("drugoj") in client.get(item.url).content.decode()
    purged.clear()

    purged_paths = committed(lambda: publish(other_en, slug="inoj"))

    # The Russian item's language switcher shows the English item's new address at once.
    assert "razdel/spisok/statya/" in purged_paths
    assert switcher_link.format("inoj") in client.get(item.url).content.decode()
