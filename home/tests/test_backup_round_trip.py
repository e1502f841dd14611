"""A backup restores the site it was made of, on the same database engine and from SQLite
into PostgreSQL: the demo school (`load_demo`: pages, their revisions and English
translations, images, documents, consents, users in their roles) with what it lacks added
(a signed consent's scan in the private collection, renditions, an application and a
questionnaire's answers, a news item closed to a group), backed up and restored by
`manage.py` in processes of their own, each site with its own database and MEDIA_ROOT. A
backup of the restored site holds the same rows and the same files as the one restored."""

import hashlib
import json
import os
import secrets
import tarfile
from contextlib import contextmanager

import psycopg
import pytest
from django.db import connection
from psycopg import sql

from programmes.schools import default_school
from site_project.tests.processes import manage, manage_shell, server_database

# The server the SQLite → PostgreSQL test makes a database of its own on, and drops after.
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432/"
# The test database is made only for tests that ask for it; each site's is a copy of it.
pytestmark = pytest.mark.django_db

ADDITIONS = """
import datetime
from django.core.files.base import ContentFile
from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from mentoring_pages.models import ApplicationPage, NewsPage, QuestionnairePage
from mentoring_pages.models.forms import ApplicationSubmission
from programmes.models import Consent, ConsentText
from programmes.schools import default_school
from programmes.roles import CURATOR, group_of

consent = Consent.objects.order_by("pk").first()
consent.document = get_document_model().objects.create(
    title=f"Согласие: {consent.person}",
    collection=default_school().private_collection,
    file=ContentFile(b"%PDF-1.4 a signed consent", name="soglasie-skan.pdf"),
)
consent.save()
for image in get_image_model().objects.all():
    image.get_rendition("fill-80x60")
ApplicationSubmission.objects.create(
    page=ApplicationPage.objects.filter(locale__language_code="ru").first(),
    form_data={"name": "Иванова Мария Петровна", "phone": "+7 900 000-00-00"},
    consent_text=ConsentText.objects.first(),
    consented_at=datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.timezone.utc),
)
FormSubmission.objects.create(
    page=QuestionnairePage.objects.filter(locale__language_code="ru").first(),
    form_data={"rating": "5", "comment": "Спасибо наставнику!"},
)
closed = PageViewRestriction.objects.create(
    page=NewsPage.objects.filter(locale__language_code="ru").first(),
    restriction_type=PageViewRestriction.GROUPS,
)
closed.groups.set([group_of(default_school(), CURATOR)])
"""

# What the restored site does for its visitors and editors.
AFTER_RESTORE = """
import json
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page, Site

from home.tests.factories import ContentPageFactory

client = Client()
home = Site.objects.get(is_default_site=True).root_page
print(json.dumps({
    "served": {url: client.get(url).status_code for url in ("/", "/en/nastavnichestvo/")},
    "found": Page.objects.live().search("наставничество").count() > 0,
    "new page": bool(ContentPageFactory(parent=home, title="После восстановления").pk),
    "new user": bool(get_user_model().objects.create_user("after-restore").pk),
}))
"""
WORKING = {
    "served": {"/": 200, "/en/nastavnichestvo/": 200},
    "found": True,
    "new page": True,
    "new user": True,
}

# Each of these has rows in the demo with the additions, and so in the archive.
KEPT = {
    "wagtailcore.page",
    "wagtailcore.revision",
    "wagtail_localize.translationsource",
    "wagtail_localize.translation",
    "wagtail_localize.stringtranslation",
    "wagtailimages.image",
    "wagtailimages.rendition",
    "wagtaildocs.document",
    "programmes.consent",
    "mentoring_pages.applicationsubmission",
    "wagtailforms.formsubmission",
    "auth.user",
    "auth.group",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.pageviewrestriction",
}


def site_env(var_dir, url):
    """The environment of a site with its own database and MEDIA_ROOT."""
    return {"VAR_DIR": str(var_dir), "MEDIA_ROOT": str(var_dir / "media"), "DATABASE_URL": url}


