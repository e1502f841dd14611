from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.page_cache import lazy_context
from home.photos import PhotoMixin
from home.search import searchable
from mentoring_pages.consent.pages import (
    ConsentPageForm,
    PhotoOfPeopleMixin,
    photo_of_people_panel,
)
from mentoring_pages.listing import (
    filter_links,
    index_url,
    paginate,
    query_string,
    selected_id,
    visible_children,
)
from programmes.models import MentoringForm, RoleModel
from programmes.models.programme import DocumentLink

from .base import MentoringFormMixin, SectionIndexPage, SectionPage, optional_link
from .tags import SourceTag, TaggedPageBase, in_language

STORY_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class CaseIndexPage(SectionIndexPage):
    """«Кейсы»: pairs' and groups' work written up, filterable by form and tag."""

    subpage_types = ["mentoring_pages.CasePage"]

    class Meta:
        verbose_name = _("case index")
        verbose_name_plural = _("case indexes")

    cache_query_parameters = ("page", "form", "tag")

    # What the listing's fragment shows (case_index_page.html): read only when it is not kept.
    LISTING = (
        "items", "forms", "tags", "selected_form", "selected_tag", "form_links", "tag_links",
        "query_string",
    )  # fmt: skip

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_context(lambda: self.listing(request), self.LISTING))
        return context

    def listing(self, request):
        """The cases of the chosen form and tag, a page of them, and the filters' links."""
        cases = visible_children(CasePage, self)
        # Only the forms and tags that some case has: no choice leads to an empty list.
        forms = list(MentoringForm.objects.filter(pk__in=cases.values("form")))
        tags = in_language(
            SourceTag.objects.filter(
                mentoring_pages_casetag_items__content_object__in=cases
            ).distinct(),
            self.locale_id,
        )
        # An unknown or malformed value is ignored: the list shows every case.
        form_id = selected_id(request, "form")
        form = next((choice for choice in forms if choice.pk == form_id), None)
        tag_slug = request.GET.get("tag", "")
        tag = next((choice for choice in tags if choice.slug == tag_slug), None)

        shown = (
            cases.select_related("form", "role_model", "image")
            .prefetch_related("image__renditions")
            .order_by("-first_published_at", "-pk")
        )
        if form:
            shown = shown.filter(form=form)
        if tag:
            # The chosen tag may be a translation of the tag the cases link.
            shown = shown.filter(tagged_items__tag__translation_key=tag.translation_key)
        chosen = {"form": form.pk if form else None, "tag": tag.slug if tag else None}
        return {
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


class CaseTag(TaggedPageBase):
    content_object = ParentalKey(
        "mentoring_pages.CasePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CasePageForm(ConsentPageForm):
    """The role model is one of the chosen form's, in the page's language: its choices are
    the page language's role models of the forms offered (its school's), each named
    with its form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("role_model")
        if field is None:
            return
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        role_models = RoleModel.objects.filter(locale_id=locale_id)
        if "form" in self.fields:
            # The forms offered are the page's school's (PageSchoolRecordsOnlyMixin): so are these.
            role_models = role_models.filter(form__in=self.fields["form"].queryset)
            field.error_messages["invalid_choice"] = self.fields["form"].error_messages[
                "invalid_choice"
            ]
        field.queryset = role_models.select_related("form").order_by(
            "form__sort_order", "form__title", "sort_order"
        )
        field.label_from_instance = lambda role_model: f"{role_model.form} — {role_model}"

    def clean(self):
        cleaned_data = super().clean()
        form, role_model = cleaned_data.get("form"), cleaned_data.get("role_model")
        if form and role_model and role_model.form_id != form.pk:
            self.add_error(
                "role_model",
                _("Choose a role model of the chosen form of mentoring, «%(form)s».")
                % {"form": form},
            )
        return cleaned_data


class CasePage(PhotoOfPeopleMixin, PhotoMixin, MentoringFormMixin, SectionPage):
    """A case (кейс): the pair or group is described without names. Its photo may show
    people only on a consent to dissemination, as a mentor's profile does."""

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
        # The role model on its own row: its choices are long («Ученик – ученик —
        # Успевающий – неуспевающий») and in a row of three pushed «Продолжительность» off
        # the screen at 1366 px.
        FieldRowPanel([FieldPanel("form"), FieldPanel("duration")]),
        FieldPanel("role_model"),
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("goal"),
        FieldPanel("what_was_done"),
        FieldPanel("result"),
        photo_of_people_panel(),
        InlinePanel("materials", heading=_("Materials"), label=_("Document")),
        FieldPanel("tags"),
    ]
    search_fields = searchable(
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("goal"),
        index.SearchField("what_was_done"),
        index.SearchField("result"),
    )
    base_form_class = CasePageForm
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
                    "tag_list": in_language(self.tags.all(), self.locale_id),
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
