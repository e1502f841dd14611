"""Application forms and monitoring questionnaires (wagtail.contrib.forms).

What people send stays in our own database; only curators read it (forms_admin), and it is
deleted after the retention period (`purge_submissions`). Applications carry personal
data, so each one records the consent to processing it was sent with: which wording, when.
Questionnaires are anonymous: they ask for no name or contact and need no consent."""

import datetime
import logging
import re

import django.forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.utils import get_user_display_name
from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractFormField,
    AbstractFormSubmission,
    EmailFormMixin,
    FormMixin,
    FormSubmission,
)
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.search import searchable
from mentoring_pages.forms import minors as minors_rule
from mentoring_pages.forms import protection, thanks
from mentoring_pages.forms.minors import MINOR_FIELD, PARENT_CONSENT_FIELD, Minors
from programmes.admin_forms import PageSchoolRecordsOnlyMixin
from programmes.models import ConsentText
from programmes.models.results import MetricKind, MonitoringStage
from programmes.schools import school_of_page

from .base import ProgrammeMixin, SectionPage

logger = logging.getLogger(__name__)

# Rating questions: the field type and the top of its scale (the bottom is 1).
RATING_SCALES = {"rating_5": 5, "rating_10": 10}
QUESTION_TYPES = (
    ("rating_5", _("Rating from 1 to 5")),
    ("rating_10", _("Rating from 1 to 10")),
    ("radio", _("One choice")),
    ("checkboxes", _("Several choices")),
    ("dropdown", _("Drop down")),
    ("singleline", _("Short open answer")),
    ("multiline", _("Long open answer")),
)
# An application's questions: Wagtail's, and a person's name and a phone number, so that a
# phone shows the right keyboard and the browser offers what it remembers.
APPLICATION_FIELD_TYPES = (
    ("name", _("Person's name")),
    ("tel", _("Phone number")),
    *FORM_FIELD_CHOICES,
)
CONSENT_FIELD = "personal_data_consent"
# The consent text the form showed: the one an application records must be the one read.
SHOWN_CONSENT_FIELD = "consent_text_shown"
RESERVED_NAMES = {
    CONSENT_FIELD,
    SHOWN_CONSENT_FIELD,
    PARENT_CONSENT_FIELD,
    MINOR_FIELD,
    protection.HONEYPOT_FIELD,
}
# What an application's data holds beside the answers (the list's columns, the export),
# keyed with a leading underscore: a question's name never starts with one (Django's
# slugify, which every Wagtail version names questions with, strips it), so no answer is
# hidden by them, whenever its question was made.
REFERENCE_COLUMN = "_reference"
STATE_COLUMN = "_state"
STATE_CHANGED_COLUMN = "_state_changed"
NOTE_COLUMN = "_state_note"
STATE_COLUMNS = (STATE_COLUMN, STATE_CHANGED_COLUMN, NOTE_COLUMN)
TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class SiteForm(BaseForm):
    """A form of the site: the editor's questions, then the consents it asks for (none)."""

    consent_field_names = ()

    def is_open(self):
        """Whether the form can be sent at all, so the page shows it."""
        return True

    def question_fields(self):
        return [field for field in self if field.name not in self.consent_field_names]

    def consent_fields(self):
        return [self[name] for name in self.consent_field_names if name in self.fields]


CLOSED_MESSAGE = _(
    "The form cannot take applications at the moment. Please contact the school by phone or e-mail."
)


