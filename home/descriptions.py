"""What a page says about itself to search engines and in a shared link: one rule for
every page type.

The editor's own search description first; else the page's opening text (the page type
names its fields: an introduction, a news item's lead, a case's summary); else what the
page's section says about itself (the page type decides what its section is); else what
the site's home page in the page's language says."""

import html
import textwrap

from django.utils.html import strip_tags

# Search engines show about this many characters.
DESCRIPTION_LENGTH = 160


def plain_text(value):
    """Rich text or plain text as one line of plain text."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


class DescribedPageMixin:
    """For a Page model: `meta_description` by the rule above."""

    # The page's own fields whose text describes it, the first filled in wins.
    description_fields = ("intro",)

    def section_description(self):
        """What describes the page when it says nothing itself; page types in a section
        name their section's description."""
        return ""

    def own_description(self):
        texts = [self.search_description] + [
            getattr(self, name) for name in self.description_fields
        ]
        return next(filter(None, map(shortened, texts)), "")

    def site_description(self):
        """What the home page of the page's language says about itself: the site's."""
        from .models import HomePage

        home = HomePage.objects.ancestor_of(self, inclusive=True)
        return next(
            (page.own_description() for page in home.only("search_description", "intro")), ""
        )

    def meta_description(self):
        return (
            self.own_description()
            or shortened(self.section_description())
            or self.site_description()
        )


def shortened(text):
    return textwrap.shorten(plain_text(text), DESCRIPTION_LENGTH, placeholder=" …")
