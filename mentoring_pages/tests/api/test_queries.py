"""Each list of the API, and one roadmap, costs the same queries for 2 schools as for 8 (and
for 4 events as for 12): what it gives is read in a fixed number of queries, whatever its
size."""

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from home import page_cache
from mentoring_pages.models import RoadmapPage
from mentoring_pages.tests.centre.conftest import add_school

from .conftest import ENDPOINTS, school_pages

pytestmark = pytest.mark.django_db


def queries(client):
    """{endpoint: the queries its first page makes}, the kept answers dropped first (as a
    change would), the rest of the caches warm."""
    counted = {}
    largest = RoadmapPage.objects.live().annotate(events_count=Count("events"))
    roadmap = largest.order_by("-events_count").first()
    addresses = {endpoint: f"/api/v1/{endpoint}/" for endpoint in ENDPOINTS}
    addresses["one roadmap"] = f"/api/v1/roadmaps/{roadmap.pk}/"
    for name, address in addresses.items():
        client.get(address)
        page_cache.drop([], [])
        with CaptureQueriesContext(connection) as captured:
            response = client.get(address)
        assert response.status_code == 200
        data = response.json()
        counted[name] = (len(captured), data.get("count", len(data.get("events", []))))
    return counted


def test_every_list_costs_the_same_for_2_schools_as_for_8(api_client, two_schools, roomy_cache):
    few = queries(api_client)
    for number in range(6):
        school = add_school(f"more{number}", done=3 + number, overdue=2, planned=2)
        school.pages = school_pages(school)
    many = queries(api_client)

    for endpoint in [*ENDPOINTS, "one roadmap"]:
        (few_queries, few_count), (many_queries, many_count) = few[endpoint], many[endpoint]
        assert many_count > few_count, endpoint
        assert many_queries == few_queries, (endpoint, few_queries, many_queries)
        assert few_queries <= 8, (endpoint, few_queries)
