from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet

from .models import ConsentText
from .school_admin import register_school_permission_policies
from .school_translations import localize_urls
from .viewsets import MentoringViewSetGroup

# Before the snippets: Wagtail would give them its own, global, policy.
register_school_permission_policies()
register_snippet(MentoringViewSetGroup)
hooks.register("register_admin_urls", localize_urls)


@hooks.register("before_delete_snippet")
def keep_consent_texts_agreed_to(request, instances):
    """A wording people agreed to is the proof of their consent: it stays as long as their
    submissions do (purge_submissions deletes those), instead of failing on delete. A text
    in the default language takes its translations with it (home.signals): a translation
    agreed to holds it too."""
    default = Locale.get_default()

    def held(text):
        deleted = [text, *text.get_translations()] if text.locale_id == default.pk else [text]
        return any(each.is_agreed_to() for each in deleted)

    agreed = [text for text in instances if isinstance(text, ConsentText) and held(text)]
    if agreed:
        messages.error(
            request,
            _(
                "People have agreed to “%(text)s”: it cannot be deleted while their "
                "submissions are kept."
            )
            % {"text": agreed[0]},
        )
        return redirect(ConsentText.snippet_viewset.get_url_name("list"))
    return None
