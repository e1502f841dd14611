import re

from django import template
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.template.base import token_kwargs
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from home import documents
from home.accessibility import settings_for
from home.header_footer import header_footer
from home.page_head import page_head

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
    `is_translation` says whether the target is the same content, for hreflang. On a page's
    sub-route (the section's programme) a translation's link is to the same sub-route, in
    the languages the view names (`sub_route_languages`) if it does."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    translation_urls, sub_route = {}, ""
    if isinstance(page, Page):
        head = page_head(request, page)
        translation_urls = head.translation_urls
        if head.url and request.path.startswith(head.url):
            sub_route = request.path[len(head.url) :]
    links = []
    for code, _name in settings.LANGUAGES:
        url = translation_urls.get(code)
        is_translation = url is not None or page is None
        if url is not None and code in context.get("sub_route_languages", (code,)):
            url += sub_route
        if url is None:
            url = translate_url(request.path, code) if page is None else home_url(code)
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "is_current": code == current,
                "is_default": code == settings.LANGUAGE_CODE,
                "is_translation": is_translation,
            }
        )
    return links


def home_url(language):
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"


register.filter("document_meta", documents.document_meta)


@register.simple_tag
def lang_of_untranslated():
    """` lang="ru"` in a page of another language, for what is kept in the site's language
    only (a school's name): a screen reader then reads it with a Russian voice."""
    if get_language() == settings.LANGUAGE_CODE:
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This address without its query string, which only filters or tracks; a listing's
    later pages keep their number, as they show other content."""
    request = context["request"]
    number = request.GET.get("page", "")
    later_page = re.fullmatch(r"[0-9]{1,6}", number) and int(number) > 1
    suffix = f"?page={int(number)}" if later_page else ""
    return request.build_absolute_uri(request.path) + suffix


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """Links to the page's ancestors from the home page down."""
    return page_head(context.get("request"), page).breadcrumbs


@register.simple_tag(takes_context=True)
def nearest_ancestor_url(context, page, page_type):
    """The address of `page`'s nearest ancestor of `page_type` ("app_label.Model"), or ""."""
    wanted = ContentType.objects.get_for_model(apps.get_model(page_type)).pk
    ancestors = page_head(context.get("request"), page).breadcrumbs
    return next((link.url for link in reversed(ancestors) if link.content_type_id == wanted), "")


@register.simple_tag(takes_context=True)
def meta_description(context):
    """What the page says of itself to search engines and in a shared link, or ""."""
    page = context.get("page")
    return page_head(context.get("request"), page).description if isinstance(page, Page) else ""


@register.simple_tag(takes_context=True)
def og_image_url(context):
    """The address of the picture a shared link to the page shows (OpenGraph), or "": kept
    with the page's head, as the image's change drops the pages that show it."""
    page = context.get("page")
    if not isinstance(page, Page):
        return ""
    request = context.get("request")
    path = page_head(request, page).og_image_path
    return request.build_absolute_uri(path) if path and request is not None else path


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


OPTION = re.compile(r"^\w+=")
TABLE_OPTIONS = {"caption", "empty", "hidden", "classname"}


class TableNode(template.Node):
    def __init__(self, scrolls, rows, headings, options, nodelist):
        self.scrolls, self.rows, self.headings = scrolls, rows, headings
        self.options, self.nodelist = options, nodelist

    def render(self, context):
        options = {name: value.resolve(context) for name, value in self.options.items()}
        if not self.rows.resolve(context):
            return format_html("<p>{}</p>", options["empty"]) if options.get("empty") else ""
        headings = []
        for heading in self.headings:
            value = heading.resolve(context)
            headings.extend(value if isinstance(value, list | tuple) else [value])
        inside = format_html(
            "{}<tbody>{}</tbody>",
            column_headings(*headings, hidden=options.get("hidden", "")),
            self.nodelist.render(context),
        )
        if not self.scrolls:
            return format_html(
                '<table class="{}"><caption class="w-sr-only">{}</caption>{}</table>',
                " ".join(filter(None, ["listing", options.get("classname")])),
                options["caption"],
                inside,
            )
        # A table wider than a phone scrolls on its own; the keyboard reaches it too.
        classname = options.get("classname")
        return format_html(
            '<div class="table-scroll" role="region" aria-labelledby="{}" tabindex="0">'
            '<table{}><caption id="{}">{}</caption>{}</table></div>',
            options["id"],
            format_html(' class="{}"', classname) if classname else "",
            options["id"],
            options["caption"],
            inside,
        )


@register.tag
def data_table(parser, token):
    """`{% data_table rows "Heading" … caption=… empty=… hidden=… classname=… %}` the rows'
    `<tr>`s `{% enddata_table %}`: an admin listing with its head and a caption for screen
    readers, or the `empty` sentence (or nothing) when there are no rows. A heading may be a
    list of headings. `scroll_table`, with an `id` for its caption, is the public pages'
    table: its caption shown, it scrolls sideways on a phone. A text with "%" is given as a
    variable (`{% translate "…" as … %}`): Django's `_("…")` in a tag's argument doubles it."""
    bits = token.split_contents()
    positional = [bit for bit in bits[2:] if not OPTION.match(bit)]
    rest = bits[2 + len(positional) :]
    given = [bit.split("=", 1)[0] for bit in rest]
    options = token_kwargs(rest, parser)  # consumes `rest`; what is left is not an option
    scrolls = bits[0] == "scroll_table"
    required = {"caption", "id"} if scrolls else {"caption"}
    allowed = TABLE_OPTIONS | required
    if (
        len(bits) < 2
        or rest
        or bits[2 : 2 + len(positional)] != positional
        or len(given) != len(set(given))
        or not set(options) <= allowed
        or not required <= set(options)
    ):
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes the rows, the headings, then {', '.join(sorted(required))} and "
            f"any of {', '.join(sorted(allowed - required))}, each once"
        )
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    headings = [parser.compile_filter(bit) for bit in positional]
    return TableNode(scrolls, parser.compile_filter(bits[1]), headings, options, nodelist)


register.tag("scroll_table", data_table)


@register.simple_tag
def column_headings(*headings, hidden=""):
    """A table's head: a column for each heading; `hidden` heads a last column of buttons
    for screen readers only (on screen the buttons say what they do)."""
    cells = format_html_join("", '<th scope="col">{}</th>', ((heading,) for heading in headings))
    if hidden:
        cells += format_html('<th scope="col"><span class="w-sr-only">{}</span></th>', hidden)
    return format_html("<thead><tr>{}</tr></thead>", cells)
