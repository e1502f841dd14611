"""A mentor's profile goes public only with a valid consent to dissemination from the
consent registry that lists the page, and records the parent for a minor (152-ФЗ ст. 10.1),
whichever way it is published."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from mentoring_pages.consent.rules import ConsentMissing, consent_problems, public_path
from mentoring_pages.models import MentorPage
from mentoring_pages.tests.consent.conftest import TODAY
from mentoring_pages.tests.factories import MentoringIndexPageFactory, MentorPageFactory
from programmes.models import ConsentKind
from site_project.translation import translate

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)

# What is wrong with the consent, as the factory's overrides; and a word of the message.
BROKEN = {
    # The words the Russian message (what a user sees by default) has for each reason.
    "missing": ({"consent": None}, "Нет согласия"),
    "wrong kind": ({"consent__kind": ConsentKind.PROCESSING}, "на обработку"),
    "not yet valid": ({"consent__valid_from": TODAY + 10 * DAY}, "действует только с"),
    "expired": ({"consent__valid_until": TODAY - DAY}, "истёк"),
    "withdrawn": ({"consent__withdrawn_at": timezone.now() - DAY}, "отозвано"),
    "page not listed": ({"consent__pages": "/nastavnichestvo/mentors/other/"}, "нет адреса"),
    "minor without parent": ({"consent__is_minor": True, "consent__parent_name": ""}, "18"),
}
VALID = {
    "adult": {},
    "minor with parent": {"consent__is_minor": True, "consent__parent_name": "Иванова М. П."},
    "until today": {"consent__valid_until": TODAY},
}


def unpublished_mentor(section, **fields):
    return MentorPageFactory(parent=section.mentors, live=False, **fields)


# The fields of a mentor's page editor besides its rich text, as the editor posts them.
EDITED_FIELDS = [
    "title",
    "slug",
    "position",
    "form",
    "image",
    "image_alt",
    "quote",
    "award",
    "award_year",
    "consent",
]


def form_data(page, **changes):
    """What the page editor posts for `page`, with `changes`."""
    posted = {name: page.serializable_value(name) for name in EDITED_FIELDS}
    posted |= {"achievements": rich_text(page.achievements), **changes}
    return nested_form_data(
        {
            **{name: "" if value is None else str(value) for name, value in posted.items()},
            "comments": inline_formset([]),
        }
    )


def edit(admin_client, page, **fields):
    return admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), form_data(page, **fields)
    )


def reloaded(page):
    return MentorPage.objects.get(pk=page.pk)


# The page editor


@pytest.mark.parametrize(("fields", "word"), BROKEN.values(), ids=BROKEN.keys())
def test_the_editor_refuses_to_publish_and_says_why(admin_client, section, fields, word):
    page = unpublished_mentor(section, **fields)

    response = edit(admin_client, page, **{"action-publish": "publish"})

    assert response.status_code == 200  # the editor again, not a redirect
    problems = [str(problem) for problem in consent_problems(page)]
    assert len(problems) == 1 and word in problems[0]
    assert response.context["form"].errors["consent"] == problems
    assert escape(problems[0]) in response.content.decode()
    assert reloaded(page).live is False


@pytest.mark.parametrize("fields", VALID.values(), ids=VALID.keys())
def test_the_editor_publishes_with_a_valid_consent(admin_client, section, client, fields):
    page = unpublished_mentor(section, **fields)

    response = edit(admin_client, page, **{"action-publish": "publish"})

    assert response.status_code == 302
    assert reloaded(page).live is True
    assert client.get(reloaded(page).url).status_code == 200


def test_submitting_for_moderation_without_consent_is_refused(admin_client, section):
    page = unpublished_mentor(section, consent=None)

    response = edit(admin_client, page, **{"action-submit": "submit"})

    assert response.status_code == 200
    assert "consent" in response.context["form"].errors
    assert reloaded(page).current_workflow_state is None


def test_changing_the_slug_to_an_address_the_consent_does_not_list_is_refused(
    admin_client, section
):
    page = unpublished_mentor(section)

    response = edit(admin_client, page, slug="renamed", **{"action-publish": "publish"})

    assert "/nastavnichestvo/mentors/renamed/" in str(response.context["form"].errors["consent"])
    assert reloaded(page).live is False


def test_a_draft_may_be_saved_without_consent(admin_client, section):
    page = unpublished_mentor(section, consent=None)

    response = edit(admin_client, page, title="Черновик профиля")

    assert response.status_code == 302
    assert reloaded(page).get_latest_revision().as_object().title == "Черновик профиля"


def test_the_consent_lists_the_russian_address(section):
    page = MentorPageFactory(parent=section.mentors, slug="ivanova")

    assert public_path(page) == "/nastavnichestvo/mentors/ivanova/"
    assert page.consent.pages == "/nastavnichestvo/mentors/ivanova/"


# Code, workflows and the admin API


@pytest.mark.parametrize(("fields", "word"), BROKEN.values(), ids=BROKEN.keys())
def test_publishing_a_revision_is_refused(section, fields, word):
    page = unpublished_mentor(section, **fields)

    with pytest.raises(ConsentMissing, match=word):
        page.save_revision().publish()

    assert reloaded(page).live is False


@pytest.mark.parametrize("fields", VALID.values(), ids=VALID.keys())
def test_publishing_a_revision_with_a_valid_consent_works(section, fields):
    page = unpublished_mentor(section, **fields)

    page.save_revision().publish()

    assert reloaded(page).live is True


def test_another_schools_consent_does_not_let_a_page_show_its_person(
    section, other_school, end_consent
):
    """Every school's site has the same addresses: another school's consent may list this
    page's, but it was given to that school (a page copied or moved between schools keeps
    the consent it had)."""
    page = unpublished_mentor(section)
    end_consent(page, school=other_school)

    with pytest.raises(ConsentMissing, match="другой школе"):
        reloaded(page).save_revision().publish()

    assert reloaded(page).live is False


def test_a_live_page_cannot_be_written_without_consent(section):
    with pytest.raises(ConsentMissing):
        MentorPageFactory(parent=section.mentors, consent=None)

    assert not MentorPage.objects.exists()


def test_the_admin_api_cannot_publish_without_consent(admin_client, section):
    page = unpublished_mentor(section, **{"consent__valid_until": TODAY - DAY})

    response = admin_client.post(
        f"/admin/api/main/pages/{page.pk}/action/publish/",
        data=json.dumps({}),
        content_type="application/json",
    )

    assert response.status_code == 403
    assert reloaded(page).live is False


def test_bulk_publishing_refuses_a_batch_with_a_page_without_consent(admin_client, section):
    with_consent = unpublished_mentor(section)
    without = unpublished_mentor(section, consent=None)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))

    response = admin_client.post(
        f"{url}?id={with_consent.pk}&id={without.pk}", {"include_descendants": ""}
    )

    assert response.status_code == 302
    assert reloaded(without).live is False
    assert reloaded(with_consent).live is False


# The English translation


def test_the_english_page_shows_the_same_person_under_the_same_consent(
    english_section, english, client
):
    page = MentorPageFactory(parent=english_section.mentors, title="Анна Петрова")

    translate(page, english, {"Анна Петрова": "Anna Petrova"})

    translation = page.get_translation(english)
    assert translation.live and translation.consent_id == page.consent_id
    assert public_path(translation) == public_path(page)  # covered by the Russian address
    assert consent_problems(translation) == []
    assert client.get(translation.url).status_code == 200


@pytest.mark.parametrize("live_copy", ["publish_copies", "alias"])
def test_a_live_copy_of_a_mentor_is_refused_with_the_reason(admin_client, section, live_copy):
    """Its consent lists the original's address only: the copy would go live without one."""
    page = MentorPageFactory(parent=section.mentors)
    copy_url = reverse("wagtailadmin_pages:copy", args=(page.pk,))

    response = admin_client.post(
        copy_url,
        {
            "new_title": "Копия",
            "new_slug": "kopiya",
            "new_parent_page": section.mentors.pk,
            live_copy: "on",
        },
        follow=True,
    )

    assert response.redirect_chain[-1][0] == copy_url
    assert "Скопируйте её черновиком" in response.content.decode()
    assert not MentorPage.objects.filter(slug="kopiya").exists()


def test_a_draft_copy_of_a_mentor_is_made(admin_client, section):
    page = MentorPageFactory(parent=section.mentors)

    admin_client.post(
        reverse("wagtailadmin_pages:copy", args=(page.pk,)),
        {"new_title": "Копия", "new_slug": "kopiya", "new_parent_page": section.mentors.pk},
    )

    assert MentorPage.objects.get(slug="kopiya").live is False


def test_a_live_copy_of_a_list_whose_mentors_are_drafts_is_made(admin_client, section):
    """«Publish copies» keeps live only what is live: drafts stay drafts, showing nobody."""
    MentorPageFactory(parent=section.mentors, live=False)
    other_landing = MentoringIndexPageFactory(parent=section.landing.get_parent(), slug="drugoy")

    admin_client.post(
        reverse("wagtailadmin_pages:copy", args=(section.mentors.pk,)),
        {
            "new_title": "Копия",
            "new_slug": "kopiya",
            "new_parent_page": other_landing.pk,
            "copy_subpages": "on",
            "publish_copies": "on",
        },
    )

    copied = Page.objects.get(slug="kopiya")
    assert copied.live and not copied.get_children().live().exists()
