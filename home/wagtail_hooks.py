"""The site base's admin and serving hooks, registered in one place: translations kept in
step (moved and deleted with their source), the publishing rule's hold on unreviewed
translations, sign-in security screens, the full accessibility checker, document links, the
page cache's mark, and the page that takes a new page's address named at the top of its
form."""

from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import DraftStateMixin, Locale, TranslatableMixin

from site_project.translation import HOLD_PAGE_TRANSLATION_HOOK, sync_translations

from . import page_cache, page_slugs, publishing, restrictions, school_isolation
from .documents import DocumentLinkWithMeta
from .security import lockouts, two_factor


@hooks.register("after_edit_snippet")
def sync_translations_of_edited_snippet(request, instance):
    """A snippet without drafts is live as soon as it is saved: so are its translations.
    Snippets with drafts follow on publish (home.signals)."""
    if isinstance(instance, TranslatableMixin) and not isinstance(instance, DraftStateMixin):
        sync_translations(instance)


@hooks.register("construct_translated_pages_to_cascade_actions")
def move_and_delete_translations_with_their_source(pages, action):
    """Wagtail's admin moves and deletes the translations this names along with a page (those
    under its parent's translations): the English section keeps the Russian one's shape. A
    translation moved or deleted alone leaves its source. Taking a page offline takes its
    translations along on every path, not only the admin's (home.signals)."""
    if action not in ("move", "delete"):
        return None
    default = Locale.get_default()
    return {page: page.get_translations() for page in pages if page.locale_id == default.pk}


hooks.register(HOLD_PAGE_TRANSLATION_HOOK, publishing.has_unreviewed_text)
hooks.register("before_create_page", page_slugs.point_to_page_with_slug)
hooks.register("after_copy_page", restrictions.keep_restrictions_below_copy)
hooks.register("construct_page_chooser_queryset", school_isolation.pages_in_users_schools)
hooks.register("construct_reports_menu", school_isolation.hide_page_types_usage)
# After Wagtail's own viewset of every page type, which it replaces.
hooks.register("register_admin_viewset", school_isolation.SchoolPageViewSet, order=1)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [*lockouts.urlpatterns, *two_factor.urlpatterns]


hooks.register("register_settings_menu_item", lockouts.SignInSecurityView.menu_item)


class FullContentCheckerItem(ContentCheckerItem):
    """Wagtail's accessibility checker runs a handful of axe rules by default; editors get
    every rule (WCAG 2.1 A and AA among them), as ГОСТ Р 52872-2019 asks of the pages."""

    axe_run_only = None


@hooks.register("construct_wagtail_userbar")
def check_content_with_every_rule(request, items, page):
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, FullContentCheckerItem):
            items[position] = FullContentCheckerItem(in_editor=item.in_editor)


# After Wagtail's own registration of the "document" link type, which this replaces.
@hooks.register("register_rich_text_features", order=1)
def announce_linked_documents(features):
    features.register_link_type(DocumentLinkWithMeta)


# Last of the hooks, so a page that another hook answers instead (a view restriction) is
# not marked as rendered.
@hooks.register("before_serve_page", order=100)
def mark_page_for_cache(page, request, serve_args, serve_kwargs):
    page_cache.mark_served_page(request)
