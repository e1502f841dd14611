"""Isolation in Wagtail's own admin views and in ours: a curator, editor or moderator of
one school sees nothing of another school's pages, images, documents, submissions, reports,
logs and dashboard; the municipal coordinator reads every school and changes nothing.

Each row is an admin address (built from the other school's content) and what of the other
school must not be on it, checked for every role of the first school."""

import datetime
import json
from types import SimpleNamespace

import pytest
import wagtail_factories
from django.core.management import call_command
from django.urls import reverse
from wagtail.log_actions import log as log_action
from wagtail.models import Page, Site

from home.models import HomePage
from mentoring_pages.forms.admin import ApplicationStateView
from mentoring_pages.models import ApplicationState, ApplicationSubmission
from mentoring_pages.roadmap.board.views import BOARD_URL_NAME, REPORT_URL_NAME
from mentoring_pages.tests.factories import (
    ApplicationFormFieldFactory,
    ApplicationPageFactory,
    MentorIndexPageFactory,
    MentoringIndexPageFactory,
    MentorPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    RoadmapIndexPageFactory,
    roadmap_with_events,
)
from programmes.roles import CURATOR, EDITOR, MODERATOR, create_school, group_of
from programmes.tests.factories import ConsentTextFactory, ProgrammeFactory
from site_project.tests.admin_refusals import outcome, sent_to_the_dashboard

pytestmark = pytest.mark.django_db

# Every title of the other school's things holds this word, so one look at a page's HTML
# or JSON tells whether anything of it leaked.
OTHER = "Лицей-Бэ"
OVERDUE = {"start": datetime.date(2020, 9, 1), "end": datetime.date(2020, 10, 31)}


def school_content(home, school, word, curator):
    """A school's section under `home` with a news item, a roadmap with an overdue event,
    an application form with one submission, a mentor with a consent running out, an image
    and a document in its collection, and a programme: every title holds `word`."""
    landing = MentoringIndexPageFactory(parent=home, title=f"Наставничество {word}")
    news_index = NewsIndexPageFactory(parent=landing, title=f"Новости {word}")
    news = NewsPageFactory(parent=news_index, title=f"Новость {word}")
    news.save_revision(user=curator, log_action=True)
    news.save_revision(user=curator).publish(user=curator, skip_permission_checks=True)
    roadmaps = RoadmapIndexPageFactory(parent=landing, title=f"Дорожные карты {word}")
    roadmap = roadmap_with_events(
        roadmaps, [{"title": f"Мероприятие {word}", **OVERDUE}], title=f"Дорожная карта {word}"
    )
    roadmap.save_revision(user=curator, log_action=True)
    application = ApplicationPageFactory(parent=landing, title=f"Заявка {word}")
    name = ApplicationFormFieldFactory(page=application, label="Имя").clean_name
    ApplicationSubmission.objects.create(
        page=application,
        form_data={name: f"Заявитель {word}"},
        consent_text=ConsentTextFactory(school=school, title=f"Согласие {word}"),
        consented_at="2025-03-01T10:00:00+03:00",
    )
    mentors = MentorIndexPageFactory(parent=landing, title=f"Наставники {word}")
    mentor = MentorPageFactory(
        parent=mentors,
        title=f"Наставница {word}",
        consent__school=school,
        consent__valid_until=datetime.date.today() + datetime.timedelta(days=5),
    )
    mentor.locked, mentor.locked_by = True, curator
    mentor.locked_at = datetime.datetime.now(datetime.UTC)
    mentor.save()
    return SimpleNamespace(
        home=home,
        landing=landing,
        news=news,
        roadmap=roadmap,
        application=application,
        mentor=mentor,
        image=wagtail_factories.ImageFactory(
            title=f"Фото {word}", collection=school.collection, uploaded_by_user=curator
        ),
        document=wagtail_factories.DocumentFactory(
            title=f"Документ {word}", collection=school.collection, uploaded_by_user=curator
        ),
        programme=log(
            ProgrammeFactory(school=school, title=f"Программа {word}"), "wagtail.create", curator
        ),
    )


def log(record, action, user):
    """`record`, its `action` by `user` in the site history."""
    log_action(record, action, user=user)
    return record


@pytest.fixture
def schools(home_page, user_in, django_user_model):
    """Our school (the default site's) and the other one, each with its content."""
    from programmes.schools import default_school

    ours = default_school()
    root = Page.get_first_root_node()
    other_home = root.add_child(instance=HomePage(title=f"Главная {OTHER}", slug="licey-be"))
    Site.objects.create(hostname="licey-be.example", root_page=other_home)
    other = create_school(short_name=OTHER, full_name=f"Школа {OTHER}", home_page=other_home)
    # Named after the school, as people are in the report filters' choices.
    other_curator = user_in(CURATOR, f"куратор-{OTHER}", school=other, email="b@example.org")
    our_curator = user_in(CURATOR, "our-curator", school=ours, email="a@example.org")
    return SimpleNamespace(
        ours=ours,
        other=other,
        our=school_content(home_page, ours, "Гимназии-А", our_curator),
        their=school_content(other_home, other, OTHER, other_curator),
    )


