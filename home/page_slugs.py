"""A new page whose address (slug) is taken by a page beside it: say so at the top of the
form, naming that page with a link to it. Wagtail puts its own error on the «Продвижение»
tab, which an editor filling in the content never sees; and the page in the way is most
often a draft autosaved when someone began this page before, which the editor will want to
continue rather than start again under another address."""

from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _


def point_to_page_with_slug(request, parent_page, page_class):
    """`before_create_page` hook: on a posted page whose slug a sibling has, a message
    naming the sibling (the form itself then fails with Wagtail's slug error)."""
    slug = request.POST.get("slug")
    # Autosave posts ask for JSON: they have no messages to show.
    if request.method != "POST" or not slug or not request.accepts("text/html"):
        return None
    sibling = parent_page.get_children().filter(slug=slug).first()
    if sibling is None:
        return None
    if sibling.live:
        text = _(
            "The address “%(slug)s” is taken by the page “%(title)s” in this section. "
            "Give this page another title, or another slug on the “Promote” tab."
        )
    else:
        text = _(
            "The address “%(slug)s” is taken by the draft “%(title)s”, not published, in "
            "this section: it may have been saved automatically when this page was begun "
            "before. Continue that draft, or give this page another title, or another slug "
            "on the “Promote” tab."
        )
    messages.warning(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            text % {"slug": slug, "title": sibling.get_admin_display_title()},
            reverse("wagtailadmin_pages:edit", args=[sibling.pk]),
            _("Open “%(title)s”") % {"title": sibling.get_admin_display_title()},
        ),
    )
    return None
