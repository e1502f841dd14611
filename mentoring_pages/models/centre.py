"""The municipal mentoring centre's public page: every school taking part, at a glance."""

from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.descriptions import DescribedPageMixin
from home.page_cache import FragmentCacheMixin
from home.search import StemmedSearchMixin, searchable
from mentoring_pages.centre.rollup import school_summaries
from mentoring_pages.roadmap import statuses


class MunicipalCentrePage(DescribedPageMixin, StemmedSearchMixin, FragmentCacheMixin, Page):
    """The root of the centre's site: the schools with their roadmap progress, coverage
    against the targets and participant counts, each linking to its own site."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = searchable(index.SearchField("intro"))
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.ContentPage"]
    max_count_per_parent = 1
    # What the page shows of every school: a change to one of these drops it from the
    # caches (home.purging).
    rolls_up = (
        "programmes.school",
        "home.homepage",
        "mentoring_pages.roadmappage",
        "programmes.programme",
        "programmes.mentoringform",
        "programmes.targetindicator",
        "programmes.participationfigures",
        "wagtailcore.site",
    )

    class Meta:
        verbose_name = _("municipal mentoring centre")
        verbose_name_plural = _("municipal mentoring centres")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the schools' fragment is not kept (municipal_centre_page.html).
        context["schools"] = SimpleLazyObject(lambda: school_summaries(self.locale))
        context["today"] = statuses.today()
        return context
