"""The demo section's forms: the consent to processing they ask for, the two application
forms and the mentees' satisfaction questionnaire (content/forms.json)."""

from django.utils.translation import gettext
from wagtail.models import Locale

from mentoring_pages.models import (
    ApplicationFormField,
    ApplicationPage,
    QuestionnaireField,
    QuestionnairePage,
)
from programmes.models import ConsentText
from programmes.models.results import MetricKind, MonitoringStage
from programmes.schools import default_school
from site_project.demo_content import LANGUAGES, Bilingual, data_date, orderables
from site_project.translation import translate


def build_consent_text(spec, english, log):
    """The consent to processing the forms ask for, in Russian and English, once."""
    if ConsentText.objects.exists():
        return
    texts = Bilingual()
    consent_text = ConsentText.objects.create(
        school=default_school(),
        locale=Locale.get_default(),
        version=spec["version"],
        in_force_from=data_date(spec["in_force_from"]),
        **texts.fields(spec, text=["title", "summary"], rich_text=["text"]),
    )
    translate(consent_text, english, texts.english)
    log(gettext("consent text created: %(text)s") % {"text": consent_text})


def attach_questions(page, model, questions, texts):
    """Give the form page its questions (`model`: its field class)."""

    def help_text(question):
        return texts.text(question["help_text"]) if "help_text" in question else ""

    def choices(question):
        """One a line, as Wagtail's form fields take them."""
        pairs = question.get("choices", [])
        lines = {language: "\n".join(pair[language] for pair in pairs) for language in LANGUAGES}
        return texts.text(lines) if pairs else ""

    page.form_fields = orderables(
        model,
        page.locale,
        (
            {
                "field_type": question["type"],
                "label": texts.text(question["label"]),
                "required": question["required"],
                "help_text": help_text(question),
                "choices": choices(question),
            }
            for question in questions
        ),
    )


def build_forms(section, parent, programme, content):
    build_consent_text(content["consent_text"], Locale.objects.get(language_code="en"), section.log)
    build_applications(section, parent, content["applications"])
    build_questionnaire(section, parent, programme, content["questionnaire"])


def build_applications(section, parent, applications):
    """The application forms under `parent`, sending their news to the school's e-mail."""
    texts = section.texts
    for spec in applications:

        def add_fields(page, spec=spec):
            attach_questions(page, ApplicationFormField, spec["fields"], texts)

        section.page(
            parent,
            ApplicationPage,
            spec["slug"],
            {
                **texts.fields(spec, text=["title"], rich_text=["intro", "thank_you_text"]),
                "minors": spec["minors"],
                "to_address": section.school["email"],
            },
            prepare=add_fields,
        )


def build_questionnaire(section, parent, programme, spec):
    texts = section.texts

    def add_questions(page):
        attach_questions(page, QuestionnaireField, spec["fields"], texts)

    section.page(
        parent,
        QuestionnairePage,
        spec["slug"],
        {
            **texts.fields(spec, text=["title"], rich_text=["intro", "thank_you_text"]),
            "programme": programme,
            "monitoring_stage": MonitoringStage.QUALITY,
            "metric_kind": MetricKind.MENTEE_SATISFACTION,
        },
        prepare=add_questions,
    )
