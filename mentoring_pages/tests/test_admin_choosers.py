"""The choosers of the programme's data on the page editor speak Russian as a person would:
«Выбрать форму наставничества», not Wagtail's «Выбрать форма наставничества»."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from mentoring_pages.tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db


def editor_texts(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return {
        button.get_text(" ", strip=True) for button in soup.select("[data-chooser-action-choose]")
    }


@pytest.mark.parametrize(
    "page_of, models",
    [
        (lambda section: section.landing, ["programme"]),
        (lambda section: CasePageFactory(parent=section.cases), ["form", "consent"]),
    ],
)
def test_choosers_on_the_page_editor_are_worded_in_russian(admin_client, section, page_of, models):
    texts = editor_texts(admin_client, page_of(section))

    with translation.override("ru"):
        words = {
            "programme": gettext("Choose a programme"),
            "form": gettext("Choose a form of mentoring"),
            "consent": gettext("Choose a consent"),
        }
    assert texts >= {words[name] for name in models}
    assert words["form"] == "Выбрать форму наставничества"  # the accusative, not the name
