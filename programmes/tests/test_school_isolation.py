"""A school's staff neither see nor change another school's programme records in the admin
(listings, their search and exports, object views, choosers, bulk actions, the choosers of
forms); the municipal coordinator reads every school's and changes none. Table-driven: every
programmes snippet × every screen × every role."""

from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Locale
from wagtail.search.index import class_is_indexed
from wagtail.snippets.models import get_snippet_models
from wagtail_factories import DocumentFactory

from programmes.models import (
    Consent,
    ConsentText,
    MentoringForm,
    MonitoringResult,
    ParticipationFigures,
    Programme,
    TargetIndicator,
)
from programmes.roles import CURATOR, EDITOR, MODERATOR
from programmes.school_records import SCHOOL_LOOKUPS
from programmes.schools import COORDINATOR, default_school
from programmes.tests import factories
from site_project.tests.admin_refusals import outcome, sent_to_the_dashboard

pytestmark = pytest.mark.django_db

# The words in our school's records and in the other school's.
OURS, THEIRS = "Альфа", "Бета"


def programme(school, word):
    return factories.ProgrammeFactory(school=school, title=f"Программа {word}")


def mentoring_form(school, word):
    return factories.MentoringFormFactory(programme=programme(school, word), title=f"Форма {word}")


# A record of each type, of a school, showing `word` in its listing row and export, and
# found by searching for it.
RECORDS = {
    Programme: programme,
    MentoringForm: mentoring_form,
    TargetIndicator: lambda school, word: factories.TargetIndicatorFactory(
        programme=programme(school, word), comment=f"Опрос {word}"
    ),
    ParticipationFigures: lambda school, word: factories.ParticipationFiguresFactory(
        form=mentoring_form(school, word)
    ),
    MonitoringResult: lambda school, word: factories.MonitoringResultFactory(
        programme=programme(school, word), metric=f"Успеваемость {word}"
    ),
    Consent: lambda school, word: factories.ConsentFactory(school=school, person=f"Лицо {word}"),
    ConsentText: lambda school, word: factories.ConsentTextFactory(
        school=school, title=f"Согласие {word}"
    ),
}
STAFF = [CURATOR, EDITOR, MODERATOR]


def reads(role, model):
    """Whether the role's permissions let it list the model at all (roles.py): consents are
    the curators' only."""
    return model is not Consent or role == CURATOR


def url(model, name, *args):
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


def chooser_url(model, name, *args):
    return reverse(model.snippet_viewset.chooser_viewset.get_url_name(name), args=args)


@pytest.fixture
def records(other_school):
    """Each model's record of our school (the default site's) and of the other school."""
    return {
        model: (make(default_school(), OURS), make(other_school, THEIRS))
        for model, make in RECORDS.items()
    }


def body(response):
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def test_every_programmes_snippet_is_in_the_table():
    ours = {model for model in get_snippet_models() if model._meta.app_label == "programmes"}

    assert ours == set(RECORDS)
    assert {model._meta.label for model in ours} == set(SCHOOL_LOOKUPS)


def listing_screens(model):
    """(name, address) of the screens listing the model's records."""
    viewset = model.snippet_viewset
    screens = [("listing", url(model, "list"))]
    if viewset.search_fields or class_is_indexed(model):
        screens.append(("search", url(model, "list_results") + "?q=" + THEIRS))
        screens.append(("search", url(model, "list_results") + "?q=" + OURS))
    if viewset.list_export is not viewset.UNDEFINED:
        screens.append(("CSV", url(model, "list") + "?export=csv"))
        screens.append(("XLSX", url(model, "list") + "?export=xlsx"))
    return screens


def chooser_screens(model):
    return [
        ("chooser", chooser_url(model, "choose")),
        ("chooser results", chooser_url(model, "choose_results")),
    ]


def text_of(response):
    """What a listing, its CSV or its XLSX shows, as text."""
    if not response.streaming:
        return body(response)
    content = b"".join(response.streaming_content)
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        sheet = load_workbook(BytesIO(content)).active
        return "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    return content.decode("utf-8-sig")


@pytest.mark.parametrize("role", STAFF)
@pytest.mark.parametrize("model", RECORDS)
def test_staff_list_only_their_schools_records(records, login_as, role, model):
    client = login_as(role)
    ours, theirs = records[model]
    if not reads(role, model):
        pytest.skip("the role lists none of these (test_roles)")

    for name, address in listing_screens(model):
        response = client.get(address)
        text = text_of(response)

        assert response.status_code == 200, name
        assert THEIRS not in text, name
        assert "Школа № 2" not in text, name
        assert url(model, "edit", theirs.pk) not in text, name
        if "?q=" + THEIRS not in address:
            assert OURS in text, name