ROLES = [CURATOR, EDITOR, MODERATOR]


def bulk_address(model, action, ids):
    """The address of Wagtail's bulk `action` on `ids(s)`: a list of keys, or "all…"."""

    def address(s):
        chosen = ids(s)
        query = f"id={chosen}" if isinstance(chosen, str) else "&".join(f"id={pk}" for pk in chosen)
        return f"/admin/bulk/{model}/{action}/?{query}&next=/admin/"

    return address


# (name, the address built from the other school's content): the screen opens, or the one
# it sends the user to does, and nothing of the other school is in it.
LISTINGS = [
    ("explorer at the root", lambda s: reverse("wagtailadmin_explore_root")),
    ("explorer menu", lambda s: "/admin/api/main/pages/?child_of=root&for_explorer=1"),
    ("explorer search", lambda s: reverse("wagtailadmin_pages:search") + "?q=Новость"),
    ("page chooser", lambda s: reverse("wagtailadmin_choose_page")),
    (
        "page chooser search",
        lambda s: reverse("wagtailadmin_choose_page_search") + "?q=Новость",
    ),
    (
        "page chooser's chosen pages",
        lambda s: (
            reverse("wagtailadmin_choose_page_chosen_multiple")
            + f"?id={s.their.news.pk}&id={s.our.news.pk}"
        ),
    ),
    ("images", lambda s: reverse("wagtailimages:index")),
    ("image chooser", lambda s: reverse("wagtailimages_chooser:choose")),
    ("documents", lambda s: reverse("wagtaildocs:index")),
    ("document chooser", lambda s: reverse("wagtaildocs_chooser:choose")),
    ("forms", lambda s: reverse("wagtailforms:index")),
    ("site history", lambda s: reverse("wagtailadmin_reports:site_history")),
    ("workflows", lambda s: reverse("wagtailadmin_reports:workflow")),
    ("workflow tasks", lambda s: reverse("wagtailadmin_reports:workflow_tasks")),
    ("locked pages", lambda s: reverse("wagtailadmin_reports:locked_pages")),
    ("aging pages", lambda s: reverse("wagtailadmin_reports:aging_pages")),
    ("page types usage", lambda s: reverse("wagtailadmin_reports:page_types_usage")),
    ("dashboard", lambda s: reverse("wagtailadmin_home")),
    ("roadmap board", lambda s: reverse(BOARD_URL_NAME)),
    ("consent report", lambda s: reverse("mentoring_pages_consent_report")),
    # Wagtail's bulk actions list, as «you may not…», whatever they are sent.
    *(
        (f"bulk {action} of {model}", bulk_address(model, action, ids))
        for model, action, ids in [
            ("wagtailcore/page", "delete", lambda s: [s.their.news.pk, s.our.news.pk]),
            ("wagtailcore/page", "move", lambda s: "all&childOf=" + str(s.their.landing.pk)),
            ("wagtailcore/page", "unpublish", lambda s: "all&childOf=1&q=Новость"),
            ("wagtailimages/image", "delete", lambda s: [s.their.image.pk, s.our.image.pk]),
            ("wagtailimages/image", "add_tags", lambda s: [s.their.image.pk]),
            ("wagtaildocs/document", "delete", lambda s: [s.their.document.pk]),
            ("wagtaildocs/document", "add_to_collection", lambda s: [s.their.document.pk]),
        ]
    ),
]


def to_their_own_section(s, role):
    """Wagtail's explorer opens where the user may work: their own school's section (an
    editor's or a curator's index pages), or its home page for a moderator."""
    own = s.our.home if role == MODERATOR else s.our.landing
    return (302, reverse("wagtailadmin_explore", args=[own.pk]), [])


def not_found(s, role):
    """The page chooser answers a modal's request: no such page for them (404)."""
    return (404, None, [])


def the_report_form_refuses(s, role):
    """Who may report gets the board back, its report form refusing the roadmap (400); an
    editor, who may not, is sent to the dashboard."""
    return sent_to_the_dashboard() if role == EDITOR else (400, None, [])


# The other school's objects by address, and how each role is turned away: never shown.
OBJECTS = [
    (
        "explorer in the other tree",
        lambda s: reverse("wagtailadmin_explore", args=[s.their.home.pk]),
    ),
    (
        "page chooser in the other tree",
        lambda s: reverse("wagtailadmin_choose_page_child", args=[s.their.home.pk]),
    ),
    ("page edit", lambda s: reverse("wagtailadmin_pages:edit", args=[s.their.news.pk])),
    ("page history", lambda s: reverse("wagtailadmin_pages:history", args=[s.their.news.pk])),
    ("image edit", lambda s: reverse("wagtailimages:edit", args=[s.their.image.pk])),
    ("image usage", lambda s: reverse("wagtailimages:image_usage", args=[s.their.image.pk])),
    ("document edit", lambda s: reverse("wagtaildocs:edit", args=[s.their.document.pk])),
    ("document usage", lambda s: reverse("wagtaildocs:document_usage", args=[s.their.document.pk])),
    (
        "submissions",
        lambda s: reverse("wagtailforms:list_submissions", args=[s.their.application.pk]),
    ),
    (
        "submissions export",
        lambda s: (
            reverse("wagtailforms:list_submissions", args=[s.their.application.pk]) + "?export=csv"
        ),
    ),
    (
        "quarterly report",
        lambda s: (
            reverse(REPORT_URL_NAME) + f"?page={s.their.roadmap.pk}&quarter=2020-3&format=xlsx"
        ),
    ),
    (
        "other site's settings",
        lambda s: reverse(
            "wagtailsettings:edit",
            args=["home", "sitesettings", Site.objects.get(root_page=s.their.home).pk],
        ),
    ),
]
# How each role is turned away from each of them: sent to the dashboard, unless named here.
TURNED_AWAY = {
    "explorer in the other tree": to_their_own_section,
    "page chooser in the other tree": not_found,
    "quarterly report": the_report_form_refuses,
}


