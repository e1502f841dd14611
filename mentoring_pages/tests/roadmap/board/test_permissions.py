"""Who may use the board, and which roadmaps it shows them: those they may edit, in the
site's default language."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from mentoring_pages.models import RoadmapEvent, RoadmapPage
from mentoring_pages.roadmap.statuses import EventStatus
from site_project.tests.admin_refusals import NO_PERMISSION
from site_project.translation import translate

from . import BOARD, events_of, make_user, messages_of, pks, reloaded, shown, soup_of, writers_group

pytestmark = pytest.mark.django_db


def test_a_user_sees_only_the_roadmaps_they_may_edit(client, django_user_model, two_roadmaps):
    _a, b = two_roadmaps
    user = make_user(django_user_model, "writer", writers_group(b, "change_page"))
    client.force_login(user)

    soup = soup_of(client.get(BOARD))

    assert {int(row["data-event"]) for row in soup.select("#board-events tr[data-event]")} == pks(
        *RoadmapEvent.objects.filter(page=b)
    )
    roadmap_choices = [option.get_text() for option in soup.select("#board-filter-roadmap option")]
    assert roadmap_choices[1:] == ["Карта Б"]  # after «All roadmaps»


def test_the_board_leaves_out_english_translations(
    client, curator, two_roadmaps, section, home_page, english
):
    a, _b = two_roadmaps
    translate(home_page, english, {})
    translate(section.landing, english, {"Наставничество": "Mentoring"})
    translate(section.roadmaps, english, {"Дорожные карты": "Roadmaps"})
    english_a = translate(a, english, {"Просрочено": "Overdue"})
    english_events = set(RoadmapEvent.objects.filter(page=english_a).values_list("pk", flat=True))
    assert len(english_events) == 8
    client.force_login(curator)

    listed = shown(client.get(BOARD))

    assert listed == set(
        RoadmapEvent.objects.filter(locale__language_code="ru").values_list("pk", flat=True)
    )
    assert not listed & english_events


def test_an_editor_is_sent_to_the_dashboard_and_changes_nothing(client, editor, two_roadmaps):
    """Editors may not edit roadmaps: Wagtail's "permission denied", for GET and POST."""
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    client.force_login(editor)

    # Wagtail says so in the site's language: the user's own applies only inside the view.
    with translation.override("ru"):
        denied = gettext(NO_PERMISSION)

    get = client.get(BOARD, follow=True)
    post = client.post(BOARD, {"event": [event.pk], "new_status": "done"}, follow=True)

    for response in (get, post):
        assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
        assert messages_of(response) == [denied]
    assert reloaded(event).status == EventStatus.PLANNED
    assert not RoadmapPage.objects.get(pk=a.pk).revisions.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, two_roadmaps):
    response = client.get(BOARD)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('wagtailadmin_login')}?next={BOARD}"
