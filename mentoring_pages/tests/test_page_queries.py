"""What a visitor's page costs the database, for every public page type in both languages,
with the page cache off: at most 15 queries, and on the first visit after a change (what
publishing drops, home.purging), while its kept fragments and head are built again, at most
25. Routing is Wagtail's, two queries a level: the bound holds for the section's pages, three
levels below the home page; a content page nested deeper costs two more a level.
Whether the cost stays the same as a section grows is each listing's own test
(models/test_news.py, test_cases.py, test_mentors.py, test_roadmap.py, test_documents.py);
the municipal centre's is centre/test_public_page.py."""

import pytest

from home.purging import purge
from mentoring_pages.tests.conftest import FIRST_VISIT_QUERY_LIMIT, PAGE_QUERY_LIMIT

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("first_visit", "limit"),
    [(True, FIRST_VISIT_QUERY_LIMIT), (False, PAGE_QUERY_LIMIT)],
    ids=["after-a-change", "again"],
)
def test_every_page_type_asks_the_database_a_bounded_number_of_times(
    queries_of, every_page_type, first_visit, limit
):
    costs = {}
    for page in every_page_type:
        dropped = (lambda page=page: purge([page])) if first_visit else None
        costs[page.url] = len(queries_of(page.url, between=dropped))

    assert {url: count for url, count in costs.items() if count > limit} == {}
    assert {"/", "/en/"} <= set(costs)
