import json
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import ContentPage
from home.tests.factories import ContentPageFactory


@pytest.mark.django_db
def test_a_table_in_a_page_is_a_table_with_its_caption_and_headings(client, home_page):
    table = {
        "caption": "Расписание встреч наставников",
        "table": {
            "data": [["День", "Время"], ["Понедельник", "15:00"]],
            "first_row_is_table_header": True,
            "first_col_is_header": True,
        },
    }
    page = ContentPageFactory(
        parent=home_page, slug="meetings", body=json.dumps([{"type": "table", "value": table}])
    )

    main = BeautifulSoup(client.get(page.url).content, "html.parser").main
    region = main.select_one(".table-scroll")

    assert region["aria-label"] == "Расписание встреч наставников"
    assert region.table.caption.get_text(strip=True) == "Расписание встреч наставников"
    assert [th.get_text(strip=True) for th in region.select("thead th")] == ["День", "Время"]
    assert region.select_one("tbody th[scope=row]").get_text(strip=True) == "Понедельник"
    assert "first_row_is_table_header" not in main.get_text()


def add_content_page(client, parent, slug, heading_levels):
    """What the admin's «add a content page» form posts: a body of headings, one a level."""
    headings = [
        ("heading", {"text": f"Раздел {number}", "level": level})
        for number, level in enumerate(heading_levels, start=1)
    ]
    return client.post(
        reverse("wagtailadmin_pages:add", args=("home", "contentpage", parent.pk)),
        nested_form_data(
            {"title": "О наставничестве", "slug": slug, "intro": "", "body": streamfield(headings)}
        ),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "levels",
    [["h3"], ["h2", "h4"], ["h2", "h3", "h2", "h4"]],
    ids=["starting-below-the-title", "skipping-h3", "skipping-h3-in-a-second-part"],
)
def test_a_heading_that_skips_a_level_is_refused_with_the_level_to_use(
    admin_client, home_page, levels
):
    """A screen reader lists a page's headings as its outline; a skipped level reads as a
    missing part."""
    response = add_content_page(admin_client, home_page, "skipped", levels)

    assert response.status_code == 200
    # Beside the heading's level in the editor, which gets its errors as JSON.
    shown = unescape(response.content.decode())
    assert json.dumps("Этот заголовок пропускает уровень")[1:-1] in shown
    assert not ContentPage.objects.filter(slug="skipped").exists()


@pytest.mark.django_db
def test_headings_one_level_deeper_or_back_up_are_saved(admin_client, home_page):
    response = add_content_page(admin_client, home_page, "outline", ["h2", "h3", "h4", "h2", "h3"])

    assert response.status_code == 302
    assert ContentPage.objects.filter(slug="outline").exists()
