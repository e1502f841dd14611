from django.utils.functional import SimpleLazyObject

from .models import SiteSettings


def organisation(request):
    """The school's details in the current language, read only if a template uses them."""
    return {"organisation": SimpleLazyObject(lambda: SiteSettings.for_request(request).localized())}
