from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.page_cache import lazy_context
from home.search import searchable
from mentoring_pages.listing import (
    filter_links,
    index_url,
    paginate,
    query_string,
    selected_id,
    visible_children,
)
from programmes.models import MentoringForm
from programmes.models.programme import DocumentLink

from .base import MentoringFormMixin, SectionIndexPage, SectionPage, optional_link

STORY_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class CaseIndexPage(SectionIndexPage):
    """«Кейсы»: pairs' and groups' work written up, filterable by form and tag."""

    subpage_types = ["mentoring_pages.CasePage"]

    class Meta:
        verbose_name = _("case index")
        verbose_name_plural = _("case indexes")

    cache_query_parameters = ("page", "form", "tag")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cases = visible_children(CasePage, self)
        # Only the forms and tags that some case has: no choice leads to an empty list.
        forms = list(MentoringForm.objects.filter(pk__in=cases.values("form")))
        tags = list(
            Tag.objects.filter(mentoring_pages_casetag_items__content_object__in=cases)
            .distinct()
            .order_by("name")
        )
        # An unknown or malformed value is ignored: the list shows every case.
        form_id = selected_id(request, "form")
        form = next((choice for choice in forms if choice.pk == form_id), None)
        tag_slug = request.GET.get("tag", "")
        tag = next((choice for choice in tags if choice.slug == tag_slug), None)

        shown = cases.select_related("form", "role_model").order_by("-first_published_at", "-pk")
        if form:
            shown = shown.filter(form=form)
        if tag:
            shown = shown.filter(tagged_items__tag=tag)
        chosen = {"form": form.pk if form else None, "tag": tag.slug if tag else None}
        context.update(
            {
                "items": paginate(request, shown),
                "forms": forms,
                "tags": tags,
                "selected_form": form,
                "selected_tag": tag,
                "form_links": filter_links(
                    "form",
                    [(choice.pk, choice.title) for choice in forms],
                    chosen["form"],
                    keep={"tag": chosen["tag"]},
                ),
                "tag_links": filter_links(
                    "tag",
                    [(choice.slug, choice.name) for choice in tags],
                    chosen["tag"],
                    keep={"form": chosen["form"]},
                ),
                "query_string": query_string(**chosen),
            }
        )
        return context


class CaseTag(TaggedItemBase):
    content_object = ParentalKey(
        "mentoring_pages.CasePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CasePage(MentoringFormMixin, SectionPage):
    """A case (кейс): the pair or group is described without names."""

    description_fields = ("summary", "problem")

    role_model = optional_link("programmes.RoleModel", _("role model"))
    summary = models.TextField(_("summary"), max_length=500, blank=True)
    problem = RichTextField(_("the problem"), features=STORY_FEATURES)
    goal = RichTextField(_("the goal"), features=STORY_FEATURES)
    what_was_done = RichTextField(_("what was done"), features=STORY_FEATURES)
    result = RichTextField(
        _("the result"),
        features=STORY_FEATURES,
        help_text=_("With numbers where there are any: marks, attendance, awards."),
    )
    duration = models.CharField(_("duration"), max_length=100, blank=True)
    tags = ClusterTaggableManager(through=CaseTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("form"), FieldPanel("role_model"), FieldPanel("duration")]),
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("goal"),
        FieldPanel("what_was_done"),
        FieldPanel("result"),
        InlinePanel("materials", heading=_("Materials"), label=_("Document")),
        FieldPanel("tags"),
    ]
    search_fields = searchable(
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("what_was_done"),
        index.SearchField("result"),
    )
    parent_page_types = ["mentoring_pages.CaseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            lazy_context(
                lambda: {
                    # The form and the tags link to the index filtered by them.
                    "index_url": index_url(self, request),
                    "materials": self.materials.select_related("document"),
                    "tag_list": sorted(self.tags.all(), key=lambda tag: tag.name),
                },
                ("index_url", "materials", "tag_list"),
            )
        )
        return context


class CaseMaterial(DocumentLink):
    page = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="materials")

    class Meta(DocumentLink.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")
