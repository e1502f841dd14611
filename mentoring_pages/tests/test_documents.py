"""«Методическая копилка»: the programme's documents grouped by kind, each with its date,
type and size."""

import datetime
import re

import pytest
import wagtail_factories

from mentoring_pages.models import DocumentsPageItem
from mentoring_pages.tests.conftest import PAGE_QUERY_LIMIT
from mentoring_pages.tests.html import page_html
from programmes.models.programme import DocumentKind
from site_project.translation import translate

pytestmark = pytest.mark.django_db


def document(title, size=2048, extension="pdf"):
    return wagtail_factories.DocumentFactory(
        title=title,
        file__filename=f"file.{extension}",
        file__data=b"x" * size,
        file_size=size,
    )


def add_item(page, kind, document_title, file=None, **fields):
    """An item of the page, its document uploaded as the admin does (size recorded)."""
    return DocumentsPageItem.objects.create(
        page=page,
        kind=kind,
        document=document(document_title, **(file or {})),
        locale=page.locale,
        **fields,
    )


def headings(content):
    return re.findall(r'<h2 id="documents-\d+">([^<]+)</h2>', content)


def test_documents_are_grouped_by_kind_in_a_fixed_order(client, section):
    add_item(section.documents, DocumentKind.TEMPLATE, "Шаблон плана")
    add_item(section.documents, DocumentKind.LEGAL_ACT, "Распоряжение Минпросвещения")
    add_item(section.documents, DocumentKind.ORDER, "Приказ о наставничестве")
    add_item(section.documents, DocumentKind.LEGAL_ACT, "Методические рекомендации")

    response = client.get(section.documents.url)

    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Методическая копилка</h1>" in content
    assert '<a href="/nastavnichestvo/">Наставничество</a>' in content  # breadcrumbs
    groups = re.split(r'<h2 id="documents-\d+">', content)[1:]
    assert len(groups) == 3  # legal acts, orders, templates: empty kinds are left out
    assert "Распоряжение Минпросвещения" in groups[0]
    assert "Методические рекомендации" in groups[0]
    assert "Приказ о наставничестве" in groups[1]
    assert "Шаблон плана" in groups[2]


def test_each_document_has_its_date_type_and_size(client, section):
    add_item(
        section.documents,
        DocumentKind.REGULATION,
        "Положение о наставничестве",
        title="Положение (редакция 2024 года)",
        date=datetime.date(2024, 9, 1),
        file={"size": 1536, "extension": "docx"},
    )

    content = client.get(section.documents.url).content.decode()

    assert re.search(
        r'<a href="/documents/\d+/file\.docx">Положение \(редакция 2024 года\)</a> '
        r'<span class="document-meta">\(DOCX, 1[,.]5',
        content,
    )
    assert '<time class="document-list__date" datetime="2024-09-01">' in content


def test_empty_page_says_so(client, section):
    content = client.get(section.documents.url).content.decode()

    assert "<h1>Методическая копилка</h1>" in content
    assert 'class="empty-state"' in content
    assert "<h2" not in content.split("<main")[1]


def test_documents_page_in_english(client, section, home_page, english):
    add_item(section.documents, DocumentKind.ORDER, "Приказ", title="Приказ о наставничестве")
    translate(home_page, english, {"Главная": "Home"})
    translate(section.landing, english, {"Наставничество": "Mentoring"})
    translate(
        section.documents,
        english,
        {"Методическая копилка": "Resources", "Приказ о наставничестве": "Mentoring order"},
    )

    content = page_html(client, "/en/nastavnichestvo/documents/", "en")

    assert "<h1>Resources</h1>" in content
    assert headings(content) == ["Orders"]
    assert ">Mentoring order</a>" in content
    assert '<a href="/en/nastavnichestvo/">Mentoring</a>' in content


def test_empty_english_page_says_so(client, section, home_page, english):
    translate(home_page, english, {"Главная": "Home"})
    translate(section.landing, english, {"Наставничество": "Mentoring"})
    translate(section.documents, english, {"Методическая копилка": "Resources"})

    content = client.get("/en/nastavnichestvo/documents/").content.decode()

    assert "No documents yet." in content


def test_queries_do_not_grow_with_the_documents(few_and_many, section):
    kinds = list(DocumentKind)

    def add(count):
        for number in range(count):
            add_item(
                section.documents,
                kinds[number % len(kinds)],
                f"Документ {number}",
                date=datetime.date(2024, 1, 1),
            )

    few, many = few_and_many(section.documents.url, add)

    assert len(few) == len(many) <= PAGE_QUERY_LIMIT, many
