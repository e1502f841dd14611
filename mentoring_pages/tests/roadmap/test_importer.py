"""Importing a roadmap document: from the admin (upload, preview, confirm) and from the
command line; bad files change nothing."""

import io
import json
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import formats, translation
from django.utils.html import escape
from django.utils.translation import gettext

from mentoring_pages.models import RoadmapEvent, RoadmapPage
from mentoring_pages.roadmap import statuses
from mentoring_pages.roadmap.board.views import BOARD_URL_NAME
from mentoring_pages.roadmap.import_views import UPLOAD_FIELD, session_key
from mentoring_pages.roadmap.importer import (
    NOT_INTO_A_TRANSLATION,
    imported_to_data,
    read_for_import,
)
from mentoring_pages.roadmap.reader import RoadmapImportError, read_roadmap
from mentoring_pages.roadmap.statuses import EventStatus
from mentoring_pages.tests.factories import RoadmapEventFactory, RoadmapPageFactory
from mentoring_pages.tests.roadmap import ROADMAP_000, ROADMAP_003
from programmes.roles import CURATOR, EDITOR, group_of
from programmes.schools import default_school
from site_project.tests.admin_refusals import NO_PERMISSION
from site_project.translation import translate

pytestmark = pytest.mark.django_db


def upload(path):
    return SimpleUploadedFile(path.name, path.read_bytes())


@pytest.fixture
def roadmap(section):
    page = RoadmapPageFactory(parent=section.roadmaps, title="Карта")
    RoadmapEventFactory(page=page, title="Старое мероприятие")
    return page


@pytest.fixture
def curator_client(client, django_user_model):
    user = django_user_model.objects.create_user(username="curator", password="x")
    user.groups.add(group_of(default_school(), CURATOR))
    client.force_login(user)
    return client


def import_url(page):
    return reverse("roadmap_import", args=[page.pk])


# The roadmap as the fixture made it: no revision, its one old event.
UNTOUCHED = (0, ["Старое мероприятие"])


def revisions_and_events(roadmap):
    """(how many revisions, the live events' titles) of the roadmap."""
    page = RoadmapPage.objects.get(pk=roadmap.pk)
    return page.revisions.count(), [event.title for event in page.events.all()]


def waiting_import(client, roadmap):
    """The upload kept in the session until the curator confirms it, if any."""
    waiting = client.session.get(session_key(roadmap))
    return waiting and waiting["data"]


def confirmation(client, page, **fields):
    """What the preview's «Import into a draft» sends: its upload's number, and `fields`."""
    waiting = client.session.get(session_key(page))
    return {"confirm": "1", UPLOAD_FIELD: waiting[UPLOAD_FIELD] if waiting else "", **fields}


def test_upload_shows_a_preview_and_saves_nothing(curator_client, roadmap):
    response = curator_client.post(import_url(roadmap), {"file": upload(ROADMAP_000)})

    assert response.status_code == 200
    assert response.context["imported"].event_count == 40
    assert revisions_and_events(roadmap) == UNTOUCHED
    assert waiting_import(curator_client, roadmap) == imported_to_data(response.context["imported"])


def test_confirming_writes_the_events_to_a_new_draft(curator_client, roadmap):
    curator_client.post(import_url(roadmap), {"file": upload(ROADMAP_000)})

    response = curator_client.post(import_url(roadmap), confirmation(curator_client, roadmap))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[roadmap.pk])
    page = RoadmapPage.objects.get(pk=roadmap.pk)
    draft = page.get_latest_revision_as_object()
    assert len(draft.stages.all()) == 9
    assert len(draft.events.all()) == 40
    assert page.has_unpublished_changes
    assert [e.title for e in page.events.all()] == ["Старое мероприятие"]  # live unchanged


