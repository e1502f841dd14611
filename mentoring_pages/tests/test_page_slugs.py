"""A new page whose address a draft beside it already has: the editor is told at the top
of the form which page is in the way, with a link to continue it."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from mentoring_pages.tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def create_news(client, parent, title, slug):
    """What the admin's «add a news item» form posts, as an editor pressing «Сохранить черновик»."""
    return client.post(
        reverse("wagtailadmin_pages:add", args=("mentoring_pages", "newspage", parent.pk)),
        nested_form_data(
            {
                "title": title,
                "slug": slug,
                "date": "2026-12-01",
                "lead": "Итоги встречи наставников.",
                "body": streamfield([]),
                "tags": "",
            }
        ),
    )


def shown_messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_hidden_draft_with_the_same_address_is_named_with_a_link(admin_client, section):
    abandoned = NewsPageFactory(
        parent=section.news, title="День наставника", slug="den-nastavnika", live=False
    )

    response = create_news(admin_client, section.news, "День наставника", "den-nastavnika")

    assert response.status_code == 200  # the form again, nothing created
    [warning] = [text for text in shown_messages(response) if "den-nastavnika" in text]
    assert "уже занят неопубликованным черновиком «День наставника»" in warning
    edit_url = reverse("wagtailadmin_pages:edit", args=[abandoned.pk])
    assert f'<a href="{edit_url}">' in warning
    assert warning in response.content.decode()  # at the top of the form, link and all
    assert Page.objects.child_of(section.news).count() == 1


def test_a_published_page_with_the_same_address_is_named_too(admin_client, section):
    NewsPageFactory(parent=section.news, title="Итоги года", slug="itogi-goda")

    response = create_news(admin_client, section.news, "Итоги года", "itogi-goda")

    assert any("уже занят страницей «Итоги года»" in text for text in shown_messages(response))


def test_a_free_address_creates_the_page_without_a_word(admin_client, section):
    NewsPageFactory(parent=section.news, slug="den-nastavnika", live=False)

    response = create_news(admin_client, section.news, "День учителя", "den-uchitelya")

    assert response.status_code == 302
    assert not any("уже занят" in text for text in shown_messages(response))
    assert Page.objects.child_of(section.news).filter(slug="den-uchitelya").exists()
