"""An editor writes a news item and sends it for moderation; a moderator finds it on the
dashboard and approves it; then, and only then, it is on the public news index."""

import secrets

from django.urls import reverse

from mentoring_pages.models import NewsPage
from programmes.roles import EDITOR, MODERATOR


def news_titles(page, news_index):
    page.goto(news_index.url)
    return page.locator("main").get_by_role("link").all_inner_texts()


def test_news_item_goes_through_moderation(logged_in, browser_context, public_pages, demo_database):
    news_index = public_pages["news-index", "ru"]
    title = f"Новость из браузерного теста {secrets.token_hex(3)}"
    visitor = browser_context().new_page()

    editor = logged_in(EDITOR)
    editor.goto(
        reverse("wagtailadmin_pages:add", args=["mentoring_pages", "newspage", news_index.page_id])
    )
    editor.fill("#id_title", title)
    editor.fill("#id_lead", "Пары наставников рассказали о своём первом месяце работы.")
    editor.locator("footer [data-w-dropdown-target=toggle]").click()
    editor.locator("button[name=action-submit]").click()
    editor.wait_for_url(reverse("wagtailadmin_explore", args=[news_index.page_id]))
    item = NewsPage.objects.get(title=title)
    assert not item.live and item.workflow_in_progress
    assert title not in news_titles(visitor, news_index)

    moderator = logged_in(MODERATOR)
    moderator.get_by_role("link", name=title).click()
    moderator.wait_for_url(reverse("wagtailadmin_pages:edit", args=[item.pk]))
    # «Approve and publish», not the variant that first asks for a comment.
    approve = "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    if not moderator.locator(approve).is_visible():
        moderator.locator("footer [data-w-dropdown-target=toggle]").click()
    moderator.locator(approve).click()
    moderator.wait_for_url(reverse("wagtailadmin_explore", args=[news_index.page_id]))

    item.refresh_from_db()
    assert item.live
    assert title in news_titles(visitor, news_index)
    visitor.close()
