import datetime

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.photos import PhotoMixin
from home.search import searchable
from mentoring_pages import feeds
from mentoring_pages.consent.pages import PhotoOfPeopleMixin, photo_of_people_panel
from mentoring_pages.listing import paginate, visible_children

from .base import SectionPage
from .tags import TaggedPageBase, in_language


class NewsIndexPage(RoutablePageMixin, SectionPage):
    """«Новости»: newest first, paginated, with RSS and Atom feeds per language."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = searchable(index.SearchField("intro"))
    parent_page_types = ["mentoring_pages.MentoringIndexPage"]
    subpage_types = ["mentoring_pages.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    cache_query_parameters = ("page",)

    def get_cached_paths(self):
        return ["/", "rss/", "atom/"]

    def news(self):
        """The live news items, newest first."""
        return visible_children(NewsPage, self).order_by("-date", "-pk")

    @path("")
    def index(self, request):
        # One query for the items and one for all their pictures' renditions, made only
        # when the listing's fragment is not kept (news_index_page.html).
        items = self.news().select_related("image").prefetch_related("image__renditions")
        listing = {"items": SimpleLazyObject(lambda: paginate(request, items))}
        return self.render(request, context_overrides=listing)

    @path("rss/")
    def rss(self, request):
        return feeds.NewsRssFeed(self)(request)

    @path("atom/")
    def atom(self, request):
        return feeds.NewsAtomFeed(self)(request)


class NewsTag(TaggedPageBase):
    content_object = ParentalKey(
        "mentoring_pages.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(PhotoOfPeopleMixin, PhotoMixin, SectionPage):
    """A news item. Its photo, with people in it, is published only on a recorded consent."""

    description_fields = ("lead",)

    date = models.DateField(_("date"), default=datetime.date.today)
    lead = models.TextField(_("lead"), max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=NewsTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        photo_of_people_panel(),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = searchable(index.SearchField("lead"), index.SearchField("body"))
    parent_page_types = ["mentoring_pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tag_list"] = SimpleLazyObject(lambda: in_language(self.tags.all(), self.locale_id))
        return context
