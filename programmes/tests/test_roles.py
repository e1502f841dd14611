"""Who may do what with the programme's data in the admin, as a table."""

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from programmes.models import (
    MentoringForm,
    MonitoringResult,
    ParticipationFigures,
    Programme,
    TargetIndicator,
)
from programmes.roles import (
    CURATOR,
    EDITOR,
    MODERATOR,
    apply_role_permissions,
    group_of,
)
from programmes.schools import default_school
from programmes.tests import factories
from site_project.tests.admin_refusals import outcome, sent_to_log_in, sent_to_the_dashboard

pytestmark = pytest.mark.django_db

FACTORIES = {
    Programme: factories.ProgrammeFactory,
    MentoringForm: factories.MentoringFormFactory,
    TargetIndicator: factories.TargetIndicatorFactory,
    ParticipationFigures: factories.ParticipationFiguresFactory,
    MonitoringResult: factories.MonitoringResultFactory,
}

# role → may it change the programme's data (list and view are open to every role)
MAY_CHANGE = {CURATOR: True, EDITOR: False, MODERATOR: False}


def url(model, action, *args):
    return reverse(model.snippet_viewset.get_url_name(action), args=args)


def allowed(response):
    """Whether the admin let the user in: the page itself, or else back to the dashboard with
    Wagtail's message (nothing else is an answer)."""
    if response.status_code == 200:
        return True
    assert outcome(response) == sent_to_the_dashboard()
    return False


@pytest.mark.parametrize("role", MAY_CHANGE)
@pytest.mark.parametrize("model", FACTORIES)
def test_role_permission_matrix(login_as, role, model):
    client = login_as(role)
    instance = FACTORIES[model]()
    may_change = MAY_CHANGE[role]

    assert allowed(client.get(url(model, "list"))) is True
    assert allowed(client.get(url(model, "add"))) is may_change
    assert allowed(client.get(url(model, "edit", instance.pk))) is may_change
    assert allowed(client.get(url(model, "delete", instance.pk))) is may_change


@pytest.mark.parametrize("model", FACTORIES)
def test_anonymous_visitors_are_sent_to_log_in(client, model):
    response = client.get(url(model, "list"))

    assert outcome(response) == sent_to_log_in(url(model, "list"))


def programme_form_data(programme, **extra):
    return nested_form_data(
        {
            "title": programme.title,
            "first_year": programme.first_year,
            "last_year": programme.last_year,
            "summary": "",
            "goal": programme.goal,
            "tasks": rich_text(programme.tasks),
            "expected_results": rich_text(""),
            "terms": rich_text(""),
            "participant_bases": rich_text(""),
            "monitoring": rich_text(""),
            "efficiency_criteria": rich_text(""),
            "legal_acts": inline_formset([]),
            "management_roles": inline_formset([]),
            "stages": inline_formset([]),
            "documents": inline_formset([]),
            **extra,
        }
    )


@pytest.mark.parametrize("role", MAY_CHANGE)
def test_only_curators_publish_a_programme(login_as, role):
    client = login_as(role)
    programme = factories.ProgrammeFactory(live=False)

    client.post(
        url(Programme, "edit", programme.pk),
        programme_form_data(programme, title="Новая редакция", **{"action-publish": "publish"}),
    )

    programme.refresh_from_db()
    assert programme.live is MAY_CHANGE[role]
    assert (programme.title == "Новая редакция") is MAY_CHANGE[role]


def test_a_saved_draft_does_not_change_the_live_programme(login_as):
    client = login_as(CURATOR)
    programme = factories.ProgrammeFactory(title="Опубликованная редакция")
    programme.save_revision().publish()

    response = client.post(
        url(Programme, "edit", programme.pk),
        programme_form_data(programme, title="Черновик"),
    )

    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.title == "Опубликованная редакция"
    assert programme.has_unpublished_changes
    assert programme.latest_revision.as_object().title == "Черновик"


@pytest.mark.parametrize(("role", "may"), [(CURATOR, True), (EDITOR, False), (MODERATOR, False)])
def test_only_curators_unpublish_a_programme(login_as, role, may):
    client = login_as(role)
    programme = factories.ProgrammeFactory()
    programme.save_revision().publish()

    assert allowed(client.get(url(Programme, "unpublish", programme.pk))) is may


def test_the_moderation_workflow_asks_moderators(db):

    workflow = default_school().moderation_workflow
    task = workflow.tasks.get().specific

    assert workflow.active
    assert list(task.groups.all()) == [group_of(default_school(), MODERATOR)]


def test_wagtails_sample_groups_are_gone(db):
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


# Images and documents: the roles' collections


def scan_in_private_collection():
    return get_document_model().objects.create(
        title="Согласие Ивановой (скан)",
        file=ContentFile(b"%PDF-1.4 signed", name="consent.pdf"),
        collection=default_school().private_collection,
    )


def site_document():
    return get_document_model().objects.create(
        title="Положение о наставничестве",
        file=ContentFile(b"%PDF-1.4 rules", name="rules.pdf"),
        collection=default_school().collection,
    )


@pytest.mark.parametrize(
    "role, view",
    [
        (EDITOR, "wagtaildocs_chooser:choose"),
        (MODERATOR, "wagtaildocs_chooser:choose"),
        (MODERATOR, "wagtaildocs:index"),  # editors list only their own uploads
    ],
)
def test_editors_and_moderators_never_see_the_scans(login_as, role, view):
    scan_in_private_collection()
    site_document()

    response = login_as(role).get(reverse(view))
    page = response.json()["html"] if view.endswith("choose") else response.content.decode()

    assert "Положение о наставничестве" in page
    assert "Согласие Ивановой (скан)" not in page


def test_curators_see_the_scans_and_the_sites_documents(login_as):
    scan_in_private_collection()
    site_document()
    curator = login_as(CURATOR)

    chooser = curator.get(reverse("wagtaildocs_chooser:choose")).json()["html"]
    index = curator.get(reverse("wagtaildocs:index")).content.decode()

    assert "Согласие Ивановой (скан)" in chooser
    assert "Положение о наставничестве" in chooser
    assert "Согласие Ивановой (скан)" in index


def test_an_editors_upload_goes_to_the_sites_collection(login_as):
    response = login_as(EDITOR).post(
        reverse("wagtaildocs:add"),
        {"title": "План работы", "file": SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")},
    )

    assert response.status_code == 302
    document = get_document_model().objects.get(title="План работы")
    assert document.collection == default_school().collection


def test_uploads_left_in_the_root_move_to_the_sites_collection():
    root = Collection.get_first_root_node()
    image = wagtail_factories.ImageFactory(collection=root)

    apply_role_permissions()

    image.refresh_from_db()
    assert image.collection == default_school().collection
