import json

import pytest
from bs4 import BeautifulSoup

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
