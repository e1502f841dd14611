"""What the browser tests visit and who they log in as, read from the demo database that
`make test-browser` builds: nothing here names a slug or lists the page types (Wagtail's
registry does, through home.page_types), so the tests follow the demo and the code when they
change. The one place that knows the site's versions and the viewports."""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Site

from home import accessibility
from home.page_types import public_page_models, short_name
from programmes.demo import DEMO_USERS

LANGUAGES = [code for code, _name in settings.LANGUAGES]

# The names the journeys know a page type by, where it is not its model's (kind_of).
SHORT_KINDS = {"mentoring-index": "mentoring"}


def kind_of(model):
    """A page type's name in test ids and screenshot file names: "news-index" for
    NewsIndexPage."""
    kind = short_name(model)
    return SHORT_KINDS.get(kind, kind)


# Every public page type by its kind, with the page model it is the first live page of.
# The others are built in `page_urls`.
PAGE_MODELS = {kind_of(model): model for model in public_page_models()}
PAGE_KINDS = [
    *PAGE_MODELS,
    "programme",
    "roadmap-list",
    "search",
    "accessibility-settings",
    "open-data",
    "api-documentation",
    "not-found",
]


def accessible(
    scheme, images, size=accessibility.SIZES[-1][0], spacing=accessibility.SPACINGS[-1][0]
):
    """The a11y cookie of the version for the visually impaired in `scheme`, with images
    shown or hidden, by default at its largest font size and letter spacing."""
    chosen = accessibility.AccessibilitySettings(
        size=size, scheme=scheme, images=images, spacing=spacing
    )
    return [{"name": accessibility.COOKIE_NAME, "value": chosen.cookie_value}]


# The site's versions, by the cookies each one sets: the normal one, and the accessible
# one at its maximum settings (white on black, alt text instead of images). Every test of
# a page runs in these.
VERSIONS = {"normal": [], "accessible": accessible("dark", "noimg")}
# The accessible version's other colour schemes, for the checks that depend on colours
# (the blue one with its images shown, so both ways of showing images are checked).
OTHER_SCHEMES = {
    "accessible-light": accessible("light", "noimg"),
    "accessible-blue": accessible("blue", "img"),
}
# The accessible version at each of its font sizes, with either letter spacing, for the
# layouts the largest one alone would not show.
FONT_SIZES = {
    f"accessible-{size}-{spacing}": accessible("dark", "noimg", size, spacing)
    for size, _label in accessibility.SIZES
    for spacing, _label in accessibility.SPACINGS
}
ALL_VERSIONS = {**VERSIONS, **OTHER_SCHEMES, **FONT_SIZES}

# Widths in CSS pixels: a phone, 1280 px at 200 % zoom (WCAG 1.4.10), the narrowest phone
# (WCAG's 320 px reflow), a desktop; the phone and the desktop with their own heights.
PHONE, ZOOMED, NARROWEST, DESKTOP = 390, 640, 320, 1366
HEIGHTS = {PHONE: 844, DESKTOP: 900}
HEIGHT = 800


def viewport(width):
    return {"width": width, "height": HEIGHTS.get(width, HEIGHT)}


SCREENSHOTS = settings.BASE_DIR / "var" / "screenshots"
DEMO_USERS_FILE = Path(settings.VAR_DIR) / "demo_users"


@dataclass(frozen=True)
class PublicPage:
    kind: str
    language: str
    url: str  # a path, to join to the server's address
    title: str = ""  # the page's title and id, where it is a page of the tree
    page_id: int | None = None
    status: int = 200


def first_live(model, locale):
    pages = model.objects.live().public().filter(locale=locale)
    # Of the roadmaps, the current one: the journeys look for overdue events and the stage
    # the school is at, which a finished roadmap in the archive no longer has.
    ordering = ("-last_year", "path") if hasattr(model, "last_year") else ("path",)
    page = pages.order_by(*ordering).first()
    if page is None:
        raise LookupError(f"The demo has no live {model.__name__} in {locale.language_code}.")
    return page


def address(page, server_url=None):
    """The page's address as the browser tests ask for it: a path on the default site (the
    test server's), else its site's host name at the test server's port (*.localhost names
    this machine). Once there are several sites Wagtail's `url` is a full URL on port 80."""
    site_id, root_url, path = page.get_url_parts()
    if server_url is None or site_id == Site.objects.get(is_default_site=True).pk:
        return path
    return f"http://{urlsplit(root_url).hostname}:{urlsplit(server_url).port}{path}"


def page_urls(server_url):
    """{(kind, language): PublicPage} for every page type in every language."""
    pages = {}
    for language in LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        found = {kind: first_live(model, locale) for kind, model in PAGE_MODELS.items()}
        urls = {kind: address(page, server_url) for kind, page in found.items()}
        landing = found["mentoring"]
        urls["programme"] = address(landing) + landing.reverse_subpage("programme_details")
        urls["roadmap-list"] = f"{urls['roadmap']}?view=list"
        with translation.override(language):
            # The section's own title is a word the search finds in both languages.
            urls["search"] = f"{reverse('search')}?{urlencode({'q': landing.title})}"
            urls["accessibility-settings"] = reverse("accessibility")
            urls["open-data"] = reverse("open_data")
            urls["api-documentation"] = reverse("api_documentation")
        urls["not-found"] = f"{urls['home']}no-such-page-here/"
        for kind, url in urls.items():
            status = 404 if kind == "not-found" else 200
            page = found.get(kind)
            title, page_id = (page.title, page.pk) if page else ("", None)
            pages[kind, language] = PublicPage(kind, language, url, title, page_id, status)
    return pages


@dataclass(frozen=True)
class Login:
    username: str
    password: str


def demo_login(role):
    """The demo user of `role` (programmes.roles) and the password `load_demo` gave them,
    from the file it keeps them in: a line «username (role): password» each."""
    username = next(name for name, its_role in DEMO_USERS if its_role == role)
    for line in DEMO_USERS_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{username} "):
            return Login(username, line.rsplit(": ", 1)[1])
    raise LookupError(f"{username} is not in {DEMO_USERS_FILE}: run make test-browser.")
