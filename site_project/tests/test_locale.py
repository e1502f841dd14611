"""The Russian catalogue is what users see by default: every UI string must be in it."""

from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


@pytest.mark.parametrize("language", ["ru", "en"])
def test_catalogue_exists_and_is_compiled(language):
    messages = LOCALE_DIR / language / "LC_MESSAGES"

    assert (messages / "django.po").exists()
    assert (messages / "django.mo").exists()


def test_russian_catalogue_is_complete():
    catalogue = polib.pofile(str(LOCALE_DIR / "ru" / "LC_MESSAGES" / "django.po"))

    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]

    assert untranslated == []
    assert fuzzy == []


def test_every_russian_plural_has_every_form_the_catalogue_declares():
    """A form missing would show the English text for the count that picks it (gettext falls
    back to the msgid), and msgfmt -c refuses the catalogue."""
    catalogue = polib.pofile(str(LOCALE_DIR / "ru" / "LC_MESSAGES" / "django.po"))
    forms = int(catalogue.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])

    short = [
        entry.msgid
        for entry in catalogue
        if entry.msgid_plural and sorted(entry.msgstr_plural) != list(range(forms))
    ]

    assert short == []
