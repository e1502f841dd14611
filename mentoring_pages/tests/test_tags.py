"""Tags of news and cases read in the visitor's language: a tag is a snippet that
wagtail-localize translates; a translated page keeps its source's tags (wagtail-localize
synchronises them) and shows each in the page's language."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from mentoring_pages.models import CasePage, SectionTag
from mentoring_pages.tests.factories import CasePageFactory, NewsPageFactory
from programmes.roles import CURATOR, EDITOR, MODERATOR
from site_project.tests.admin_refusals import outcome, sent_to_the_dashboard
from site_project.translation import sync_translations, translate

pytestmark = pytest.mark.django_db


def soup(client, url, params=None):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def tag_names(client, url):
    """The tags under an article, as a visitor reads them."""
    return [item.get_text(strip=True) for item in soup(client, url).select(".tag-list li")]


def filter_links(client, url):
    """The tag filter of a case index: {label: href}."""
    page = soup(client, url)
    nav = page.find("a", string="Олимпиада") or page.find("a", string="Olympiad")
    return {link.get_text(strip=True): link["href"] for link in nav.find_parent("ul").find_all("a")}


def translate_tag(name, english, english_name):
    return translate(SectionTag.objects.get(name=name), english, {name: english_name})


@pytest.fixture
def olympiad_case(english_section, english):
    case = CasePageFactory(parent=english_section.cases, title="Математика", live=False)
    case.tags.add("Олимпиада", "Адаптация")
    case.save_revision().publish()
    translate_tag("Олимпиада", english, "Olympiad")
    translate(case, english, {"Математика": "Maths"})
    return CasePage.objects.get(pk=case.pk)


def english_url(page, english):
    return page.get_translation(english).url


def test_an_english_case_shows_english_tag_names(client, olympiad_case, english):
    assert tag_names(client, olympiad_case.url) == ["Адаптация", "Олимпиада"]
    # A tag not translated yet shows its source name, as untranslated text does.
    assert tag_names(client, english_url(olympiad_case, english)) == ["Olympiad", "Адаптация"]


def test_the_tag_filter_works_in_both_languages(client, olympiad_case, english_section, english):
    other = CasePageFactory(parent=english_section.cases, title="Другой кейс")
    translate(other, english, {"Другой кейс": "Another case"})
    english_index = english_url(english_section.cases, english)

    links = filter_links(client, english_index)
    assert set(links) == {"All tags", "Olympiad", "Адаптация"}
    found = soup(client, english_index + links["Olympiad"])
    assert "Maths" in found.main.get_text() and "Another case" not in found.main.get_text()
    # The case's own tag links lead to the same filtered list.
    link = soup(client, english_url(olympiad_case, english)).find("a", string="Olympiad")
    assert link["href"] == english_index + links["Olympiad"]

    russian = filter_links(client, english_section.cases.url)
    assert set(russian) == {"Все теги", "Олимпиада", "Адаптация"}
    found = soup(client, english_section.cases.url + russian["Олимпиада"])
    assert "Математика" in found.main.get_text() and "Другой кейс" not in found.main.get_text()


def test_a_tag_added_later_reaches_the_english_page_translated(client, olympiad_case, english):
    olympiad_case.tags.add("Наставник года")
    olympiad_case.save_revision().publish()
    translate_tag("Наставник года", english, "Mentor of the year")
    sync_translations(olympiad_case)

    assert "Mentor of the year" in tag_names(client, english_url(olympiad_case, english))


def test_english_news_and_feed_show_english_tags(client, english_section, english):
    news = NewsPageFactory(parent=english_section.news, title="Итоги", live=False)
    news.tags.add("Олимпиада")
    news.save_revision().publish()
    translate_tag("Олимпиада", english, "Olympiad")
    translate(news, english, {"Итоги": "Results"})
    english_index = english_url(english_section.news, english)

    assert tag_names(client, english_url(news, english)) == ["Olympiad"]
    feed = client.get(english_index + "rss/").content.decode()
    assert "<category>Olympiad</category>" in feed
    assert (
        "<category>Олимпиада</category>"
        in client.get(english_section.news.url + "rss/").content.decode()
    )


def test_typing_a_tag_on_a_russian_page_never_picks_its_translation(olympiad_case, english):
    # The English copy keeps the Russian name until a translator changes it.
    translate_tag("Адаптация", english, "Адаптация")
    case = CasePageFactory(parent=olympiad_case.get_parent(), live=False)
    case.tags.add("Адаптация")
    case.save_revision().publish()

    assert [tag.locale.language_code for tag in case.tags.all()] == ["ru"]


def test_tag_names_cost_no_query_per_tag(few_and_many, english_section, english):
    case = CasePageFactory(parent=english_section.cases, live=False)
    case.save_revision().publish()
    translate(case, english, {})
    english_case = case.get_translation(english)

    def add(count):
        start = case.tags.count()
        names = [f"Тег {number}" for number in range(start, start + count)]
        case.tags.add(*names)
        case.save_revision().publish()
        for name in names:
            translate_tag(name, english, name.replace("Тег", "Tag"))
        sync_translations(case)

    few, many = few_and_many(english_case.url, add)
    assert len(many) == len(few)
    assert "Tag 59" in many.response.content.decode()


def test_a_tag_translated_later_shows_on_pages_already_served(client, olympiad_case, english):
    url = english_url(olympiad_case, english)
    assert "Адаптация" in tag_names(client, url)

    translate_tag("Адаптация", english, "Settling in")

    assert "Settling in" in tag_names(client, url)


# Who keeps the tags in the admin («Теги»)


@pytest.mark.parametrize(
    "role, may_change, may_delete",
    [(EDITOR, True, False), (MODERATOR, True, True), (CURATOR, False, False)],
)
def test_editors_rename_tags_and_moderators_may_delete_them(
    login_as, olympiad_case, role, may_change, may_delete
):
    tag = SectionTag.objects.get(name="Олимпиада", locale=olympiad_case.locale)
    viewset = SectionTag.snippet_viewset
    client = login_as(role)

    edit = client.post(
        reverse(viewset.get_url_name("edit"), args=[tag.pk]),
        {"name": "Олимпиады", "slug": tag.slug},
    )
    delete = client.post(reverse(viewset.get_url_name("delete"), args=[tag.pk]))

    tag = SectionTag.objects.filter(pk=tag.pk).first()
    if may_delete:
        assert delete.status_code == 302 and tag is None
        return
    assert outcome(delete) == sent_to_the_dashboard()
    assert tag.name == ("Олимпиады" if may_change else "Олимпиада")
    if not may_change:
        assert outcome(edit) == sent_to_the_dashboard()
