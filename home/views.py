from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import static
from wagtail import hooks
from wagtail.models import Locale, Page, Site

from . import accessibility as accessibility_settings
from .search import WORD, StemmedSearchMixin, ranked

# Longer queries find nothing more and only cost the database work.
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    found_pks = []
    language = get_language()
    # Only the words are searched for: quotes, NUL and the database's own search syntax
    # would reach SQLite's full-text query as they are, and fail there.
    words = WORD.findall(query)
    site = Site.find_for_request(request)
    if words and site is not None:
        # This school's pages only (a municipality's schools share the installation), in
        # the language of the page: below its home page as routing finds it (the live
        # translation in that language).
        locale = Locale.objects.get_for_language(language)
        home = site.root_page.localized
        pages = Page.objects.live().public().descendant_of(home, inclusive=True)
        found_pks = ranked(pages.filter(locale=locale), words, language)
    # get_page() turns "?page=abc" or an out-of-range number into a real page.
    results_page = Paginator(found_pks, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    shown = {
        page.pk: page for page in Page.objects.filter(pk__in=results_page.object_list).specific()
    }
    found = [
        {
            "page": shown[pk],
            "type": shown[pk].get_verbose_name(),
            "excerpt": shown[pk].search_excerpt(query, language)
            if isinstance(shown[pk], StemmedSearchMixin)
            else "",
        }
        for pk in results_page
        if pk in shown
    ]
    return TemplateResponse(
        request,
        "home/search.html",
        {"search_query": query, "search_results": results_page, "found": found},
    )


def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /en/search/",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def serve_page_file(request, path, filename):
    """`…/page/calendar.ics` is the page's route named in its FILE_ROUTES, if it has one,
    served as Wagtail's own view serves a page: its hooks first (view restrictions)."""
    found = Page.route_for_request(request, path)
    page = found.page if found else None
    routes = getattr(page, "FILE_ROUTES", {})
    if filename not in routes:
        raise Http404
    args = page.resolve_subpage("/" + page.reverse_subpage(routes[filename]))

    def serve_page(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        serve_page = wrap(serve_page)
    for hook in hooks.get_hooks("before_serve_page"):
        answer = hook(page, request, args, {})
        if isinstance(answer, HttpResponse):
            return answer
    return serve_page(page, request, args, {})


# Files' addresses carry no language, which would otherwise mean the site's default: a visitor
# reading in English whose link to a document or picture has gone stale is told so in English.
FILE_PATHS = ("/documents/", "/media/")


def answer_in_visitors_language(request):
    """Messages in the language the visitor's browser asks for (Accept-Language), at an
    address that carries none."""
    translation.activate(translation.get_language_from_request(request))


def page_not_found(request, exception):
    """The 404 page; at a file's address, in the visitor's language."""
    if request.path_info.startswith(FILE_PATHS):
        answer_in_visitors_language(request)
    return render(request, "404.html", {"heading": _("Page not found")}, status=404)


def permission_denied(request, exception):
    """The 403 page, with the reason our refusals give (home.publishing)."""
    context = {"heading": _("Not allowed"), "exception": str(exception)}
    return render(request, "403.html", context, status=403)


def bad_request(request, exception):
    """The 400 page: a request Django refuses before any view (a form over
    DATA_UPLOAD_MAX_MEMORY_SIZE, a broken one)."""
    try:
        request.get_host()
    except DisallowedHost:
        # An address that is none of ours: no school's page to show, and rendering one asks
        # for the host again, which would turn the 400 into a server error.
        return HttpResponseBadRequest(_("Bad request"), content_type="text/plain; charset=utf-8")
    return render(request, "400.html", {"heading": _("Bad request")}, status=400)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent with an expired token or without the site's cookie.
    Says what to do, and leads back to the form's page when the browser says where it was."""
    context = {
        "heading": _("The form was not accepted"),
        "back_url": accessibility_settings.of_this_site(
            request, request.headers.get("referer", "")
        ),
    }
    return render(request, "403_csrf.html", context, status=403)


def image_file(request, path):
    """An image rendition from MEDIA_ROOT, where nginx does not serve them (make serve)."""
    return static.serve(request, path, document_root=settings.MEDIA_ROOT / "images")


def accessibility(request):
    """The settings of the version for the visually impaired. Without parameters: the
    form. With them (the form's or a panel link's): store them in the cookie and return
    to `next` if it is a page of this site. `version=normal` deletes the cookie."""
    next_url = accessibility_settings.safe_next(request)
    return_url = next_url or accessibility_settings.settings_url("")
    current = accessibility_settings.settings_for(request)
    version = request.GET.get("version")
    changed, invalid = accessibility_settings.apply_changes(current, request.GET)
    if version not in (None, "normal"):
        invalid.append("version")
    if invalid:
        response = accessibility_page(request, current, next_url, status=400)
    elif version == "normal":
        response = HttpResponseRedirect(return_url)
        response.delete_cookie(accessibility_settings.COOKIE_NAME, samesite="Lax")
    elif any(setting.name in request.GET for setting in accessibility_settings.SETTINGS):
        response = HttpResponseRedirect(return_url)
        response.set_cookie(
            accessibility_settings.COOKIE_NAME,
            changed.cookie_value,
            max_age=accessibility_settings.COOKIE_MAX_AGE,
            samesite="Lax",
            httponly=True,
            secure=request.is_secure(),
        )
    else:
        response = accessibility_page(request, current, next_url)
    # The answer depends on the visitor's cookie, and a redirect sets one: no shared cache
    # may keep either.
    patch_cache_control(response, private=True, no_store=True)
    return response


def accessibility_page(request, current, next_url, status=200):
    settings = current or accessibility_settings.AccessibilitySettings()
    return TemplateResponse(
        request,
        "home/accessibility.html",
        {
            "form_settings": [
                (setting, getattr(settings, setting.name))
                for setting in accessibility_settings.SETTINGS
            ],
            "form_next": next_url,
            "invalid": status == 400,
            "heading": _("Version for the visually impaired"),
        },
        status=status,
    )
