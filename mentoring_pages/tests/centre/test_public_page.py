"""The centre's public page: every school with its roadmap progress, coverage against the
targets and participant counts, at a constant cost."""

import pytest
from bs4 import BeautifulSoup

from mentoring_pages.tests.conftest import PAGE_QUERY_LIMIT
from site_project.translation import translate

from .conftest import add_school

pytestmark = pytest.mark.django_db


def school_block(client, name):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    heading = soup.find("h2", string=f"Школа {name}")
    return heading.find_parent("article") if heading else None


def text_of(block):
    return " ".join(block.get_text(" ").split())


def test_each_school_shows_its_progress_coverage_and_figures_and_links_to_its_site(
    client, centre, today
):
    add_school("gymnasium", done=2, overdue=1, planned=1)
    add_school("lyceum", done=0, overdue=3, figures=False)

    gymnasium = school_block(client, "gymnasium")
    lyceum = school_block(client, "lyceum")

    assert gymnasium.h2.a["href"] == "http://gymnasium.localhost/"
    assert "Выполнено: 2 из 4 (50 %); просрочено: 1" in text_of(gymnasium)
    coverage = gymnasium.find("table", class_="centre-coverage")
    # 10 mentors and 20 mentees, all pupils, of 300 pupils: 10 %, against a target of 30.
    assert [td.get_text() for td in coverage.tbody.tr.find_all("td")] == ["2025", "30", "10"]
    figures = gymnasium.find("table", class_="centre-figures")
    assert "2025" in figures.caption.get_text()
    assert [td.get_text() for td in figures.tbody.tr.find_all("td")] == ["10", "20", "10"]

    assert "Выполнено: 0 из 3 (0 %); просрочено: 3" in text_of(lyceum)
    assert lyceum.find("table", class_="centre-figures") is None


def test_a_school_at_a_path_under_another_schools_site_counts_its_own_events(client, centre, today):
    gymnasium = add_school("gymnasium", done=2, overdue=0)
    add_school("branch", done=0, overdue=3, under=gymnasium.home)

    assert "Выполнено: 2 из 2" in text_of(school_block(client, "gymnasium"))
    branch = school_block(client, "branch")
    assert "Выполнено: 0 из 3 (0 %); просрочено: 3" in text_of(branch)
    assert branch.h2.a["href"] == "http://gymnasium.localhost/home-branch/"


def test_a_finished_or_unpublished_roadmap_is_not_counted(client, centre, today):
    school = add_school("gymnasium", done=1, overdue=1)
    school.roadmap.last_year = 2025  # its last school year ended in 2025: archive
    school.roadmap.save()

    assert "Выполнено" not in text_of(school_block(client, "gymnasium"))

    school.roadmap.last_year = 2027
    school.roadmap.save()
    school.roadmap.unpublish()

    assert "Выполнено" not in text_of(school_block(client, "gymnasium"))


def test_the_page_costs_the_same_queries_for_3_and_20_schools(
    centre, add_schools, queries_of, roomy_cache, today
):
    add_schools(2)  # and the installation's own school
    few = queries_of("/")
    add_schools(17)
    many = queries_of("/")

    assert few.response.content.count(b'class="centre-school"') == 3
    assert many.response.content.count(b'class="centre-school"') == 20
    assert len(many) == len(few) <= PAGE_QUERY_LIMIT


def test_the_english_page_links_to_the_schools_english_sites(client, centre, english, today):
    school = add_school("gymnasium")
    translate(centre, english, {centre.title: "Municipal mentoring centre"})
    english_home = translate(school.home, english, {school.home.title: "Home"})

    page = BeautifulSoup(client.get("/en/").content, "html.parser")

    assert page.h1.get_text() == "Municipal mentoring centre"
    assert page.find("h2").a["href"] == english_home.get_url()
    # Schools are named in Russian only: a screen reader is told so.
    assert page.find("h2")["lang"] == "ru"
