"""One publishing rule on every path, in both languages (home.publishing): a page becomes live
only through someone who may publish it. Editors write news that a moderator publishes;
curators may not publish news either."""

import datetime
import json
from contextlib import contextmanager, suppress
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_factories import ImageFactory
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)

from home.acting_user import current_request
from home.publishing import NotAllowedToPublish
from mentoring_pages.models import NewsPage
from mentoring_pages.tests.factories import NewsPageFactory
from programmes.models import Programme
from programmes.roles import CURATOR, EDITOR, MODERATOR
from programmes.tests.factories import ProgrammeFactory
from site_project.tests.fake_servers import listening
from site_project.translation import translate

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Новость, которую ещё не проверили"


@pytest.fixture
def committed(django_capture_on_commit_callbacks, django_user_model):
    """`with committed(role):` runs what the requests inside leave for their transaction's
    commit as the requests would: wagtail-localize publishes then, still in the request of
    the signed-in `role`. A test is one transaction that never commits."""

    @contextmanager
    def in_request_of(role):
        with django_capture_on_commit_callbacks() as callbacks:
            yield
        request = RequestFactory().get("/")
        request.user = django_user_model.objects.get(username=role)
        token = current_request.set(request)
        try:
            for callback in callbacks:
                with suppress(NotAllowedToPublish):  # the request's answer: a refusal
                    callback()
        finally:
            current_request.reset(token)

    return in_request_of


def live_news(section, english=None):
    """A live news item (and its live English translation, with `english`)."""
    news = NewsPageFactory(parent=section.news, title="Опубликованная новость")
    news.save_revision().publish()
    if english is not None:
        translate(section.news, english, {section.news.title: "News"})
        translate(news, english, {news.title: "Published news"})
    return news


def unpublished_draft(page):
    """`page`, taken offline, with a new draft titled DRAFT_TITLE."""
    page.unpublish()
    page = page.specific_class.objects.get(pk=page.pk)
    page.title = DRAFT_TITLE
    page.save_revision()
    return page


def edit_form(page, **fields):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": page.date.isoformat(),
            "lead": page.lead,
            "image": "",
            "image_alt": "",
            "body": streamfield([]),
            "tags": "",
            "comments": inline_formset([]),
            **fields,
        }
    )


# Each path tries, as the signed-in user, to make `page` (not live, a draft waiting) live, and
# returns the page that would be live: `page`, or the new page the path makes (None if the
# path made none).


def through_page_editor(client, page):
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_form(page, **{"action-publish": "publish"}),
    )
    return page


def through_translation_editor(client, page):
    # wagtail-localize's editor answers the page editor's address of a translation.
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    return page


def through_revert(client, page):
    revision = page.get_latest_revision()
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_form(page, revision=revision.pk, **{"action-publish": "publish"}),
    )
    return page


def through_bulk_action(client, page):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={page.pk}", {})
    return page


def through_admin_api(client, page):
    client.post(f"/admin/api/main/pages/{page.pk}/action/publish/", content_type="application/json")
    return page


def through_schedule(client, page):
    """Published for a moment that has come by the time the cron job runs."""
    soon = timezone.now() + datetime.timedelta(hours=1)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_form(
            page, go_live_at=soon.strftime("%Y-%m-%d %H:%M"), **{"action-publish": "publish"}
        ),
    )
    Revision.objects.filter(approved_go_live_at__isnull=False).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    Page.objects.filter(pk=page.pk).update(go_live_at=None)
    call_command("publish_scheduled", verbosity=0)
    return page


def copy_of(page, client, **fields):
    """The copy of the live `page` that the copy form makes with `fields`."""
    client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "Копия",
            "new_slug": "kopiya",
            "new_parent_page": page.get_parent().pk,
            **fields,
        },
    )
    return Page.objects.filter(slug="kopiya").first()


def through_copy_with_publish(client, page):
    page.save_revision().publish()  # a live page, copied live
    return copy_of(page, client, publish_copies="on")


def through_alias(client, page):
    page.save_revision().publish()
    return copy_of(page, client, alias="on")


