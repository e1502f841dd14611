"""The restores that must commit: PostgreSQL cannot empty tables that a transaction still has
unchecked rows in. Django empties the database after each such test; the tests that a worker
of pytest-xdist runs after this file find again what the migrations put in it."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from wagtail.models import Page

from home.tests.backups import refusal, rewritten, site_now
from home.tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module", autouse=True)
def migrated_data_put_back(django_db_blocker):
    """After the file (and Django's emptying after its last test), the database's content as
    the migrations left it, which Django kept for serialized_rollback."""
    yield
    with django_db_blocker.unblock():
        # Emptied again: what ran since the last test's emptying may have written a row.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        # PostgreSQL's sequences would hand out the keys just put back.
        statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def test_a_restore_brings_the_site_back_and_drops_every_cache(backup, home_page, settings, purged):
    backed_up = site_now(settings)
    Page.objects.get(slug="polozhenie").delete()
    ContentPageFactory(parent=home_page, title="Черновик", slug="chernovik")
    (Path(settings.MEDIA_ROOT) / "stray.txt").write_text("not in the backup")
    for alias in settings.CACHES:
        caches[alias].set("kept", "before the restore")
    purged.clear()

    call_command("restore_site", str(backup), "--force", verbosity=0)

    assert site_now(settings) == backed_up
    assert [caches[alias].get("kept") for alias in settings.CACHES] == [None, None]
    # nginx drops the restored pages, and those of the site replaced.
    assert {"/polozhenie/", "/chernovik/"} <= {urlsplit(url).path for url in purged}


def test_data_that_cannot_be_loaded_changes_nothing(backup, settings):
    broken = rewritten(backup, "data.json", b'[{"model": "home.contentpage", "pk": 1, "fie')
    before = site_now(settings)

    message = refusal(broken, "--force")

    assert message.startswith(f"{broken} не удалось восстановить, ничего не изменено: ")
    assert site_now(settings) == before