def test_an_import_into_a_roadmap_not_yet_live_reaches_the_board(curator_client, roadmap):
    """A roadmap still being prepared keeps its draft in its rows, as Wagtail's page editor
    does: the board, its reminders and counts read them. Before, the board kept listing the
    old events, and a status set on one was refused as «no longer in the latest version»."""
    roadmap.unpublish()
    curator_client.post(import_url(roadmap), {"file": upload(ROADMAP_000)})
    curator_client.post(import_url(roadmap), confirmation(curator_client, roadmap))

    board = curator_client.get(reverse(BOARD_URL_NAME)).content.decode()

    first_imported = read_roadmap(upload(ROADMAP_000), ROADMAP_000.name).stages[0].events[0].title
    assert "Старое мероприятие" not in board
    assert escape(first_imported) in board
    assert revisions_and_events(roadmap)[1][0] == first_imported


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600


LONG_NUMBER_CSV = "№ п/п;Мероприятие;Срок\n1.1, 1.2, 1.3, 1.4 и 1.5;Совещание;сентябрь 2025\n"
# A note below the table, in one cell of its own row: it reads as a stage heading.
LONG_HEADING_CSV = (
    "№ п/п;Мероприятие;Срок\n1;Совещание;сентябрь 2025\n;Примечание: " + "длинно " * 80 + ";\n"
)


def reader_message(name, content):
    """What the import says of this file, in Russian, as the admin shows it."""
    with translation.override("ru"), pytest.raises(RoadmapImportError) as error:
        read_for_import(io.BytesIO(content), name)
    return str(error.value)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.docx", b""),
        ("notes.txt", b"hello"),
        ("broken.docx", b"PK\x03\x04 not really a zip"),
        ("old.doc", OLE),
        ("secret.docx", OLE),
        ("table.csv", "Дата;Место\n1;2\n".encode()),
        # Longer than its field holds: PostgreSQL refused to save it (a 500).
        ("numbers.csv", LONG_NUMBER_CSV.encode()),
        ("note.csv", LONG_HEADING_CSV.encode()),
    ],
)
def test_a_bad_file_gets_a_message_and_changes_nothing(curator_client, roadmap, name, content):
    response = curator_client.post(import_url(roadmap), {"file": SimpleUploadedFile(name, content)})

    message = reader_message(name, content)
    assert response.status_code == 400
    assert response.context["form"].errors == {"file": [message]}
    assert escape(message) in response.content.decode()  # shown beside the field
    assert revisions_and_events(roadmap) == UNTOUCHED
    assert waiting_import(curator_client, roadmap) is None


def test_a_number_cell_of_thousands_of_digits_gets_a_readable_message(curator_client, roadmap):
    """Python refuses to read a number of over 4,300 digits: the reader failed with a 500."""
    digits = "1" * 5000
    content = f"№ п/п;Мероприятие;Срок\n{digits};Совещание;сентябрь 2025\n".encode()

    response = curator_client.post(
        import_url(roadmap), {"file": SimpleUploadedFile("digits.csv", content)}
    )

    assert response.status_code == 400
    [message] = response.context["form"].errors["file"]
    assert message == reader_message("digits.csv", content)
    assert digits[:39] + "…" in message and digits[:40] not in message
    assert revisions_and_events(roadmap) == UNTOUCHED


def test_a_too_large_file_is_refused(curator_client, roadmap, settings):
    settings.ROADMAP_IMPORT_MAX_BYTES = 1000

    response = curator_client.post(import_url(roadmap), {"file": upload(ROADMAP_000)})

    assert response.status_code == 400
    with translation.override("ru"):
        too_large = gettext("The file is too large: the limit is %(limit)s.") % {
            "limit": filesizeformat(1000)
        }
    assert response.context["form"].errors == {"file": [too_large]}
    assert "imported" not in response.context
    assert revisions_and_events(roadmap) == UNTOUCHED
    assert waiting_import(curator_client, roadmap) is None


