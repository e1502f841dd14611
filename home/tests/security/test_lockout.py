"""Guessing passwords: the admin's login and a page's or collection's password stop answering after a few
wrong passwords, by account and by address; a superuser unlocks an account."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext, override
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail_factories import DocumentFactory

from home.tests.factories import ContentPageFactory
from programmes.roles import CURATOR, EDITOR
from site_project.tests.admin_refusals import outcome, sent_to_the_dashboard
from site_project.translation import translate

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-password-of-a-curator"
LOCKED = "Too many wrong passwords"
LOGIN = "wagtailadmin_login"
LOCKOUTS = "security_lockouts"
PRIVATE_TEXT = "Собрание родителей в четверг"


@pytest.fixture
def curator(user_in):
    return user_in(CURATOR, "curator", password=PASSWORD)


@pytest.fixture
def superuser_client(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("boss", password=PASSWORD))
    return client


def log_in(client, username, password, **headers):
    return client.post(
        reverse(LOGIN), {"username": username, "password": password}, headers=headers
    )


def is_logged_in(client):
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def test_thirty_wrong_passwords_then_the_right_one_do_not_log_in(client, curator):
    for _ in range(30):
        log_in(client, "curator", "a-guess")

    response = log_in(client, "curator", PASSWORD)

    assert response.status_code == 429
    assert gettext(LOCKED) in response.content.decode()
    assert not is_logged_in(client)


def test_the_account_is_locked_from_every_address(client, curator):
    for _ in range(5):
        log_in(client, "curator", "a-guess")

    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    assert log_in(elsewhere, "curator", PASSWORD).status_code == 429
    assert not is_logged_in(elsewhere)


def test_a_few_mistyped_passwords_then_the_right_one_log_in(client, curator):
    for _ in range(4):
        assert log_in(client, "curator", "a-typo").status_code == 200

    assert log_in(client, "curator", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_an_address_trying_many_accounts_is_locked_for_all_of_them(
    client, curator, settings, django_user_model
):
    # Behind nginx, the visitor's address comes from its header (deploy/README.md).
    settings.FORM_CLIENT_ADDRESS_HEADER = "HTTP_X_REAL_IP"
    for n in range(5):
        log_in(client, f"someone-{n}", "a-guess", x_real_ip="203.0.113.1")

    response = log_in(client, "curator", PASSWORD, x_real_ip="203.0.113.1")
    assert response.status_code == 429
    assert gettext(LOCKED) in response.content.decode()
    assert not is_logged_in(client)

    # The same proxy passes on another visitor, who is not locked out.
    other = Client()
    assert log_in(other, "curator", PASSWORD, x_real_ip="198.51.100.7").status_code == 302
    assert is_logged_in(other)


def test_an_address_made_up_in_x_forwarded_for_does_not_escape_the_lock(client, curator, settings):
    """nginx appends the address it sees to the X-Forwarded-For the visitor sent: a guesser
    writing another address at the front each time is still counted at the one nginx saw."""
    settings.FORM_CLIENT_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR"
    for n in range(5):
        log_in(client, f"someone-{n}", "a-guess", x_forwarded_for=f"192.0.2.{n}, 203.0.113.1")

    response = log_in(client, "curator", PASSWORD, x_forwarded_for="192.0.2.99, 203.0.113.1")

    assert response.status_code == 429
    assert not is_logged_in(client)


def test_a_superuser_sees_the_lockout_and_unlocks_the_account(client, curator, superuser_client):
    for _ in range(30):
        log_in(client, "curator", "a-guess")

    locked = 'data-locked="curator"'
    assert locked in superuser_client.get(reverse(LOCKOUTS)).content.decode()
    response = superuser_client.post(reverse(LOCKOUTS), {"username": "curator"}, follow=True)
    assert response.status_code == 200
    assert locked not in response.content.decode()

    assert log_in(client, "curator", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_each_column_of_the_lockouts_is_named_the_buttons_one_for_screen_readers(
    client, curator, superuser_client
):
    for _ in range(30):
        log_in(client, "curator", "a-guess")

    page = BeautifulSoup(superuser_client.get(reverse(LOCKOUTS)).content, "html.parser")
    table = page.find("tr", attrs={"data-locked": "curator"}).find_parent("table")
    headings = table.select("thead th[scope=col]")
    with override("ru"):
        expected = [gettext("Wrong passwords"), gettext("Locked until"), gettext("Unlock")]
    assert [heading.get_text(strip=True) for heading in headings[1:]] == expected
    assert headings[-1].select_one(".w-sr-only").get_text() == expected[-1]


def test_a_superuser_unlocks_an_address(client, curator, superuser_client):
    for n in range(5):
        log_in(client, f"someone-{n}", "a-guess")
    locked = 'data-locked="127.0.0.1"'
    assert locked in superuser_client.get(reverse(LOCKOUTS)).content.decode()

    superuser_client.post(reverse(LOCKOUTS), {"ip_address": "127.0.0.1"})

    assert log_in(client, "curator", PASSWORD).status_code == 302


def test_only_superusers_see_the_lockouts(client, curator):
    guesser = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(5):
        log_in(guesser, "curator", "a-guess")
    client.force_login(curator)  # signed in before, on another device

    seen = client.get(reverse(LOCKOUTS))
    unlocking = client.post(reverse(LOCKOUTS), {"username": "curator"})

    assert outcome(seen) == outcome(unlocking) == sent_to_the_dashboard()
    assert log_in(Client(), "curator", PASSWORD).status_code == 429  # still locked
    response = client.get(reverse("wagtailadmin_home"))
    assert reverse(LOCKOUTS) not in response.content.decode()


def test_a_superuser_finds_the_page_in_the_settings_menu(superuser_client):
    dashboard = superuser_client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse(LOCKOUTS) in dashboard  # the sidebar's menu, in its JSON


def test_the_command_line_unlocks_an_account(client, curator):
    for _ in range(5):
        log_in(client, "curator", "a-guess")

    call_command("axes_reset_username", "curator")

    assert log_in(client, "curator", PASSWORD).status_code == 302


@pytest.fixture
def private_page(home_page):
    page = ContentPageFactory(parent=home_page, slug="parents", intro=PRIVATE_TEXT)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-of-parents"
    )
    return page, restriction


def try_page_password(client, private_page, password, **headers):
    page, restriction = private_page
    return client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]),
        {"password": password, "return_url": page.url},
        headers=headers,
    )


def test_a_page_password_stops_answering_after_a_few_wrong_ones(client, private_page):
    for _ in range(5):
        assert try_page_password(client, private_page, "a-guess").status_code == 200

    response = try_page_password(client, private_page, "secret-of-parents")

    assert response.status_code == 429
    assert gettext(LOCKED) in response.content.decode()
    assert PRIVATE_TEXT not in client.get(private_page[0].url).content.decode()


def test_a_page_password_is_locked_for_the_guessing_address_only(client, private_page, settings):
    settings.FORM_CLIENT_ADDRESS_HEADER = "HTTP_X_REAL_IP"
    for _ in range(5):
        try_page_password(client, private_page, "a-guess", x_real_ip="203.0.113.1")

    parent = Client()
    response = try_page_password(
        parent, private_page, "secret-of-parents", x_real_ip="198.51.100.7"
    )
    assert response.status_code == 302
    assert PRIVATE_TEXT in parent.get(private_page[0].url).content.decode()


def test_guesses_on_each_language_of_a_page_count_together(client, home_page, english):
    russian = ContentPageFactory(parent=home_page, slug="parents", intro=PRIVATE_TEXT)
    translate(home_page, english, {})
    english_page = translate(russian, english, {})
    PageViewRestriction.objects.create(
        page=russian, restriction_type=PageViewRestriction.PASSWORD, password="secret-of-parents"
    )  # and, the same, on the English page (home.restrictions)
    in_english = (english_page, english_page.view_restrictions.get())
    in_russian = (russian, russian.view_restrictions.get())
    for _ in range(3):
        try_page_password(client, in_russian, "a-guess")
    for _ in range(2):
        try_page_password(client, in_english, "a-guess")

    assert try_page_password(client, in_english, "secret-of-parents").status_code == 429


def test_a_collections_password_stops_answering_after_a_few_wrong_ones(client):
    """Documents in a collection under a password (Wagtail's collection privacy)."""
    collection = Collection.get_first_root_node().add_child(name="Для родителей")
    document = DocumentFactory(collection=collection, title="Протокол собрания")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="secret-of-parents",
    )
    address = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])

    def try_password(password):
        return client.post(address, {"password": password, "return_url": document.url})

    for _ in range(5):
        assert try_password("a-guess").status_code == 200

    response = try_password("secret-of-parents")
    assert response.status_code == 429
    assert gettext(LOCKED) in response.content.decode()
    # Still the password form, not the document.
    assert 'name="password"' in client.get(document.url).content.decode()


def test_editors_keep_logging_in_as_before(client, user_in):
    user_in(EDITOR, "editor", password=PASSWORD)

    assert log_in(client, "editor", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_unlocking_nothing_is_refused_with_a_reason(superuser_client):
    response = superuser_client.post(reverse(LOCKOUTS), {})

    assert response.status_code == 400
    assert gettext("Choose one thing to unlock.") in response.content.decode()

    response = superuser_client.post(reverse(LOCKOUTS), {"ip_address": "not an address"})
    assert response.status_code == 400
