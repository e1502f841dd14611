"""What is kept of a page's head and of the header and footer is read only by a release
whose pieces have the same shape: after an upgrade that changes them, pages are built anew,
never from values that lack a field (each would be an error on every page until midnight)."""

import dataclasses

import pytest
from wagtail.models import Page

from home import header_footer, page_head
from home.tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


# The pieces as a later release has them, under the same names: a field more each, which a
# value kept by this release lacks.
@dataclasses.dataclass(frozen=True)
class LaterPageHead(page_head.PageHead):
    subtitle: str = dataclasses.field(default_factory=str)


@dataclasses.dataclass(frozen=True)
class LaterHeaderFooter(header_footer.HeaderFooter):
    notice: str = dataclasses.field(default_factory=str)


@pytest.fixture
def page(home_page):
    section = ContentPageFactory(
        parent=home_page, title="Раздел", slug="razdel", show_in_menus=True
    )
    return ContentPageFactory(parent=section, title="Положение", slug="polozhenie")


def test_a_release_with_another_page_head_builds_its_own(client, rf, page, monkeypatch):
    assert client.get(page.url).status_code == 200  # this release keeps its head
    monkeypatch.setattr(page_head, "PageHead", LaterPageHead)
    served = Page.objects.get(pk=page.pk).specific
    head = page_head.page_head(rf.get(page.url), served)

    assert head.subtitle == ""
    assert [link.title for link in head.breadcrumbs] == ["Главная", "Раздел"]


def test_a_release_with_another_header_builds_its_own(client, rf, page, monkeypatch):
    assert client.get(page.url).status_code == 200  # this release keeps its header
    monkeypatch.setattr(header_footer, "HeaderFooter", LaterHeaderFooter)
    built = header_footer.header_footer(rf.get(page.url))

    assert built.notice == ""
    assert "Раздел" in [item.title for item in built.menu]
