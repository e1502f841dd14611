from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from wagtail.models import Locale, Page
from wagtail.url_routing import RouteResult
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
    """`…/page/calendar.ics` is the page's route named in its FILE_ROUTES, if it has one.

    Wagtail's own view serves it, view restrictions and all, from the route found here."""
    result = Page.route_for_request(request, path)
    page = result[0] if result else None
    routes = getattr(page, "FILE_ROUTES", {})
    if filename not in routes:
        raise Http404
    match = page.resolve_subpage("/" + page.reverse_subpage(routes[filename]))
    request.routable_resolver_match = match
    request._wagtail_route_for_request = RouteResult(page, args=tuple(match))
    return serve(request, path)