def run(env, *args):
    result = manage(*args, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def demo_backup(url, var_dir):
    """The demo school with the additions, made on the database at `url`, backed up."""
    env = site_env(var_dir, url)
    run(env, "load_demo", "--verbosity", "0")
    manage_shell({**os.environ, **env}, ADDITIONS)
    run(env, "backup_site", str(var_dir / "site.tar.gz"))
    return var_dir / "site.tar.gz"


def restore(archive, url, var_dir):
    """Restore `archive` into the migrated database at `url`: a backup of the restored
    site, and what the site then does."""
    env = site_env(var_dir, url)
    run(env, "restore_site", str(archive))
    run(env, "backup_site", str(var_dir / "restored.tar.gz"))
    done = json.loads(manage_shell({**os.environ, **env}, AFTER_RESTORE).splitlines()[-1])
    return var_dir / "restored.tar.gz", done


@pytest.fixture(scope="module")
def suite_backup(django_db_setup, django_db_blocker, tmp_path_factory):
    """A backup of the demo school on the suite's database engine."""
    var_dir = tmp_path_factory.mktemp("source")
    with django_db_blocker.unblock(), server_database(var_dir, "backup") as url:
        return demo_backup(url, var_dir)


@pytest.fixture(scope="module")
def sqlite_backup(suite_backup):
    """A backup of the demo school on SQLite: the suite's own, so the move into PostgreSQL
    is tested in the SQLite run (CI's `make test`), where it costs no second demo site; the
    PostgreSQL run would only repeat it."""
    if connection.vendor != "sqlite":
        pytest.skip("moving from SQLite into PostgreSQL is tested in the SQLite run")
    return suite_backup


# The restores are made before the tests' transactions start: cloning a database on
# PostgreSQL closes the suite's connection.
@pytest.fixture(scope="module")
def restored_on_the_same_engine(suite_backup, django_db_blocker, tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("same-engine")
    with django_db_blocker.unblock(), server_database(var_dir, "restore") as url:
        return restore(suite_backup, url, var_dir)


@pytest.fixture(scope="module")
def restored_into_postgresql(sqlite_backup, tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("postgresql")
    with postgres_database() as url:
        run(site_env(var_dir, url), "migrate", "--noinput", "--verbosity", "0")
        return restore(sqlite_backup, url, var_dir)


@contextmanager
def postgres_database():
    """The URL of a new database on POSTGRES_SERVER, dropped after; the test is skipped
    when the server cannot be reached, unless REQUIRE_POSTGRES=1 (CI) makes that a failure."""
    try:
        server = psycopg.connect(POSTGRES_SERVER + "postgres", autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        reason = f"PostgreSQL does not answer at {POSTGRES_SERVER}: {error}"
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    database = f"nastavnik_restore_{secrets.token_hex(4)}"
    with server:
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
        try:
            yield POSTGRES_SERVER + database
        finally:
            server.execute(
                sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(database))
            )


def rows(archive):
    """The archive's rows by model and id."""
    with tarfile.open(archive) as tar:
        data = json.load(tar.extractfile("data.json"))
    return {
        (row["model"], row["pk"]): {name: as_data(value) for name, value in row["fields"].items()}
        for row in data
    }


def as_data(value):
    """What a value says, however it is written: a StreamField's JSON, whose keys
    PostgreSQL (jsonb) keeps in an order of its own; a time, which Django's JSON keeps to the
    millisecond, so that 12:00:05.000123 is backed up as "12:00:05.000Z", and as
    "12:00:05Z" once restored."""
    if not isinstance(value, str):
        return value
    if value.startswith(("[", "{")):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value.removesuffix(".000Z") + "Z" if value.endswith(".000Z") else value


def files(archive):
    """The archive's media files, and what each holds."""
    with tarfile.open(archive) as tar:
        return {
            member.name: hashlib.sha256(tar.extractfile(member).read()).hexdigest()
            for member in tar.getmembers()
            if member.isfile() and member.name.startswith("media/")
        }


def assert_same_site(backup, restored):
    before, after = rows(backup), rows(restored)
    assert {model for model, _ in before} >= KEPT
    assert (
        sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))
        == []
    )

    scans = [
        before["wagtaildocs.document", fields["document"]]
        for (model, _), fields in before.items()
        if model == "programmes.consent" and fields["document"]
    ]
    assert [scan["collection"][-1] for scan in scans] == [default_school().private_collection.name]
    assert files(restored) == files(backup)
    assert f"media/{scans[0]['file']}" in files(backup)
    assert any(name.startswith("media/images/") for name in files(backup))  # renditions


def test_a_backup_restores_the_whole_site_on_the_same_database_engine(
    suite_backup, restored_on_the_same_engine
):
    restored, done = restored_on_the_same_engine

    assert_same_site(suite_backup, restored)
    assert done == WORKING


def test_a_backup_of_sqlite_restores_into_postgresql(sqlite_backup, restored_into_postgresql):
    restored, done = restored_into_postgresql

    assert_same_site(sqlite_backup, restored)
    assert done == WORKING
