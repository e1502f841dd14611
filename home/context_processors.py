from django.utils.functional import SimpleLazyObject

from . import accessibility
from .header_footer import header_footer


def organisation(request):
    """The school's details in the current language, read only if a template uses them."""
    return {"organisation": SimpleLazyObject(lambda: header_footer(request).organisation)}


def accessibility_settings(request):
    """The visitor's settings of the version for the visually impaired (None: the normal
    version) and the links to change them."""
    return {
        "a11y": accessibility.settings_for(request),
        "a11y_controls": accessibility.Controls(request),
    }
