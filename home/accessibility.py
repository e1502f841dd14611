"""The version for the visually impaired (Приказ Рособрнадзора № 831, ГОСТ Р 52872-2019).

A visitor's settings live in the `a11y` cookie as one canonical value, e.g.
`size2-dark-noimg-wide`, and the server renders them: classes on <html>, alt text in place
of images. No cookie, an empty one or anything but a canonical value is the normal version.

The value is also the page cache's variant key (`cache_variant`): it matches
`^[a-z0-9-]{1,40}$`, and each set of settings has exactly one value."""

import itertools
from dataclasses import dataclass, replace
from urllib.parse import urlencode, urlsplit

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from home.query_parameters import page_address

COOKIE_NAME = "a11y"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60

# Each setting: its query parameter and its choices as (cookie token, label), default first.
SIZES = (("size1", _("Large")), ("size2", _("Larger")), ("size3", _("Largest")))
SCHEMES = (
    ("light", _("Black on white")),
    ("dark", _("White on black")),
    ("blue", _("Dark blue on light blue")),
)
IMAGES = (("img", _("Shown")), ("noimg", _("Hidden")))
SPACINGS = (("normal", _("Normal")), ("wide", _("Wide")))


@dataclass(frozen=True)
class Setting:
    name: str  # the field of AccessibilitySettings and the query parameter
    label: str
    choices: tuple


SETTINGS = (
    Setting("size", _("Font size"), SIZES),
    Setting("scheme", _("Colours"), SCHEMES),
    Setting("images", _("Images"), IMAGES),
    Setting("spacing", _("Letter spacing"), SPACINGS),
)


@dataclass(frozen=True)
class AccessibilitySettings:
    size: str = SIZES[0][0]
    scheme: str = SCHEMES[0][0]
    images: str = IMAGES[0][0]
    spacing: str = SPACINGS[0][0]

    @property
    def cookie_value(self):
        return "-".join(getattr(self, setting.name) for setting in SETTINGS)

    @property
    def images_hidden(self):
        return self.images == "noimg"

    @property
    def html_class(self):
        return " ".join(["a11y"] + [f"a11y-{getattr(self, setting.name)}" for setting in SETTINGS])


# Every possible set of settings by its cookie value: parsing is a lookup, so only a
# canonical value is ever accepted.
_BY_COOKIE_VALUE = {
    settings.cookie_value: settings
    for settings in (
        AccessibilitySettings(*tokens)
        for tokens in itertools.product(
            *([token for token, _label in setting.choices] for setting in SETTINGS)
        )
    )
}


def parse(value):
    """The settings a cookie value stands for; None (the normal version) unless canonical."""
    return _BY_COOKIE_VALUE.get(value or "")


def settings_for(request):
    """The visitor's settings, or None for the normal version; read once per request."""
    if not hasattr(request, "_accessibility_settings"):
        request._accessibility_settings = parse(request.COOKIES.get(COOKIE_NAME))
    return request._accessibility_settings


def cache_variant(request) -> str:
    """The page cache's variant of this request: the canonical cookie value, "" if normal."""
    settings = settings_for(request)
    return settings.cookie_value if settings else ""


def apply_changes(settings, params):
    """`settings` (or the defaults) with the changes given in `params` (a QueryDict), and
    the names of the parameters whose values are not choices of theirs."""
    settings = settings or AccessibilitySettings()
    changes, invalid = {}, []
    for setting in SETTINGS:
        if setting.name not in params:
            continue
        value = params[setting.name]
        if value in {token for token, _label in setting.choices}:
            changes[setting.name] = value
        else:
            invalid.append(setting.name)
    return replace(settings, **changes), invalid


def of_this_site(request, url):
    """`url` if it leads to this site (a path from its root, or this host's address), else
    "". Django counts a bare word as a relative address of this site: «foo» would be
    resolved against the page it is on, or taken for a view's name by redirect()."""
    leads_here = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if leads_here and (url.startswith("/") or urlsplit(url).netloc):
        return url
    return ""


def safe_next(request):
    """The `next` parameter if it is a page of this site, else ""."""
    return of_this_site(request, request.GET.get("next", ""))


def settings_url(next_url, **params):
    """The settings view's URL that applies `params` and returns to `next_url`."""
    return f"{reverse('accessibility')}?{urlencode({**params, 'next': next_url})}"


class Controls:
    """The links a page offers: to the settings, back to the normal version and, in the
    accessible version, the panel of every setting's choices. Each returns to this page
    (on the settings page itself: to it, keeping the page the visitor came from)."""

    def __init__(self, request):
        self.request = request
        self.settings = settings_for(request)

    @cached_property
    def next_url(self):
        if self.request.path == reverse("accessibility"):
            return settings_url(safe_next(self.request))
        if self.request.path == reverse("search"):
            # Back to the same results: the search page is never kept, so nothing is shared.
            return self.request.get_full_path()
        # Without trackers: a kept page is shared by every visitor of its address.
        return page_address(self.request)

    @cached_property
    def settings_url(self):
        return settings_url(self.next_url)

    @cached_property
    def normal_version_url(self):
        return settings_url(self.next_url, version="normal")

    @cached_property
    def panel(self):
        """Each setting with its choices: label, url and whether it is the current one."""
        return panel(self.settings or AccessibilitySettings(), self.next_url)


def panel(settings, next_url):
    return [
        {
            "name": setting.name,
            "label": setting.label,
            "choices": [
                {
                    "token": token,
                    "label": label,
                    "url": settings_url(next_url, **{setting.name: token}),
                    "current": getattr(settings, setting.name) == token,
                }
                for token, label in setting.choices
            ],
        }
        for setting in SETTINGS
    ]
