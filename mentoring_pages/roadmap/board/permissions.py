"""Who may use the curator's board: the roadmaps a user may edit.

Only roadmaps in the site's default (source) language are on the board: their English
translations follow the source each time it is published (home/signals.py)."""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.permission_policies.pages import PagePermissionPolicy

from mentoring_pages.models import RoadmapPage


def editable_roadmaps(user):
    """The roadmap pages in the default language that `user` may edit, in tree order.

    Wagtail's policy narrows the pages to those under the user's "change" permission (or
    "add" and owned) in one query; `can_edit()` then confirms each without another."""
    if not user.is_authenticated or not user.is_active:
        return []
    candidates = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change"})
    pages = RoadmapPage.objects.filter(
        locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE),
        pk__in=candidates.values("pk"),
    ).order_by("path")
    return [page for page in pages if page.permissions_for_user(user).can_edit()]


def editable_roadmaps_for_request(request):
    """`editable_roadmaps(request.user)`, looked up once per request: the menu, the
    dashboard and the board itself all ask."""
    if not hasattr(request, "_roadmap_board_pages"):
        request._roadmap_board_pages = editable_roadmaps(request.user)
    return request._roadmap_board_pages