def test_confirming_an_older_preview_saves_nothing_and_shows_the_latest_file(
    curator_client, roadmap
):
    """A curator previews file A, uploads file B in another tab, then confirms A's preview:
    neither file is saved behind their back; B's preview is shown to check and confirm."""

    def confirm_button_form(response):
        form = (
            BeautifulSoup(response.content.decode(), "html.parser")
            .find("button", attrs={"name": "confirm"})
            .find_parent("form")
        )
        return {
            field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")
        }

    first = curator_client.post(import_url(roadmap), {"file": upload(ROADMAP_000)})
    second = curator_client.post(import_url(roadmap), {"file": upload(ROADMAP_003)})
    assert first.context["imported"].event_count != second.context["imported"].event_count

    stale = curator_client.post(import_url(roadmap), {**confirm_button_form(first), "confirm": "1"})

    assert stale.status_code == 409
    assert "Загружен другой файл" in stale.content.decode()
    assert stale.context["imported"].event_count == second.context["imported"].event_count
    assert revisions_and_events(roadmap) == UNTOUCHED

    latest = curator_client.post(
        import_url(roadmap), {**confirm_button_form(stale), "confirm": "1"}
    )

    assert latest.status_code == 302
    draft = RoadmapPage.objects.get(pk=roadmap.pk).get_latest_revision_as_object()
    assert len(draft.events.all()) == second.context["imported"].event_count


def test_confirm_without_an_upload_changes_nothing(curator_client, roadmap):
    response = curator_client.post(
        import_url(roadmap), confirmation(curator_client, roadmap), follow=True
    )

    # Back to the upload form, told why.
    assert response.redirect_chain == [(import_url(roadmap), 302)]
    with translation.override("ru"):
        expired = gettext("The upload has expired. Please upload the file again.")
    assert [str(message) for message in response.context["messages"]] == [expired]
    assert revisions_and_events(roadmap) == UNTOUCHED


def test_editors_cannot_import(client, roadmap, django_user_model):
    """Editors may not edit roadmaps: Wagtail's "permission denied", for GET and POST."""
    user = django_user_model.objects.create_user(username="editor", password="x")
    user.groups.add(group_of(default_school(), EDITOR))
    client.force_login(user)
    with translation.override("ru"):
        denied = gettext(NO_PERMISSION)

    get = client.get(import_url(roadmap), follow=True)
    post = client.post(import_url(roadmap), {"file": upload(ROADMAP_000)}, follow=True)

    for response in (get, post):
        assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
        assert [str(message).strip() for message in response.context["messages"]] == [denied]
    assert revisions_and_events(roadmap) == UNTOUCHED
    assert waiting_import(client, roadmap) is None


def test_the_edit_page_offers_the_import(curator_client, roadmap):
    response = curator_client.get(reverse("wagtailadmin_pages:edit", args=[roadmap.pk]))

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    link = soup.select_one(f'a[href="{import_url(roadmap)}"]')
    with translation.override("ru"):
        assert link.get_text(strip=True) == gettext("Import from Word/Excel")


def run(*args):
    out = io.StringIO()
    call_command("import_roadmap", *map(str, args), stdout=out)
    return out.getvalue()


def test_command_creates_a_draft_roadmap_page(section):
    output = run(ROADMAP_000, "--parent", section.roadmaps.pk, "--title", "Карта 2020–2024")

    page = RoadmapPage.objects.get(title="Карта 2020–2024")
    assert output.strip() == "Этапов: 9, мероприятий: 40"
    # As the admin's import names it: the command speaks the site's language too.
    assert page.slug == "dorozhnaya-karta-2020-2024"
    assert not page.live
    assert (page.first_year, page.last_year) == (2020, 2024)
    assert [event.number for event in page.events.all()] == [f"{n}." for n in range(1, 41)]
    assert [stage.number for stage in page.stages.all()][:3] == ["I", "II", "III"]


