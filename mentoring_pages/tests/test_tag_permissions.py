"""Tags are one vocabulary for every school (a name is unique within a language): a school's
staff rename, translate or delete a tag only when no other school's page carries it, as
renaming it would rename it on that school's pages too."""

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from mentoring_pages.models import SectionTag
from mentoring_pages.tests.factories import (
    MentoringIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from programmes.roles import EDITOR, MODERATOR
from site_project.tests.admin_refusals import outcome, sent_to_the_dashboard

pytestmark = pytest.mark.django_db


def news_tagged(home, name):
    news = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=MentoringIndexPageFactory(parent=home))
    )
    news.tags.add(name)
    news.save()
    return SectionTag.objects.get(name=name)


def url(name, tag):
    return reverse(SectionTag.snippet_viewset.get_url_name(name), args=[tag.pk])


def test_a_tag_another_school_carries_is_not_renamed_nor_deleted(home_page, other_school, login_as):
    shared = news_tagged(other_school.home_page, "Олимпиада")
    news_tagged(home_page, "Олимпиада")
    editor = login_as(EDITOR)

    assert outcome(editor.get(url("edit", shared))) == sent_to_the_dashboard()
    editor.post(url("edit", shared), {"name": "Конкурс", "slug": "konkurs"})
    moderator = login_as(MODERATOR)
    assert outcome(moderator.post(url("delete", shared))) == sent_to_the_dashboard()
    shared.refresh_from_db()
    assert shared.name == "Олимпиада"


def test_a_tag_only_the_users_school_carries_is_theirs_to_rename(home_page, login_as):
    own = news_tagged(home_page, "Адаптация")

    response = login_as(EDITOR).post(
        url("edit", own), {"name": "Адаптация в школе", "slug": "adaptaciya"}
    )

    assert response.status_code == 302
    own.refresh_from_db()
    assert own.name == "Адаптация в школе"


def tag_translation(tag, english):
    source, _ = TranslationSource.update_or_create_from_instance(tag)
    translation = Translation.objects.create(source=source, target_locale=english)
    translation.save_target()  # a tag has no drafts
    return translation


def test_a_tag_another_school_carries_is_not_translated_by_the_users_school(
    home_page, other_school, english, login_as
):
    shared = tag_translation(news_tagged(other_school.home_page, "Олимпиада"), english)
    own = tag_translation(news_tagged(home_page, "Адаптация"), english)
    editor = login_as(EDITOR)

    def pofile(translation):
        return editor.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))

    assert pofile(shared).status_code == 404
    assert pofile(own).status_code == 200
