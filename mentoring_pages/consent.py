"""Whether a person may be shown on a public page (152-ФЗ ст. 10.1): the one place for the
rule. Publishing a page that shows a person asks it; so does submitting it for moderation."""

from django.utils.translation import gettext_lazy as _
from wagtail.actions.publish_revision import PublishPermissionError


class ConsentMissing(PublishPermissionError):
    """Publishing refused: the person shown has not (fully) consented."""


def consent_problems(page):
    """What is missing before `page` may show its person: a list of messages, empty when
    publishing is allowed."""
    problems = []
    if not (page.consent_given_by.strip() and page.consent_date and page.consent_scope.strip()):
        problems.append(
            _(
                "There is no recorded consent to dissemination: enter who gave it, "
                "on what date and what it allows."
            )
        )
    if page.is_minor and not (page.parent_consent_given_by.strip() and page.parent_consent_date):
        problems.append(
            _("The mentor is under 18: a parent's consent to dissemination is needed too.")
        )
    return problems


def check_consent(page):
    problems = consent_problems(page)
    if problems:
        raise ConsentMissing(" ".join(str(problem) for problem in problems))
