from django.conf import settings
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

import programmes.models  # noqa: F401 - before admin_forms, whose models import it back
from programmes.admin_forms import SchoolPageForm
from programmes.fields import optional_link

from .blocks import BodyBlock
from .descriptions import DescribedPageMixin
from .page_cache import FragmentCacheMixin
from .photos import PhotoMixin, photo_at_the_top_panel
from .search import StemmedSearchMixin, searchable

# Page apps add to the home page's context with this hook, so home need not know them.
HOME_PAGE_CONTEXT_HOOK = "construct_home_page_context"


class HomePage(PhotoMixin, DescribedPageMixin, StemmedSearchMixin, FragmentCacheMixin, Page):
    """The root of a school's site in one language.

    What goes under it is up to each page type's `parent_page_types`: content pages go
    anywhere, a page app's section names the home page. What it shows besides its own
    content and sections, the page apps add with the `construct_home_page_context` hook:
    a function `(page, request, lists)` that adds to the dict `lists` in place, as
    mentoring_pages adds the latest news; the template reads them as `lists.NAME`."""

    base_form_class = SchoolPageForm

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        photo_at_the_top_panel(),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = searchable(index.SearchField("intro"), index.SearchField("body"))

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def read_lists():
            lists = {"sections": self.get_children().live().public().in_menu().specific()}
            for add_to_context in hooks.get_hooks(HOME_PAGE_CONTEXT_HOOK):
                add_to_context(self, request, lists)
            return lists

        # Read only when the page's fragment is not kept (templates/home/home_page.html).
        context["lists"] = SimpleLazyObject(read_lists)
        return context


class ContentPage(DescribedPageMixin, StemmedSearchMixin, Page):
    """A generic page of text, images, documents and tables."""

    base_form_class = SchoolPageForm

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = searchable(index.SearchField("intro"), index.SearchField("body"))

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class LocalizedOrganisation:
    """The organisation's names and address in the language being rendered. One not given in
    English is shown in Russian on English pages, its `<field>_lang` then saying so, for a
    `lang` attribute: a screen reader reads it with a Russian voice. `name` is what heads
    the site: the short name, else the full one."""

    def __init__(self, site_settings, language):
        english = language == "en"
        for field in ("full_name", "short_name", "address"):
            value, value_language = getattr(site_settings, field), ""
            if english:
                translated = getattr(site_settings, f"{field}_en")
                value, value_language = (
                    translated or value,
                    "" if translated else settings.LANGUAGE_CODE,
                )
            setattr(self, field, value)
            setattr(self, f"{field}_lang", value_language if value else "")
        named_by = "short_name" if self.short_name else "full_name"
        self.name, self.name_lang = getattr(self, named_by), getattr(self, f"{named_by}_lang")
        self.phone = site_settings.phone
        self.email = site_settings.email


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The school's details shown in the header and footer of every page."""

    full_name = models.CharField(_("full name of the organisation"), max_length=500, blank=True)
    short_name = models.CharField(_("short name"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    full_name_en = models.CharField(_("full name in English"), max_length=500, blank=True)
    short_name_en = models.CharField(_("short name in English"), max_length=200, blank=True)
    address_en = models.CharField(_("address in English"), max_length=500, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    logo = optional_link("wagtailimages.Image", _("logo"))
    privacy_policy_page = optional_link("wagtailcore.Page", _("personal data policy page"))

    panels = [
        MultiFieldPanel(
            [FieldPanel("full_name"), FieldPanel("short_name"), FieldPanel("address")],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("full_name_en"), FieldPanel("short_name_en"), FieldPanel("address_en")],
            heading=_("Organisation in English"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("logo")],
            heading=_("Contacts"),
        ),
        FieldPanel("privacy_policy_page"),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def localized(self, language=None):
        return LocalizedOrganisation(self, language or get_language())