def test_command_dry_run_prints_json_and_writes_nothing(db):
    data = json.loads(run(ROADMAP_003, "--dry-run", "--json"))

    events = [event for stage in data["stages"] for event in stage["events"]]
    assert len(data["stages"]) == 9
    # What the document says of each event, in the model's order; no live status yet.
    assert list(events[0]) == RoadmapEvent.PLANNED_FIELDS
    assert "status" not in events[0]
    assert events[0]["deadline_text"] == "Сентябрь-июнь 2023"
    assert (events[0]["start"], events[0]["end"]) == ("2023-09-01", "2024-06-30")
    assert RoadmapPage.objects.count() == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["README.md", "--dry-run"], "не поддерживается"),
        (["missing.docx", "--dry-run"], "Не удалось прочитать"),
        ([ROADMAP_000], "--parent"),
        ([ROADMAP_000, "--parent", 999999], "999999"),
    ],
)
def test_command_refuses_bad_input_with_a_one_line_reason(db, args, message):
    with pytest.raises(CommandError) as error:
        run(*args)

    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert RoadmapPage.objects.count() == 0


def test_command_refuses_a_number_longer_than_its_field(db, tmp_path):
    file = tmp_path / "numbers.csv"
    file.write_text(LONG_NUMBER_CSV, encoding="utf-8")

    with pytest.raises(CommandError) as error:
        run(file, "--dry-run")

    assert str(error.value) == reader_message(file.name, LONG_NUMBER_CSV.encode())


def test_command_refuses_a_parent_that_cannot_hold_a_roadmap(section):
    with pytest.raises(CommandError):
        run(ROADMAP_000, "--parent", section.news.pk)

    assert RoadmapPage.objects.count() == 0


@pytest.mark.parametrize("parent", ["999999", "99999999999999999999"])
def test_command_refuses_a_parent_that_does_not_exist(section, parent):
    with pytest.raises(CommandError, match=f"Страницы с идентификатором {parent} нет"):
        run(ROADMAP_000, "--parent", parent)

    assert RoadmapPage.objects.count() == 0


def test_command_refuses_to_import_under_a_translation(english_pages):
    """As the admin refuses: a roadmap imported under the English index would become an
    English original with a Russian translation, which the board lists as the original and
    the next publication of the English page overwrites."""
    english_index, _english_roadmap = english_pages
    with translation.override("ru"):
        reason = str(NOT_INTO_A_TRANSLATION % {"title": "Roadmaps"})

    with pytest.raises(CommandError) as error:
        run(ROADMAP_000, "--parent", english_index.pk)

    assert str(error.value) == reason
    assert RoadmapPage.objects.count() == 2  # the roadmap and its translation, no other


def fail(*args, **kwargs):
    raise RuntimeError("the disk is full")


def test_an_import_that_fails_halfway_leaves_nothing_behind(section, monkeypatch):
    monkeypatch.setattr(RoadmapPage, "save_revision", fail)
    pages_before = RoadmapPage.objects.count()

    with pytest.raises(RuntimeError):
        run(ROADMAP_000, "--parent", section.roadmaps.pk)

    assert RoadmapPage.objects.count() == pages_before
    assert not RoadmapPage.objects.filter(title__contains="дорожная карта").exists()


def test_a_confirmed_import_that_fails_halfway_keeps_the_page_as_it_was(
    curator_client, roadmap, monkeypatch
):
    curator_client.post(import_url(roadmap), {"file": upload(ROADMAP_000)})
    monkeypatch.setattr(RoadmapPage, "save_revision", fail)

    with pytest.raises(RuntimeError):
        curator_client.post(import_url(roadmap), confirmation(curator_client, roadmap))

    page = RoadmapPage.objects.get(pk=roadmap.pk)
    assert page.get_latest_revision() is None
    assert [event.title for event in page.events.all()] == ["Старое мероприятие"]


# An old plan imported after the fact: the dates read, what has passed, and done in one step


