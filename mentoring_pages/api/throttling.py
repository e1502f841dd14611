"""The API's rate limit: requests per visitor's address, counted as every other limit by
address counts it (behind nginx, the address it passes on). Over it: 429 with Retry-After.
The count lives in the cache: while the cache is down there is no limit, never an error."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

from home.security.addresses import client_address


class AddressRateThrottle(AnonRateThrottle):
    def get_rate(self):
        return settings.API_RATE

    def get_ident(self, request):
        return client_address(request)
