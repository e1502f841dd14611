"""One rule for minors on both application forms, in both languages: for a pupil under 18
the parent or legal representative consents too, and nobody can skip saying so."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from mentoring_pages.forms.minors import (
    ADULT,
    MINOR_FIELD,
    PARENT_CONSENT_FIELD,
    PARENT_CONSENT_REQUIRED,
    UNDER_18,
    Minors,
)
from mentoring_pages.models import ApplicationSubmission
from mentoring_pages.tests.applications import (
    answers,
    application_form,
    is_thanked,
    shown_consent,
)
from programmes.tests.factories import ConsentTextFactory
from site_project.translation import translate

pytestmark = pytest.mark.django_db

PARENT_CONSENT = {PARENT_CONSENT_FIELD: "on"}


@pytest.fixture
def consent_text():
    return ConsentTextFactory()


def form_for(section, minors):
    return application_form(section.landing, minors=minors)


def stored():
    return [
        (submission.for_minor, submission.parent_consented)
        for submission in ApplicationSubmission.objects.order_by("pk")
    ]


def message(text, language="ru"):
    """`text` (a msgid or a lazy translation) as the visitor reads it in `language`."""
    with translation.override(language):
        return translation.gettext(str(text))


def test_a_pupil_who_skips_the_age_question_is_asked_it_and_nothing_is_stored(
    client, section, consent_text
):
    """The mentor form once took a pupil of grades 8–11 on their own consent alone."""
    page = form_for(section, Minors.MAY_APPLY)

    response = client.post(page.url, answers(page), follow=True)
    form = BeautifulSoup(response.content.decode(), "html.parser")

    assert response.status_code == 400
    summary = form.select_one(".error-summary").get_text()
    assert message("Say whether you are under 18.") in summary
    assert stored() == []


def test_the_age_question_comes_with_nothing_chosen_next_to_the_consents(
    client, section, consent_text
):
    page = form_for(section, Minors.MAY_APPLY)

    form = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    consents = form.select_one(".site-form__consent")
    options = consents.find_all("input", attrs={"name": MINOR_FIELD})

    assert [option["value"] for option in options] == [UNDER_18, ADULT]
    assert not any(option.has_attr("checked") for option in options)
    assert consents.find("input", attrs={"name": PARENT_CONSENT_FIELD}) is not None


def test_a_pupil_under_18_applies_only_with_a_parents_consent(client, section, consent_text):
    page = form_for(section, Minors.MAY_APPLY)

    refused = client.post(page.url, answers(page, **{MINOR_FIELD: UNDER_18}), follow=True)
    pupil = client.post(
        page.url, answers(page, **{MINOR_FIELD: UNDER_18}, **PARENT_CONSENT), follow=True
    )
    adult = client.post(page.url, answers(page, **{MINOR_FIELD: ADULT}), follow=True)

    assert refused.status_code == 400
    assert message(PARENT_CONSENT_REQUIRED) in refused.content.decode()
    assert is_thanked(pupil) and is_thanked(adult)
    assert stored() == [(True, True), (False, False)]


def test_a_parent_applying_for_a_pupil_always_consents_for_them(client, section, consent_text):
    page = form_for(section, Minors.PARENT_APPLIES)

    form = client.get(page.url).content.decode()
    refused = client.post(page.url, answers(page), follow=True)
    accepted = client.post(page.url, answers(page, **PARENT_CONSENT), follow=True)

    assert f'name="{MINOR_FIELD}"' not in form  # the pupil is a minor: nothing to ask
    assert refused.status_code == 400
    assert message(PARENT_CONSENT_REQUIRED) in refused.content.decode()
    assert is_thanked(accepted)
    assert stored() == [(True, True)]


def test_a_form_for_adults_asks_neither(client, section, consent_text):
    page = form_for(section, Minors.NONE)

    form = client.get(page.url).content.decode()
    response = client.post(page.url, answers(page), follow=True)

    assert f'name="{MINOR_FIELD}"' not in form
    assert f'name="{PARENT_CONSENT_FIELD}"' not in form
    assert is_thanked(response)
    assert stored() == [(False, False)]


@pytest.mark.parametrize("minors", [Minors.MAY_APPLY, Minors.PARENT_APPLIES])
def test_the_rule_holds_on_the_english_page(client, english_section, english, consent_text, minors):
    page = form_for(english_section, minors)
    translate(page, english, {})
    translate(consent_text, english, {})
    url = f"/en/nastavnichestvo/{page.slug}/"
    pupil = {MINOR_FIELD: UNDER_18} if minors == Minors.MAY_APPLY else {}

    english_consent = shown_consent(page.get_translation(english))

    skipped = client.post(url, answers(page, **english_consent), follow=True)
    refused = client.post(url, answers(page, **pupil, **english_consent), follow=True)
    accepted = client.post(
        url, answers(page, **pupil, **PARENT_CONSENT, **english_consent), follow=True
    )

    assert (skipped.status_code, refused.status_code) == (400, 400)
    assert message(PARENT_CONSENT_REQUIRED, "en") in refused.content.decode()
    assert is_thanked(accepted)
    assert stored() == [(True, True)]
