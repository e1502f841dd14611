"""A page's editor offers only the editor's schools' programmes, forms of mentoring and
consents, and refuses another school's posted by hand: Wagtail's page forms would offer every
school's records (a questionnaire's results would then be recorded in another school's
programme; a consent's label names its person)."""

import json

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_factories import DocumentFactory, ImageFactory

from home.tests.factories import ContentPageFactory
from mentoring_pages.tests.factories import (
    CaseIndexPageFactory,
    CasePageFactory,
    MentoringIndexPageFactory,
    MentorPageFactory,
    NewsPageFactory,
    QuestionnairePageFactory,
)
from programmes.roles import CURATOR, EDITOR, MODERATOR, group_of
from programmes.schools import default_school
from programmes.tests.factories import (
    ConsentFactory,
    MentoringFormFactory,
    ProgrammeFactory,
    RoleModelFactory,
)

pytestmark = pytest.mark.django_db

REFUSED = "Эта запись другой школы или удалена"


def edit_form(page, user):
    form_class = type(page).get_edit_handler().get_form_class()
    return form_class(instance=page, for_user=user, parent_page=page.get_parent())


def offered_and_refused(form, name, own, theirs):
    field = form.fields[name]
    with pytest.raises(ValidationError) as refusal:
        field.clean(theirs.pk)
    return (
        own in field.queryset,
        theirs in field.queryset,
        REFUSED in " ".join(refusal.value.messages),
    )


@pytest.fixture
def programmes(other_school):
    return ProgrammeFactory(), ProgrammeFactory(school=other_school, title="Программа Лицея-Бэ")


def test_a_landing_page_links_only_to_its_editors_schools_programme(home_page, programmes, user_in):
    own, theirs = programmes
    landing = MentoringIndexPageFactory(parent=home_page)

    form = edit_form(landing, user_in(MODERATOR))

    assert offered_and_refused(form, "programme", own, theirs) == (True, False, True)


def test_a_questionnaire_records_results_only_in_its_editors_schools_programme(
    home_page, programmes, user_in
):
    own, theirs = programmes
    questionnaire = QuestionnairePageFactory(parent=MentoringIndexPageFactory(parent=home_page))

    form = edit_form(questionnaire, user_in(CURATOR))

    assert offered_and_refused(form, "programme", own, theirs) == (True, False, True)


def test_a_mentor_shows_only_their_schools_consent_and_form(
    home_page, programmes, other_school, user_in
):
    own_programme, their_programme = programmes
    mentor = MentorPageFactory(parent=MentoringIndexPageFactory(parent=home_page))
    own_consent, their_consent = ConsentFactory(), ConsentFactory(school=other_school)
    own_form = MentoringFormFactory(programme=own_programme)
    their_form = MentoringFormFactory(programme=their_programme)

    form = edit_form(mentor, user_in(MODERATOR))

    assert offered_and_refused(form, "consent", own_consent, their_consent) == (True, False, True)
    assert offered_and_refused(form, "form", own_form, their_form) == (True, False, True)


def test_a_case_offers_only_its_editors_schools_role_models(home_page, programmes, user_in):
    own_programme, their_programme = programmes
    case = CasePageFactory(
        parent=CaseIndexPageFactory(parent=MentoringIndexPageFactory(parent=home_page))
    )
    own = RoleModelFactory(form__programme=own_programme)
    theirs = RoleModelFactory(form__programme=their_programme, title="Модель Лицея-Бэ")

    form = edit_form(case, user_in(EDITOR))

    assert offered_and_refused(form, "role_model", own, theirs) == (True, False, True)


def test_a_user_of_two_schools_is_offered_only_the_pages_own_schools_programme(
    home_page, programmes, other_school, user_in
):
    """A curator here who edits there too would otherwise link this school's questionnaire
    to the other's programme, and record its results there."""
    own, theirs = programmes
    questionnaire = QuestionnairePageFactory(parent=MentoringIndexPageFactory(parent=home_page))
    curator = user_in(CURATOR)
    curator.groups.add(group_of(other_school, EDITOR))

    form = edit_form(questionnaire, curator)

    assert offered_and_refused(form, "programme", own, theirs) == (True, False, True)


