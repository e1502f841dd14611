"""When a person's consent ends, their page stops being public, and so does their photo."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageLogEntry

from mentoring_pages.models import MentorPage
from mentoring_pages.tests.consent.conftest import TODAY
from mentoring_pages.tests.factories import MentorPageFactory
from programmes.models import Consent

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


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
    assert "2 page(s) unpublished" in output
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


def test_the_photo_goes_with_the_page_unless_another_page_uses_it(section, curators, end_consent):
    own, shared = photo(), photo()
    ended = MentorPageFactory(parent=section.mentors, image=own, image_alt="Портрет")
    other_ended = MentorPageFactory(parent=section.mentors, image=shared, image_alt="Портрет")
    MentorPageFactory(parent=section.mentors, image=shared, image_alt="Портрет")
    own.get_rendition("fill-100x100")
    end_consent(ended, withdrawn_at=timezone.now())
    end_consent(other_ended, withdrawn_at=timezone.now())

    enforce()

    images = get_image_model().objects
    assert not images.filter(pk=own.pk).exists()
    assert own.renditions.count() == 0
    assert images.filter(pk=shared.pk).exists()


def test_withdrawing_in_the_admin_unpublishes_at_once(section, curators, admin_client, mailoutbox):
    page = MentorPageFactory(parent=section.mentors, title="Анна Петрова")
    consent = page.consent

    response = admin_client.post(
        reverse("wagtailsnippets_programmes_consent:edit", args=(consent.pk,)),
        {
            "person": consent.person,
            "kind": consent.kind,
            "data_categories": consent.data_categories,
            "pages": consent.pages,
            "conditions": "",
            "valid_from": consent.valid_from.isoformat(),
            "valid_until": "",
            "withdrawn_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
            "parent_name": "",
            "document": "",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    assert Consent.objects.get(pk=consent.pk).withdrawn_at is not None
    assert live(page) is False
    (message,) = mailoutbox
    assert "Анна Петрова" in message.body
