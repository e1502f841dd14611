"""An address or a parameter naming no record («abc», a number larger than any id) finds
nothing: a 404, or an empty answer, never a 500 (site_project/record_ids.py)."""

import pytest
from django.urls import reverse

from home.tests.factories import ContentPageFactory
from programmes.models import ConsentKind
from programmes.roles import CURATOR, EDITOR
from programmes.tests.factories import ConsentFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

TOO_LARGE = "9" * 20
NOT_AN_ID = ["abc", TOO_LARGE, "1.5", "٣"]


def chooser(model, view, *args):
    return reverse(f"wagtailsnippetchoosers_programmes_{model}:{view}", args=args)


@pytest.mark.parametrize("bad", NOT_AN_ID)
@pytest.mark.parametrize(
    "address",
    [
        "/admin/bulk/wagtailcore/page/delete/?id={bad}",
        "/admin/bulk/wagtailcore/page/move/?id=all&childOf={bad}",
        # A well-formed id of no page: there is no listing under it.
        "/admin/bulk/wagtailcore/page/move/?id=all&childOf=999999",
        "/admin/bulk/programmes/programme/delete/?id={bad}",
        "/admin/snippets/choose/programmes/programme/chosen/{bad}/",
        "/admin/snippets/programmes/programme/history/{bad}/revisions/compare/earliest...latest/",
    ],
)
def test_an_admin_address_naming_no_record_is_not_found(login_as, address, bad):
    client = login_as(CURATOR)

    assert client.get(address.format(bad=bad)).status_code == 404


def chosen_page(home_page):
    page = ContentPageFactory(parent=home_page, title="Страница из выбора")
    return reverse("wagtailadmin_choose_page_chosen_multiple"), page.pk


def chosen_programme(home_page):
    return chooser("programme", "chosen_multiple"), ProgrammeFactory().pk


@pytest.mark.parametrize("chosen", [chosen_page, chosen_programme], ids=["page", "programme"])
def test_a_choosers_answer_leaves_out_what_names_no_record(login_as, home_page, chosen):
    address, pk = chosen(home_page)
    client = login_as(CURATOR)

    response = client.get(address, {"id": [*NOT_AN_ID, pk]})

    assert response.status_code == 200
    assert [str(item["id"]) for item in response.json()["result"]] == [str(pk)]
    # As Wagtail serves its own admin views: never kept, by the browser either.
    assert "no-store" in response["Cache-Control"]


def test_the_page_choosers_answer_leaves_out_the_trees_root(admin_client, home_page):
    root = home_page.get_parent()

    response = admin_client.get(
        reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": [root.pk, home_page.pk]}
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["result"]] == [home_page.pk]


def test_a_consent_chooser_names_only_the_consents_a_page_may_rely_on(login_as):
    usable = ConsentFactory(person="Наставница Иванова")
    processing_only = ConsentFactory(person="Ученица Петрова", kind=ConsentKind.PROCESSING)
    client = login_as(EDITOR)

    assert client.get(chooser("consent", "chosen", usable.pk)).status_code == 200
    assert client.get(chooser("consent", "chosen", processing_only.pk)).status_code == 404
    response = client.get(
        chooser("consent", "chosen_multiple"), {"id": [usable.pk, processing_only.pk]}
    )
    assert [item["id"] for item in response.json()["result"]] == [str(usable.pk)]
