import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template, TemplateSyntaxError

TABLE = (
    "{% load site_tags %}"
    '{% data_table rows "Name" more caption="Who" empty="Nobody yet." hidden="Act" %}'
    "{% for row in rows %}<tr><td>{{ row }}</td><td>{{ row }}</td><td></td></tr>{% endfor %}"
    "{% enddata_table %}"
)


def rendered(source, **context):
    return BeautifulSoup(Template(source).render(Context(context)), "html.parser")


def test_a_data_table_has_its_head_caption_and_rows():
    table = rendered(TABLE, rows=["Анна", "Борис"], more=["Role"]).table

    assert table["class"] == ["listing"]
    assert table.caption.get_text() == "Who"
    assert "w-sr-only" in table.caption["class"]
    assert [th.get_text() for th in table.select("thead th")] == ["Name", "Role", "Act"]
    assert table.select("thead th")[-1].span["class"] == ["w-sr-only"]
    assert [tr.td.get_text() for tr in table.select("tbody tr")] == ["Анна", "Борис"]


def test_without_rows_a_data_table_says_so_or_shows_nothing():
    assert rendered(TABLE, rows=[], more=[]).get_text() == "Nobody yet."
    assert rendered(TABLE.replace(' empty="Nobody yet."', ""), rows=[], more=[]).get_text() == ""


@pytest.mark.parametrize(
    "tag",
    [
        "{% data_table %}",
        "{% data_table rows %}",
        '{% data_table rows caption="Who" "Name" %}',
        '{% data_table rows "Name" caption="Who" colour="red" %}',
        '{% data_table rows "Name" caption="Who" caption="Whom" %}',
        '{% data_table rows "Name" caption="Who" id="who" %}',
        '{% scroll_table rows "Name" caption="Who" %}',
    ],
)
def test_a_misspelt_table_is_refused_when_the_template_is_read(tag):
    name = tag.split()[1]
    with pytest.raises(TemplateSyntaxError, match=f"^{name} takes"):
        Template("{% load site_tags %}" + tag + "{% end" + name + " %}")


def test_a_public_table_scrolls_in_a_region_its_shown_caption_names():
    page = rendered(
        "{% load site_tags %}"
        '{% scroll_table rows "Name" caption="Datasets" id="datasets" classname="open-data" %}'
        "{% for row in rows %}<tr><td>{{ row }}</td></tr>{% endfor %}"
        "{% endscroll_table %}",
        rows=["Анна"],
    )

    region = page.select_one("div.table-scroll")
    assert region["role"] == "region" and region["tabindex"] == "0"
    assert page.select_one(f"#{region['aria-labelledby']}").get_text() == "Datasets"
    assert not page.caption.get("class")
    assert region.table["class"] == ["open-data"]
