"""The public roadmap pages: a roadmap with its stages, events, statuses and progress, the
status filter that works without JavaScript, and the index of roadmaps."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext

from home.purging import purge
from mentoring_pages.models import RoadmapEvent, RoadmapPage
from mentoring_pages.roadmap import statuses
from mentoring_pages.roadmap.statuses import EventStatus
from mentoring_pages.tests.conftest import PAGE_QUERY_LIMIT
from mentoring_pages.tests.factories import (
    RoadmapEventFactory,
    RoadmapPageFactory,
    RoadmapStageFactory,
)
from programmes.tests.factories import ProgrammeFactory
from site_project.translation import translate

pytestmark = pytest.mark.django_db

# The roadmap under test runs now; finished ones are the archive.
THIS_SCHOOL_YEAR = statuses.school_year()
THIS_PERIOD = f"{THIS_SCHOOL_YEAR}–{THIS_SCHOOL_YEAR + 1}"


def days(offset):
    return None if offset is None else timezone.localdate() + datetime.timedelta(days=offset)


# Title, stage, status, end (days from today): one event of each kind a visitor tells apart.
EVENTS = [
    ("Запланировано на будущее", "1", EventStatus.PLANNED, 30),
    ("В работе без срока", "1", EventStatus.IN_PROGRESS, None),
    ("Выполнено вовремя", "1", EventStatus.DONE, -100),
    ("Отменено", "2", EventStatus.CANCELLED, -100),
    ("Просрочено вчера", "2", EventStatus.PLANNED, -1),
    ("Заканчивается сегодня", "2", EventStatus.IN_PROGRESS, 0),
]
ALL_TITLES = [title for title, *_ in EVENTS]
ENGLISH = {
    "Дорожная карта наставничества": "Mentoring roadmap",
    "Подготовка условий": "Preparing the ground",
    "Формирование базы наставников": "Building the base of mentors",
    "Запланировано на будущее": "Planned for later",
    "В работе без срока": "In progress, no deadline",
    "Выполнено вовремя": "Done in time",
    "Отменено": "Cancelled",
    "Просрочено вчера": "Overdue since yesterday",
    "Заканчивается сегодня": "Ends today",
}


def build_roadmap(parent, events=EVENTS, stages=(("1", "Подготовка условий"),), **fields):
    page = RoadmapPageFactory(parent=parent, **fields)
    for index, (number, title) in enumerate(stages):
        RoadmapStageFactory(page=page, number=number, title=title, sort_order=index)
    for index, (title, stage, status, end) in enumerate(events):
        RoadmapEventFactory(
            page=page,
            stage_number=stage,
            number=f"{stage}.{index + 1}.",
            title=title,
            status=status,
            start=None,
            end=days(end),
            sort_order=index,
        )
    return page


@pytest.fixture
def roadmap_page(section):
    return build_roadmap(
        section.roadmaps,
        stages=[("1", "Подготовка условий"), ("2", "Формирование базы наставников")],
        title="Дорожная карта наставничества",
        slug="karta",
        first_year=THIS_SCHOOL_YEAR,
        last_year=THIS_SCHOOL_YEAR + 1,
        intro="<p>План мероприятий по внедрению целевой модели.</p>",
    )


@pytest.fixture
def english_roadmap(roadmap_page, section, home_page, english):
    translate(home_page, english, {})
    translate(section.landing, english, {"Наставничество": "Mentoring"})
    translate(section.roadmaps, english, {"Дорожные карты": "Roadmaps"})
    return translate(roadmap_page, english, ENGLISH)


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def get(client, page, **params):
    return soup_of(client.get(page.url, params))


def event_titles(soup):
    titles = []
    for heading in soup.select(".roadmap-event h3"):
        for number in heading.select(".roadmap-event__number"):
            number.extract()
        titles.append(heading.get_text(strip=True))
    return titles


def badges(soup):
    """{event title: (status class, badge text)} for each event shown."""
    shown = {}
    for article in soup.select("article.roadmap-event"):
        heading = article.h3
        heading.select_one(".roadmap-event__number").extract()
        badge = article.select_one(".badge")
        shown[heading.get_text(strip=True)] = (article["data-status"], badge.get_text(strip=True))
    return shown


def russian(msgid):
    """The words the Russian page shows for `msgid`, whether or not its catalogue has it yet."""
    with translation.override("ru"):
        return gettext(msgid)


def progress_of(element):
    return tuple(int(element[name]) for name in ("data-done", "data-total", "data-overdue"))


# The roadmap page in each language


def test_roadmap_page_in_russian_shows_its_stages_and_events(client, roadmap_page):
    soup = get(client, roadmap_page)

    assert soup.html["lang"] == "ru"
    assert soup.h1.get_text() == "Дорожная карта наставничества"
    assert THIS_PERIOD in soup.select_one(".roadmap__period").get_text()
    assert "План мероприятий по внедрению целевой модели." in soup.select_one(".lead").get_text()
    assert [h2.get_text(strip=True) for h2 in soup.select(".roadmap-stage h2")] == [
        "1. Подготовка условий",
        "2. Формирование базы наставников",
    ]
    assert soup.select_one(".roadmap-event__number").get_text() == "1.1."
    first_stage = soup.select(".roadmap-stage")[0]
    assert event_titles(first_stage) == ALL_TITLES[:3]
    assert event_titles(soup) == ALL_TITLES


def test_statuses_are_written_in_russian_as_words_not_colours(client, roadmap_page):
    soup = get(client, roadmap_page)

    with translation.override("ru"):
        words = {value: capfirst(statuses.status_label(value)) for value in statuses.STATUS_FILTERS}
    assert badges(soup) == {
        "Запланировано на будущее": ("planned", words["planned"]),
        "В работе без срока": ("in_progress", words["in_progress"]),
        "Выполнено вовремя": ("done", words["done"]),
        "Отменено": ("cancelled", words["cancelled"]),
        "Просрочено вчера": ("overdue", words["overdue"]),
        "Заканчивается сегодня": ("in_progress", words["in_progress"]),
    }


def test_roadmap_page_in_english_speaks_english(client, english_roadmap):
    response = client.get(english_roadmap.url)
    soup = soup_of(response)

    assert english_roadmap.url.startswith("/en/")
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text() == "Mentoring roadmap"
    assert f"Period: {THIS_PERIOD}" in soup.select_one(".roadmap__period").get_text()
    assert [h2.get_text(strip=True) for h2 in soup.select(".roadmap-stage h2")] == [
        "1. Preparing the ground",
        "2. Building the base of mentors",
    ]
    assert badges(soup) == {
        "Planned for later": ("planned", "Planned"),
        "In progress, no deadline": ("in_progress", "In progress"),
        "Done in time": ("done", "Done"),
        "Cancelled": ("cancelled", "Cancelled"),
        "Overdue since yesterday": ("overdue", "Overdue"),
        "Ends today": ("in_progress", "In progress"),
    }
    overdue = soup.select_one("article[data-status=overdue]")
    assert "(status: planned)" in overdue.get_text(" ", strip=True)
    overall = soup.select_one(".roadmap-progress--overall").get_text(" ", strip=True)
    assert "Done: 1 of 5 (20%)" in overall
    assert "overdue: 1" in overall


def test_event_details_keep_the_deadline_as_written(client, section):
    page = build_roadmap(section.roadmaps, events=[])
    RoadmapEventFactory(
        page=page,
        title="Анкетирование",
        deadline_text="Сентябрь 2020\nдалее ежегодно",
        responsible="Куратор",
        expected_result="Анкеты",
        indicator="100 % участников",
        status=EventStatus.DONE,
        status_note="Итоги на сайте",
        status_changed_at=datetime.date(2020, 9, 30),
    )

    soup = get(client, page)

    details = {
        div.dt.get_text(strip=True): div.dd for div in soup.select(".roadmap-event__details > div")
    }
    assert str(details[russian("Deadline")]) == "<dd>Сентябрь 2020<br/>далее ежегодно</dd>"
    assert details[russian("Responsible")].get_text() == "Куратор"
    assert details[russian("Expected result")].get_text() == "Анкеты"
    assert details[russian("Indicator")].get_text() == "100 % участников"
    assert details[russian("Status note")].get_text() == "Итоги на сайте"
    changed_on = details[russian("Status changed on")]
    assert changed_on.time["datetime"] == "2020-09-30"
    assert changed_on.get_text() == "30 сентября 2020"


def test_the_programme_is_named_once_published(client, section):
    published = build_roadmap(section.roadmaps, programme=ProgrammeFactory(title="Программа А"))
    draft = build_roadmap(
        section.roadmaps, programme=ProgrammeFactory(title="Черновик программы", live=False)
    )

    named = get(client, published).select_one(".roadmap__programme")
    assert "Программа А" in named.get_text()
    assert get(client, draft).select_one(".roadmap__programme") is None


# Progress and overdue, through the page


def test_progress_is_counted_per_stage_and_overall(client, roadmap_page):
    soup = get(client, roadmap_page)

    # Cancelled events are out of the total; the event ending today is not overdue yet.
    assert progress_of(soup.select_one(".roadmap-progress--overall")) == (1, 5, 1)
    stage_progress = [
        progress_of(stage.select_one(".roadmap-progress"))
        for stage in soup.select(".roadmap-stage")
    ]
    assert stage_progress == [(1, 3, 0), (0, 2, 1)]
    bar = soup.select_one(".roadmap-progress--overall progress")
    assert (bar["value"], bar["max"]) == ("1", "5")
    assert soup.find(id=bar["aria-labelledby"]).get_text(strip=True)


def test_overdue_is_shown_from_the_day_after_the_end(client, section):
    page = build_roadmap(
        section.roadmaps,
        events=[
            ("Вчера", "1", EventStatus.PLANNED, -1),
            ("Вчера, в работе", "1", EventStatus.IN_PROGRESS, -1),
            ("Сегодня", "1", EventStatus.PLANNED, 0),
            ("Завтра", "1", EventStatus.PLANNED, 1),
            ("Без срока", "1", EventStatus.PLANNED, None),
            ("Вчера, выполнено", "1", EventStatus.DONE, -1),
            ("Вчера, отменено", "1", EventStatus.CANCELLED, -1),
        ],
    )

    shown = {title: status for title, (status, _) in badges(get(client, page)).items()}

    assert shown == {
        "Вчера": "overdue",
        "Вчера, в работе": "overdue",
        "Сегодня": "planned",
        "Завтра": "planned",
        "Без срока": "planned",
        "Вчера, выполнено": "done",
        "Вчера, отменено": "cancelled",
    }


# The status filter


@pytest.mark.parametrize(
    ("status", "titles"),
    [
        ("planned", ["Запланировано на будущее", "Просрочено вчера"]),
        ("in_progress", ["В работе без срока", "Заканчивается сегодня"]),
        ("done", ["Выполнено вовремя"]),
        ("cancelled", ["Отменено"]),
        ("overdue", ["Просрочено вчера"]),
    ],
)
def test_filter_shows_only_events_with_the_status(client, roadmap_page, status, titles):
    soup = get(client, roadmap_page, status=status)

    assert event_titles(soup) == titles
    current = soup.select(".roadmap-filter a[aria-current]")
    assert [link["data-status"] for link in current] == [status]
    assert soup.select_one(".roadmap__shown")["data-shown"] == str(len(titles))
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?status=",
        "?status=%3Cscript%3E",
        "?status=done&status=planned",
        "?status=DONE",
        "?state=done",
    ],
)
def test_unknown_or_repeated_filter_shows_all_events(client, roadmap_page, query):
    response = client.get(roadmap_page.url + query)
    soup = soup_of(response)

    assert event_titles(soup) == ALL_TITLES
    assert [link["data-status"] for link in soup.select(".roadmap-filter a[aria-current]")] == [""]
    assert "<script>" not in response.content.decode()
    assert soup.select_one('meta[name="robots"]') is None


def test_filter_links_work_without_javascript(client, roadmap_page):
    soup = get(client, roadmap_page)

    links = {link["data-status"]: link["href"] for link in soup.select(".roadmap-filter a")}
    assert links == {
        "": roadmap_page.url,
        "planned": "?status=planned",
        "in_progress": "?status=in_progress",
        "done": "?status=done",
        "cancelled": "?status=cancelled",
        "overdue": "?status=overdue",
    }
    assert not soup.select("script")


# The list view: one row per event


def rows(soup):
    """(number, title, deadline, status text) of each row of the list view."""
    return [
        tuple(
            row.select_one(f".roadmap-row__{part}").get_text(" ", strip=True)
            for part in ("number", "title", "deadline", "status")
        )
        for row in soup.select("tr.roadmap-row")
    ]


def test_the_list_view_shows_every_event_in_one_row_with_every_stage_open(client, section):
    page = build_roadmap(
        section.roadmaps,
        events=EVENTS,
        stages=[("1", "Подготовка условий"), ("2", "Формирование базы наставников")],
    )
    event = page.events.get(title="Отменено")
    event.deadline_text = "Октябрь 2026"
    event.save()

    soup = get(client, page, view="list")

    assert not soup.select("article.roadmap-event")
    assert rows(soup)[3] == (
        "2.4.",
        "Отменено",
        "Октябрь 2026",
        capfirst(statuses.status_label("cancelled")),
    )
    assert [row[1] for row in rows(soup)] == ALL_TITLES
    assert [row[3] for row in rows(soup)][4] == capfirst(statuses.status_label("overdue"))
    assert all(stage.has_attr("open") for stage in soup.select("details.roadmap-stage"))
    # A table per stage, its columns named for screen readers.
    tables = soup.select("table.roadmap-table")
    assert [table.caption.get_text() for table in tables] == [
        "1. Подготовка условий",
        "2. Формирование базы наставников",
    ]
    assert len(tables[0].select("thead th[scope=col]")) == 4


def test_the_list_view_and_the_status_filter_keep_each_other(client, roadmap_page):
    soup = get(client, roadmap_page, view="list", status="overdue")

    assert [row[1] for row in rows(soup)] == ["Просрочено вчера"]
    status_links = {a["data-status"]: a["href"] for a in soup.select(".roadmap-filter a")}
    assert status_links[""] == roadmap_page.url + "?view=list"
    assert status_links["done"] == "?status=done&view=list"
    view_links = {a["data-view"]: a["href"] for a in soup.select(".roadmap-view a")}
    assert view_links == {
        "": roadmap_page.url + "?status=overdue",
        "list": "?view=list&status=overdue",
    }
    assert [a["data-view"] for a in soup.select(".roadmap-view a[aria-current]")] == ["list"]


@pytest.mark.parametrize("query", ["?view=grid", "?view=list&view=list", "?view=LIST", "?view="])
def test_any_other_view_shows_the_cards(client, roadmap_page, query):
    soup = soup_of(client.get(roadmap_page.url + query))

    assert event_titles(soup) == ALL_TITLES
    assert not soup.select("tr.roadmap-row")
    assert [a["data-view"] for a in soup.select(".roadmap-view a[aria-current]")] == [""]


def test_the_kept_cards_and_the_kept_list_never_stand_in_for_each_other(client, roadmap_page):
    for _ in range(2):  # the second round is served from what the first kept
        assert event_titles(get(client, roadmap_page)) == ALL_TITLES
        listed = get(client, roadmap_page, view="list")
        assert [row[1] for row in rows(listed)] == ALL_TITLES
        assert not event_titles(listed)


def test_filter_says_in_words_how_many_events_it_shows(client, english_roadmap):
    filtered = get(client, english_roadmap, status="planned")
    everything = get(client, english_roadmap)

    assert filtered.select_one(".roadmap__shown").get_text() == "Status “planned”: 2 events shown"
    assert filtered.select_one("[role=status]") == filtered.select_one(".roadmap__shown")
    assert filtered.title.get_text().startswith("Mentoring roadmap: planned —")
    assert everything.select_one(".roadmap__shown").get_text() == "All events are shown: 6"
    done = get(client, english_roadmap, status="done")
    assert done.select_one(".roadmap__shown").get_text() == "Status “done”: 1 event shown"
    filter_links = [link.get_text() for link in everything.select(".roadmap-filter a")]
    assert filter_links == [
        "All events (6)",
        "Planned (2)",
        "In progress (2)",
        "Done (1)",
        "Cancelled (1)",
        "Overdue (1)",
    ]


def test_a_stage_left_empty_by_the_filter_keeps_its_heading_and_says_so(client, english_roadmap):
    soup = get(client, english_roadmap, status="done")

    stages = soup.select(".roadmap-stage")
    assert [stage.h2.get_text(strip=True) for stage in stages] == [
        "1. Preparing the ground",
        "2. Building the base of mentors",
    ]
    assert event_titles(stages[0]) == ["Done in time"]
    assert stages[1].select_one(".roadmap-stage__empty").get_text() == (
        "No events with this status in this stage."
    )


# Empty states


def test_roadmap_without_events_says_so(client, section):
    page = build_roadmap(section.roadmaps, events=[])

    soup = get(client, page)

    assert soup.select_one(".roadmap__empty").get_text() == russian(
        "No events have been added to this roadmap yet."
    )
    assert not soup.select(".roadmap-filter, .roadmap-stage, .roadmap-downloads")


def test_events_of_an_unknown_stage_are_still_shown(client, section):
    page = build_roadmap(
        section.roadmaps,
        events=[("Своё", "1", EventStatus.PLANNED, 5), ("Без этапа", "9", EventStatus.PLANNED, 5)],
    )

    soup = get(client, page)

    headings = [h2.get_text(strip=True) for h2 in soup.select(".roadmap-stage h2")]
    assert headings == ["1. Подготовка условий", russian("Events without a stage")]
    assert event_titles(soup) == ["Своё", "Без этапа"]


# Downloads and the calendar


def test_page_links_to_downloads_and_the_calendar_feed(client, roadmap_page):
    soup = get(client, roadmap_page)

    hrefs = [link["href"] for link in soup.select(".roadmap-downloads a")]
    base = roadmap_page.url
    assert hrefs == [
        f"{base}export.csv",
        f"{base}export.xlsx",
        f"http://testserver{base}calendar.ics",
        f"webcal://testserver{base}calendar.ics",
    ]
    assert soup.select_one(".roadmap-downloads__url").get_text() == (
        f"http://testserver{base}calendar.ics"
    )
    for href in hrefs[:3]:
        assert client.get(href).status_code == 200


# The index of roadmaps


def test_roadmap_index_lists_live_roadmaps_with_their_progress(client, section, roadmap_page):
    build_roadmap(section.roadmaps, title="Черновик", live=False)
    build_roadmap(
        section.roadmaps, events=[], title="Пустая карта", first_year=2025, last_year=2025
    )
    build_roadmap(section.roadmaps, title="Карта 2020–2024", first_year=2020, last_year=2024)

    soup = get(client, section.roadmaps)

    assert soup.html["lang"] == "ru"
    current = soup.select(".roadmap-list:not(.roadmap-list--archive) .roadmap-card")
    assert [card.h2.get_text(strip=True) for card in current] == ["Дорожная карта наставничества"]
    assert current[0].h2.a["href"] == roadmap_page.url
    assert current[0].select_one(".roadmap-card__period").get_text() == (
        f"{russian('Period')}: {THIS_PERIOD}"
    )
    assert progress_of(current[0].select_one(".roadmap-progress")) == (1, 5, 1)
    # Finished periods go below, under «Archive», the latest first.
    archive = soup.select_one(".roadmap-archive")
    assert archive.h2.get_text() == russian("Archive")
    archived = archive.select(".roadmap-card")
    assert [card.h3.get_text(strip=True) for card in archived] == [
        "Пустая карта",
        "Карта 2020–2024",
    ]
    assert [card.select_one(".roadmap-card__period").get_text() for card in archived] == [
        f"{russian('Period')}: 2025",  # one year, not «2025–2025»
        f"{russian('Period')}: 2020–2024",
    ]
    assert archived[0].select_one("progress") is None


def test_roadmap_index_in_english(client, english_roadmap, section, english):
    index = section.roadmaps.get_translation(english)

    soup = get(client, index)

    assert index.url == "/en/nastavnichestvo/roadmaps/"
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text() == "Roadmaps"
    (card,) = soup.select(".roadmap-card")
    assert card.h2.a["href"] == english_roadmap.url
    assert card.h2.get_text(strip=True) == "Mentoring roadmap"
    assert "Done: 1 of 5 (20%)" in card.get_text(" ", strip=True)


def test_roadmap_index_without_roadmaps_says_so(client, section):
    soup = get(client, section.roadmaps)

    assert not soup.select(".roadmap-card")
    assert soup.select_one(".roadmap-list__empty").get_text() == russian(
        "No roadmaps have been published yet."
    )


# Performance: a fixed number of queries, whatever the size of the roadmap


def changed(page, really=True):
    """Between two visits: what publishing `page` does to the caches, so that its kept
    events are rendered again (unless not `really`)."""
    return (lambda: purge([page])) if really else None


def many_events(stages, per_stage):
    statuses = list(EventStatus)
    return [
        (f"Мероприятие {s}.{n}", str(s), statuses[n % 4], n * 7 - 30)
        for s in range(1, stages + 1)
        for n in range(per_stage)
    ]


@pytest.mark.parametrize("query", ["", "?status=overdue", "?view=list"])
def test_roadmap_page_makes_the_same_queries_for_3_or_60_events(client, queries_of, section, query):
    small = build_roadmap(
        section.roadmaps,
        events=many_events(3, 1),
        stages=[(str(n), f"Этап {n}") for n in range(1, 4)],
    )
    large = build_roadmap(
        section.roadmaps,
        events=many_events(12, 5),
        stages=[(str(n), f"Этап {n}") for n in range(1, 13)],
    )
    for after_a_change in (True, False):
        small_queries = queries_of(small.url + query, between=changed(small, after_a_change))
        large_queries = queries_of(large.url + query, between=changed(large, after_a_change))

        assert len(small_queries) == len(large_queries), large_queries
        assert len(large_queries) <= PAGE_QUERY_LIMIT, large_queries
    assert len(get(client, large).select("article.roadmap-event")) == 60


def test_roadmap_index_makes_the_same_queries_for_1_or_5_roadmaps(client, queries_of, section):
    build_roadmap(section.roadmaps, events=many_events(2, 2))
    one = queries_of(section.roadmaps.url)
    for _ in range(4):
        build_roadmap(section.roadmaps, events=many_events(3, 5))

    five = queries_of(section.roadmaps.url)

    assert len(get(client, section.roadmaps).select(".roadmap-card")) == 5
    assert len(one) == len(five), five
    assert len(five) <= PAGE_QUERY_LIMIT, five


def test_no_query_is_made_per_event_in_the_template(queries_of, section):
    """Events of one stage, rendered again after a change: 20 cost what 1 costs."""
    one = build_roadmap(section.roadmaps, events=many_events(1, 1))
    twenty = build_roadmap(section.roadmaps, events=many_events(1, 20))

    rendered_one = queries_of(one.url, between=changed(one))
    rendered_twenty = queries_of(twenty.url, between=changed(twenty))

    assert len(soup_of(rendered_twenty.response).select("article.roadmap-event")) == 20
    assert len(rendered_one) == len(rendered_twenty), rendered_twenty


def status_of(soup, title):
    for article in soup.select("article.roadmap-event"):
        if title in article.select_one("h3").get_text():
            return article["data-status"]
    raise AssertionError(f"no event {title!r}")


def with_status(page, title, status):
    """The page, fresh from the database, with the event `title` set to `status` in memory,
    as the editor's form leaves it before saving a revision."""
    page = RoadmapPage.objects.get(pk=page.pk)
    events = list(page.events.all())
    statuses.change_status(next(e for e in events if e.title == title), status)
    page.events = events
    return page