def preview_of(client, roadmap, path=ROADMAP_003):
    response = client.post(import_url(roadmap), {"file": upload(path)})
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_the_preview_shows_the_dates_read_and_how_many_deadlines_have_passed(
    curator_client, roadmap
):
    soup = preview_of(curator_client, roadmap)

    rows = soup.select("tr[data-past]")
    assert len(rows) == 45
    # A 2023–24 plan: every deadline it dates is long past, and the summary says so.
    past = [row for row in rows if row["data-past"] == "1"]
    dated = [row for row in rows if row.select(".roadmap-import__dates time")]
    assert past == dated and len(past) > 40
    assert soup.select_one("[data-past]:not(tr)")["data-past"] == str(len(past))
    for row in past:
        end = row.select(".roadmap-import__dates time")[-1]["datetime"]
        assert end < statuses.today().isoformat()
    assert soup.select("input[name=past_deadlines]")
    assert revisions_and_events(roadmap) == UNTOUCHED


def test_past_events_can_be_marked_done_in_one_step_with_the_day_noted(curator_client, roadmap):
    preview_of(curator_client, roadmap)

    response = curator_client.post(
        import_url(roadmap), confirmation(curator_client, roadmap, past_deadlines="done")
    )

    assert response.status_code == 302
    page = RoadmapPage.objects.get(pk=roadmap.pk)
    draft = page.get_latest_revision_as_object()
    events = list(draft.events.all())
    done = [event for event in events if event.end]
    assert done and all(event.status == EventStatus.DONE for event in done)
    assert all(event.status_changed_at == statuses.today() for event in done)
    assert formats.date_format(statuses.today()) in done[0].status_note
    assert not [event for event in events if event.is_overdue]
    # Still only a draft: the public roadmap is as it was.
    assert page.has_unpublished_changes
    assert [e.title for e in page.events.all()] == ["Старое мероприятие"]


def test_by_default_past_events_stay_planned_and_show_as_overdue(curator_client, roadmap):
    preview_of(curator_client, roadmap)

    curator_client.post(import_url(roadmap), confirmation(curator_client, roadmap))

    draft = RoadmapPage.objects.get(pk=roadmap.pk).get_latest_revision_as_object()
    dated = [event for event in draft.events.all() if event.end]
    assert all(event.status == EventStatus.PLANNED and event.is_overdue for event in dated)


def test_an_unknown_choice_for_past_events_changes_nothing_and_keeps_the_upload(
    curator_client, roadmap
):
    preview_of(curator_client, roadmap)

    response = curator_client.post(
        import_url(roadmap), confirmation(curator_client, roadmap, past_deadlines="<script>")
    )

    assert response.status_code == 400
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one("input[name=past_deadlines]") is not None
    assert "<script>" not in response.content.decode()
    assert revisions_and_events(roadmap) == UNTOUCHED
    assert waiting_import(curator_client, roadmap) is not None


def test_the_import_screen_is_headed_by_its_name_and_leads_back_to_the_roadmap(
    curator_client, roadmap
):
    soup = BeautifulSoup(curator_client.get(import_url(roadmap)).content.decode(), "html.parser")

    with translation.override("ru"):
        name = gettext("Import from Word/Excel")
    assert soup.select_one("h1").get_text(strip=True) == f"{name}: {roadmap.title}"
    edit_url = reverse("wagtailadmin_pages:edit", args=[roadmap.pk])
    assert soup.select_one(f'nav[aria-label] a[href="{edit_url}"]') is not None


# The import in plain sight: on the roadmap's editor, the roadmap index and the board


def new_roadmap_url(index):
    return reverse("roadmap_import_new", args=[index.pk])


def import_new_roadmap(client, index, file, past_deadlines="open"):
    """Upload `file` as a new roadmap under `index` and confirm it: the confirmation's
    response."""
    client.post(new_roadmap_url(index), {"file": file})
    return client.post(
        new_roadmap_url(index), confirmation(client, index, past_deadlines=past_deadlines)
    )


def test_the_roadmaps_editor_shows_the_import_as_a_button_in_the_form(curator_client, roadmap):
    response = curator_client.get(reverse("wagtailadmin_pages:edit", args=[roadmap.pk]))

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one(f'form a.button[href="{import_url(roadmap)}"]') is not None


