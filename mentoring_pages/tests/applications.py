"""An application form as the tests fill it in: three questions (name, e-mail, about —
optional) and a visitor's answers to them, with consent given."""

from bs4 import BeautifulSoup
from django.utils import translation

from mentoring_pages.models.forms import CONSENT_FIELD, SHOWN_CONSENT_FIELD
from mentoring_pages.tests.factories import ApplicationFormFieldFactory, ApplicationPageFactory


def add_fields(page):
    return {
        "name": ApplicationFormFieldFactory(page=page, label="Имя", sort_order=1),
        "email": ApplicationFormFieldFactory(
            page=page, label="Электронная почта", field_type="email", sort_order=2
        ),
        "about": ApplicationFormFieldFactory(
            page=page,
            label="О себе",
            field_type="multiline",
            required=False,
            help_text="Чем вы хотите помочь",
            sort_order=3,
        ),
    }


def application_form(parent, **fields):
    """A live application page below `parent` with the three questions, as `page.fields`."""
    page = ApplicationPageFactory(parent=parent, **fields)
    page.fields = add_fields(page)
    return page


def shown_consent(page):
    """The consent text the form shows in the page's language, as the form sends it back."""
    with translation.override(page.locale.language_code):
        consent_text = page.specific.get_form_parameters()["consent_text"]
    return {SHOWN_CONSENT_FIELD: consent_text.wording_fingerprint()} if consent_text else {}


def answers(page, **overrides):
    """What a visitor sends: every question answered and consent given to the text the form
    shows; `overrides` change answers, and None leaves one out."""
    data = {
        page.fields["name"].clean_name: "Мария",
        page.fields["email"].clean_name: "maria@example.org",
        page.fields["about"].clean_name: "Помогу с математикой",
        CONSENT_FIELD: "on",
        **shown_consent(page),
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def is_thanked(response):
    """Whether a form's answer, posted with follow=True, led to the form's thanks: the
    answer redirects (303) to them, so that reloading them sends nothing again."""
    return (
        bool(response.redirect_chain)
        and response.redirect_chain[-1][1] == 303
        and 'class="site-form__thanks"' in response.content.decode()
    )


def error_summary(response):
    """The text of the summary above a form that was not sent."""
    return BeautifulSoup(response.content, "html.parser").select_one(".error-summary").get_text()


def answer_shown(response, name):
    """The value the form shows again in its field `name`."""
    form = BeautifulSoup(response.content, "html.parser").find("form", method="post")
    return form.find(attrs={"name": name})["value"]
