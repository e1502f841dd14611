import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.utils import translation
from wagtail.models import Locale, Site


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
def login_as(client, django_user_model):
    """`login_as(role)`: the test client, logged in as a new user in that role's group."""

    def login(role):
        user = django_user_model.objects.create_user(username=role)
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return login
