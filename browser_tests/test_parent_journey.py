"""A parent on a phone: from the home page through the menu to the mentoring section and
its roadmap, shows the overdue events, finds the calendar subscription and goes back."""

from django.utils.translation import gettext

from browser_tests import demo
from mentoring_pages.models import RoadmapPage
from mentoring_pages.roadmap import statuses


def event_statuses(page):
    return page.locator(".roadmap-event").evaluate_all(
        "events => events.map(event => event.dataset.status)"
    )


def test_parent_finds_overdue_events_and_the_calendar(open_page, public_pages, demo_database):
    landing, shown = public_pages["mentoring", "ru"], public_pages["roadmap", "ru"]
    events = RoadmapPage.objects.get(pk=shown.page_id)
    overdue = len(events.filter_events(statuses.OVERDUE))
    assert overdue, "The demo roadmap should have overdue events for this journey."

    page = open_page(public_pages["home", "ru"], width=demo.PHONE)
    page.get_by_role("link", name=gettext("Menu"), exact=True).click()
    page.locator(".main-nav").get_by_role("link", name=landing.title, exact=True).click()
    page.wait_for_url(landing.url)
    section = page.get_by_role("region", name=gettext("Roadmap"), exact=True)
    section.get_by_role("link", name=shown.title, exact=True).click()
    page.wait_for_url(shown.url)
    every_status = event_statuses(page)
    assert len(every_status) == len(events.all_events)

    filters = page.get_by_role("navigation", name=gettext("Show events"))
    filters.get_by_role(
        "link", name=str(statuses.status_label(statuses.OVERDUE)), exact=False
    ).click()
    page.wait_for_url(f"{shown.url}?status={statuses.OVERDUE}")
    assert event_statuses(page) == [statuses.OVERDUE] * overdue

    subscribe = page.get_by_role("link", name=gettext("Subscribe to the calendar"))
    calendar = page.request.get(subscribe.get_attribute("href"))
    assert calendar.ok and calendar.headers["content-type"].startswith("text/calendar")
    assert calendar.text().startswith("BEGIN:VCALENDAR")

    page.go_back()
    page.wait_for_url(shown.url)
    assert event_statuses(page) == every_status

    # The whole roadmap as a list, one row per event.
    views = page.get_by_role("navigation", name=gettext("View"))
    views.get_by_role("link", name=gettext("List, one row per event")).click()
    page.wait_for_url(f"{shown.url}?view=list")
    assert page.locator("tr.roadmap-row").count() == len(every_status)