@pytest.mark.parametrize("role", STAFF)
@pytest.mark.parametrize("model", RECORDS)
def test_staff_choose_only_their_schools_records(records, login_as, role, model):
    client = login_as(role)
    ours, theirs = records[model]

    for name, address in chooser_screens(model):
        html = body(client.get(address))

        assert chooser_url(model, "chosen", ours.pk) in html, name
        assert chooser_url(model, "chosen", theirs.pk) not in html, name
        assert THEIRS not in html, name
    assert client.get(chooser_url(model, "chosen", theirs.pk)).status_code == 404
    assert client.get(chooser_url(model, "chosen", ours.pk)).status_code == 200


def object_views(model, record):
    """(name, method, address) of every view of one record the viewset has."""
    views = [
        ("edit", "get", url(model, "edit", record.pk)),
        ("edit", "post", url(model, "edit", record.pk)),
        ("delete", "get", url(model, "delete", record.pk)),
        ("delete", "post", url(model, "delete", record.pk)),
        ("history", "get", url(model, "history", record.pk)),
        ("usage", "get", url(model, "usage", record.pk)),
        ("copy", "get", url(model, "copy", record.pk)),
    ]
    if model.snippet_viewset.draftstate_enabled:
        views += [
            ("unpublish", "get", url(model, "unpublish", record.pk)),
            ("unpublish", "post", url(model, "unpublish", record.pk)),
            (
                "compare",
                "get",
                url(model, "revisions_compare", record.pk, "earliest", "latest"),
            ),
        ]
    return views


def snapshot(model, pk):
    """What the database holds of the record (None once deleted)."""
    return model._default_manager.filter(pk=pk).values().first()


def published(record):
    """The record with a published revision, when the model has them."""
    if hasattr(record, "save_revision"):
        record.save_revision().publish()
    return record


@pytest.mark.parametrize("role", STAFF)
@pytest.mark.parametrize("model", RECORDS)
def test_another_schools_record_is_not_found(records, login_as, role, model):
    client = login_as(role)
    theirs = published(records[model][1])
    before = snapshot(model, theirs.pk)

    for name, method, address in object_views(model, theirs):
        response = getattr(client, method)(address, {"title": "Изменено"})

        assert response.status_code == 404, (name, method)
        assert THEIRS not in response.content.decode(), (name, method)
    assert snapshot(model, theirs.pk) == before


@pytest.mark.parametrize("model", RECORDS)
def test_curators_open_their_own_schools_records(records, login_as, model):
    client = login_as(CURATOR)
    ours = published(records[model][0])

    for name, method, address in object_views(model, ours):
        if method == "get":
            assert client.get(address).status_code == 200, name


# The coordinator


@pytest.mark.parametrize("model", RECORDS)
def test_the_coordinator_lists_every_schools_records(records, login_as, model):
    client = login_as(COORDINATOR)
    if not reads(COORDINATOR, model):
        assert outcome(client.get(url(model, "list"))) == sent_to_the_dashboard()
        return

    for name, address in listing_screens(model):
        text = text_of(client.get(address))

        if "?q=" + THEIRS not in address:
            assert OURS in text, name
        if "?q=" + OURS not in address:
            assert THEIRS in text, name


@pytest.mark.parametrize("model", RECORDS)
def test_the_coordinator_changes_nothing(records, login_as, model):
    client = login_as(COORDINATOR)
    # The consents, personal data, are not the coordinator's to read: not found.
    refused = sent_to_the_dashboard() if reads(COORDINATOR, model) else (404, None, [])
    for record in records[model]:
        published(record)
        before = snapshot(model, record.pk)

        for name, method, address in object_views(model, record):
            response = getattr(client, method)(address, {"title": "Изменено"})

            assert outcome(response) == refused, (name, method)
        assert snapshot(model, record.pk) == before
        # Choosing is part of changing: the coordinator's choosers offer nothing.
        assert client.get(chooser_url(model, "chosen", record.pk)).status_code == 404


def test_a_coordinator_who_is_also_a_curator_changes_only_their_school(records, user_in, client):
    user = user_in(CURATOR)
    user.groups.add(Group.objects.get(name=COORDINATOR))
    client.force_login(user)
    ours, theirs = records[Programme]

    assert client.get(url(Programme, "edit", ours.pk)).status_code == 200
    assert outcome(client.get(url(Programme, "edit", theirs.pk))) == sent_to_the_dashboard()
    assert THEIRS in client.get(url(Programme, "list")).content.decode()


# Bulk actions