class ApplicationForm(SiteForm):
    """An application: the consent to processing is mandatory, and for a pupil under 18 a
    parent's or legal representative's consent too, by the one rule in
    mentoring_pages.forms.minors. Never a consent to dissemination: that one is signed on
    paper."""

    consent_field_names = (MINOR_FIELD, CONSENT_FIELD, PARENT_CONSENT_FIELD)
    shown_consent_field = SHOWN_CONSENT_FIELD
    closed_message = CLOSED_MESSAGE

    def __init__(self, *args, consent_text=None, minors=Minors.NONE, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = consent_text
        self.minors = minors
        self.fields[CONSENT_FIELD] = django.forms.BooleanField(
            label=_("I agree to the processing of my personal data on the terms above"),
            error_messages={
                "required": _("Without your consent we cannot accept the application.")
            },
        )
        minors_rule.add_fields(self, minors)

    def is_for_minor(self):
        return minors_rule.is_for_minor(self.minors, self.cleaned_data)

    def is_open(self):
        # Without a consent text in force nobody can agree to anything: no form to fill in.
        return self.consent_text is not None

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_open():
            raise ValidationError(CLOSED_MESSAGE)
        if self.data.get(SHOWN_CONSENT_FIELD) != self.consent_text.wording_fingerprint():
            # A new version came into force since the page was opened: the form shows it
            # now, and the boxes are unticked until it is agreed to.
            self.data = self.data.copy()
            for name in (CONSENT_FIELD, PARENT_CONSENT_FIELD):
                self.data.pop(name, None)
            self.add_error(
                CONSENT_FIELD,
                _(
                    "The text of the consent has changed since you opened the form. "
                    "Please read it and tick the box again."
                ),
            )
        minors_rule.check(self, self.minors)
        return cleaned_data


# Characters a long open answer may hold (a short one: Wagtail's 255); digits a number may
# have; a phone number as people write it: «+7 (912) 345-67-89, доб. 12», «8 912 345 67 89»,
# pasted with no-break spaces and dashes of any kind.
MAX_LONG_ANSWER = 4000
MAX_NUMBER_DIGITS = 20
MAX_PHONE_LENGTH = 40
MIN_PHONE_DIGITS = 5
PHONE_NUMBER = re.compile(r"\+?[0-9() .-]+(?:,?\s*(?:доб|ext)\.?\s*[0-9]{1,6})?", re.IGNORECASE)
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
# Questions answered by picking from the editor's choices.
CHOICE_TYPES = {"dropdown", "radio", "checkboxes", "multiselect"}


def validate_phone_number(value):
    written = " ".join(value.translate(DASHES).split())
    digits = sum(character.isdigit() for character in written)
    if digits < MIN_PHONE_DIGITS or not PHONE_NUMBER.fullmatch(written):
        raise ValidationError(
            _(
                "Enter a phone number: digits, spaces, brackets and dashes, a + only at the "
                "start, and an extension after “доб.” or “ext.”."
            ),
            code="invalid_phone",
        )


class SiteFormBuilder(FormBuilder):
    """Wagtail's form builder with rating questions, on the site's own form class."""

    base_form_class = SiteForm

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.required and field.field_type in CHOICE_TYPES:
            # Whoever skips a required choice must be asked, not send the editor's default.
            options["initial"] = None
        return options

    def get_formatted_field_initial(self, field):
        # Wagtail takes the ticked boxes of a checkboxes question from here, not the options.
        return [] if field.required else super().get_formatted_field_initial(field)

    def create_rating_5_field(self, field, options):
        return self.rating_field(RATING_SCALES["rating_5"], options)

    def create_rating_10_field(self, field, options):
        return self.rating_field(RATING_SCALES["rating_10"], options)

    # Wagtail sets no limit on these: a form must not store a megabyte a robot pastes in.
    def create_multiline_field(self, field, options):
        options["max_length"] = MAX_LONG_ANSWER
        return super().create_multiline_field(field, options)

    # A phone opens its date picker; the browser sends the ISO date the field reads.
    def create_date_field(self, field, options):
        widget = django.forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        return django.forms.DateField(widget=widget, **options)

    def create_datetime_field(self, field, options):
        widget = django.forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        )
        return django.forms.DateTimeField(widget=widget, **options)

    def create_hidden_field(self, field, options):
        # As long as a long answer, so that no default an editor gives it is refused.
        options["max_length"] = MAX_LONG_ANSWER
        return super().create_hidden_field(field, options)

    def create_number_field(self, field, options):
        options["max_digits"] = MAX_NUMBER_DIGITS
        return super().create_number_field(field, options)

    def create_dropdown_field(self, field, options):
        # Nothing is chosen for the visitor: a required question left alone is refused,
        # not sent as its first answer.
        options["choices"] = [("", gettext("— choose —")), *self.get_formatted_field_choices(field)]
        return django.forms.ChoiceField(**options)

    def create_email_field(self, field, options):
        options["widget"] = django.forms.EmailInput(attrs={"autocomplete": "email"})
        return super().create_email_field(field, options)

    def create_name_field(self, field, options):
        options["max_length"] = 255
        options["widget"] = django.forms.TextInput(attrs={"autocomplete": "name"})
        return django.forms.CharField(**options)

    def create_tel_field(self, field, options):
        options["max_length"] = MAX_PHONE_LENGTH
        options["widget"] = django.forms.TextInput(
            attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}
        )
        options["validators"] = [validate_phone_number]
        return django.forms.CharField(**options)

    @staticmethod
    def rating_field(top, options):
        options["choices"] = [(str(value), str(value)) for value in range(1, top + 1)]
        options["initial"] = None
        return django.forms.TypedChoiceField(
            coerce=int, widget=django.forms.RadioSelect(attrs={"class": "rating"}), **options
        )

    def get_form_class(self):
        return type("SiteFormPageForm", (self.base_form_class,), self.formfields)