def test_the_roadmaps_editor_asks_for_the_responsible_positions_not_names(curator_client, roadmap):
    response = curator_client.get(reverse("wagtailadmin_pages:edit", args=[roadmap.pk]))

    help_text = (
        "Должности, а не имена: на публичной странице можно назвать человека только с его "
        "письменного согласия."
    )
    assert help_text in unescape(response.content.decode())


def test_a_new_roadmap_is_imported_from_the_index_as_a_draft(curator_client, section):
    index = section.roadmaps
    editor = curator_client.get(reverse("wagtailadmin_pages:edit", args=[index.pk]))
    soup = BeautifulSoup(editor.content.decode(), "html.parser")
    assert soup.select_one(f'form a.button[href="{new_roadmap_url(index)}"]') is not None

    preview = curator_client.post(new_roadmap_url(index), {"file": upload(ROADMAP_003)})
    assert preview.status_code == 200
    assert int(preview.context["preview"].past_count) > 40
    assert not RoadmapPage.objects.child_of(index).exists()  # nothing saved yet

    response = curator_client.post(
        new_roadmap_url(index), confirmation(curator_client, index, past_deadlines="done")
    )

    (page,) = RoadmapPage.objects.child_of(index)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live  # an import never publishes
    assert (page.first_year, page.last_year) == (2023, 2024)
    events = list(page.get_latest_revision_as_object().events.all())
    assert len(events) == 45
    assert not [event for event in events if event.is_overdue]


def test_editors_cannot_import_a_new_roadmap(client, section, django_user_model):
    user = django_user_model.objects.create_user(username="editor", password="x")
    user.groups.add(group_of(default_school(), EDITOR))
    client.force_login(user)

    response = client.post(new_roadmap_url(section.roadmaps), {"file": upload(ROADMAP_003)})

    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not RoadmapPage.objects.child_of(section.roadmaps).exists()


def test_the_board_offers_both_imports(curator_client, roadmap, section):
    soup = BeautifulSoup(
        curator_client.get(reverse("mentoring_pages_board")).content.decode(), "html.parser"
    )

    assert soup.select_one(f'a[href="{new_roadmap_url(section.roadmaps)}"]') is not None
    assert soup.select_one(f'#board-events a[href="{import_url(roadmap)}"]') is not None


def roadmap_csv(title=""):
    """A roadmap file with a header and two events, and `title` above the table if given."""
    rows = "№;Содержание;Срок;Ответственные\n1.;Приказ;01.09.2026;Директор\n2.;Пары;01.10.2026;Куратор\n"
    return SimpleUploadedFile(
        "roadmap.csv", (f"{title}\n" if title else "").encode() + rows.encode()
    )


def test_a_file_without_a_title_becomes_a_draft_named_after_its_school_year(
    curator_client, section
):
    index = section.roadmaps
    response = import_new_roadmap(curator_client, index, roadmap_csv())

    (page,) = RoadmapPage.objects.child_of(index)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.title == "Дорожная карта на 2026/2027 учебный год"


def test_a_title_longer_than_a_page_title_may_be_is_cut_short(curator_client, section):
    heading = "Дорожная карта реализации целевой модели наставничества " * 6
    import_new_roadmap(curator_client, section.roadmaps, roadmap_csv(heading))

    (page,) = RoadmapPage.objects.child_of(section.roadmaps)
    assert len(page.title) == 255
    assert heading.startswith(page.title[:-1]) and page.title.endswith("…")
    assert page.slug == "dorozhnaya-karta-2026-2027"


def test_the_same_file_imported_twice_makes_two_drafts(curator_client, section):
    index = section.roadmaps
    for _ in range(2):
        assert import_new_roadmap(curator_client, index, upload(ROADMAP_003)).status_code == 302

    first, second = RoadmapPage.objects.child_of(index).order_by("pk")
    assert first.title == second.title
    assert (first.slug, second.slug) == (
        "dorozhnaya-karta-2023-2024",
        "dorozhnaya-karta-2023-2024-2",
    )
    assert not first.live and not second.live


