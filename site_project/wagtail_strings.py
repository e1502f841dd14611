"""Wagtail's admin strings whose Russian we give ourselves: those its Russian catalogue
lacks, seen on our screens (mentoring_pages/tests/test_admin_language.py finds them), and
those it words wrong (the technical «локализация» for what an editor calls the language,
names left undeclined). Marked here so that `make messages` keeps them in our catalogue,
which Django reads before Wagtail's (LOCALE_PATHS come first). Nothing imports this
module."""

from django.utils.translation import gettext_noop

MISSING_IN_WAGTAIL_RUSSIAN = (
    # What a screen reader names the buttons at the foot of an editing form.
    gettext_noop("Actions (footer)"),
)

REWORDED = (
    # A translatable snippet's language, in its listing's column and filter («Locale» is
    # ours too: the label of the choosers' filter, programmes/viewsets.py).
    gettext_noop("locale"),
    # The usage list's link to what uses an object: Wagtail's «Править %(object)s» leaves
    # the name in the nominative («Править форма наставничества»).
    gettext_noop("Edit this %(object)s"),
    # Wagtail's Russian says «страница записи журнала», a page of a record.
    gettext_noop("page log entry"),
    gettext_noop("page log entries"),
)