def update_translations(client, page):
    """«Update translations» with «publish immediately», from the Russian source."""
    source = TranslationSource.objects.get(
        object_id=page.translation_key, locale__language_code="ru"
    )
    return client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )


def through_localize_update(client, page):
    update_translations(client, page)
    return page


def through_localize_submit(client, page):
    """«Translate this page» of a live Russian page without an English version yet."""
    from wagtail.models import Locale

    russian = page.get_translation(Locale.objects.get(language_code="ru"))
    page.delete()  # no English version yet
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[russian.pk]),
        {"locales": [Locale.objects.get(language_code="en").pk]},
    )
    return russian.get_translation_or_none(Locale.objects.get(language_code="en")) or russian


def type_english_title(client, page, title):
    """Type `title` as the English translation of `page`'s title, in the translation editor."""
    translation = Translation.objects.get(
        target_locale__language_code="en", source__object_id=page.translation_key
    )
    segment = StringSegment.objects.get(source=translation.source, string__data=page.title)
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": title}),
        content_type="application/x-www-form-urlencoded",
    )


RUSSIAN_PATHS = [
    through_page_editor,
    through_revert,
    through_bulk_action,
    through_admin_api,
    through_schedule,
    through_copy_with_publish,
    through_alias,
]
ENGLISH_PATHS = [
    through_translation_editor,
    through_bulk_action,
    through_admin_api,
    through_localize_update,
]


def allowed(role):
    return role == MODERATOR


@pytest.mark.parametrize("role", [EDITOR, CURATOR, MODERATOR])
@pytest.mark.parametrize("path", RUSSIAN_PATHS, ids=lambda path: path.__name__)
def test_russian_news_goes_live_only_through_someone_who_may_publish_it(
    section, client, login_as, role, path
):
    page = unpublished_draft(live_news(section))
    login_as(role)

    result = path(client, page)

    assert (result is not None and Page.objects.get(pk=result.pk).live) is allowed(role)


@pytest.mark.parametrize("role", [EDITOR, CURATOR, MODERATOR])
@pytest.mark.parametrize("path", ENGLISH_PATHS, ids=lambda path: path.__name__)
def test_english_news_goes_live_only_through_someone_who_may_publish_it(
    section, english, client, login_as, committed, role, path
):
    news = live_news(section, english)
    page = unpublished_draft(news.get_translation(english))
    login_as(role)

    with committed(role):
        path(client, page)

    assert NewsPage.objects.get(pk=page.pk).live is allowed(role)


@pytest.mark.parametrize("role", [EDITOR, CURATOR, MODERATOR])
def test_submitting_a_translation_publishes_it_only_for_someone_who_may(
    section, english, client, login_as, committed, role
):
    news = live_news(section, english)
    login_as(role)

    with committed(role):
        translated = through_localize_submit(client, news.get_translation(english))

    assert translated.pk != news.pk, "the translation was created, as a draft at least"
    assert NewsPage.objects.get(pk=translated.pk).live is allowed(role)


def test_an_editor_cannot_publish_the_english_home_page_by_updating_translations(
    home_page, english, client, login_as, committed
):
    translate(home_page, english, {home_page.title: "Home"})
    english_home = home_page.get_translation(english)
    english_home.unpublish()  # the English site is not open yet
    login_as(EDITOR)

    with committed(EDITOR):
        through_localize_update(client, home_page)

    assert not Page.objects.get(pk=english_home.pk).live


def test_text_an_editor_types_into_a_translation_waits_for_a_moderator(
    section, english, client, login_as, committed
):
    news = live_news(section, english)
    english_news = news.get_translation(english)
    login_as(EDITOR)
    type_english_title(client, news, "Unreviewed title")
    login_as(MODERATOR)

    news.save_revision()
    through_bulk_action(client, news)  # the moderator publishes the Russian page

    english_news = NewsPage.objects.get(pk=english_news.pk)
    assert NewsPage.objects.get(pk=news.pk).live
    assert english_news.title == "Published news"

    with committed(MODERATOR):
        through_translation_editor(client, english_news)  # the moderator has read it

    assert NewsPage.objects.get(pk=english_news.pk).title == "Unreviewed title"


