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
        "/admin/bulk/programmes/programme/delete/?id={bad}",
        "/admin/snippets/choose/programmes/programme/chosen/{bad}/",
        "/admin/snippets/programmes/programme/history/{bad}/revisions/compare/earliest...latest/",
    ],
)
def test_an_admin_address_naming_no_record_is_not_found(login_as, address, bad):
    client = login_as(CURATOR)

    assert client.get(address.format(bad=bad)).status_code == 404


@pytest.mark.parametrize(
    "address",
    [
        lambda page, programme: reverse("wagtailadmin_choose_page_chosen_multiple"),
        lambda page, programme: chooser("programme", "chosen_multiple"),
    ],
    ids=["page", "programme"],
)
def test_a_choosers_answer_leaves_out_what_names_no_record(login_as, home_page, address):
    page = ContentPageFactory(parent=home_page, title="Страница из выбора")
    programme = ProgrammeFactory(title="Программа из выбора")
    client = login_as(CURATOR)

    response = client.get(address(page, programme), {"id": [*NOT_AN_ID, page.pk, programme.pk]})

    assert response.status_code == 200
    assert len(response.json()["result"]) == 1


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
