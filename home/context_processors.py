from django.utils.functional import SimpleLazyObject

from .shell import site_shell


def organisation(request):
    """The school's details in the current language, read only if a template uses them."""
    return {"organisation": SimpleLazyObject(lambda: site_shell(request).organisation)}
