"""Wagtail's image tags, cheaper to render.

- `{% picture %}` keeps each tag's filters parsed: Wagtail's node builds new filters (and
  parses their operations) for every image it renders; on a listing of mentor cards, three
  formats in two sizes each, that was almost half of the page's time (README, Benchmark).
- Renditions found in the cache are not written back to it. Wagtail 8.0 writes every
  rendition it read from the cache back on every render (fixed upstream in
  wagtail/wagtail#14541, not yet released): on a news item, ten pickled renditions per
  request. Here they are handed to Wagtail as prefetched, which it does not write.
- Renditions are read from the cache once per process, and the `<picture>` markup of the
  same renditions is built once per process: Wagtail builds each rendition's URL, srcset
  and attributes anew, over a third of the time of a listing of fifty mentors. A rendition
  never changes (a new file or crop makes new ones) and its address does not expire
  (files under MEDIA_URL, not signed links), so its identity and the tag's attributes are
  the whole key.
- `{% rendition image "spec" as name %}` stands in for `{% image image spec as name %}`,
  which writes even a prefetched rendition back."""

from django import template
from django.utils.functional import cached_property
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()
FROM_CACHE = "_renditions_from_cache"


def _prefetched(image):
    return image._get_prefetched_renditions()


def renditions_from_cache(image, filters):
    """Give `image` the renditions for `filters` that the cache holds, as prefetched, when
    it holds them all. Left alone: an image whose renditions a view prefetched, and one
    the cache lacks some for (Wagtail then looks in the database, or makes them)."""
    ours = getattr(image, FROM_CACHE, False)
    if not ours and _prefetched(image) is not None:
        return
    Rendition = image.get_rendition_model()
    filters = [image.clean_filter_for_svg(f) for f in filters]
    have = {(r.filter_spec, r.focal_point_key) for r in _prefetched(image) or ()}
    wanted = {
        Rendition.construct_cache_key(image, key, f.spec): f
        for f in filters
        if (f.spec, key := f.get_cache_key(image)) not in have
    }
    found = _known_renditions(wanted)
    missing = [key for key in wanted if key not in found]
    if missing:
        fetched = Rendition.cache_backend.get_many(missing)
        _remember_renditions(fetched)
        found.update(fetched)
    if len(found) == len(wanted):
        for rendition in found.values():
            rendition.image = image
        image.prefetched_renditions = [*(_prefetched(image) or ()), *found.values()]
        setattr(image, FROM_CACHE, True)
    elif ours:
        del image.prefetched_renditions
        setattr(image, FROM_CACHE, False)


RENDITIONS_MAX = 4096
_renditions = {}


def _known_renditions(cache_keys):
    """The renditions this process has read from the cache before: a rendition never
    changes once made, so it is read once, not on every render. Wagtail's key names the
    image, its file's hash and the crop: a new file or crop is another key."""
    return {key: _renditions[key] for key in cache_keys if key in _renditions}


def _remember_renditions(renditions):
    if len(_renditions) + len(renditions) > RENDITIONS_MAX:
        _renditions.clear()
    _renditions.update(renditions)


PICTURES_MAX = 4096
_pictures = {}


def picture_html(renditions, attrs):
    """Wagtail's `<picture>` for these renditions ({spec: rendition}) and attributes, built
    once per process."""
    key = (
        tuple(
            (spec, r.pk, r.file.name, r.width, r.height, r.alt) for spec, r in renditions.items()
        ),
        tuple(sorted(attrs.items())),
    )
    try:
        html = _pictures.get(key)
    except TypeError:  # an attribute that is not a plain value
        return Picture(renditions, attrs).__html__()
    if html is None:
        if len(_pictures) >= PICTURES_MAX:
            _pictures.clear()
        html = _pictures[key] = Picture(renditions, attrs).__html__()
    return html


class PictureNode(wagtailimages_tags.PictureNode):
    @cached_property
    def filters(self):
        return super().get_filters()

    def get_filters(self):
        return self.filters

    def validate_image(self, context):
        image = super().validate_image(context)
        if image:
            renditions_from_cache(image, self.filters)
        return image

    def render(self, context):
        if self.output_var_name:
            return super().render(context)
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = get_renditions_or_not_found(image, self.filters)
        attrs = {name: value.resolve(context) for name, value in self.attrs.items()}
        return picture_html(renditions, attrs)


@register.tag("picture")
def picture(parser, token):
    parsed = wagtailimages_tags.image(parser, token)
    return PictureNode(
        parsed.image_expr,
        parsed.filter_specs,
        output_var_name=parsed.output_var_name,
        attrs=parsed.attrs,
    )


@register.simple_tag
def rendition(image, spec):
    """The rendition of `image` for one filter spec, for `{% rendition … as name %}`."""
    image_filter = Filter(spec=spec)
    renditions_from_cache(image, [image_filter])
    (found,) = get_renditions_or_not_found(image, [image_filter]).values()
    return found
