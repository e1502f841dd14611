from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from wagtail.models import Locale, Page
from wagtail.views import serve

# Longer queries find nothing more and only cost the database work.
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        locale = Locale.objects.get_for_language(get_language())
        results = Page.objects.live().public().filter(locale=locale).specific().search(query)
    # get_page() turns "?page=abc" or an out-of-range number into a real page.
    results_page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "home/search.html",
        {"search_query": query, "search_results": results_page},
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
    """`…/page/calendar.ics` is the page's route named in its FILE_ROUTES, if it has one."""
    result = Page.route_for_request(request, path)
    # Wagtail keeps the route it found on the request; the file's own route is another.
    del request._wagtail_route_for_request
    routes = getattr(result[0], "FILE_ROUTES", {}) if result else {}
    if filename not in routes:
        raise Http404
    return serve(request, path + result[0].reverse_subpage(routes[filename]))
