"""What is kept of a page's head and of the header and footer is read only by a release
whose pieces have the same shape: after an upgrade that changes them, pages are built anew,
never from values that lack a field (each would be an error on every page for a day)."""

import dataclasses

import pytest
from wagtail.models import Page

from home import header_footer, page_head
from home.tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def as_released(cls, original):
    """`cls` under the name of `original`, as a later release defines it."""
    cls.__module__, cls.__qualname__ = original.__module__, original.__qualname__
    return cls


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


def never(*args):
    raise AssertionError("built again, not read from the cache")


def test_a_release_with_another_page_head_builds_its_own(client, rf, page, monkeypatch):
    client.get(page.url)
    with monkeypatch.context() as kept:
        kept.setattr(page_head, "read_page_head", never)
        page_head.page_head(rf.get(page.url), Page.objects.get(pk=page.pk).specific)

    monkeypatch.setattr(page_head, "PageHead", as_released(LaterPageHead, page_head.PageHead))
    head = page_head.page_head(rf.get(page.url), Page.objects.get(pk=page.pk).specific)

    assert head.subtitle == ""
    assert [link.title for link in head.breadcrumbs] == ["Главная", "Раздел"]


def test_a_release_with_another_header_builds_its_own(client, rf, page, monkeypatch):
    client.get(page.url)
    with monkeypatch.context() as kept:
        kept.setattr(header_footer, "build_header_footer", never)
        header_footer.header_footer(rf.get(page.url))

    later = as_released(LaterHeaderFooter, header_footer.HeaderFooter)
    monkeypatch.setattr(header_footer, "HeaderFooter", later)
    built = header_footer.header_footer(rf.get(page.url))

    assert built.notice == ""
    assert "Раздел" in [item.title for item in built.menu]