def shown(response):
    """What the user reads of a response: its text, or its JSON's strings unescaped."""
    content_type = response.get("Content-Type", "")
    if content_type.startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    if content_type.startswith("text/"):
        return response.content.decode()
    return ""


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("view", "url"), LISTINGS, ids=[row[0] for row in LISTINGS])
def test_a_schools_staff_see_nothing_of_another_school(client, user_in, schools, role, view, url):
    client.force_login(user_in(role, school=schools.ours))
    response = client.get(url(schools), follow=True)
    assert response.status_code == 200
    assert OTHER not in shown(response)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("view", "url"), OBJECTS, ids=[row[0] for row in OBJECTS])
def test_a_schools_staff_cannot_open_another_schools_objects(
    client, user_in, schools, role, view, url
):
    client.force_login(user_in(role, school=schools.ours))
    response = client.get(url(schools))
    refusal = TURNED_AWAY.get(view)
    expected = refusal(schools, role) if refusal else sent_to_the_dashboard()
    assert outcome(response) == expected
    assert OTHER not in shown(response)


def test_a_curator_who_moderates_another_school_reads_only_their_own_applications(
    client, user_in, schools
):
    """A moderator of a school does not read its applications, even if they curate another
    school: the list, its export, an application and its status stay closed."""
    user = user_in(CURATOR, school=schools.ours)
    user.groups.add(group_of(schools.other, MODERATOR))
    client.force_login(user)
    forms = client.get(reverse("wagtailforms:index")).content.decode()
    # (Their staff's names are in its filters: the user moderates that school.)
    assert schools.our.application.title in forms
    assert schools.their.application.title not in forms

    submissions = reverse("wagtailforms:list_submissions", args=[schools.their.application.pk])
    for url in (submissions, submissions + "?export=csv"):
        response = client.get(url)
        assert outcome(response) == sent_to_the_dashboard()
        assert OTHER not in shown(response)

    theirs = ApplicationSubmission.objects.get(page=schools.their.application)
    status = reverse(ApplicationStateView.url_name, args=[theirs.pk])
    assert client.get(status).status_code == 404
    response = client.post(status, {"state": ApplicationState.ACCEPTED, "note": "Позвонить"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.state, theirs.state_note) == (ApplicationState.NEW, "")


def test_the_page_types_report_is_for_who_sees_every_school(client, admin_user, user_in, schools):
    report = reverse("wagtailadmin_reports:page_types_usage")
    client.force_login(user_in(MODERATOR, school=schools.ours))
    assert report not in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(admin_user)
    assert client.get(report).status_code == 200
    assert report in client.get(reverse("wagtailadmin_home")).content.decode()


def test_each_curator_is_reminded_of_their_own_schools_roadmaps(schools, mailoutbox):
    call_command("roadmap_reminders")
    by_address = {message.to[0]: message.body for message in mailoutbox}
    assert "Мероприятие Гимназии-А" in by_address["a@example.org"]
    assert OTHER not in by_address["a@example.org"]
    assert f"Мероприятие {OTHER}" in by_address["b@example.org"]
    assert "Гимназии-А" not in by_address["b@example.org"]


def test_a_bulk_action_still_names_the_users_own_pages_it_refuses(client, user_in, schools):
    """An editor may not delete news: their own school's item is listed as refused."""
    client.force_login(user_in(EDITOR, school=schools.ours))
    ids = [schools.their.news.pk, schools.our.news.pk]

    page = shown(client.get(bulk_address("wagtailcore/page", "delete", lambda s: ids)(schools)))

    assert schools.our.news.title in page
    assert OTHER not in page


def test_a_bulk_move_still_moves_the_pages(admin_client, schools):
    """The narrowed bulk actions keep what Wagtail's own need (the move's checks of the
    destination)."""
    archive = NewsIndexPageFactory(
        parent=schools.our.landing, title="Архив новостей", slug="arkhiv"
    )
    address = bulk_address("wagtailcore/page", "move", lambda s: [s.our.news.pk])(schools)

    confirming = admin_client.get(address)
    moved = admin_client.post(address, {"chooser": archive.pk})

    assert confirming.status_code == 200
    assert moved.status_code == 302
    schools.our.news.refresh_from_db()
    assert schools.our.news.get_parent().pk == archive.pk
