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
