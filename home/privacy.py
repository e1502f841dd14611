"""Which pages are private, without two queries on every page served.

Before serving a page Wagtail looks for view restrictions on it and its ancestors: one query
for their aliases, one for the restrictions. A school has a few private pages, if any, so
the paths of the restricted pages are kept in the cache until a restriction is added,
changed or removed or a page moves (home.signals). Only a page under one of them, or one
that is or may lie under an alias, is left to Wagtail's queries."""

from wagtail.models import PageViewRestriction

from .page_cache import drop_tokens, kept_until_dropped

RESTRICTED_PATHS_KEY = "privacy:restricted-paths"
RESTRICTIONS_VERSION_KEY = "privacy:token"
RESTRICTED_PATHS_TIMEOUT = 24 * 60 * 60


def restricted_paths():
    """The tree paths of the pages that carry a view restriction."""
    return kept_until_dropped(
        RESTRICTED_PATHS_KEY,
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
        RESTRICTED_PATHS_TIMEOUT,
        RESTRICTIONS_VERSION_KEY,
    )


def forget_restricted_paths():
    drop_tokens([RESTRICTIONS_VERSION_KEY])


def _may_be_an_alias(page):
    """Whether the page or an ancestor is (or, not fetched with the page, may be) an alias,
    which takes its source's restrictions. Wagtail's routing leaves each ancestor it walked
    through on the child (home.routing)."""
    node = page
    while True:
        if node.alias_of_id:
            return True
        if node.depth <= 2:  # the site's root page; the tree's root is never an alias
            return False
        node = node.__dict__.get("_cached_parent_obj")
        if node is None:
            return True


def may_be_restricted(page):
    paths = restricted_paths()
    return bool(paths) and (
        any(page.path.startswith(path) for path in paths) or _may_be_an_alias(page)
    )


class KnownRestrictionsMixin:
    """For every page model: no query for the restrictions of a page that has none."""

    def get_view_restrictions(self):
        if may_be_restricted(self):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()
