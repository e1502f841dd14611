import re

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, get_language_info
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Page

from home import documents
from home.accessibility import settings_for
from home.header_footer import header_footer
from home.page_cache import kept_for_page

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The site's sections in the current language, each with its aria-current value:
    "page" for the page shown, "true" for the section it lies in."""
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return [
        {
            "title": item.title,
            "url": item.url,
            "aria_current": "page"
            if item.path == current_path
            else ("true" if current_path.startswith(item.path) else ""),
        }
        for item in header_footer(context["request"]).menu
    ]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per site language: the translation of this page if it is live, else that
    language's home page (or, off the page tree, the same URL in that language).
    `is_translation` says whether the target is the same content, for hreflang."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    translations = relatives(page)[1] if isinstance(page, Page) else {}
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        elif page is None:
            url = translate_url(request.path, code)
        else:
            url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "is_current": code == current,
                "is_default": code == settings.LANGUAGE_CODE,
                "is_translation": target is not None or page is None,
            }
        )
    return links


register.filter("document_meta", documents.document_meta)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This address without its query string, which only filters or tracks; a listing's
    later pages keep their number, as they show other content."""
    request = context["request"]
    number = request.GET.get("page", "")
    later_page = re.fullmatch(r"[0-9]{1,6}", number) and int(number) > 1
    suffix = f"?page={int(number)}" if later_page else ""
    return request.build_absolute_uri(request.path) + suffix


@register.simple_tag
def breadcrumb_trail(page):
    """The page's ancestors from the home page down."""
    return relatives(page)[0]


RELATIVES = "site_tags_relatives"


def relatives(page):
    """(the page's ancestors from the home page down, {language: live translation}): the
    breadcrumbs and the language switcher, read in one query, kept until the page is dropped
    (home.purging drops it with its ancestors and translations), and once per page served."""
    found = page.__dict__.get(RELATIVES)
    if found is None:
        found = kept_for_page(page.pk, f"relatives:{page.pk}", lambda: read_relatives(page))
        page.__dict__[RELATIVES] = found
    return found


OG_IMAGE_FILTER = "fill-1200x630"


@register.simple_tag(takes_context=True)
def og_image_url(context):
    """The address of the picture a shared link to the page shows (OpenGraph), or "": kept
    with the page's pieces, as the image's change drops the pages that show it."""
    page = context.get("page")
    # A page type without a picture (og_image = None) asks the cache nothing.
    if not isinstance(page, Page) or getattr(type(page), "og_image", None) is None:
        return ""

    def build():
        image = getattr(page, "og_image", None)
        # As {% image %} does: a file missing from the storage gives a placeholder.
        return get_rendition_or_not_found(image, OG_IMAGE_FILTER).url if image else ""

    request = context.get("request")
    # A preview shows the draft's picture, which is not the one kept.
    if getattr(request, "is_preview", False):
        path = build()
    else:
        path = kept_for_page(page.pk, f"og-image:{page.pk}", build)
    return request.build_absolute_uri(path) if path and request is not None else path


def read_relatives(page):
    steps = range(2 * Page.steplen, len(page.path), Page.steplen)
    ancestor_paths = {page.path[:end] for end in steps}
    rows = (
        Page.objects.filter(
            Q(path__in=ancestor_paths) | Q(translation_key=page.translation_key, live=True)
        )
        .select_related("locale")
        .order_by("path")
    )
    ancestors, translations = [], {}
    for row in rows:
        if row.path in ancestor_paths:
            ancestors.append(row)
        else:
            translations[row.locale.language_code] = row
    return ancestors, translations


class ImageOrAltNode(template.Node):
    def __init__(self, alt, nodelist):
        self.alt = alt
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        settings = settings_for(request) if request is not None else None
        if settings is None or not settings.images_hidden:
            return self.nodelist.render(context)
        alt = self.alt.resolve(context)
        # A decorative image (empty alt) leaves nothing behind.
        return format_html('<span class="image-alt">{}</span>', alt) if alt else ""


@register.tag
def image_or_alt(parser, token):
    """{% image_or_alt ALT %}<the image>{% endimage_or_alt %}: the image, or its alt text
    in its place when the visitor has hidden images in the version for the visually
    impaired."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes the alt text only")
    nodelist = parser.parse(("endimage_or_alt",))
    parser.delete_first_token()
    return ImageOrAltNode(parser.compile_filter(bits[1]), nodelist)


@register.simple_tag
def column_headings(*headings, hidden=""):
    """A table's head: a column for each heading; `hidden` heads a last column of buttons
    for screen readers only (on screen the buttons say what they do)."""
    cells = format_html_join("", '<th scope="col">{}</th>', ((heading,) for heading in headings))
    if hidden:
        cells += format_html('<th scope="col"><span class="w-sr-only">{}</span></th>', hidden)
    return format_html("<thead><tr>{}</tr></thead>", cells)
