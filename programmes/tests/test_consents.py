"""The consent registry: what a consent allows and when, who may see it, and its scan."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.models import Collection

from programmes.models import Consent
from programmes.models.consents import ConsentKind
from programmes.roles import CURATOR, EDITOR, MODERATOR, group_of
from programmes.schools import default_school
from programmes.tests.factories import ConsentFactory
from site_project.tests.admin_refusals import outcome, sent_to_log_in, sent_to_the_dashboard

pytestmark = pytest.mark.django_db

D = datetime.date
SCAN = b"%PDF-1.4 signed consent"


def scan(collection):
    return get_document_model().objects.create(
        title="Согласие Ивановой", file=ContentFile(SCAN, name="consent.pdf"), collection=collection
    )


@pytest.fixture
def private():
    return default_school().private_collection


def test_a_consent_is_valid_between_its_dates_until_withdrawn():
    consent = ConsentFactory.build(valid_from=D(2025, 9, 1), valid_until=D(2026, 5, 31))

    assert not consent.is_valid(on=D(2025, 8, 31))
    assert consent.is_valid(on=D(2025, 9, 1))
    assert consent.is_valid(on=D(2026, 5, 31))
    assert not consent.is_valid(on=D(2026, 6, 1))
    consent.withdrawn_at = timezone.now()
    assert not consent.is_valid(on=D(2025, 10, 1))


def test_a_consent_without_an_end_stays_valid():
    assert ConsentFactory.build(valid_from=D(2020, 1, 1)).is_valid(on=D(2040, 1, 1))


def test_a_consent_allows_exactly_the_pages_it_lists():
    consent = ConsentFactory.build(
        pages=" /nastavnichestvo/nastavniki/ivanova/ \n\nnastavnichestvo/novosti/pobeda"
    )

    assert consent.allows_page("/nastavnichestvo/nastavniki/ivanova/")
    assert consent.allows_page("/nastavnichestvo/novosti/pobeda/")
    assert not consent.allows_page("/nastavnichestvo/nastavniki/")
    assert not consent.allows_page("/nastavnichestvo/nastavniki/petrova/")


def test_a_consent_cannot_end_before_it_begins():
    consent = ConsentFactory.build(valid_from=D(2025, 9, 1), valid_until=D(2025, 8, 1))

    with pytest.raises(ValidationError) as error:
        consent.full_clean()

    assert "valid_until" in error.value.message_dict


def test_the_scan_must_be_in_the_private_collection(private):
    public = scan(Collection.get_first_root_node())

    with pytest.raises(ValidationError) as error:
        ConsentFactory.build(document=public).full_clean()
    assert "document" in error.value.message_dict

    ConsentFactory.build(document=scan(private)).full_clean()


@pytest.mark.parametrize("role", ["anonymous", EDITOR])
def test_an_anonymous_visitor_or_an_editor_cannot_download_the_scan(
    client, login_as, private, role
):
    document = scan(private)
    visitor = client if role == "anonymous" else login_as(role)

    response = visitor.get(document.url)

    # Wagtail asks anyone who may not see the collection to log in as someone who may.
    assert outcome(response) == sent_to_log_in(document.url, login="wagtailcore_login")
    assert SCAN not in response.content


def test_a_curator_can_download_the_scan(login_as, private):
    response = login_as(CURATOR).get(scan(private).url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SCAN


def test_only_curators_hold_permissions_on_consents():
    permissions = Permission.objects.filter(
        content_type__app_label="programmes", codename__endswith="_consent"
    )
    holders = {group for p in permissions for group in p.group_set.all()}
    assert holders == {group_of(default_school(), CURATOR)}
    assert group_of(default_school(), CURATOR).permissions.filter(pk__in=permissions).count() == 4


@pytest.mark.parametrize("role", [EDITOR, MODERATOR])
def test_editors_and_moderators_cannot_see_the_registry(login_as, role):
    ConsentFactory(person="Иванова Анна Сергеевна")
    client = login_as(role)

    response = client.get(reverse("wagtailsnippets_programmes_consent:list"))

    assert outcome(response) == sent_to_the_dashboard()
    assert "Иванова Анна Сергеевна" not in client.get(response["Location"]).content.decode()


def test_curators_see_the_registry(login_as):
    ConsentFactory(person="Иванова Анна Сергеевна")

    response = login_as(CURATOR).get(reverse("wagtailsnippets_programmes_consent:list"))

    assert response.status_code == 200
    assert "Иванова Анна Сергеевна" in response.content.decode()


def consents_of_every_state():
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    return {
        "usable": ConsentFactory(person="Действующее согласие"),
        "open-ended from today": ConsentFactory(person="С сегодняшнего дня", valid_from=today),
        "processing": ConsentFactory(person="Согласие на обработку", kind=ConsentKind.PROCESSING),
        "withdrawn": ConsentFactory(person="Отозванное согласие", withdrawn_at=timezone.now()),
        "expired": ConsentFactory(person="Истёкшее согласие", valid_until=today - day),
        "not yet": ConsentFactory(person="Будущее согласие", valid_from=today + day),
    }


@pytest.mark.django_db
def test_valid_in_sql_agrees_with_is_valid():
    consents = consents_of_every_state().values()

    assert set(Consent.objects.valid()) == {c for c in consents if c.is_valid()}


@pytest.mark.django_db
def test_a_pages_consent_chooser_offers_only_valid_consents_to_dissemination(login_as):
    consents_of_every_state()
    client = login_as(EDITOR)

    chooser = client.get(reverse("wagtailsnippetchoosers_programmes_consent:choose"))

    shown = chooser.json()["html"]
    assert "Действующее согласие" in shown
    assert "С сегодняшнего дня" in shown
    for hidden in ["обработку", "Отозванное", "Истёкшее", "Будущее"]:
        assert hidden not in shown


def test_the_registry_says_yes_or_no_in_the_admins_language_not_true_or_false(login_as):
    ConsentFactory(person="Ученица 10 «А»", is_minor=True, parent_name="Родитель")
    ConsentFactory(person="Учитель истории", is_minor=False)
    client = login_as(CURATOR)

    soup = BeautifulSoup(
        client.get(reverse("wagtailsnippets_programmes_consent:list")).content, "html.parser"
    )

    cells = {
        row.select_one("td a").get_text(strip=True): row.find_all("td")[-1].get_text(strip=True)
        for row in soup.select("tbody tr")
    }
    with translation.override("ru"):
        assert cells == {"Ученица 10 «А»": gettext("yes"), "Учитель истории": gettext("no")}
    assert "True" not in soup.select_one("tbody").get_text()
