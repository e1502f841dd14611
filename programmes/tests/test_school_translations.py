"""wagtail-localize's own screens keep to the user's schools: a school's staff can neither
submit, update nor edit the translation of another school's page or record, nor see it in the
translations report; the coordinator sees every school's and changes none."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from programmes.roles import CURATOR, EDITOR, MODERATOR
from programmes.schools import COORDINATOR, default_school
from programmes.tests import factories
from site_project.tests.admin_refusals import outcome, sent_to_the_dashboard

pytestmark = pytest.mark.django_db

STAFF = [CURATOR, EDITOR, MODERATOR]


def english():
    return Locale.objects.get(language_code="en")


def translated(instance):
    """An English draft of `instance`, made as a translator would."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=english())
    translation.save_target(publish=False)
    return translation


@pytest.fixture
def translations(other_school):
    """The English translations of our programme, and of the other school's home page and
    programme."""
    return {
        "ours": translated(factories.ProgrammeFactory(school=default_school(), title="Альфа")),
        "their page": translated(other_school.home_page.specific),
        "their programme": translated(
            factories.ProgrammeFactory(school=other_school, title="Бета")
        ),
    }


def localize_url(name, *args):
    return reverse(f"wagtail_localize:{name}", args=args)


@pytest.mark.parametrize("role", STAFF)
def test_staff_cannot_submit_another_schools_page_for_translation(other_school, login_as, role):
    client = login_as(role)
    theirs = other_school.home_page
    submit = localize_url("submit_page_translation", theirs.pk)

    assert client.get(submit).status_code == 404
    assert client.post(submit, {"locales": [english().pk]}).status_code == 404
    assert not theirs.get_translations().exists()


# The coordinator, who submits nothing for translation, is turned away as Wagtail turns away.
UPDATE_REFUSED = {role: (404, None, []) for role in STAFF} | {COORDINATOR: sent_to_the_dashboard()}


@pytest.mark.parametrize("role", [*STAFF, COORDINATOR])
@pytest.mark.parametrize("theirs", ["their page", "their programme"])
def test_another_schools_translations_cannot_be_updated(translations, login_as, role, theirs):
    client = login_as(role)
    source = translations[theirs].source
    synced_at = source.last_updated_at
    update = localize_url("update_translations", source.pk)

    assert outcome(client.get(update)) == UPDATE_REFUSED[role]
    assert outcome(client.post(update, {})) == UPDATE_REFUSED[role]
    source.refresh_from_db()
    assert source.last_updated_at == synced_at


@pytest.mark.parametrize("role", [*STAFF, COORDINATOR])
@pytest.mark.parametrize("theirs", ["their page", "their programme"])
def test_another_schools_translation_editor_is_closed(translations, login_as, role, theirs):
    client = login_as(role)
    translation = translations[theirs]

    assert client.get(localize_url("download_pofile", translation.pk)).status_code == 404
    assert client.get(localize_url("preview_translation", translation.pk)).status_code == 404
    assert client.post(localize_url("stop_translation", translation.pk)).status_code == 404
    translation.refresh_from_db()
    assert translation.enabled


def test_own_schools_translation_stays_open_to_its_curator(translations, login_as):
    client = login_as(CURATOR)
    translation = translations["ours"]

    response = client.get(localize_url("download_pofile", translation.pk))

    assert response.status_code == 200
    assert "Альфа" in response.content.decode()


def report_rows(client):
    response = client.get(localize_url("translations_report"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("role", STAFF)
def test_translations_report_lists_only_the_users_school(translations, login_as, role):
    report = report_rows(login_as(role))

    assert "Альфа" in report
    assert "Бета" not in report
    assert translations["their page"].source.object_repr not in report


def test_coordinator_reads_every_schools_translations(translations, login_as):
    report = report_rows(login_as(COORDINATOR))

    assert "Альфа" in report
    assert "Бета" in report
    assert translations["their page"].source.object_repr in report