def test_a_new_page_of_another_school_offers_that_schools_records_to_a_superuser(
    home_page, programmes, other_school, django_user_model
):
    own, theirs = programmes
    their_landing = MentoringIndexPageFactory(parent=other_school.home_page)
    superuser = django_user_model.objects.create_superuser("root", password="x")
    form_class = QuestionnairePageFactory._meta.model.get_edit_handler().get_form_class()

    form = form_class(
        instance=QuestionnairePageFactory.build(), for_user=superuser, parent_page=their_landing
    )

    assert offered_and_refused(form, "programme", theirs, own) == (True, False, True)


# Images and documents: those of the collections the user may choose from (their school's).

FILE_REFUSED = "Этот файл в коллекции другой школы или удалён"


def page_form(page, user, body, **fields):
    """The editor of `page` as `user`, posted with its title and slug, `fields`, and `body`
    (blocks)."""
    form_class = type(page).get_edit_handler().get_form_class()
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            **fields,
            "body": streamfield(body),
            "comments": inline_formset([]),
        }
    )
    return form_class(data, instance=page, for_user=user, parent_page=page.get_parent())


def news_fields(news):
    return {"date": str(news.date), "lead": news.lead, "image_alt": ""}


def document_link(document):
    return ("paragraph", rich_text(f'<p><a linktype="document" id="{document.pk}">Файл</a></p>'))


def test_a_page_offers_its_editors_schools_images_and_keeps_the_one_it_has(
    section, other_school, user_in
):
    kept = ImageFactory(title="Портрет из общей коллекции")  # the root's: nobody's to choose
    mentor = MentorPageFactory(parent=section.mentors, image=kept, image_alt="Портрет")
    own = ImageFactory(collection=default_school().collection)
    theirs = ImageFactory(collection=other_school.collection, title="Фото Лицея-Бэ")

    form = edit_form(mentor, user_in(EDITOR))
    field = form.fields["image"]

    assert own in field.queryset and kept in field.queryset
    assert theirs not in field.queryset
    with pytest.raises(ValidationError, match=FILE_REFUSED):
        field.clean(theirs.pk)


@pytest.mark.parametrize(
    ("make_page", "fields"),
    [
        (lambda section: NewsPageFactory(parent=section.news), news_fields),
        # Home's own page type, which a moderator edits anywhere on the site.
        (lambda section: ContentPageFactory(parent=section.landing), lambda page: {"intro": ""}),
    ],
    ids=["news", "content page"],
)
def test_a_pages_text_may_not_show_another_schools_document(
    section, other_school, user_in, make_page, fields
):
    page = make_page(section)
    own = DocumentFactory(collection=default_school().collection)
    theirs = DocumentFactory(collection=other_school.collection)
    moderator = user_in(MODERATOR)

    refused = page_form(page, moderator, [document_link(theirs)], **fields(page))
    accepted = page_form(page, moderator, [document_link(own)], **fields(page))

    assert not refused.is_valid()
    assert "коллекции другой школы" in " ".join(refused.errors["body"])
    assert accepted.is_valid(), accepted.errors


@pytest.mark.parametrize("document_id", ["abc", "1.5", "", "9" * 30])
def test_a_document_link_naming_no_document_is_a_form_error(section, user_in, document_id):
    """An id made by hand in the editor's data (Draftail sends what it is given)."""
    page = NewsPageFactory(parent=section.news)
    text = {
        "blocks": [
            {
                "key": "a1b2c",
                "text": "Файл",
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 4, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {
            "0": {"type": "DOCUMENT", "mutability": "MUTABLE", "data": {"id": document_id}}
        },
    }
    link = ("paragraph", json.dumps(text))

    form = page_form(page, user_in(MODERATOR), [link], **news_fields(page))

    assert not form.is_valid()
    assert "коллекции другой школы" in " ".join(form.errors["body"])
