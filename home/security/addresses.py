"""The visitor's address, as every limit by address counts it (sign-ins, page passwords,
form submissions)."""

from django.conf import settings


def client_address(request):
    """The visitor's address: from the header the reverse proxy sets, if configured."""
    value = request.META.get(settings.FORM_CLIENT_ADDRESS_HEADER) or request.META.get(
        "REMOTE_ADDR", ""
    )
    # X-Forwarded-For: nginx appends the address it sees to whatever the visitor sent, so
    # only the last entry is not the visitor's to make up.
    return value.split(",")[-1].strip()
