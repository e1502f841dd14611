"""Wagtail's admin strings whose Russian we give ourselves: those its Russian catalogue
lacks, seen on our screens (mentoring_pages/tests/test_admin_language.py finds them), and
its technical «локализация» for what an editor calls the language. Marked here so that
`make messages` keeps them in our catalogue, which Django reads before Wagtail's
(LOCALE_PATHS come first). Nothing imports this module."""

from django.utils.translation import gettext_noop

MISSING_IN_WAGTAIL_RUSSIAN = (
    # What a screen reader names the buttons at the foot of an editing form.
    gettext_noop("Actions (footer)"),
)

REWORDED = (
    # A translatable snippet's language, in its listing's column and filter («Locale» is
    # ours too: the label of the choosers' filter, programmes/viewsets.py).
    gettext_noop("locale"),
)
