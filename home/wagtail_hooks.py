from wagtail import hooks
from wagtail.models import DraftStateMixin, TranslatableMixin

from site_project.translation import sync_translations


@hooks.register("after_edit_snippet")
def sync_translations_of_edited_snippet(request, instance):
    """A snippet without drafts is live as soon as it is saved: so are its translations.
    Snippets with drafts follow on publish (home.signals)."""
    if isinstance(instance, TranslatableMixin) and not isinstance(instance, DraftStateMixin):
        sync_translations(instance)
