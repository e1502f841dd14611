"""A curator marks an event done on the board «Дорожные карты: статусы», which publishes
the roadmap; the public roadmap shows the new status and note at once, and its English
translation the new status."""

import secrets

from django.urls import reverse
from django.utils.translation import gettext
from playwright.sync_api import expect

from mentoring_pages.models import RoadmapEvent
from mentoring_pages.roadmap.statuses import EventStatus
from programmes.roles import CURATOR


def public_event(page, roadmap_page, text):
    """The event on the public roadmap whose card contains `text`."""
    page.goto(roadmap_page.url)
    return page.locator(".roadmap-event", has_text=text)


def test_status_changed_on_the_board_shows_on_the_public_roadmap(
    logged_in, browser_context, public_pages, demo_database
):
    roadmap_page, translation = public_pages["roadmap", "ru"], public_pages["roadmap", "en"]
    event = (
        RoadmapEvent.objects.filter(page_id=roadmap_page.page_id)
        .exclude(status=EventStatus.DONE)
        .first()
    )
    translated = RoadmapEvent.objects.get(
        translation_key=event.translation_key, page_id=translation.page_id
    )
    note = f"Проведено, отчёт № {secrets.token_hex(3)}"

    curator = logged_in(CURATOR)
    curator.goto(reverse("mentoring_pages_board"))
    curator.locator(f"#board-event-{event.pk}").check()
    curator.locator("#board-bulk-new_status").select_option(EventStatus.DONE)
    curator.locator("#board-bulk-note").fill(note)
    curator.get_by_role("button", name=gettext("Save for the selected events")).click()
    expect(curator.locator(f"tr[data-event='{event.pk}']")).to_have_attribute(
        "data-status", EventStatus.DONE
    )

    visitor = browser_context().new_page()
    card = public_event(visitor, roadmap_page, note)
    assert card.get_attribute("data-status") == EventStatus.DONE
    english = public_event(visitor, translation, translated.title.splitlines()[0])
    assert english.get_attribute("data-status") == EventStatus.DONE
    visitor.close()
