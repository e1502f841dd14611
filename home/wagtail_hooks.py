from wagtail import hooks
from wagtail.models import DraftStateMixin, TranslatableMixin

from site_project.translation import sync_translations

from . import page_cache


@hooks.register("after_edit_snippet")
def sync_translations_of_edited_snippet(request, instance):
    """A snippet without drafts is live as soon as it is saved: so are its translations.
    Snippets with drafts follow on publish (home.signals)."""
    if isinstance(instance, TranslatableMixin) and not isinstance(instance, DraftStateMixin):
        sync_translations(instance)


# Last of the hooks, so a page that another hook answers instead (a view restriction) is
# not marked as rendered.
@hooks.register("before_serve_page", order=100)
def mark_page_for_cache(page, request, serve_args, serve_kwargs):
    page_cache.remember_tokens(page, request)
