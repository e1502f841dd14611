"""When a person's consent ends, their page stops being public, and so does their photo."""

import datetime
import io
import socket

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageLogEntry

from mentoring_pages.models import MentorPage, NewsPage
from mentoring_pages.tests.consent.conftest import TODAY
from mentoring_pages.tests.factories import (
    MentorIndexPageFactory,
    MentorPageFactory,
    NewsPageFactory,
)
from programmes.models import Consent
from programmes.roles import CURATOR
from site_project.translation import translate

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def closed_port():
    """A port of this machine that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def enforce():
    out = io.StringIO()
    call_command("enforce_consents", stdout=out)
    return out.getvalue()


def photo():
    return get_image_model().objects.create(title="Портрет", file=get_test_image_file())


def live(page):
    return MentorPage.objects.get(pk=page.pk).live


def test_pages_whose_consent_expired_or_was_withdrawn_are_unpublished(
    section, curators, mailoutbox, client, end_consent
):
    expired = MentorPageFactory(parent=section.mentors, title="Истёкшее согласие")
    withdrawn = MentorPageFactory(parent=section.mentors, title="Отозванное согласие")
    valid = MentorPageFactory(parent=section.mentors, title="Действующее согласие")
    end_consent(expired, valid_until=TODAY - DAY)
    end_consent(withdrawn, withdrawn_at=timezone.now())

    output = enforce()

    assert (live(expired), live(withdrawn), live(valid)) == (False, False, True)
    assert client.get(expired.url).status_code == 404
    assert client.get(valid.url).status_code == 200
    assert "2 страницы сняты с публикации." in output
    for page in (expired, withdrawn):
        assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish").exists()
    (message,) = mailoutbox
    assert message.to == ["curator@example.org"]
    assert "Истёкшее согласие" in message.body and "Отозванное согласие" in message.body
    assert "Действующее согласие" not in message.body


def test_nothing_to_unpublish_sends_nothing(section, curators, mailoutbox):
    page = MentorPageFactory(parent=section.mentors, consent__valid_until=TODAY)

    enforce()

    assert live(page) is True
    assert mailoutbox == []


def test_a_second_run_changes_nothing_and_sends_nothing(section, curators, mailoutbox, end_consent):
    page = MentorPageFactory(parent=section.mentors)
    end_consent(page, valid_until=TODAY - DAY)
    enforce()

    enforce()

    assert len(mailoutbox) == 1


def test_the_photo_goes_with_the_page_unless_another_page_uses_it(
    section, curators, end_consent, mailoutbox, other_school
):
    own, shared = photo(), photo()
    shared.title = "Общий снимок"
    shared.save()
    ended = MentorPageFactory(parent=section.mentors, image=own, image_alt="Портрет")
    other_ended = MentorPageFactory(parent=section.mentors, image=shared, image_alt="Портрет")
    news = NewsPageFactory(
        parent=section.news, title="Новость с тем же снимком", image=shared, image_alt="Снимок"
    )
    elsewhere = other_school.home_page.specific
    elsewhere.image, elsewhere.image_alt = shared, "Снимок"
    elsewhere.save()
    own.get_rendition("fill-100x100")
    end_consent(ended, withdrawn_at=timezone.now())
    end_consent(other_ended, withdrawn_at=timezone.now())

    enforce()

    images = get_image_model().objects
    assert not images.filter(pk=own.pk).exists()
    assert own.renditions.count() == 0
    assert images.filter(pk=shared.pk).exists()
    # The curators hear where the kept photo may still show the person.
    (message,) = mailoutbox
    (kept,) = [line for line in message.body.splitlines() if line.startswith("- Общий снимок")]
    # Another school's page is not named to this school's curators.
    assert set(kept.removeprefix("- Общий снимок: ").split(", ")) == {
        f"Новость с тем же снимком ({news.url})",
        "страница другого сайта",
    }
    enforce()
    assert len(mailoutbox) == 1


def test_an_ended_consent_takes_the_photo_of_a_page_that_is_not_live(
    section, curators, end_consent, mailoutbox
):
    """A page an editor took down kept its photo's file and renditions public."""
    portrait = photo()
    page = MentorPageFactory(parent=section.mentors, image=portrait, image_alt="Портрет")
    portrait.get_rendition("fill-100x100")
    page.unpublish()
    end_consent(page, withdrawn_at=timezone.now())

    enforce()

    assert not get_image_model().objects.filter(pk=portrait.pk).exists()
    assert portrait.renditions.count() == 0
    (message,) = mailoutbox
    assert "Портрет" in message.body
    assert message.subject == "Фото удалены: согласие человека прекратилось (1)"


