import pytest
import wagtail_factories
from django.core.management import call_command

from home.tests.factories import ContentPageFactory


@pytest.fixture
def backup(home_page, tmp_path):
    """A page and an image with a rendition, backed up."""
    ContentPageFactory(parent=home_page, title="Положение о наставничестве", slug="polozhenie")
    wagtail_factories.ImageFactory(title="Наставники").get_rendition("fill-40x30")
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), verbosity=0)
    return archive
