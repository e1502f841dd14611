"""The photo of a case or a news item that shows people obeys the rule a mentor's profile
does: the page goes public only with a valid consent to dissemination listing its address,
whichever way it is published, and goes off the site with its photo when the consent ends.
A photo without people, or no photo, needs none. Each test runs for both page types."""

import datetime

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)
from wagtail_factories import ImageFactory
from wagtail_localize.models import OverridableSegment, TranslationSource

from mentoring_pages.consent.enforcement import enforce_consents
from mentoring_pages.consent.report import consent_report
from mentoring_pages.consent.rules import ConsentMissing, consent_problems, public_path
from mentoring_pages.models import CasePage, NewsPage
from mentoring_pages.tests.consent.conftest import TODAY
from mentoring_pages.tests.factories import (
    CasePageFactory,
    MentorPageFactory,
    NewsPageFactory,
    photo_of_people,
)
from site_project.translation import translate

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


# Each page type with a photo that may show people: its factory, and the index it is under.
PAGE_TYPES = {
    CasePage: (CasePageFactory, "cases"),
    NewsPage: (NewsPageFactory, "news"),
}


@pytest.fixture(params=PAGE_TYPES, ids=lambda model: model.__name__)
def page_type(request):
    return request.param


@pytest.fixture
def photo_page(page_type):
    """`photo_page(section, slug, live, **photo)`: a page of the type under test below its
    index in `section`, with a photo (of people unless told otherwise, on a consent)."""
    make, index = PAGE_TYPES[page_type]

    def build(section, slug="pair", live=False, **photo):
        parent = getattr(section, index)
        return make(parent=parent, slug=slug, live=live, **photo_of_people(parent, slug, **photo))

    return build


def reloaded(page):
    return type(page).objects.get(pk=page.pk)


def test_a_photo_of_people_without_consent_is_not_published(photo_page, section):
    page = photo_page(section, consent=False)

    with pytest.raises(ConsentMissing, match="Нет согласия"):
        page.save_revision().publish()

    assert reloaded(page).live is False


def test_a_photo_of_people_on_an_expired_consent_is_not_published(photo_page, section):
    page = photo_page(section, valid_until=TODAY - DAY)

    with pytest.raises(ConsentMissing, match="истёк"):
        page.save_revision().publish()

    assert reloaded(page).live is False


def test_a_live_page_cannot_be_written_with_a_photo_of_people_and_no_consent(
    photo_page, page_type, section
):
    with pytest.raises(ConsentMissing):
        photo_page(section, live=True, consent=False)

    assert not page_type.objects.exists()


@pytest.mark.parametrize(
    "photo", [{"shows_people": False, "consent": False}, {}], ids=["no people", "consent"]
)
def test_a_photo_is_published_without_people_or_with_consent(photo_page, section, client, photo):
    page = photo_page(section, **photo)

    page.save_revision().publish()

    assert reloaded(page).live is True
    html = client.get(reloaded(page).url).content.decode()
    assert 'alt="Наставник и наставляемый у доски"' in html
    assert "<picture>" in html


# What each page type's editor posts besides the photo: its fields, rich text and lists.
EDITOR_FIELDS = {
    CasePage: (
        ("title", "slug", "form", "role_model", "duration", "summary"),
        ("problem", "goal", "what_was_done", "result"),
        {"materials": inline_formset([])},
    ),
    NewsPage: (("title", "slug", "date", "lead"), (), {"body": streamfield([])}),
}


def form_data(page, **changes):
    """What the page editor posts for `page`, with `changes`."""
    fields, rich_fields, lists = EDITOR_FIELDS[type(page)]
    posted = {name: page.serializable_value(name) for name in (*fields, "image", "image_alt")}
    posted |= {"consent": page.consent_id, **changes}
    rich = {name: rich_text(getattr(page, name)) for name in rich_fields}
    data = {name: "" if value is None else str(value) for name, value in posted.items()}
    if page.image_shows_people:
        data["image_shows_people"] = "on"
    return nested_form_data({**data, **rich, **lists, "tags": "", "comments": inline_formset([])})


def test_the_editor_refuses_to_publish_a_photo_of_people_without_consent(
    photo_page, admin_client, section
):
    page = photo_page(section, consent=False)

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        form_data(page, **{"action-publish": "publish"}),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["consent"] == [
        str(problem) for problem in consent_problems(page)
    ]
    assert reloaded(page).live is False


def test_the_editor_publishes_once_the_people_box_is_unticked(photo_page, admin_client, section):
    page = photo_page(section, consent=False)
    data = form_data(page, **{"action-publish": "publish"})
    del data["image_shows_people"]

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)

    assert response.status_code == 302
    assert reloaded(page).live is True


def test_the_english_page_shows_its_photo_on_the_russian_consent(
    photo_page, english_section, english
):
    page = photo_page(english_section, live=True)

    translate(page, english, {page.title: "A pair at work"})

    translation = page.get_translation(english)
    assert translation.live and translation.consent_id == page.consent_id
    assert translation.image_shows_people and translation.image_id == page.image_id
    assert public_path(translation) == public_path(page)
    assert consent_problems(translation) == []


def test_a_translator_cannot_put_another_photo_or_consent_on_the_english_page(
    photo_page, english_section, english
):
    """The English page shows the Russian page's photo on its consent: wagtail-localize's
    editor offers no override of either (another photo could show people nobody agreed to
    show), for this page type and for a mentor alike."""
    pages = [
        photo_page(english_section, live=True),
        MentorPageFactory(
            parent=english_section.mentors, image=ImageFactory(), image_alt="Наставница"
        ),
    ]
    for page in pages:
        source, _ = TranslationSource.update_or_create_from_instance(page)
        overridable = set(
            OverridableSegment.objects.filter(source=source).values_list("context__path", flat=True)
        )
        assert overridable.isdisjoint({"image", "consent", "image_shows_people"}), page


def test_a_translation_is_not_published_once_the_consent_has_ended(
    photo_page, page_type, english_section, english, end_consent
):
    page = photo_page(english_section, live=True)
    end_consent(page, valid_until=TODAY - DAY)

    with pytest.raises(ConsentMissing, match="истёк"):
        translate(page, english, {page.title: "A pair at work"})

    assert not page_type.objects.filter(locale=english, live=True).exists()


def test_an_ended_consent_takes_the_page_and_its_photo_off_the_site(
    photo_page, section, end_consent
):
    with_people = photo_page(section, slug="with-people", live=True)
    # A photo without people does not rely on the consent an editor left chosen.
    without = photo_page(section, slug="without-people", live=True, shows_people=False)
    photo_id = with_people.image_id
    end_consent(with_people, valid_until=TODAY - DAY)
    end_consent(without, valid_until=TODAY - DAY)

    unpublished = enforce_consents()

    assert [page.pk for page in unpublished] == [with_people.pk]
    assert reloaded(with_people).live is False
    assert not get_image_model().objects.filter(pk=photo_id).exists()
    assert reloaded(without).live is True


def test_the_report_lists_pages_showing_people(photo_page, section):
    shown = photo_page(section, slug="with-people", live=True)
    photo_page(section, slug="without-people", live=True, shows_people=False)

    report = consent_report()

    assert [person.page.pk for person in report.shown] == [shown.pk]