def test_an_ended_consent_takes_the_photo_its_draft_translation_shares(
    section, english_section, curators, end_consent, english
):
    """A new mentor page gets an English draft with the same photo: that draft kept it."""
    portrait = photo()
    page = MentorPageFactory(parent=section.mentors, image=portrait, image_alt="Портрет")
    draft = page.copy_for_translation(english)
    assert not draft.live and draft.image == portrait
    end_consent(page, withdrawn_at=timezone.now())

    enforce()

    assert live(page) is False
    assert not get_image_model().objects.filter(pk=portrait.pk).exists()


def test_an_ended_consent_takes_the_page_and_its_english_translation_offline_once(
    section, english_section, curators, end_consent, english
):
    page = MentorPageFactory(parent=section.mentors, title="Анна Смирнова")
    translate(page, english, {"Анна Смирнова": "Anna Smirnova"})
    translation = page.get_translation(english)
    assert translation.live
    end_consent(page, withdrawn_at=timezone.now())

    enforce()

    assert (live(page), live(translation)) == (False, False)
    # The history says once of each page that it was taken offline.
    unpublished = PageLogEntry.objects.filter(action="wagtail.unpublish")
    assert sorted(unpublished.values_list("page_id", flat=True)) == sorted(
        [page.pk, translation.pk]
    )


def edit_in_the_admin(admin_client, consent, **changes):
    """Save `consent` through its admin form with `changes` to its fields."""
    fields = {
        "person": consent.person,
        "kind": consent.kind,
        "data_categories": consent.data_categories,
        "pages": consent.pages,
        "conditions": "",
        "valid_from": consent.valid_from.isoformat(),
        "valid_until": "",
        "withdrawn_at": "",
        "is_minor": "",
        "parent_name": "",
        "document": "",
    }
    return admin_client.post(
        reverse("wagtailsnippets_programmes_consent:edit", args=(consent.pk,)),
        {name: value for name, value in (fields | changes).items() if value != ""},
    )


def test_withdrawing_in_the_admin_unpublishes_at_once(section, curators, admin_client, mailoutbox):
    page = MentorPageFactory(parent=section.mentors, title="Анна Петрова")
    consent = page.consent

    response = edit_in_the_admin(
        admin_client, consent, withdrawn_at=timezone.localtime().strftime("%Y-%m-%d %H:%M")
    )

    assert response.status_code == 302, response.context["form"].errors
    assert Consent.objects.get(pk=consent.pk).withdrawn_at is not None
    assert live(page) is False
    (message,) = mailoutbox
    assert "Анна Петрова" in message.body
    assert "Согласие отозвано" in message.body


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"pages": "/nastavnichestvo/nastavniki/drugaya/"}, "в согласии нет адреса этой страницы"),
        ({"is_minor": "on"}, "человеку нет 18 лет"),
        ({"kind": "processing"}, "на обработку, а не на распространение"),
    ],
    ids=["address taken off", "a minor without the parent", "to processing only"],
)
def test_a_consent_changed_so_it_no_longer_allows_a_page_unpublishes_it_at_once(
    section, curators, admin_client, mailoutbox, client, change, reason
):
    portrait = photo()
    page = MentorPageFactory(
        parent=section.mentors, title="Анна Петрова", image=portrait, image_alt="Портрет"
    )
    kept = MentorPageFactory(parent=section.mentors, title="Олег Сидоров")

    response = edit_in_the_admin(admin_client, page.consent, **change)

    assert response.status_code == 302, response.context["form"].errors
    assert (live(page), live(kept)) == (False, True)
    assert client.get(page.url).status_code == 404
    # A slip, not an ended consent: the photo waits for the page to come back.
    assert get_image_model().objects.filter(pk=portrait.pk).exists()
    (message,) = mailoutbox
    assert "Анна Петрова" in message.body and reason in message.body.lower()
    assert "Олег Сидоров" not in message.body


def test_a_consent_saved_unchanged_leaves_its_page_live(
    section, curators, admin_client, mailoutbox
):
    page = MentorPageFactory(parent=section.mentors)

    assert edit_in_the_admin(admin_client, page.consent).status_code == 302

    assert live(page) is True
    assert mailoutbox == []


def test_the_daily_run_unpublishes_a_page_its_consent_no_longer_lists(
    section, curators, end_consent
):
    page = MentorPageFactory(parent=section.mentors)
    end_consent(page, pages="/nastavnichestvo/nastavniki/drugaya/")

    enforce()

    assert live(page) is False


