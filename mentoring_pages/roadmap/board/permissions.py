"""Who may use the curator's board: the roadmaps a user may edit, or, for the municipal
coordinator, every school's roadmaps to read.

Only roadmaps in the site's default (source) language are on the board: their English
translations follow the source each time it is published (home/signals.py)."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.permission_policies.pages import PagePermissionPolicy

from mentoring_pages.models import RoadmapPage
from programmes.schools import pages_of, school_of_path, schools_of, sees_every_school


@dataclass(frozen=True)
class BoardRoadmaps:
    """The roadmaps on a user's board, and whether the user only reads them."""

    pages: list
    read_only: bool = False


def source_language_code():
    """The language roadmaps are written, kept on the board and imported in: the site's
    own. Their translations follow them through wagtail-localize."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def source_roadmaps():
    return RoadmapPage.objects.filter(locale__language_code=source_language_code()).order_by("path")


def editable_roadmaps(user):
    """The roadmap pages in the default language that `user` may edit, in tree order.

    Wagtail's policy narrows the pages to those under the user's "change" permission (or
    "add" and owned) in one query; `can_edit()` then confirms each without another."""
    if not user.is_authenticated or not user.is_active:
        return []
    candidates = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change"})
    pages = source_roadmaps().filter(pk__in=candidates.values("pk"))
    return named_by_school(
        user, [page for page in pages if page.permissions_for_user(user).can_edit()]
    )


def board_roadmaps(user):
    """The roadmaps a user may edit; else, for whoever reads every school (the coordinator),
    every school's roadmaps, read only."""
    editable = editable_roadmaps(user)
    if editable or not sees_every_school(user):
        return BoardRoadmaps(editable)
    schools = schools_of(user)
    pages = list(source_roadmaps().filter(pages_of(schools)))
    return BoardRoadmaps(named_by_school(user, pages), read_only=True)


def named_by_school(user, pages):
    """`pages`, each with its `board_title`: its title, after its school's short name when
    the user works in more than one school (roadmaps are often titled alike)."""
    schools = list(schools_of(user).select_related("home_page"))
    school_id_of = school_of_path(schools)
    names = {school.pk: school.short_name for school in schools}
    by_school = len(schools) > 1
    for page in pages:
        name = names.get(school_id_of(page.path)) if by_school else None
        page.board_title = f"{name} — {page.title}" if name else page.title
    return pages


def board_roadmaps_for_request(request):
    """`board_roadmaps(request.user)`, looked up once per request: the menu, the dashboard
    and the board itself all ask."""
    if not hasattr(request, "_roadmap_board"):
        request._roadmap_board = board_roadmaps(request.user)
    return request._roadmap_board
