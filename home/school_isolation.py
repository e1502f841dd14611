"""What a school's staff see in Wagtail's own admin views, which know nothing of schools:
the rules that narrow them to the user's schools (programmes.schools says which), wired by
home.wagtail_hooks and, for the views no hook reaches, by subclasses served at Wagtail's own
addresses (`admin_urlpatterns`, ahead of Wagtail's in site_project.urls). The explorer, the
page search, images, documents, form submissions and the page reports' rows are already
narrowed by the school's page and collection permissions; what those leave open is closed
here."""

from django.http import Http404
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView
from wagtail.models import Page

from programmes.schools import pages_of, schools_of, sees_every_school


def pages_in_users_schools(pages, request):
    """Page choosers (browsing and search) list every site's pages: only the pages of the
    user's schools are offered."""
    if sees_every_school(request.user):
        return pages
    return pages.filter(pages_of(schools_of(request.user)))


class SchoolBrowseView(BrowseView):
    """The page chooser opened on a page: another school's page is not found (its title
    would head the list); the tree's root, above every school, opens."""

    def get(self, request, parent_page_id=None):
        if parent_page_id is not None and not sees_every_school(request.user):
            allowed = Page.objects.filter(pages_of(schools_of(request.user))) | Page.objects.filter(
                depth=1
            )
            if not allowed.filter(pk=parent_page_id).exists():
                raise Http404
        return super().get(request, parent_page_id)


admin_urlpatterns = [
    path(
        "choose-page/<int:parent_page_id>/",
        require_admin_access(SchoolBrowseView.as_view()),
        name="wagtailadmin_choose_page_child",
    ),
]
