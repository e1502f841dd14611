"""One rule for what a change drops (home.purging): every public page showing the changed
thing shows the new text on the very next anonymous visit, in both languages, while pages
that do not show it stay cached."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.models import SiteSettings
from home.page_cache import STATUS_HEADER
from home.tests.factories import ContentPageFactory
from mentoring_pages.models import MentorPage, RoadmapPage
from mentoring_pages.roadmap.statuses import EventStatus
from mentoring_pages.tests.factories import (
    CasePageFactory,
    MentorPageFactory,
    NewsPageFactory,
    RoadmapEventFactory,
    RoadmapPageFactory,
)
from programmes.models import MentoringForm, Programme
from programmes.tests.factories import (
    MentoringFormFactory,
    ProgrammeFactory,
    TargetIndicatorFactory,
)
from site_project.translation import sync_translations, translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_TIMEOUT = 3600


def english_of(page, english):
    return translate(page, english, {})


@pytest.fixture
def shown(section, english_section, english, home_page):
    """A programme with a form of mentoring, the pages that show them, a content page with
    an image and a document, and a news item that shows none of them — in both languages."""
    programme = ProgrammeFactory(title="Старая программа")
    programme.save_revision().publish()
    form = MentoringFormFactory(programme=programme, title="Старая форма")
    translate(programme, english, {})
    translate(form, english, {})
    section.landing.programme = programme
    section.landing.save_revision().publish()
    image = get_image_model().objects.create(title="Фото", file=get_test_image_file())
    document = get_document_model().objects.create(title="Старое положение", file="doc.pdf")
    about = ContentPageFactory(
        parent=home_page,
        title="О школе",
        slug="about",
        body=[
            ("image", {"image": image, "alt_text": "", "decorative": False}),
            ("documents", {"heading": "", "documents": [{"document": document, "title": ""}]}),
        ],
    )
    about.save_revision().publish()
    pages = {
        "landing": section.landing,
        "roadmap": RoadmapPageFactory(parent=section.roadmaps, programme=programme),
        "mentor": MentorPageFactory(parent=section.mentors, form=form),
        "case": CasePageFactory(parent=section.cases, form=form),
        "about": about,
        "news": NewsPageFactory(parent=section.news, title="Новость"),
    }
    for name in ("roadmap", "mentor", "case", "news"):
        pages[name].save_revision().publish()  # reference index and translations
    translate(home_page, english, {})
    english_pages = {name: english_of(page, english) for name, page in pages.items()}
    return {
        "programme": programme,
        "form": form,
        "image": image,
        "document": document,
        "pages": pages,
        "english": english_pages,
    }


def urls_of(pages, *names):
    return [pages[name].url for name in names]


def visit(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200


def assert_shown_everywhere(client, urls, text):
    for url in urls:
        assert text in client.get(url).content.decode(), url


def assert_still_cached(client, urls):
    for url in urls:
        assert client.get(url)[STATUS_HEADER] == "hit", url


def every_url(shown):
    return [page.url for group in ("pages", "english") for page in shown[group].values()]


def test_a_renamed_programme_shows_on_the_landing_roadmap_and_programme_page(client, shown):
    landing, english_landing = shown["pages"]["landing"], shown["english"]["landing"]
    showing = [
        landing.url,
        landing.url + "programme/",
        english_landing.url,
        english_landing.url + "programme/",
        *urls_of(shown["pages"], "roadmap"),
        *urls_of(shown["english"], "roadmap"),
    ]
    not_showing = urls_of(shown["pages"], "news", "about") + urls_of(shown["english"], "news")
    visit(client, showing + not_showing)

    programme = Programme.objects.get(pk=shown["programme"].pk)
    programme.title = "Новая программа"
    programme.save_revision().publish()

    assert_shown_everywhere(client, showing, "Новая программа")
    assert_still_cached(client, not_showing)


def test_a_renamed_form_of_mentoring_shows_on_its_mentors_cases_and_the_landing(client, shown):
    # The mentor's and the case's pages, their indexes' cards, the landing's forms.
    showing = (
        [
            page.url
            for group in ("pages", "english")
            for name in ("mentor", "case")
            for page in (shown[group][name], shown[group][name].get_parent())
        ]
        + urls_of(shown["pages"], "landing")
        + urls_of(shown["english"], "landing")
    )
    not_showing = urls_of(shown["pages"], "news", "about")
    visit(client, showing + not_showing)

    form = MentoringForm.objects.get(pk=shown["form"].pk)
    form.title = "Новая форма"
    form.save()
    sync_translations(form)  # as the snippet editor does (home.wagtail_hooks)

    assert_shown_everywhere(client, showing, "Новая форма")
    assert_still_cached(client, not_showing)


def test_an_images_new_file_shows_on_the_pages_showing_it(admin_client, client, shown):
    """Alt texts are the page's own (ImageBlock, PhotoMixin): what an image itself changes
    on a page is its picture, replaced in the image editor."""
    showing = urls_of(shown["pages"], "about") + urls_of(shown["english"], "about")
    not_showing = urls_of(shown["pages"], "news", "landing")
    visit(client, showing + not_showing)

    image = shown["image"]
    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": image.title,
            "description": "Фото",
            "collection": image.collection_id,
            "file": SimpleUploadedFile(
                "novoe-foto.png", get_test_image_file().file.getvalue(), "image/png"
            ),
        },
    )

    assert response.status_code == 302
    assert_shown_everywhere(client, showing, "novoe-foto")
    assert_still_cached(client, not_showing)


def test_a_documents_new_title_shows_on_the_pages_linking_to_it(client, shown):
    showing = urls_of(shown["pages"], "about") + urls_of(shown["english"], "about")
    not_showing = urls_of(shown["pages"], "news", "landing")
    visit(client, showing + not_showing)

    document = shown["document"]
    document.title = "Новое положение"
    document.save()

    assert_shown_everywhere(client, showing, "Новое положение")
    assert_still_cached(client, not_showing)


def test_new_school_details_show_on_every_page_in_both_languages(client, shown, site):
    urls = every_url(shown)
    visit(client, urls)

    site_settings = SiteSettings.for_site(site)
    site_settings.phone = "+7 (900) 000-00-00"
    site_settings.save()

    assert_shown_everywhere(client, urls, "+7 (900) 000-00-00")


def test_a_new_section_in_the_menu_shows_on_every_page(client, shown, home_page):
    urls = every_url(shown)
    visit(client, urls)

    ContentPageFactory(
        parent=home_page, title="Новый раздел", show_in_menus=True, live=False
    ).save_revision().publish()

    assert_shown_everywhere(
        client, urls_of(shown["pages"], "news", "about", "roadmap"), "Новый раздел"
    )


def test_a_published_page_drops_itself_its_translation_and_ancestors_and_nothing_else(
    client, shown, section
):
    news, english_news = shown["pages"]["news"], shown["english"]["news"]
    listing = [section.news.url, section.landing.url, "/"]
    unrelated = urls_of(shown["pages"], "mentor", "roadmap", "about")
    visit(client, [news.url, english_news.url, *listing, *unrelated])

    news = news.specific_class.objects.get(pk=news.pk)
    news.title = "Свежая новость"
    news.save_revision().publish()

    assert_shown_everywhere(
        client, [news.url, section.news.url, section.landing.url], "Свежая новость"
    )
    assert client.get(english_news.url)[STATUS_HEADER] == "miss"
    assert client.get("/")[STATUS_HEADER] == "miss"
    assert_still_cached(client, unrelated)


def test_a_page_referencing_a_changed_page_is_dropped(client, shown, home_page):
    news = shown["pages"]["news"]
    linking = ContentPageFactory(
        parent=home_page,
        slug="links",
        body=[("paragraph", f'<p><a linktype="page" id="{news.pk}">Новость</a></p>')],
    )
    linking.save_revision().publish()
    visit(client, [linking.url])

    news = news.specific_class.objects.get(pk=news.pk)
    news.slug = "svezhaya"
    news.save_revision().publish()

    assert 'href="/nastavnichestvo/news/svezhaya/"' in client.get(linking.url).content.decode()


def test_a_deleted_translation_is_gone_and_its_index_no_longer_lists_it(client, shown):
    english_news = shown["english"]["news"]
    english_index = english_news.get_parent()
    visit(client, [english_news.url, english_index.url])

    english_news.delete()

    assert client.get(english_news.url).status_code == 404
    assert english_news.title not in client.get(english_index.url).content.decode()


def test_known_filters_are_pages_of_their_own(client, section):
    for number in range(14):
        NewsPageFactory(parent=section.news, title=f"Новость {number}")
    url = section.news.url
    first, second = client.get(url), client.get(url, {"page": 2, "utm_source": "mail"})

    assert (first[STATUS_HEADER], second[STATUS_HEADER]) == ("miss", "miss")
    assert client.get(url, {"page": 2})[STATUS_HEADER] == "hit"
    assert client.get(url, {"page": 2}).content == second.content != first.content


def test_a_new_indicator_shows_on_the_landing_once_saved(
    client, shown, django_capture_on_commit_callbacks
):
    """Wagtail indexes what a new snippet references after it is saved: the landing is
    found through its programme once the indicator is committed."""
    landing = shown["pages"]["landing"]
    visit(client, [landing.url])

    with django_capture_on_commit_callbacks(execute=True):
        TargetIndicatorFactory(programme=shown["programme"], year=2023, target_percent=77)

    assert "indicator-chart" in client.get(landing.url).content.decode()


def test_an_unpublished_privacy_policy_leaves_the_footer_of_every_page(
    client, shown, site, home_page
):
    about = shown["pages"]["about"]
    policy = ContentPageFactory(parent=about, title="Политика", slug="policy")
    site_settings = SiteSettings.for_site(site)
    site_settings.privacy_policy_page = policy
    site_settings.save()
    urls = urls_of(shown["pages"], "news", "mentor", "about")
    assert_shown_everywhere(client, urls, policy.url)

    policy.unpublish()

    for url in urls:
        assert policy.url not in client.get(url).content.decode(), url


def test_every_value_of_a_repeated_filter_makes_a_page_of_its_own(client, shown):
    roadmap = shown["pages"]["roadmap"]
    one = client.get(roadmap.url + "?status=planned")
    both = client.get(roadmap.url + "?status=planned&status=done")

    assert (one[STATUS_HEADER], both[STATUS_HEADER]) == ("miss", "miss")
    assert client.get(roadmap.url + "?status=planned&status=done")[STATUS_HEADER] == "hit"


# Each kind of page, cached whole, follows a change at once, and no further.


@pytest.fixture
def site_pages(section, home_page):
    """A page of each kind, all published, the landing showing a programme."""
    programme = ProgrammeFactory(goal="Старая цель.")
    programme.save_revision().publish()
    section.landing.programme = programme
    section.landing.save_revision().publish()
    roadmap = RoadmapPageFactory(parent=section.roadmaps)
    RoadmapEventFactory(page=roadmap, title="Анкетирование", status=EventStatus.PLANNED)
    roadmap.save_revision().publish()
    return {
        "programme": programme,
        "roadmap": RoadmapPage.objects.get(pk=roadmap.pk),
        "news": NewsPageFactory(parent=section.news, title="Старая новость"),
        "mentor": MentorPageFactory(parent=section.mentors),
        "other_mentor": MentorPageFactory(parent=section.mentors),
        "programme_page": section.landing.url + "programme/",
    }


def url_of(item):
    return item if isinstance(item, str) else item.url


def visit_items(client, *items):
    visit(client, [url_of(item) for item in items])


def served_from_cache_without_a_query(queries_of, item):
    visit = queries_of(url_of(item), warm=False)
    return visit.response[STATUS_HEADER] == "hit" and visit == []


def test_a_published_news_item_shows_on_its_page_index_landing_and_home(
    client, queries_of, section, home_page, site_pages
):
    news = site_pages["news"]
    unrelated = (site_pages["roadmap"], site_pages["mentor"])
    visit_items(client, news, section.news, section.landing, home_page, *unrelated)

    news.title = "Новая новость"
    news.save_revision().publish()

    for page in (news, section.news, section.landing):
        assert "Новая новость" in client.get(page.url).content.decode()
    assert client.get(home_page.url)[STATUS_HEADER] == "miss"
    for item in unrelated:
        assert served_from_cache_without_a_query(queries_of, item)


def test_a_roadmap_status_shows_at_once_in_both_languages(
    client, queries_of, section, site_pages, english_section, english
):
    roadmap = site_pages["roadmap"]
    translate(section.roadmaps, english, {})
    translate(roadmap, english, {"Анкетирование": "Survey"})
    english_roadmap = roadmap.get_translation(english)
    visit_items(client, roadmap, english_roadmap, section.roadmaps, site_pages["news"])
    assert "roadmap-event--done" not in client.get(english_roadmap.url).content.decode()

    event = roadmap.events.get()
    event.status = EventStatus.DONE
    roadmap.events = [event]
    roadmap.save_revision().publish()

    for page in (roadmap, english_roadmap):
        assert "roadmap-event--done" in client.get(page.url).content.decode()
    assert client.get(section.roadmaps.url)[STATUS_HEADER] == "miss"
    assert served_from_cache_without_a_query(queries_of, site_pages["news"])


def test_a_changed_programme_shows_on_the_landing_and_programme_page_only(
    client, queries_of, section, site_pages
):
    unrelated = (site_pages["news"], site_pages["roadmap"], section.news)
    visit_items(client, section.landing, site_pages["programme_page"], *unrelated)

    programme = site_pages["programme"]
    programme.goal = "Новая цель."
    programme.save_revision().publish()

    for url in (section.landing.url, site_pages["programme_page"]):
        assert "Новая цель." in client.get(url).content.decode()
    for item in unrelated:
        assert served_from_cache_without_a_query(queries_of, item)


def test_a_withdrawn_consent_takes_the_mentor_off_at_once(client, queries_of, section, site_pages):
    mentor, other = site_pages["mentor"], site_pages["other_mentor"]
    visit_items(client, mentor, other, section.mentors)

    consent = MentorPage.objects.get(pk=mentor.pk).consent
    consent.withdrawn_at = timezone.now()
    consent.save()

    assert client.get(mentor.url).status_code == 404
    assert mentor.title not in client.get(section.mentors.url).content.decode()
    assert served_from_cache_without_a_query(queries_of, other)
