"""Someone who wants to become a mentor finds the application form on the mentoring
section, sends it without the consent to processing their data and is told so, nothing
kept; then with it, and sees the thank-you page with the application's number. A pupil
under 18 is refused without a parent's consent. Every step passes axe."""

from django.utils.html import strip_tags
from django.utils.translation import gettext

from browser_tests import axe, demo
from mentoring_pages.forms.minors import PARENT_CONSENT_REQUIRED, Minors
from mentoring_pages.models import ApplicationPage, ApplicationSubmission

# What a person types, by the field's type in the form builder.
ANSWERS = {
    "name": "Анна Смирнова",
    "tel": "+7 912 345-67-89",
    "singleline": "Учитель математики",
    "multiline": "Помогу с математикой ученикам 5–6 классов.",
    "email": "anna@example.org",
    "number": "1",
    "url": "https://example.org/",
    "date": "2026-09-01",
}


def fill_in(page, field):
    """Answers a question of the form as a person would: types or picks the first choice
    (a drop-down's first is «— choose —», so the one after it)."""
    if field.field_type in ANSWERS:
        page.get_by_label(field.label, exact=False).fill(ANSWERS[field.field_type])
    elif field.field_type in {"radio", "checkboxes"}:
        page.get_by_role("group", name=field.label).locator("input").first.check()
    elif field.field_type == "dropdown":
        page.get_by_label(field.label, exact=False).select_option(index=1)
    elif field.field_type == "checkbox":
        page.get_by_label(field.label, exact=False).check()
    else:
        raise AssertionError(f"The test cannot fill in a {field.field_type} field yet.")


CONSENT = "I agree to the processing of my personal data on the terms above"


def answer_age(page, answer):
    """Answers the form's own question whether the applicant is under 18."""
    page.get_by_role("group", name=gettext("Are you under 18?")).get_by_label(
        gettext(answer)
    ).check()


def mentor_form():
    return (
        ApplicationPage.objects.live()
        .filter(locale__language_code="ru", minors=Minors.MAY_APPLY)
        .first()
    )


def assert_accessible(page):
    violations = axe.violations(page)
    assert not violations, axe.describe(violations)


def test_application_with_consent_reaches_the_thank_you_page(
    open_page, public_pages, demo_database
):
    landing = public_pages["mentoring", "ru"]
    form_page = mentor_form()
    sent = ApplicationSubmission.objects.filter(page=form_page).count()

    page = open_page(landing, width=demo.PHONE)
    take_part = page.get_by_role("region", name=gettext("How to take part"))
    take_part.get_by_role("link", name=form_page.title).click()
    page.wait_for_url(demo.address(form_page))
    for field in form_page.get_form_fields():
        fill_in(page, field)
    answer_age(page, "No, I am 18 or older")
    send = page.get_by_role("button", name=gettext("Send"), exact=True)
    send.click()

    page.get_by_role("alert").wait_for()
    assert ApplicationSubmission.objects.filter(page=form_page).count() == sent
    assert_accessible(page)

    page.get_by_label(gettext(CONSENT), exact=False).check()
    send.click()

    thanks = page.get_by_role("status")
    thanks.wait_for()
    assert strip_tags(form_page.thank_you_text).strip() in thanks.inner_text()
    application = ApplicationSubmission.objects.filter(page=form_page).latest("submit_time")
    assert application.consented_at
    assert ANSWERS["name"] in application.form_data.values()
    assert application.reference in thanks.inner_text()
    assert_accessible(page)


def test_a_pupil_under_18_needs_a_parents_consent(open_page, demo_database):
    form_page = mentor_form()
    sent = ApplicationSubmission.objects.filter(page=form_page).count()

    page = open_page(
        demo.PublicPage("application", "ru", demo.address(form_page)), width=demo.PHONE
    )
    for field in form_page.get_form_fields():
        fill_in(page, field)
    answer_age(page, "Yes, I am under 18")
    page.get_by_label(gettext(CONSENT), exact=False).check()
    page.get_by_role("button", name=gettext("Send"), exact=True).click()

    refusal = page.get_by_role("alert")
    refusal.wait_for()
    assert gettext(PARENT_CONSENT_REQUIRED) in refusal.inner_text()
    assert ApplicationSubmission.objects.filter(page=form_page).count() == sent
    assert_accessible(page)
