from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import InlinePanel

from programmes.models.programme import DocumentItem, DocumentKind

from .base import SectionIndexPage


class DocumentsPage(SectionIndexPage):
    """«Методическая копилка»: the programme's documents grouped by kind."""

    content_panels = SectionIndexPage.content_panels + [
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
    ]
    subpage_types = []

    class Meta:
        verbose_name = _("documents page")
        verbose_name_plural = _("documents pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the list's fragment is not kept (documents_page.html).
        context["groups"] = SimpleLazyObject(self.groups)
        return context

    def groups(self):
        """[(kind label, [items])] in the order of DocumentKind, empty kinds left out."""
        items = self.documents.select_related("document")
        by_kind = {}
        for item in items:
            by_kind.setdefault(item.kind, []).append(item)
        return [(label, by_kind[kind]) for kind, label in DocumentKind.choices if kind in by_kind]


class DocumentsPageItem(DocumentItem):
    page = ParentalKey(DocumentsPage, on_delete=models.CASCADE, related_name="documents")

    class Meta(DocumentItem.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
