"""What a page says about itself to search engines and in a shared link: one rule for
every page type.

The editor's own search description first; else the page's opening text (the page type
names its fields: an introduction, a news item's lead, a case's summary); else what the
page's section says about itself (the page type decides what its section is); else what
the site's home page in the page's language says."""

import html
import textwrap

from django.db import models
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

    def describing_page_types(self):
        """The page types above this page whose own description describes it when it says
        nothing itself, nearest first: each with `search_description` and `intro`. Page
        types in a section put their section's landing before the home page."""
        from .models import HomePage

        return [HomePage]

    def own_description(self):
        texts = [self.search_description] + [
            getattr(self, name) for name in self.description_fields
        ]
        return next(filter(None, map(shortened, texts)), "")

    def ancestors_description(self):
        """What the nearest describing ancestor says about itself: one query, however many
        ancestors are asked."""
        asked = [
            model.objects.ancestor_of(self)
            .annotate(nearness=models.Value(rank))
            .values_list("search_description", "intro", "nearness")
            .order_by()  # a page's tree order is not allowed inside a UNION
            for rank, model in enumerate(self.describing_page_types())
        ]
        rows = asked[0].union(*asked[1:], all=True).order_by("nearness")
        return next((text for row in rows for text in map(shortened, row[:2]) if text), "")

    def meta_description(self):
        # Kept with the page's head (home.page_head): a change to an ancestor drops its
        # descendants.
        return self.own_description() or self.ancestors_description()


def shortened(text):
    return textwrap.shorten(plain_text(text), DESCRIPTION_LENGTH, placeholder=" …")
