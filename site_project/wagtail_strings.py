"""Wagtail's admin strings whose Russian we give ourselves: those its Russian catalogue
lacks, seen on our screens (mentoring_pages/tests/test_admin_language.py finds them), and
those it words wrong (the technical «локализация» for what an editor calls the language,
names left undeclined). Marked here so that `make messages` keeps them in our catalogue,
which Django reads before Wagtail's (LOCALE_PATHS come first). Nothing imports this
module."""

from django.utils.translation import gettext_noop, ngettext_lazy

MISSING_IN_WAGTAIL_RUSSIAN = (
    # What a screen reader names the buttons at the foot of an editing form.
    gettext_noop("Actions (footer)"),
)

REWORDED = (
    # A translatable snippet's language, in its listing's column and filter («Locale» is
    # ours too: the label of the choosers' filter, programmes/viewsets.py).
    gettext_noop("locale"),
    gettext_noop("Locale: "),  # the status side panel's
    # The usage list's link to what uses an object: Wagtail's «Править %(object)s» leaves
    # the name in the nominative («Править форма наставничества»).
    gettext_noop("Edit this %(object)s"),
    # Wagtail's Russian says «страница записи журнала», a page of a record.
    gettext_noop("page log entry"),
    gettext_noop("page log entries"),
    # Messages about an object that put its name after a verb or a preposition («хотите
    # удалить программа», «На программа ссылались»): ours say «этот объект (программа)».
    gettext_noop("Are you sure you want to delete this %(model_name)s?"),
    gettext_noop("The %(model_name)s could not be created due to errors."),
    gettext_noop("The %(model_name)s could not be saved due to errors."),
    gettext_noop("The %(model_name)s could not be saved as it is locked"),
    gettext_noop("Anyone can edit this %(model_name)s – lock it to prevent others from editing"),
    # What was saved, in a gender of its own («Тег 'Математика' обновлена»): ours say
    # «Тег «Математика»: сохранено».
    gettext_noop("%(model_name)s '%(object)s' created."),
    gettext_noop("%(model_name)s '%(object)s' updated."),
    gettext_noop("%(model_name)s '%(object)s' deleted."),
    gettext_noop("%(model_name)s '%(object)s' created and published."),
    gettext_noop("%(model_name)s '%(object)s' updated and published."),
    # Counts of what a search found, in Wagtail's Russian «Есть 3 совпадений».
    ngettext_lazy("There is %(counter)s match", "There are %(counter)s matches"),
    ngettext_lazy("There is one matching page", "There are %(counter)s matching pages"),
    ngettext_lazy(
        "This %(model_name)s is referenced %(usage_count)s time.",
        "This %(model_name)s is referenced %(usage_count)s times.",
    ),
)
