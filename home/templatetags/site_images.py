"""`{% picture %}` as Wagtail's, with each tag's filters parsed once, not at every render.

Wagtail's node builds new filters (and parses their operations) for every image it renders:
on a listing of mentor cards, three formats in two sizes each, that was almost half of the
page's time (README, Benchmark). A compiled template keeps its nodes, and so the filters."""

from django import template
from django.utils.functional import cached_property
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()


class PictureNode(wagtailimages_tags.PictureNode):
    @cached_property
    def filters(self):
        return super().get_filters()

    def get_filters(self):
        return self.filters


@register.tag("picture")
def picture(parser, token):
    parsed = wagtailimages_tags.image(parser, token)
    return PictureNode(
        parsed.image_expr,
        parsed.filter_specs,
        output_var_name=parsed.output_var_name,
        attrs=parsed.attrs,
    )