def test_a_new_roadmap_gets_a_draft_in_every_language_of_the_roadmap_index(
    curator_client, english_section, english
):
    index = english_section.roadmaps
    english_index = translate(index, english, {index.title: "Roadmaps"})
    import_new_roadmap(curator_client, index, upload(ROADMAP_003))

    (page,) = RoadmapPage.objects.child_of(index)
    (english_page,) = RoadmapPage.objects.child_of(english_index)
    assert english_page.translation_key == page.translation_key
    assert not english_page.live  # a draft, like the Russian one
    events = english_page.get_latest_revision_as_object().events.all()
    assert [event.number for event in events] == [event.number for event in page.events.all()]
    assert len(events) == 45


def test_a_new_roadmap_in_a_section_without_translations_stays_alone(curator_client, section):
    import_new_roadmap(curator_client, section.roadmaps, upload(ROADMAP_003))

    (page,) = RoadmapPage.objects.all()
    assert not page.get_translations().exists()


def test_publishing_the_imported_roadmap_publishes_its_english_draft(
    curator_client, english_section, english
):
    index = english_section.roadmaps
    english_index = translate(index, english, {index.title: "Roadmaps"})
    import_new_roadmap(curator_client, index, upload(ROADMAP_000), past_deadlines="done")
    (page,) = RoadmapPage.objects.child_of(index)

    page.get_latest_revision().publish()

    (english_page,) = RoadmapPage.objects.child_of(english_index)
    assert english_page.live
    assert english_page.events.count() == page.events.count() > 0


# Only into the source language: a translation follows its source


@pytest.fixture
def english_pages(roadmap, english_section, english):
    """(the English roadmap index, the English translation of the roadmap)."""
    index = english_section.roadmaps
    return (
        translate(index, english, {index.title: "Roadmaps"}),
        translate(roadmap, english, {roadmap.title: "Roadmap"}),
    )


def import_buttons_in_the_header(client, page, url):
    """The buttons to `url` in the header of `page`'s listing in the admin's explorer."""
    response = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser").select(f'a[href="{url}"]')


def test_no_import_is_offered_on_an_english_page(curator_client, roadmap, english_pages):
    """The next publication of the Russian source would overwrite the import."""
    english_index, english_roadmap = english_pages

    assert (
        import_buttons_in_the_header(curator_client, english_index, new_roadmap_url(english_index))
        == []
    )
    assert (
        import_buttons_in_the_header(curator_client, english_roadmap, import_url(english_roadmap))
        == []
    )
    # The Russian pages keep theirs.
    index = english_index.get_translation(roadmap.locale)
    assert import_buttons_in_the_header(curator_client, index, new_roadmap_url(index))
    assert import_buttons_in_the_header(curator_client, roadmap, import_url(roadmap))


def test_an_import_into_an_english_page_is_refused_with_the_reason(curator_client, english_pages):
    english_index, english_roadmap = english_pages
    english_untouched = revisions_and_events(english_roadmap)

    for page, url in [
        (english_index, new_roadmap_url(english_index)),
        (english_roadmap, import_url(english_roadmap)),
    ]:
        for response in [
            curator_client.get(url),
            curator_client.post(url, {"file": upload(ROADMAP_003)}),
        ]:
            assert response.status_code == 400
            with translation.override("ru"):
                reason = gettext(
                    "“%(title)s” is a translation: import the roadmap into the original page, "
                    "which its translations follow each time it is published."
                ) % {"title": page.title}
            text = BeautifulSoup(response.content.decode(), "html.parser").get_text(" ")
            assert reason in " ".join(text.split())
            assert 'type="file"' not in response.content.decode()
        assert waiting_import(curator_client, page) is None

    assert list(RoadmapPage.objects.child_of(english_index)) == [english_roadmap]
    assert revisions_and_events(english_roadmap) == english_untouched
