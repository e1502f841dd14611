"""The site's page types, from the one registry of them: Wagtail's (`get_page_models`), which
every installed app's page models join as they are defined. Lists of page types (the browser
tests', the benchmark's) derive from it, so a new page type is in them at once."""

import re

from wagtail.models import get_page_models


def public_page_models():
    """Every page type a visitor may be shown, in the order the apps define them: those an
    editor can create (not Wagtail's base Page, the tree's root)."""
    return [model for model in get_page_models() if model.is_creatable]


def short_name(model, separator="-"):
    """The page model's name without "Page", in lower case, its words joined by
    `separator`: NewsIndexPage is "news-index"."""
    words = re.findall(r"[A-Z][a-z0-9]*", model.__name__.removesuffix("Page"))
    return separator.join(words).lower()