@pytest.mark.parametrize("model", RECORDS)
def test_bulk_delete_leaves_another_schools_records_alone(records, login_as, model):
    client = login_as(CURATOR)
    ours, theirs = records[model]
    address = reverse("wagtail_bulk_action", args=("programmes", model._meta.model_name, "delete"))
    chosen = f"?id={ours.pk}&id={theirs.pk}"

    confirming = client.get(address + chosen)
    confirm = confirming.content.decode()
    everything = client.get(address + "?id=all").content.decode()
    client.post(address + chosen)

    assert confirming.context["items_with_no_access"] == []
    assert url(model, "usage", ours.pk) in confirm
    assert url(model, "usage", theirs.pk) not in confirm
    assert THEIRS not in confirm
    assert THEIRS not in everything
    assert snapshot(model, theirs.pk) is not None
    assert snapshot(model, ours.pk) is None


# The choosers of forms


FORMS = [
    (MentoringForm, "programme", {"title": "Новая", "kind": "other", "goal": "Цель"}),
    (TargetIndicator, "programme", {"category": "pupils", "year": 2021}),
]
REFUSED = ["Эта запись другой школы или удалена: выберите запись своей школы."]


@pytest.mark.parametrize(("model", "field", "data"), FORMS)
def test_a_form_refuses_another_schools_programme(records, login_as, model, field, data):
    client = login_as(CURATOR)
    theirs = records[Programme][1]
    count = model.objects.count()

    response = client.post(url(model, "add"), {**data, field: theirs.pk})

    assert response.status_code == 200
    assert response.context["form"].errors[field] == REFUSED
    assert THEIRS not in response.content.decode()
    assert model.objects.count() == count


@pytest.mark.parametrize(("model", "field", "data"), FORMS)
def test_a_form_refuses_a_made_up_programme(records, login_as, model, field, data):
    response = login_as(CURATOR).post(url(model, "add"), {**data, field: "abc"})

    assert response.status_code == 200
    assert response.context["form"].errors[field] == REFUSED


def test_a_form_offers_only_the_users_schools_programmes(records, login_as):
    client = login_as(CURATOR)

    offered = client.get(url(MentoringForm, "add")).context["form"].fields["programme"].queryset

    assert records[Programme][0] in offered
    assert {programme.school for programme in offered} == {default_school()}


def test_another_schools_consent_scan_is_refused_and_not_named_back(other_school, user_in):
    """Stepping through ids in a consent's form would read the titles of the other school's
    scans, which name their people."""
    scan = DocumentFactory(title="Согласие Сидоровой", collection=other_school.private_collection)
    consent = factories.ConsentFactory()
    form_class = Consent.snippet_viewset.get_form_class(for_update=True)
    unbound = form_class(instance=consent, for_user=user_in(CURATOR))
    data = {name: unbound[name].value() for name in unbound.fields} | {"document": scan.pk}

    form = form_class(data, instance=consent, for_user=user_in(CURATOR, "curator-2"))

    assert not form.is_valid()
    assert form.errors["document"] == [
        "Этот файл в коллекции другой школы или удалён: выберите файл своей школы."
    ]
    assert "Сидоровой" not in str(form["document"])


# The school filter


def test_who_sees_several_schools_filters_the_listings_by_school(
    records, other_school, admin_client
):
    listing = url(MentoringForm, "list")

    options = admin_client.get(listing).context["filters"].form.fields["school"].queryset
    of_theirs = admin_client.get(listing, {"school": other_school.pk}).content.decode()
    searched = admin_client.get(
        url(MentoringForm, "list_results"), {"school": other_school.pk, "q": "Форма"}
    ).content.decode()

    assert set(options) == {default_school(), other_school}
    for shown in (of_theirs, searched):
        assert f"Форма {THEIRS}" in shown
        assert f"Форма {OURS}" not in shown


def test_login_as_one_school_have_no_school_filter(records, login_as):
    filters = login_as(CURATOR).get(url(Programme, "list")).context["filters"]

    assert "school" not in filters.form.fields


# wagtail-localize's views of snippets


@pytest.mark.parametrize("role", STAFF)
def test_staff_neither_translate_nor_list_another_schools_programmes(records, login_as, role):
    client = login_as(role)
    ours, theirs = records[Programme]
    listing = client.get(
        reverse("wagtail_localize:snippets_api_listing", args=("programmes", "programme"))
    )
    translate = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=("programmes", "programme", theirs.pk),
    )

    assert client.get(translate).status_code == 404
    assert client.post(translate, {"locales": [english_pk()]}).status_code == 404
    assert (
        not Programme.objects.filter(translation_key=theirs.translation_key)
        .exclude(pk=theirs.pk)
        .exists()
    )
    assert OURS in listing.content.decode()
    assert THEIRS not in listing.content.decode()


def english_pk():
    return Locale.objects.get(language_code="en").pk
