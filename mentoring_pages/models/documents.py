from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin

from programmes.models.programme import DocumentKind

from .base import SectionPage


class DocumentsPage(SectionPage):
    """«Методическая копилка»: the programme's documents grouped by kind."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
    ]
    parent_page_types = ["mentoring_pages.MentoringIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("documents page")
        verbose_name_plural = _("documents pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.groups()
        return context

    def groups(self):
        """[(kind label, [items])] in the order of DocumentKind, empty kinds left out."""
        items = self.documents.select_related("document")
        by_kind = {}
        for item in items:
            by_kind.setdefault(item.kind, []).append(item)
        return [(label, by_kind[kind]) for kind, label in DocumentKind.choices if kind in by_kind]


class DocumentsPageItem(TranslatableMixin, Orderable):
    page = ParentalKey(DocumentsPage, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the document's title."),
    )
    date = models.DateField(_("date"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("document"),
        FieldPanel("title"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
