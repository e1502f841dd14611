import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from home.tests import frontend_cache
from programmes.roles import create_school, group_of
from programmes.schools import COORDINATOR, default_school


@pytest.fixture(autouse=True)
def _russian_by_default():
    """Each test starts in the site's default language, whatever the last one activated."""
    with translation.override("ru"):
        yield


def _clear_caches():
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _empty_caches():
    """The caches outlive a test's database transaction, whose ids the next test reuses:
    start each test without them."""
    _clear_caches()
    yield
    _clear_caches()


@pytest.fixture(autouse=True)
def _files_in_a_temporary_folder(settings, tmp_path):
    """Uploads, renditions and the passwords demo commands keep go to a test's own folder,
    never to the developer's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"


@pytest.fixture
def site(db):
    return Site.objects.select_related("root_page").get(is_default_site=True)


@pytest.fixture
def home_page(site):
    """The Russian home page that the migrations create."""
    return site.root_page.specific


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def other_school(db):
    """A second school beside the default site's: its home page under the tree's root, its
    groups, collections and workflow."""
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Школа № 2", slug="shkola-2")
    )
    return create_school(
        short_name="Школа № 2", full_name="МБОУ «Средняя школа № 2»", home_page=home
    )


@pytest.fixture
def user_in(django_user_model):
    """`user_in(role, username=role, school=the default site's, **fields)`: a new user in that
    role's group of the school, or the coordinator's group (fields: a password, an e-mail
    address)."""

    def make(role, username=None, school=None, **fields):
        user = django_user_model.objects.create_user(username=username or role, **fields)
        if role == COORDINATOR:
            user.groups.add(Group.objects.get(name=COORDINATOR))
        else:
            user.groups.add(group_of(school or default_school(), role))
        return user

    return make


@pytest.fixture
def login_as(client, user_in):
    """`login_as(role)`: the test client, logged in as a new user in that role's group."""

    def login(role):
        client.force_login(user_in(role))
        return client

    return login


@pytest.fixture
def roomy_cache(settings):
    """For counting queries among hundreds of images: the test cache (locmem, 300 entries)
    would evict what is kept (the header and footer, pieces of pages) among the renditions
    and count its rebuilding; a production cache does not."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "query-counts",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }


class Queries(list):
    """The SQL of the queries a visit made, in order, and the `response` it got."""


@pytest.fixture
def queries_of(client):
    """`queries_of(url, params=None, warm=True, between=None)`: the queries the test client's
    GET of `url` makes (it must answer 200). `warm`: counted on a second visit, once the first
    has made what is kept (renditions, the header and footer, routing); `between`: called
    between the two visits, as a change would (e.g. dropping the page from the caches)."""

    def visit(url, params=None, *, warm=True, between=None):
        if warm:
            client.get(url, params)
        if between is not None:
            between()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
        assert response.status_code == 200, (url, response.status_code)
        queries = Queries(query["sql"] for query in captured.captured_queries)
        queries.response = response
        return queries

    return visit


@pytest.fixture
def few_and_many(queries_of, roomy_cache):
    """`few_and_many(url, add, params=None)`: the queries of a visit to `url` after `add(3)`
    and after `add(57)` more — what a page costs should not grow with what it lists."""

    def visits(url, add, params=None):
        add(3)
        few = queries_of(url, params)
        add(57)
        return few, queries_of(url, params)

    return visits


@pytest.fixture
def purged(settings):
    """The addresses Wagtail's frontend cache (nginx in production) is asked to purge, in
    order: a stand-in that records them is the only frontend cache."""
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": f"{frontend_cache.__name__}.RecordingBackend"}
    }
    frontend_cache.purged.clear()
    yield frontend_cache.purged
    frontend_cache.purged.clear()
