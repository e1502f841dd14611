import pytest
import wagtail_factories
from django.core.management import call_command

from home.tests.factories import ContentPageFactory
from site_project.translation import translate


@pytest.fixture
def backup(home_page, tmp_path):
    """A page and an image with a rendition, backed up."""
    ContentPageFactory(parent=home_page, title="Положение о наставничестве", slug="polozhenie")
    wagtail_factories.ImageFactory(title="Наставники").get_rendition("fill-40x30")
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), verbosity=0)
    return archive


@pytest.fixture
def about_page(home_page, english):
    """«О школе» below the home page, both translated into English."""
    page = ContentPageFactory(parent=home_page, title="О школе", slug="about", intro="Школа")
    translate(home_page, english, {"Главная": "Home"})
    translate(page, english, {"О школе": "About the school", "Школа": "School"})
    return page
