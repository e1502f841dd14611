import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from home.purging import purge
from mentoring_pages.models import DocumentsPageItem
from mentoring_pages.roadmap.statuses import EventStatus
from mentoring_pages.tests.conftest import FIRST_VISIT_QUERY_LIMIT, PAGE_QUERY_LIMIT
from mentoring_pages.tests.factories import (
    CasePageFactory,
    DocumentsPageFactory,
    MentorPageFactory,
    NewsPageFactory,
    RoadmapEventFactory,
    RoadmapPageFactory,
    RoadmapStageFactory,
)
from programmes.categories import IndicatorCategory
from programmes.models import LegalAct, Programme
from programmes.models.programme import DocumentKind
from programmes.tests.factories import (
    MentoringFormFactory,
    ParticipationFiguresFactory,
    ProgrammeFactory,
    RoleModelFactory,
    TargetIndicatorFactory,
)
from site_project.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(section):
    programme = ProgrammeFactory(goal="Каждому ученику — наставник.")
    programme.save_revision().publish()
    form = MentoringFormFactory(programme=programme, title="Ученик – ученик")
    RoleModelFactory(form=form, title="Лидер – пассивный")
    TargetIndicatorFactory(
        programme=programme, category=IndicatorCategory.PUPILS, year=2021, target_percent=30
    )
    section.landing.programme = programme
    section.landing.save_revision().publish()
    return programme