class ApplicationFormBuilder(SiteFormBuilder):
    base_form_class = ApplicationForm


# Russian letters in Latin (as in passports), so that a question's name — its key in the
# stored answers, its id in the page — reads «imia», not «u0438u043cu044f».
LATIN = str.maketrans(
    dict(
        zip(
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
            "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch  y  e iu ia".split(" "),  # noqa: SIM905 (ъ and ь are dropped)
            strict=True,
        )
    )
)


class SiteFormField(TranslatableMixin, AbstractFormField):
    """A question of a form; its label, help and choices are translated with the page,
    its name and type are the same in every language, so answers add up: a translator
    cannot override the name (wagtail-localize offers none for a choice or a yes/no)."""

    override_translatable_fields = [
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        abstract = True
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def get_field_clean_name(self):
        name = get_field_clean_name(self.label.lower().translate(LATIN))
        # The names the site's forms add themselves stay theirs.
        return f"{name}_answer" if name in RESERVED_NAMES else name


class SectionFormPageForm(PageSchoolRecordsOnlyMixin, WagtailAdminFormPageForm):
    pass


class SectionFormPage(FormMixin, SectionPage):
    """A form of the «Наставничество» section: an introduction, the questions, and the
    thanks shown once it is sent."""

    base_form_class = SectionFormPageForm

    @property
    def submissions_list_view_class(self):
        # Who read or exported what people sent is logged. Wagtail's admin views cannot be
        # imported while the models load.
        from mentoring_pages.forms.personal_data_log import LoggedSubmissionsListView

        return LoggedSubmissionsListView

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=TEXT_FEATURES, help_text=_("Shown once sent.")
    )

    search_fields = searchable(index.SearchField("intro"))
    form_builder = SiteFormBuilder
    # Every form of the section looks the same (Wagtail names a template per page type).
    form_template = "mentoring_pages/form_page.html"
    landing_page_template = "mentoring_pages/form_page_landing.html"
    parent_page_types = ["mentoring_pages.MentoringIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return self.form_template

    def render_form(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        context["honeypot_field"] = protection.HONEYPOT_FIELD
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            sent = thanks.sent_submission(request, self)
            if sent is not None:
                return self.render_landing_page(request, sent)
            return self.render_form(request, self.get_form(page=self, user=request.user))
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        # A robot (or a browser's autofill), or too many submissions from one address:
        # nothing is kept, and a person has their answers back to send again.
        if protection.is_spam(request):
            return self.render_refused(request, form, protection.SPAM_MESSAGE, status=400)
        # The same answers again (a double tap, «Back» and send): the thanks they had.
        sent_already = thanks.thanks_for_the_same_answers(request, self)
        if sent_already is not None:
            return HttpResponseRedirect(sent_already, status=303)
        if protection.is_rate_limited(request):
            return self.render_refused(request, form, protection.RATE_MESSAGE, status=429)
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        submission = self.process_form_submission(form)
        protection.count_submission(request)
        # The thanks at an address of their own (forms.thanks).
        return HttpResponseRedirect(thanks.remember_sent(request, self, submission), status=303)

    def render_refused(self, request, form, message, status):
        form.add_error(None, message)
        return self.render_form(request, form, status=status)


class ApplicationFormField(SiteFormField):
    page = ParentalKey("ApplicationPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("field type"), max_length=16, choices=APPLICATION_FIELD_TYPES)
    field_type.required_on_save = True


class ApplicationPage(EmailFormMixin, SectionFormPage):
    """«Хочу стать наставником», «Хочу найти наставника»: an application to take part."""

    minors = models.CharField(
        _("pupils under 18"),
        max_length=16,
        choices=Minors.choices,
        default=Minors.NONE,
        help_text=_(
            "For a pupil under 18 the form also asks for a parent's or legal "
            "representative's consent to the processing of the pupil's data."
        ),
    )
    reply_within_days = models.PositiveSmallIntegerField(
        _("reply within (working days)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("The thank-you page tells the applicant when the curator will reply."),
    )

    form_builder = ApplicationFormBuilder
    # Where the curators' notice goes is the same in every language: not a text to
    # translate. (The form's choices and numbers, such as `minors`, are synchronised too:
    # wagtail-localize offers no override for them.)
    override_translatable_fields = [SynchronizedField("to_address", overridable=False)]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("minors"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        FieldPanel("reply_within_days"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("subject")],
            heading=_("Notify the curators"),
            help_text=_(
                "The e-mail only says that an application has arrived, with a link to the "
                "admin: what people wrote stays in the site's database."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("application form")
        verbose_name_plural = _("application forms")

    def serve_preview(self, request, mode_name):
        # The thanks as an applicant sees them: with a number, and what happens next, whose
        # wording (reply_within_days) the editor is changing.
        if mode_name == "landing":
            example = thanks.SentSubmission(f"{timezone.localdate():%Y}-{1:05d}")
            return self.render_landing_page(request, example)
        return super().serve_preview(request, mode_name)

    def get_form_parameters(self):
        return {
            "consent_text": ConsentText.current(school_of_page(self), get_language()),
            "minors": self.minors,
        }

    @property
    def submissions_list_view_class(self):
        # Found by the number the applicant quotes. Not importable while the models load.
        from mentoring_pages.forms.admin import ApplicationSubmissionsListView

        return ApplicationSubmissionsListView

    def get_submission_class(self):
        return ApplicationSubmission

    def get_submissions(self):
        return (
            super()
            .get_submissions()
            .select_related("consent_text")
            .prefetch_related(
                models.Prefetch(
                    "state_changes",
                    queryset=ApplicationStateChange.objects.select_related("changed_by"),
                )
            )
        )

    def get_data_fields(self):
        return [
            (REFERENCE_COLUMN, _("Reference number")),
            *super().get_data_fields(),
            ("_for_minor", _("For a pupil under 18")),
            ("_consent_text", _("Consent to processing")),
            ("_consented_at", _("Consent given at")),
            ("_parent_consented", _("Parent's consent")),
            (STATE_COLUMN, _("Status")),
            (STATE_CHANGED_COLUMN, _("Status changed")),
            (NOTE_COLUMN, _("Curator's note")),
        ]

    def process_form_submission(self, form):
        answers = {
            name: value
            for name, value in form.cleaned_data.items()
            if name not in form.consent_field_names
        }
        submission = ApplicationSubmission.objects.create(
            page=self,
            form_data=answers,
            consent_text=form.consent_text,
            consented_at=timezone.now(),
            for_minor=form.is_for_minor(),
            parent_consented=bool(form.cleaned_data.get(PARENT_CONSENT_FIELD)),
        )
        if self.to_address:
            try:
                self.send_mail(form)
            except OSError:  # SMTP errors too: the application is kept, the log says why
                logger.exception("Could not notify the curators of application %s", submission.pk)
        return submission

    def send_mail(self, form):
        """Tell the curators an application has arrived; what it says stays here. They read
        the school's language: the form is named as its Russian page names it."""
        with translation.override(settings.LANGUAGE_CODE):
            named = self.localized
            subject = named.subject or gettext("New application: %(title)s") % {
                "title": named.title
            }
            body = self.curators_email_body(named.title)
        addresses = [address.strip() for address in self.to_address.split(",")]
        send_mail(subject, body, None, addresses)

    def curators_email_body(self, title):
        # Not Wagtail's render_email: the answers stay out of the e-mail.
        link = settings.WAGTAILADMIN_BASE_URL + reverse(
            "wagtailforms:list_submissions", args=[self.pk]
        )
        return gettext(
            "A new application has arrived through the form «%(title)s».\n\n"
            "Read it in the site's admin (curators only): %(link)s\n\n"
            "The application itself is not in this e-mail: people's data stays in the "
            "site's database."
        ) % {"title": title, "link": link}


# A reference as people may write it: a year Python's dates hold (not 0000), the number
# short enough for any database's integer.
REFERENCE = re.compile(r"([1-9]\d{3})\s*[-–/ ]\s*(\d{1,9})")


class ApplicationState(models.TextChoices):
    """Where a curator is with an application: it arrived, they called the applicant back,
    a pair was formed (accepted) or not (declined). Any move between them is allowed: a
    curator may reopen what they closed by mistake."""

    NEW = "new", pgettext_lazy("application status", "New")
    CONTACTED = "contacted", pgettext_lazy("application status", "Contacted")
    ACCEPTED = "accepted", pgettext_lazy("application status", "Accepted")
    DECLINED = "declined", pgettext_lazy("application status", "Declined")


class ApplicationSubmission(AbstractFormSubmission):
    """An application, with the consent to processing it was sent with, and where the
    curator is with it (its history in ApplicationStateChange)."""

    consent_text = models.ForeignKey(
        ConsentText,
        verbose_name=_("consent text"),
        on_delete=models.PROTECT,
        related_name="application_submissions",
    )
    consented_at = models.DateTimeField(_("consent given at"))
    for_minor = models.BooleanField(_("for a pupil under 18"), default=False)
    parent_consented = models.BooleanField(_("parent's consent"), default=False)
    state = models.CharField(
        _("status"), max_length=16, choices=ApplicationState.choices, default=ApplicationState.NEW
    )
    # The curator's own words («перезвонить после 15:00»): may name people, so only the
    # current note is kept (the history says when it changed, not what it said), and it
    # is deleted with the application.
    state_note = models.TextField(_("curator's note"), blank=True)

    class Meta(AbstractFormSubmission.Meta):
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    @property
    def reference(self):
        """The number the applicant is given and may quote on the phone: the year and a
        running number, nothing about the person (and no page looks anything up by it)."""
        return f"{timezone.localtime(self.submit_time):%Y}-{self.pk:05d}"

    @staticmethod
    def reference_lookup(text):
        """The filter for the application `text` names, as people read it out
        («2026-00123», «2026 - 123»); one that matches nothing if it names none."""
        match = REFERENCE.fullmatch(text.strip())
        if match is None:
            return Q(pk__in=[])
        year, number = match.groups()
        # The year as the reference gives it: in the site's time zone, as Django's is.
        return Q(pk=int(number), submit_time__year=int(year))

    def get_data(self):
        latest = self.latest_state_change()
        return {
            **super().get_data(),
            REFERENCE_COLUMN: self.reference,
            "_for_minor": gettext("yes") if self.for_minor else "",
            "_consent_text": str(self.consent_text),
            "_consented_at": self.consented_at,
            "_parent_consented": gettext("yes") if self.parent_consented else "",
            STATE_COLUMN: self.get_state_display(),
            STATE_CHANGED_COLUMN: latest.summary() if latest else "",
            NOTE_COLUMN: self.state_note,
        }

    def latest_state_change(self):
        """The last change of the status or note (None while nobody changed them), from
        those ApplicationPage.get_submissions prefetched, newest first."""
        return next(iter(self.state_changes.all()), None)

    @transaction.atomic
    def change_state(self, state, note, user):
        """Set the status and the note as `user` decided, keeping in the history the status
        and whether the note changed (never its words: a note cleared is gone); False if
        both were already so (nothing is recorded)."""
        note_changed = note != self.state_note
        if state == self.state and not note_changed:
            return False
        self.state = state
        self.state_note = note
        self.save(update_fields=["state", "state_note"])
        ApplicationStateChange.objects.create(
            submission=self, state=state, note_changed=note_changed, changed_by=user
        )
        return True


class QuestionnaireField(SiteFormField):
    page = ParentalKey("QuestionnairePage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("field type"), max_length=16, choices=QUESTION_TYPES)
    field_type.required_on_save = True


class QuestionnairePage(ProgrammeMixin, SectionFormPage):
    """An anonymous monitoring questionnaire: ratings, choices and open answers, whose
    results a curator reads in the admin and records as a monitoring result."""

    monitoring_stage = models.PositiveSmallIntegerField(
        _("monitoring stage"), choices=MonitoringStage.choices, default=MonitoringStage.QUALITY
    )
    metric_kind = models.CharField(
        _("what it measures"),
        max_length=30,
        choices=MetricKind.choices,
        default=MetricKind.MENTEE_SATISFACTION,
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Questions")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel("programme"),
                FieldRowPanel([FieldPanel("monitoring_stage"), FieldPanel("metric_kind")]),
            ],
            heading=_("Monitoring"),
        ),
    ]

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")


class ApplicationStateChange(models.Model):
    """One change of an application's status or note: who made it and when, and whether
    the note changed — not what it said, which may name people and is kept only on the
    application while the curator keeps it. Deleted with the application."""

    submission = models.ForeignKey(
        ApplicationSubmission,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="state_changes",
    )
    state = models.CharField(_("status"), max_length=16, choices=ApplicationState.choices)
    note_changed = models.BooleanField(_("note changed"), default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("application status change")
        verbose_name_plural = _("application status changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.get_state_display()} ({self.summary()})"

    def summary(self):
        """When and by whom, in the admin's language: «5 декабря 2026, 17:05, Анна
        Петрова», «5 December 2026, 5:05 p.m., …»."""
        changed_at = timezone.localtime(self.changed_at)
        when = f"{formats.date_format(changed_at)}, {formats.time_format(changed_at)}"
        if self.changed_by is None:  # the account was deleted since
            return when
        return f"{when}, {get_user_display_name(self.changed_by)}"


# Every model that keeps what people send through the site's forms.
SUBMISSION_MODELS = (ApplicationSubmission, FormSubmission)


def expired_submissions(now=None):
    """[queryset] of the submissions older than the retention period, one per model."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.FORM_SUBMISSION_RETENTION_DAYS)
    return [model.objects.filter(submit_time__lt=cutoff) for model in SUBMISSION_MODELS]