def test_a_picture_an_editor_puts_on_a_translation_waits_for_a_moderator(
    section, english, client, login_as, committed
):
    """An override (another picture in the English page's text) is text of a kind: the
    editor's waits for a moderator as typed text does. (The photo of a news item or a case
    has no override: it is shown on a consent.)"""
    original, other = ImageFactory(), ImageFactory()
    picture = {"image": original.pk, "alt_text": "Фото", "decorative": False}
    news = NewsPageFactory(
        parent=section.news, body=json.dumps([{"type": "image", "value": picture}])
    )
    news.save_revision().publish()
    translate(section.news, english, {section.news.title: "News"})
    english_news = translate(news, english, {})
    login_as(EDITOR)
    translation = Translation.objects.get(
        target_locale=english, source__object_id=news.translation_key
    )
    segment = OverridableSegment.objects.get(
        source=translation.source, context__path__startswith="body."
    )
    client.put(
        reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk]),
        urlencode({"value": other.pk}),
        content_type="application/x-www-form-urlencoded",
    )
    login_as(MODERATOR)

    news.save_revision()
    through_bulk_action(client, news)  # the moderator publishes the Russian page

    assert body_image(english_news) == original.pk

    with committed(MODERATOR):
        through_translation_editor(client, english_news)  # the moderator has seen it

    assert body_image(english_news) == other.pk


def body_image(page):
    """The id of the picture in the text of `page`, as its live row has it."""
    [block] = NewsPage.objects.get(pk=page.pk).body
    return block.value.pk


@pytest.mark.parametrize("role", [EDITOR, MODERATOR])
def test_only_a_curator_publishes_a_programmes_translation(english, client, login_as, role):
    """A programme is the curators' to publish: wagtail-localize's «update translations»
    with «publish» asks only who may translate, and made a draft nobody approved public in
    English."""
    programme = ProgrammeFactory(live=False, title="Черновик программы")
    source, _ = TranslationSource.update_or_create_from_instance(programme)
    Translation.objects.create(source=source, target_locale=english).save_target(publish=False)
    login_as(role)

    response = update_translations(client, programme)

    versions = Programme.objects.filter(translation_key=programme.translation_key)
    assert not versions.filter(live=True).exists()
    assert "и публикации не было" in client.get(response.url).content.decode()


def test_an_editor_cannot_change_a_live_translation_by_updating_it(
    section, english, client, login_as
):
    """wagtail-localize writes the new text into the live page's row before publishing."""
    news = live_news(section, english)
    login_as(EDITOR)
    type_english_title(client, news, "Unreviewed title")

    response = update_translations(client, news)

    english_news = NewsPage.objects.get(pk=news.get_translation(english).pk)
    assert english_news.live
    assert english_news.title == "Published news"
    assert "и публикации не было" in client.get(response.url).content.decode()


def refuse_as_busy(connection):
    """Greet as a mail server down for maintenance does, and hang up."""
    connection.sendall(b"421 4.3.2 Service not available\r\n")
    connection.close()


def test_an_editor_submits_for_moderation_with_the_mail_server_refusing(
    section, client, login_as, user_in, settings, caplog
):
    """The moderators' mail server answers «421» (busy, down for maintenance): the news item
    is in moderation all the same, and the log says the moderators were not told."""
    user_in(MODERATOR, "moderator-with-mail", email="moderator@example.org")
    news = NewsPageFactory(parent=section.news, title="Новость на модерацию", live=False)
    login_as(EDITOR)

    with listening(refuse_as_busy) as port:
        settings.EMAIL_BACKEND = "site_project.mail.SMTPBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[news.pk]),
            edit_form(news, **{"action-submit": "submit"}),
        )

    assert response.status_code == 302
    assert NewsPage.objects.get(pk=news.pk).workflow_in_progress
    assert "notification sending skipped" in caplog.text
