"""The board's place in the admin: its menu item and dashboard panel, shown only to those
who may use it, and its page's form controls."""

import pytest
from django.urls import reverse

from . import BOARD, events_of, sidebar_menu_urls, soup_of

pytestmark = pytest.mark.django_db


def test_the_menu_offers_the_board_only_to_those_who_may_use_it(
    client, curator, editor, two_roadmaps
):
    client.force_login(curator)
    assert sidebar_menu_urls(client.get(reverse("wagtailadmin_home")))["roadmap-board"] == BOARD

    client.force_login(editor)
    assert "roadmap-board" not in sidebar_menu_urls(client.get(reverse("wagtailadmin_home")))


def test_the_dashboard_shows_a_curator_the_overdue_count_and_next_deadlines(
    client, curator, two_roadmaps
):
    client.force_login(curator)

    soup = soup_of(client.get(reverse("wagtailadmin_home")))

    panel = soup.select_one("#roadmap-deadlines-section")
    assert panel is not None
    assert panel.select_one("[data-overdue]")["data-overdue"] == "2"
    assert panel.select_one("[data-overdue] a")["href"] == f"{BOARD}?deadline=overdue"
    titles = [row.select("td")[0].get_text(strip=True) for row in panel.select("tbody tr")]
    # The earliest open deadlines from today, done and cancelled ones left out.
    assert [title.split(" ", 1)[1] for title in titles] == [
        "Сегодня",
        "Б: завуч",
        "Через 20 дней",
        "Через 40 дней",
        "Б: этап 2",
    ]


def test_the_dashboard_has_no_roadmap_panel_for_an_editor(client, editor, two_roadmaps):
    client.force_login(editor)

    soup = soup_of(client.get(reverse("wagtailadmin_home")))

    assert soup.select_one("#roadmap-deadlines-section") is None


def test_selected_events_stay_selected_after_an_error(client, curator, two_roadmaps):
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    client.force_login(curator)

    soup = soup_of(client.post(BOARD, {"event": [event.pk], "new_status": ""}), status=400)

    assert [box["value"] for box in soup.select("input[name=event][checked]")] == [str(event.pk)]


def test_each_checkbox_has_a_label_naming_its_event(client, curator, two_roadmaps):
    a, _b = two_roadmaps
    event = events_of(a)["Через 40 дней"]
    client.force_login(curator)

    soup = soup_of(client.get(BOARD))

    label = soup.select_one(f"label[for=board-event-{event.pk}]")
    assert label.get_text(strip=True) == f"Select “{event}”"
    assert soup.select_one("form[method=post] input[name=csrfmiddlewaretoken]")


def test_warning_signs_keep_the_size_of_the_text_on_the_dashboard_and_the_board(
    client, curator, two_roadmaps
):
    """Wagtail's icon fills its box unless sized: a sign 150 px tall stood before every
    overdue row."""
    client.force_login(curator)

    for url in (reverse("wagtailadmin_home"), BOARD):
        signs = soup_of(client.get(url)).select("svg.icon-warning")
        assert signs, url
        for sign in signs:
            assert {"w-w-4", "w-h-4"} <= set(sign["class"]), url


def test_the_board_opens_with_the_overdue_count_and_the_next_deadlines(
    client, curator, two_roadmaps
):
    client.force_login(curator)

    soup = soup_of(client.get(BOARD))

    panel = soup.select_one("#roadmap-deadlines-section")
    assert panel.select_one("[data-overdue]")["data-overdue"] == "2"
    assert len(panel.select("tbody tr[data-event]")) == 5
    # Above the filters and the events, and without a link to the page it is on.
    assert panel.find_next("form", role="search") is not None
    assert not panel.select(f'a[href="{BOARD}"]')


def test_the_report_is_offered_for_the_roadmap_running_now(client, curator, two_roadmaps):
    _archived, current = two_roadmaps
    current.last_year = 2030
    current.save_revision().publish()
    client.force_login(curator)

    soup = soup_of(client.get(BOARD))

    chosen = soup.select_one("#board-report-page option[selected]")
    assert chosen["value"] == str(current.pk)


def test_the_bulk_change_of_a_filtered_board_comes_back_to_the_same_filters(
    client, curator, two_roadmaps
):
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    client.force_login(curator)

    board = soup_of(client.get(BOARD, {"roadmap": a.pk, "deadline": "overdue"}))
    action = board.select_one("form[method=post]")["action"]
    response = client.post(action, {"event": [event.pk], "new_status": "done"})

    assert action.startswith(f"{BOARD}?")
    assert response.status_code == 302
    assert response["Location"] == action