def test_withdrawing_with_the_mail_server_down_still_unpublishes(
    section, curators, admin_client, settings, caplog
):
    """The mail server refuses the connection: the withdrawal and the unpublishing hold, the
    log says the curators were not told."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    page = MentorPageFactory(parent=section.mentors, title="Анна Петрова")

    response = edit_in_the_admin(
        admin_client, page.consent, withdrawn_at=timezone.localtime().strftime("%Y-%m-%d %H:%M")
    )

    assert response.status_code == 302
    assert Consent.objects.get(pk=page.consent_id).withdrawn_at is not None
    assert live(page) is False
    assert "Could not tell the curators" in caplog.text


def test_a_scheduled_go_live_the_consent_no_longer_allows_is_called_off_and_holds_up_no_other(
    section, end_consent, caplog
):
    """Wagtail's publish_scheduled would stop at the refusal, every run, and leave the go-lives
    after it waiting; the refused one is called off instead."""
    due = timezone.now() - datetime.timedelta(minutes=5)
    mentor = MentorPageFactory(parent=section.mentors, title="Анна Петрова", live=False)
    mentor_revision = mentor.save_revision(approved_go_live_at=due)
    end_consent(mentor, withdrawn_at=timezone.now())
    news = NewsPageFactory(parent=section.news, title="Новость по расписанию", live=False)
    news.save_revision(approved_go_live_at=due + datetime.timedelta(minutes=1))

    call_command("publish_scheduled", verbosity=0)
    call_command("publish_scheduled", verbosity=0)

    assert live(mentor) is False
    mentor_revision.refresh_from_db()
    assert mentor_revision.approved_go_live_at is None
    assert "Called off the scheduled publication of Анна Петрова" in caplog.text
    assert PageLogEntry.objects.filter(page=mentor, action="wagtail.schedule.cancel").exists()
    assert NewsPage.objects.get(pk=news.pk).live is True


def rename(page, slug):
    page.slug = slug
    page.save_revision().publish()


def test_renaming_a_page_above_mentors_unpublishes_those_whose_consent_lists_the_old_address(
    english_section, english, curators, mailoutbox, end_consent, django_capture_on_commit_callbacks
):
    section = english_section
    page = MentorPageFactory(parent=section.mentors, slug="anna", title="Анна Петрова")
    in_english = translate(page, english, {"Анна Петрова": "Anna Petrova"})
    followed = MentorPageFactory(parent=section.mentors, slug="oleg", title="Олег Сидоров")
    old = followed.consent.pages
    renamed = old.replace(f"/{section.mentors.slug}/", "/luchshie/")
    end_consent(followed, pages=f"{old}\n{renamed}")
    news = NewsPageFactory(parent=section.news)

    with django_capture_on_commit_callbacks(execute=True):
        rename(section.news, "vse-novosti")
    assert (live(page), live(followed), NewsPage.objects.get(pk=news.pk).live) == (True,) * 3

    with django_capture_on_commit_callbacks(execute=True):
        rename(section.mentors, "luchshie")

    # The English translation's address, as a consent reads it, is its Russian original's.
    assert (live(page), live(in_english), live(followed)) == (False, False, True)
    (message,) = mailoutbox
    assert "Анна Петрова" in message.body and "/nastavnichestvo/luchshie/anna/" in message.body


def test_moving_a_mentor_to_another_list_unpublishes_it_when_its_consent_lists_only_the_old(
    section, curators
):
    page = MentorPageFactory(parent=section.mentors)
    elsewhere = MentorIndexPageFactory(parent=section.landing, slug="vypuskniki")

    page.move(elsewhere, pos="last-child")

    assert live(page) is False


def test_a_live_page_with_no_consent_at_all_is_unpublished_and_the_run_goes_on(
    section, curators, mailoutbox, end_consent
):
    """Left from before the registry (a migration skipped mentors with no consent recorded)."""
    unrecorded = MentorPageFactory(parent=section.mentors, title="Без согласия")
    MentorPage.objects.filter(pk=unrecorded.pk).update(consent=None)
    expired = MentorPageFactory(parent=section.mentors, title="Истёкшее согласие")
    end_consent(expired, valid_until=TODAY - DAY)

    enforce()

    assert (live(unrecorded), live(expired)) == (False, False)
    (message,) = mailoutbox
    assert "Без согласия" in message.body and "Истёкшее согласие" in message.body


def test_a_page_on_another_schools_consent_is_unpublished_and_its_own_curators_told(
    section, curators, mailoutbox, end_consent, other_school, user_in
):
    """A page moved here from another school keeps that school's consent: it goes, and
    this school's curators hear of it; the other school's hear nothing of this one's pages."""
    theirs = user_in(CURATOR, "their-curator", school=other_school, email="their@example.org")
    moved = MentorPageFactory(parent=section.mentors, title="Перенесённый наставник")
    end_consent(moved, school=other_school)

    enforce()

    assert live(moved) is False
    (message,) = mailoutbox
    assert message.to == ["curator@example.org"] and theirs.email not in message.to
    assert "Перенесённый наставник" in message.body
