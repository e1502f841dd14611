from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import school_isolation
from home import views as home_views
from home.security import view_passwords
from home.sitemaps import TranslatedSitemap
from mentoring_pages.api import docs as api_docs
from mentoring_pages.api import opendata as open_data

urlpatterns = [
    # Wagtail's views that no hook narrows to a school, at their own addresses (first match).
    path("admin/", include(school_isolation.admin_urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password form of a collection at its own address, behind a limit on wrong
    # passwords (first match).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        view_passwords.collection_password,
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("mentoring_pages.api.urls")),
    path("opendata/list.csv", open_data.open_data_list, name="open_data_list"),
    path(
        "opendata/<slug:identifier>/<str:name>",
        open_data.open_data_file,
        name="open_data_file",
    ),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": TranslatedSitemap}},
        name="sitemap",
    ),
]

handler400 = home_views.bad_request
handler403 = home_views.permission_denied
handler404 = home_views.page_not_found

# Image renditions, for a site served without nginx (`make run`, `make serve`); nginx serves
# them from disk itself (deploy/nginx/). Images only: documents (consent scans among them)
# go through Wagtail's view, which checks who may open them.
urlpatterns += [re_path(r"^media/images/(?P<path>.+)$", home_views.image_file)]

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("accessibility/", home_views.accessibility, name="accessibility"),
    path("api/", api_docs.documentation, name="api_documentation"),
    path("opendata/", open_data.open_data_page, name="open_data"),
    # Wagtail serves only paths of slugs ending in "/"; a page's files have the names a
    # calendar app or a spreadsheet expects.
    re_path(
        r"^(?P<path>(?:[\w\-]+/)*)(?P<filename>[\w\-]+\.(?:ics|csv|xlsx))$",
        home_views.serve_page_file,
    ),
    # Wagtail's page password form at its own address, behind a limit on wrong passwords.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        view_passwords.page_password,
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
