import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Site


@pytest.fixture(autouse=True)
def _russian_by_default():
    """Each test starts in the site's default language, whatever the last one activated."""
    with translation.override("ru"):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """The cache outlives a test's database transaction: start each test without it."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploads and renditions made by a test go to a folder of its own, not var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


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
