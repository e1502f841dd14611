"""The section's admin, registered in one place: the roadmap import and the curator's board,
the consent report, the forms' results, the log of who saw personal data, and the tags that
translators translate. The views live beside the rules they serve; this module only tells
Wagtail where they are."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from home.models import HOME_PAGE_CONTEXT_HOOK
from mentoring_pages import editor_home
from mentoring_pages.centre import admin as centre_admin
from mentoring_pages.consent import admin as consent_admin
from mentoring_pages.forms import admin as forms_admin
from mentoring_pages.forms import personal_data_log
from mentoring_pages.models import NewsPage, SectionTag
from mentoring_pages.roadmap import import_views
from mentoring_pages.roadmap.board import views as board_views
from mentoring_pages.tag_permissions import SharedTagPermissionPolicy
from programmes.viewsets import LocaleLabelSnippetViewSet


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        *import_views.urlpatterns,
        *board_views.urlpatterns,
        *consent_admin.urlpatterns,
        *forms_admin.urlpatterns,
        *centre_admin.urlpatterns,
    ]


hooks.register("register_admin_menu_item", board_views.board_menu_item)
# wagtail-localize translates a tag as a snippet: its translations are what pages show. Its
# policy first: Wagtail would give it its own, model-wide, one.
register_permission_policy(SectionTag, SharedTagPermissionPolicy(SectionTag))
register_snippet(SectionTag, viewset=LocaleLabelSnippetViewSet)
hooks.register("register_reports_menu_item", consent_admin.consent_report_menu_item)
hooks.register("construct_homepage_panels", board_views.add_roadmap_deadlines_panel)
hooks.register("construct_homepage_panels", consent_admin.add_consent_warnings_panel)
hooks.register("construct_homepage_panels", editor_home.add_editor_home_panel)
hooks.register("construct_homepage_panels", forms_admin.add_open_applications_panel)
hooks.register("construct_homepage_panels", centre_admin.add_centre_panel)
hooks.register("before_copy_page", consent_admin.refuse_live_copies_of_people)
hooks.register("register_page_header_buttons", forms_admin.results_button)
hooks.register("register_page_header_buttons", import_views.import_button)
hooks.register("register_page_header_buttons", import_views.new_roadmap_import_button)
hooks.register("filter_form_submissions_for_user", forms_admin.only_curators)
hooks.register("register_log_actions", personal_data_log.register_actions)

# Not the admin: the site's home page shows the section's latest news (home.models.HomePage).
LATEST_NEWS_ON_HOME_PAGE = 3


@hooks.register(HOME_PAGE_CONTEXT_HOOK)
def add_latest_news(page, request, lists):
    lists["latest_news"] = (
        NewsPage.objects.live()
        .public()
        .descendant_of(page)
        .select_related("image")
        .prefetch_related("image__renditions")
        .order_by("-date", "-pk")[:LATEST_NEWS_ON_HOME_PAGE]
    )
