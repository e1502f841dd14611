"""Someone who holds roles in two schools does in each only what their role there allows: a
curator of one school who is an editor of another reads that school's programme and changes
none of it, and never sees its consents."""

import pytest
from django.urls import reverse

from programmes.models import Consent, Programme, TargetIndicator
from programmes.roles import CURATOR, EDITOR, group_of
from programmes.schools import default_school
from programmes.tests import factories
from site_project.tests.admin_refusals import outcome, sent_to_the_dashboard

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator_and_editor(user_in, other_school):
    """A curator of the default school who is an editor of the other one."""
    user = user_in(CURATOR)
    user.groups.add(group_of(other_school, EDITOR))
    return user


@pytest.fixture
def curator_here_editor_there(client, curator_and_editor):
    client.force_login(curator_and_editor)
    return client


def url(model, name, *args):
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


def test_changes_the_programme_where_curator(curator_here_editor_there):
    ours = factories.ProgrammeFactory(school=default_school(), title="Программа Альфа")

    response = curator_here_editor_there.get(url(Programme, "edit", ours.pk))

    assert response.status_code == 200


def test_only_reads_the_programme_where_editor(curator_here_editor_there, other_school):
    theirs = factories.ProgrammeFactory(school=other_school, title="Программа Бета")
    client = curator_here_editor_there

    listing = client.get(url(Programme, "list")).content.decode()
    edit = url(Programme, "edit", theirs.pk)

    assert "Программа Бета" in listing
    assert outcome(client.get(edit)) == sent_to_the_dashboard()
    assert outcome(client.post(edit, {"title": "Чужая"})) == sent_to_the_dashboard()
    assert outcome(client.post(url(Programme, "delete", theirs.pk))) == sent_to_the_dashboard()
    theirs.refresh_from_db()
    assert theirs.title == "Программа Бета"


def test_never_sees_the_consents_where_editor(curator_here_editor_there, other_school):
    factories.ConsentFactory(school=default_school(), person="Лицо Альфа")
    theirs = factories.ConsentFactory(school=other_school, person="Лицо Бета")
    client = curator_here_editor_there

    listing = client.get(url(Consent, "list")).content.decode()

    assert "Лицо Альфа" in listing
    assert "Лицо Бета" not in listing
    assert client.get(url(Consent, "edit", theirs.pk)).status_code == 404


def admin_form(model, user, instance=None):
    return model.snippet_viewset.get_form_class()(instance=instance, for_user=user)


@pytest.mark.parametrize("model", [Consent, Programme])
def test_adds_records_only_to_the_school_where_curator(curator_and_editor, model):
    form = admin_form(model, curator_and_editor)

    # The only school where they may add one: theirs, set without asking.
    assert "school" not in form.fields
    assert form.instance.school == default_school()


def test_cannot_move_a_programme_to_the_school_where_editor(curator_and_editor):
    ours = factories.ProgrammeFactory(school=default_school())

    form = admin_form(Programme, curator_and_editor, ours)

    assert "school" not in form.fields


def test_points_new_facts_only_at_the_programmes_where_curator(curator_and_editor, other_school):
    ours = factories.ProgrammeFactory(school=default_school())
    theirs = factories.ProgrammeFactory(school=other_school)

    form = admin_form(TargetIndicator, curator_and_editor)

    offered = set(form.fields["programme"].queryset)
    assert ours in offered
    assert theirs not in offered
