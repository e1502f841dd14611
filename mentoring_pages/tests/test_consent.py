"""A mentor's profile goes public only with a recorded consent to dissemination, and a
parent's too for a minor (152-ФЗ ст. 10.1), whichever way it is published."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from mentoring_pages.consent import ConsentMissing, consent_problems
from mentoring_pages.models import MentorPage
from mentoring_pages.tests.factories import MentorPageFactory

pytestmark = pytest.mark.django_db

NO_CONSENT = {"consent_given_by": "", "consent_date": None, "consent_scope": ""}
PARENT_CONSENT = {
    "parent_consent_given_by": "Иванова Мария Петровна",
    "parent_consent_date": datetime.date(2024, 9, 2),
}


def unpublished_mentor(section, **fields):
    return MentorPageFactory(parent=section.mentors, live=False, **fields)


def problems_of(**fields):
    """The messages an editor is shown for a page with these consent fields."""
    page = MentorPageFactory.build(**fields)
    return [str(problem) for problem in consent_problems(page)]


def form_data(page, **fields):
    """What the page editor posts for `page`, with `fields` changed."""

    def text(value):
        return "" if value is None else str(value)

    data = {
        "title": page.title,
        "slug": page.slug,
        "position": page.position,
        "form": text(page.form_id),
        "image": text(page.image_id),
        "image_alt": page.image_alt,
        "achievements": rich_text(page.achievements),
        "quote": page.quote,
        "award": page.award,
        "award_year": text(page.award_year),
        "is_minor": page.is_minor,
        "consent_given_by": page.consent_given_by,
        "consent_date": text(page.consent_date),
        "consent_scope": page.consent_scope,
        "parent_consent_given_by": page.parent_consent_given_by,
        "parent_consent_date": text(page.parent_consent_date),
        "comments": inline_formset([]),
        **{name: "" if value is None else value for name, value in fields.items()},
    }
    if not data["is_minor"]:
        del data["is_minor"]  # an unticked checkbox is not posted
    return nested_form_data(data)


def edit(admin_client, page, **fields):
    return admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), form_data(page, **fields)
    )


def create(admin_client, parent, **fields):
    page = MentorPageFactory.build(title="Новый наставник", slug="new-mentor")
    return admin_client.post(
        reverse("wagtailadmin_pages:add", args=("mentoring_pages", "mentorpage", parent.pk)),
        form_data(page, **fields),
    )


def reloaded(page):
    return MentorPage.objects.get(pk=page.pk)


# The page editor


def test_publishing_without_consent_is_refused_with_the_reason(admin_client, section):
    page = unpublished_mentor(section, **NO_CONSENT)

    response = edit(admin_client, page, **{"action-publish": "publish"})

    assert response.status_code == 200  # the editor again, not a redirect
    (problem,) = problems_of(**NO_CONSENT)
    assert response.context["form"].errors["consent_given_by"] == [problem]
    assert escape(problem) in response.content.decode()
    assert reloaded(page).live is False


def test_creating_and_publishing_without_consent_is_refused(admin_client, section):
    response = create(
        admin_client,
        section.mentors,
        consent_given_by="",
        consent_date="",
        consent_scope="",
        **{"action-publish": "publish"},
    )

    assert response.status_code == 200
    assert "consent_given_by" in response.context["form"].errors
    assert not MentorPage.objects.filter(slug="new-mentor").exists()


def test_submitting_for_moderation_without_consent_is_refused(admin_client, section):
    page = unpublished_mentor(section, **NO_CONSENT)

    response = edit(admin_client, page, **{"action-submit": "submit"})

    assert response.status_code == 200
    assert "consent_given_by" in response.context["form"].errors
    assert reloaded(page).current_workflow_state is None


def test_a_minor_without_a_parents_consent_is_refused(admin_client, section):
    page = unpublished_mentor(section, is_minor=True)

    response = edit(admin_client, page, **{"action-publish": "publish"})

    assert response.status_code == 200
    (problem,) = problems_of(is_minor=True)
    assert response.context["form"].errors["consent_given_by"] == [problem]
    assert escape(problem) in response.content.decode()
    assert reloaded(page).live is False


def test_both_reasons_are_given_for_a_minor_without_any_consent(admin_client, section):
    page = unpublished_mentor(section, is_minor=True, **NO_CONSENT)

    response = edit(admin_client, page, **{"action-publish": "publish"})

    assert response.context["form"].errors["consent_given_by"] == problems_of(
        is_minor=True, **NO_CONSENT
    )
    assert reloaded(page).live is False


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"is_minor": True, **PARENT_CONSENT},
    ],
    ids=["adult", "minor with parent's consent"],
)
def test_with_full_consent_the_page_is_published(admin_client, section, client, fields):
    page = unpublished_mentor(section, **fields)

    response = edit(admin_client, page, **{"action-publish": "publish"})

    assert response.status_code == 302
    assert reloaded(page).live is True
    assert client.get(reloaded(page).url).status_code == 200


def test_creating_with_full_consent_publishes(admin_client, section):
    response = create(admin_client, section.mentors, **{"action-publish": "publish"})

    assert response.status_code == 302
    assert MentorPage.objects.get(slug="new-mentor").live is True


def test_a_draft_may_be_saved_without_consent(admin_client, section):
    page = unpublished_mentor(section, **NO_CONSENT)

    response = edit(admin_client, page, title="Черновик профиля")

    assert response.status_code == 302
    page = reloaded(page)
    assert page.live is False
    assert page.get_latest_revision().as_object().title == "Черновик профиля"


def test_a_new_draft_may_be_created_without_consent(admin_client, section):
    response = create(
        admin_client, section.mentors, consent_given_by="", consent_date="", consent_scope=""
    )

    assert response.status_code == 302
    assert MentorPage.objects.get(slug="new-mentor").live is False


def test_a_published_profile_stays_public_while_a_draft_drops_the_consent(
    admin_client, section, client
):
    page = MentorPageFactory(parent=section.mentors)

    response = edit(admin_client, page, **NO_CONSENT)

    assert response.status_code == 302
    page = reloaded(page)
    assert page.live is True
    assert page.consent_given_by  # the live version keeps its consent
    assert page.has_unpublished_changes


# Code, workflows and the admin API


def test_publishing_a_revision_without_consent_raises(section):
    page = unpublished_mentor(section, **NO_CONSENT)

    with pytest.raises(ConsentMissing):
        page.save_revision().publish()

    assert reloaded(page).live is False


def test_publishing_a_minor_without_a_parents_consent_raises(section):
    page = unpublished_mentor(section, is_minor=True)

    with pytest.raises(ConsentMissing, match="18"):
        page.save_revision().publish()

    assert reloaded(page).live is False


@pytest.mark.parametrize(
    "fields", [{}, {"is_minor": True, **PARENT_CONSENT}], ids=["adult", "minor"]
)
def test_publishing_a_revision_with_full_consent_works(section, fields):
    page = unpublished_mentor(section, **fields)

    page.save_revision().publish()

    assert reloaded(page).live is True


def test_a_draft_revision_may_be_saved_without_consent(section):
    page = unpublished_mentor(section, **NO_CONSENT)

    revision = page.save_revision()

    assert revision.as_object().consent_given_by == ""
    assert reloaded(page).live is False


def test_a_live_page_cannot_be_written_without_consent(section):
    """Whatever bypasses publish(): the page itself refuses to be saved live."""
    with pytest.raises(ConsentMissing):
        MentorPageFactory(parent=section.mentors, **NO_CONSENT)

    assert not MentorPage.objects.filter(consent_given_by="").exists()


def test_the_admin_api_cannot_publish_without_consent(admin_client, section):
    page = unpublished_mentor(section, **NO_CONSENT)

    response = admin_client.post(
        f"/admin/api/main/pages/{page.pk}/action/publish/",
        data=json.dumps({}),
        content_type="application/json",
    )

    assert response.status_code == 403
    assert reloaded(page).live is False


def test_the_admin_api_publishes_with_consent(admin_client, section):
    page = unpublished_mentor(section)

    response = admin_client.post(
        f"/admin/api/main/pages/{page.pk}/action/publish/",
        data=json.dumps({}),
        content_type="application/json",
    )

    assert response.status_code == 200
    assert reloaded(page).live is True


def test_bulk_publishing_refuses_a_batch_with_a_page_without_consent(admin_client, section):
    """The admin's bulk "Publish" goes through publish(): the whole batch (one transaction)
    is refused rather than a page without consent going public."""
    with_consent = unpublished_mentor(section)
    without = unpublished_mentor(section, **NO_CONSENT)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))

    response = admin_client.post(
        f"{url}?id={with_consent.pk}&id={without.pk}", {"include_descendants": ""}
    )

    # Wagtail answers a PermissionDenied in the admin with a redirect and its own message.
    assert response.status_code == 302
    assert reloaded(without).live is False
    assert reloaded(with_consent).live is False