def fill(section, programme, size):
    """`size` of everything the landing shows."""
    roadmap = RoadmapPageFactory(parent=section.roadmaps)
    for stage in range(1, size // 5 + 2):
        RoadmapStageFactory(page=roadmap, number=str(stage))
    for n in range(size):
        status = EventStatus.DONE if n % 2 else EventStatus.PLANNED
        RoadmapEventFactory(page=roadmap, stage_number="1", status=status)
    form = programme.forms.get()
    for _ in range(size):
        NewsPageFactory(parent=section.news)
        CasePageFactory(parent=section.cases, form=form)
        MentorPageFactory(parent=section.mentors, form=form)
    for year in range(2020, 2020 + min(size, 6)):
        if not programme.participation.filter(year=year).exists():
            ParticipationFiguresFactory(form=form, year=year)


def test_landing_shows_the_programme_indicators_and_roadmap(client, section, programme):
    fill(section, programme, 4)

    content = client.get(section.landing.url).content.decode()

    assert "Каждому ученику — наставник." in content
    assert "Ученик – ученик" in content and "Лидер – пассивный" in content
    assert 'class="indicator-chart"' in content
    assert "<progress" in content
    assert content.count("news-card") == 3
    assert content.count("case-card") == 3
    assert content.count('mentor-card"') == 4


def test_landing_opens_with_its_photo_between_the_title_and_the_introduction(client, section):
    landing = section.landing
    landing.image = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
    landing.image_alt = "Книжные полки"
    landing.intro = "<p>Наставничество в нашей школе.</p>"
    landing.save_revision().publish()

    soup = BeautifulSoup(client.get(landing.url).content, "html.parser")

    opening = [
        tag
        for tag in soup.main.find_all(True, recursive=True)
        if tag.name == "h1"
        or "photo-at-the-top" in tag.get("class", [])
        or "lead" in tag.get("class", [])
    ]
    assert [tag.name for tag in opening] == ["h1", "figure", "div"]
    assert opening[1].img["alt"] == "Книжные полки"


def test_landing_in_english(client, section, programme, english):
    translate(programme, english, {"Каждому ученику — наставник.": "A mentor for every pupil."})
    translate(section.landing, english, {"Наставничество": "Mentoring"})

    response = client.get("/en/nastavnichestvo/")

    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "A mentor for every pupil." in response.content.decode()


def test_landing_has_written_empty_states(client, section):
    content = client.get("/en/nastavnichestvo/").content.decode()

    for empty in ("No news yet.", "No cases yet.", "No mentor profiles yet."):
        assert empty in content
    assert "The roadmap has not been published yet." in content


def test_landing_lists_no_document_of_a_page_behind_a_restriction(client, section):
    """An order naming the pairs, in a documents page for staff only, stays off the landing
    (Wagtail's document view checks collections, not pages: the link would open it)."""
    closed = DocumentsPageFactory(parent=section.landing, title="Для педагогов", slug="staff")
    PageViewRestriction.objects.create(page=closed, restriction_type="login")
    for page, title in (
        (section.documents, "Положение о наставничестве"),
        (closed, "Приказ о парах"),
    ):
        DocumentsPageItem.objects.create(
            page=page,
            kind=DocumentKind.ORDER,
            document=wagtail_factories.DocumentFactory(title=title),
            locale=page.locale,
        )

    content = client.get(section.landing.url).content.decode()

    assert "Положение о наставничестве" in content
    assert "Приказ о парах" not in content


def test_programme_page_shows_the_whole_programme(client, section, programme):
    response = client.get(section.landing.url + "programme/")

    assert response.status_code == 200
    assert "Сформировать базу наставников." in response.content.decode()


def test_programme_page_gives_a_legal_acts_document_its_type_and_size(client, section, programme):
    document = wagtail_factories.DocumentFactory(
        file__filename="order.pdf", file__data=b"x" * 2048, file_size=2048
    )
    programme.legal_acts = [LegalAct(title="О наставничестве", number="12", document=document)]
    programme.save_revision().publish()

    content = client.get(section.landing.url + "programme/").content.decode()

    assert (
        f'«<a href="{document.url}">О наставничестве</a>» '
        '<span class="document-meta">(PDF, 2,0\xa0КБ)</span>' in content
    )


def test_programme_page_is_404_without_a_programme(client, section):
    assert client.get(section.landing.url + "programme/").status_code == 404


@pytest.mark.parametrize("cold", [True, False], ids=["content-not-cached", "content-cached"])
def test_landing_makes_the_same_queries_whatever_its_size(queries_of, section, programme, cold):
    dropped = (lambda: purge([section.landing])) if cold else None  # as publishing it does
    fill(section, programme, 3)
    small = queries_of(section.landing.url, between=dropped)

    fill(section, programme, 60)
    large = queries_of(section.landing.url, between=dropped)

    assert len(small) == len(large), large
    assert len(large) <= (
        FIRST_VISIT_QUERY_LIMIT if cold else PAGE_QUERY_LIMIT
    )  # cold: before the content is cached


def test_a_published_news_item_shows_on_the_landing_at_once(client, section, programme):
    assert "Свежая новость" not in client.get(section.landing.url).content.decode()

    NewsPageFactory(
        parent=section.news, title="Свежая новость", live=False
    ).save_revision().publish()

    assert "Свежая новость" in client.get(section.landing.url).content.decode()


def test_a_changed_programme_shows_on_the_landing_at_once(client, section, programme):
    client.get(section.landing.url)

    programme.goal = "Новая цель программы."
    programme.save_revision().publish()

    assert "Новая цель программы." in client.get(section.landing.url).content.decode()


def test_a_roadmap_status_change_shows_on_the_landing_at_once(client, section, programme):
    roadmap = RoadmapPageFactory(parent=section.roadmaps)
    RoadmapStageFactory(page=roadmap, number="1")
    RoadmapEventFactory(page=roadmap, stage_number="1", status=EventStatus.PLANNED)
    roadmap.save_revision().publish()
    assert 'value="0"' in client.get(section.landing.url).content.decode()

    roadmap = type(roadmap).objects.get(pk=roadmap.pk)
    event = roadmap.events.get()
    event.status = EventStatus.DONE
    roadmap.events = [event]
    roadmap.save_revision().publish()

    assert 'max="1" value="1"' in client.get(section.landing.url).content.decode()


def test_programme_page_makes_few_queries_and_shows_changes_at_once(
    client, queries_of, section, programme
):
    url = section.landing.url + "programme/"
    assert len(queries_of(url)) <= PAGE_QUERY_LIMIT

    programme.goal = "Обновлённая цель."
    programme.save_revision().publish()

    assert "Обновлённая цель." in client.get(url).content.decode()


def test_the_programme_page_opens_with_contents_that_lead_to_its_sections(
    client, section, programme
):
    page = BeautifulSoup(client.get(section.landing.url + "programme/").content, "html.parser")

    links = page.select("nav.contents a")
    assert [link.get_text() for link in links][:2] == ["Цель", "Задачи"]
    for link in links:
        target = page.find(id=link["href"].removeprefix("#"))
        assert target is not None and target.name == "h2", link
        assert target.get_text() == link.get_text()
    # Every section of the page is in the contents.
    assert len(links) == len(page.select(".programme > h2"))


def test_the_programme_pages_language_links_lead_to_the_programme_in_the_other_language(
    client, english_section, programme, english
):
    translate(programme, english, {})
    russian = english_section.landing.url + "programme/"
    english = english_section.landing.get_translation(english).url + "programme/"

    ru = BeautifulSoup(client.get(russian).content, "html.parser")
    en = BeautifulSoup(client.get(english).content, "html.parser")

    assert ru.select_one('a[hreflang="en"][lang="en"]')["href"] == english
    assert en.select_one('a[hreflang="ru"][lang="ru"]')["href"] == russian
    assert ru.select_one('link[rel="alternate"][hreflang="en"]')["href"].endswith(english)


def test_while_the_english_programme_is_a_draft_the_language_link_leads_to_the_section(
    client, english_section, programme, english
):
    translate(programme, english, {})
    Programme.objects.filter(locale=english).update(live=False)
    english_landing = english_section.landing.get_translation(english).url

    ru = BeautifulSoup(
        client.get(english_section.landing.url + "programme/").content, "html.parser"
    )

    assert ru.select_one('a[hreflang="en"][lang="en"]')["href"] == english_landing


@pytest.mark.parametrize("route", ["", "programme/"], ids=["landing", "programme page"])
def test_the_forms_of_mentoring_are_headed_below_their_section(client, section, programme, route):
    page = BeautifulSoup(client.get(section.landing.url + route).content, "html.parser")

    form_title = page.find(class_="card__title", string="Ученик – ученик")
    above = form_title.find_previous(["h2", "h3", "h4"])
    role_models = form_title.find_next(["h3", "h4", "h5"])

    assert int(form_title.name[1]) == int(above.name[1]) + 1
    assert int(role_models.name[1]) == int(form_title.name[1]) + 1