def test_a_repeat_visit_shows_the_events_kept_from_the_first(client, queries_of, roadmap_page):
    first = get(client, roadmap_page)
    # Behind Wagtail's back (no signal, nothing dropped): only a visit that reads the events
    # from the database would show it.
    RoadmapEvent.objects.filter(page=roadmap_page).update(title="Изменено в обход сайта")

    kept = queries_of(roadmap_page.url, warm=False)
    read_again = queries_of(roadmap_page.url, warm=False, between=changed(roadmap_page))

    again = soup_of(kept.response)
    assert event_titles(again) == event_titles(first) == ALL_TITLES
    assert again.select_one("main").decode() == first.select_one("main").decode()
    assert len(kept) < len(read_again), kept  # the kept events cost no query
    assert "Изменено в обход сайта" in event_titles(soup_of(read_again.response))


def test_a_published_status_shows_at_once_though_the_events_were_kept(client, roadmap_page):
    client.get(roadmap_page.url)
    page = with_status(roadmap_page, "Запланировано на будущее", EventStatus.DONE)
    page.save_revision().publish()

    soup = get(client, roadmap_page)

    assert status_of(soup, "Запланировано на будущее") == "done"
    assert soup.select_one(".roadmap-progress--overall")["data-done"] == "2"


def test_an_event_ending_today_is_overdue_tomorrow_though_the_events_were_kept(
    client, roadmap_page, monkeypatch
):
    assert status_of(get(client, roadmap_page), "Заканчивается сегодня") == "in_progress"

    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(statuses, "today", lambda: tomorrow)

    assert status_of(get(client, roadmap_page), "Заканчивается сегодня") == "overdue"


