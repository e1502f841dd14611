from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock

LATEST_NEWS = 3


class HomePage(Page):
    """The root of a school's site in one language."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.ContentPage", "mentoring_pages.MentoringIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        # Imported here: the section's models import this app's blocks.
        from mentoring_pages.models import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().in_menu().specific()
        context["latest_news"] = (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-pk")[:LATEST_NEWS]
        )
        return context


class ContentPage(Page):
    """A generic page of text, images, documents and tables."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class LocalizedOrganisation:
    """The organisation's names and address in the language being rendered."""

    def __init__(self, site_settings, language):
        english = language == "en"
        for field in ("full_name", "short_name", "address"):
            value = getattr(site_settings, field)
            if english:
                value = getattr(site_settings, f"{field}_en") or value
            setattr(self, field, value)
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
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("personal data policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

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

    def localized(self, language=None):
        return LocalizedOrganisation(self, language or get_language())
