"""A change in one school drops that school's pages and the centre's roll-up from the caches,
and nothing of another school (home.purging)."""

from urllib.parse import urlsplit

import pytest

from mentoring_pages.models import RoadmapPage
from programmes.models import ParticipationFigures, Programme

from .conftest import CENTRE_HOST, add_school

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_schools(centre):
    return add_school("gymnasium"), add_school("lyceum")


@pytest.fixture
def purged_hosts(purged, django_capture_on_commit_callbacks):
    """`purged_hosts(change)`: the hosts of the addresses purged once `change()` is committed."""

    def commit(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()
        return {urlsplit(url).hostname for url in purged}

    return commit


def publish_roadmap(school):
    roadmap = RoadmapPage.objects.get(pk=school.roadmap.pk)
    roadmap.intro = "<p>Новое</p>"
    roadmap.save_revision().publish()


def change_figures(school):
    figures = ParticipationFigures.objects.get(programme=school.programme)
    figures.mentees = 25
    figures.save()


def publish_programme(school):
    programme = Programme.objects.get(pk=school.programme.pk)
    programme.goal = "Новая цель"
    programme.save_revision().publish()


@pytest.mark.parametrize("change", [publish_roadmap, change_figures, publish_programme])
def test_a_change_in_one_school_drops_its_pages_and_the_centre_nothing_of_another(
    two_schools, purged_hosts, change
):
    gymnasium, _lyceum = two_schools

    hosts = purged_hosts(lambda: change(gymnasium))

    assert hosts == {"gymnasium.localhost", CENTRE_HOST}


def test_a_news_item_in_a_school_leaves_the_centre_alone(two_schools, purged_hosts):
    from home.tests.factories import ContentPageFactory

    gymnasium, _lyceum = two_schools
    page = ContentPageFactory(parent=gymnasium.home, title="О школе", slug="about")

    hosts = purged_hosts(lambda: page.save_revision().publish())

    assert hosts == {"gymnasium.localhost"}


def test_renaming_a_school_drops_the_centre_and_nothing_of_another_school(
    two_schools, purged_hosts
):
    gymnasium, _lyceum = two_schools

    def rename():
        gymnasium.school.full_name = "Гимназия имени Пушкина"
        gymnasium.school.save()

    # Its own home page too: the school's record names it.
    assert purged_hosts(rename) == {CENTRE_HOST, "gymnasium.localhost"}


@pytest.mark.parametrize("page_cache_timeout", [0, 3600])
def test_the_centre_shows_a_schools_new_name_on_the_next_visit(
    client, settings, two_schools, page_cache_timeout
):
    """With the page cache on, and off (the schools are then a fragment kept on its own)."""
    settings.PAGE_CACHE_TIMEOUT = page_cache_timeout
    gymnasium, _lyceum = two_schools
    assert "Школа gymnasium" in client.get("/").content.decode()

    gymnasium.school.full_name = "Гимназия имени Пушкина"
    gymnasium.school.save()

    shown = client.get("/").content.decode()
    assert "Гимназия имени Пушкина" in shown and "Школа lyceum" in shown
