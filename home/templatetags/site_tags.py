from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from home import documents
from home.accessibility import settings_for
from home.routing import live_translations
from home.shell import site_shell

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
        for item in site_shell(context["request"]).menu
    ]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per site language: the translation of this page if it is live, else that
    language's home page (or, off the page tree, the same URL in that language).
    `is_translation` says whether the target is the same content, for hreflang."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    translations = live_translations(page) if isinstance(page, Page) else {}
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
                "is_translation": target is not None or page is None,
            }
        )
    return links


register.filter("document_meta", documents.document_meta)


@register.simple_tag
def breadcrumb_trail(page):
    """The page's ancestors from the home page down. Wagtail's routing leaves each parent
    it walked through on the child, so a served page usually needs no query for them."""
    trail, node = [], page
    while node.depth > 2:
        if "_cached_parent_obj" not in node.__dict__:
            trail.extend(reversed(node.get_ancestors().filter(depth__gte=2)))
            break
        node = node.get_parent()
        trail.append(node)
    return trail[::-1]


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