def test_a_preview_shows_the_draft_not_the_kept_events(client, roadmap_page):
    client.get(roadmap_page.url)
    page = with_status(roadmap_page, "Запланировано на будущее", EventStatus.CANCELLED)
    draft = page.save_revision().as_object()

    preview = BeautifulSoup(draft.make_preview_request().content.decode(), "html.parser")

    assert status_of(preview, "Запланировано на будущее") == "cancelled"
    assert status_of(get(client, roadmap_page), "Запланировано на будущее") == "planned"


def microdata_events(soup):
    """{name: {property: content}} of every schema.org Event in the page's microdata."""
    found = {}
    for item in soup.select('[itemtype="https://schema.org/Event"]'):
        name = item.select_one('[itemprop="name"]').get_text(strip=True)
        found[name] = {
            meta["itemprop"]: meta["content"]
            for meta in item.select("meta[itemprop]")
            if meta.find_parent(attrs={"itemscope": True}) is item
        }
        # Its properties stand inside it and in the elements its itemref names.
        roots = [item, *(soup.find(id=ref) for ref in item.get("itemref", "").split())]
        places = [
            element
            for root in roots
            for element in [root, *root.select('[itemprop="location"]')]
            if element.get("itemprop") == "location"
        ]
        place = places[0].select_one('meta[itemprop="name"]') if places else None
        found[name]["location"] = place["content"] if place else None
    return found


@pytest.mark.parametrize("view", ["", "list"])
def test_each_event_is_a_schema_org_event_with_its_dates_and_school(
    client, roadmap_page, site, view
):
    from home.models import SiteSettings

    SiteSettings.objects.update_or_create(
        site=site, defaults={"full_name": "МБОУ «Демо-школа № 1»", "address": "ул. Школьная, 1"}
    )

    page = get(client, roadmap_page, **({"view": view} if view else {}))
    events = microdata_events(page)

    assert sorted(events) == sorted(ALL_TITLES)
    on_time = events["Выполнено вовремя"]
    assert on_time["startDate"] == on_time["endDate"] == days(-100).isoformat()
    assert on_time["eventStatus"] == "https://schema.org/EventScheduled"
    assert events["Отменено"]["eventStatus"] == "https://schema.org/EventCancelled"
    assert "startDate" not in events["В работе без срока"]
    assert on_time["location"] == "МБОУ «Демо-школа № 1»"
    # Said once for every event: a roadmap of a hundred events does not repeat it a hundred times.
    assert str(page.main).count("ул. Школьная, 1") == 1
