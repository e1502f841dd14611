"""A linked document says its type and size, in lists and in running text alike."""

import json

import pytest
import wagtail_factories

from home.tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def document(size=2048):
    return wagtail_factories.DocumentFactory(
        title="Положение", file__filename="polozhenie.pdf", file__data=b"x" * size, file_size=size
    )


def test_a_document_linked_in_a_paragraph_carries_its_type_and_size(client, home_page):
    linked = document()
    paragraph = f'<p>См. <a linktype="document" id="{linked.pk}">положение</a>.</p>'
    page = ContentPageFactory(
        parent=home_page, slug="rules", body=json.dumps([{"type": "paragraph", "value": paragraph}])
    )

    content = client.get(page.url).content.decode()

    assert f'<a href="{linked.url}" data-document-meta="PDF, 2,0\xa0КБ">положение</a>' in content


def test_a_document_list_says_the_same_as_a_paragraph(client, home_page):
    listed = document(size=3 * 1024 * 1024)
    block = {
        "type": "documents",
        "value": {"heading": "", "documents": [{"document": listed.pk, "title": ""}]},
    }
    page = ContentPageFactory(parent=home_page, slug="docs", body=json.dumps([block]))

    content = client.get(page.url).content.decode()

    assert '<span class="document-meta">(PDF, 3,0\xa0МБ)</span>' in content
