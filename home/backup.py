"""The whole site in one file, and back (`manage.py backup_site`, `manage.py restore_site`).

An archive is a .tar.gz of a manifest (format, versions, date, the database's migrations),
the database's content as Django's JSON (dumpdata with natural foreign keys: every row but
sign-ins and the search index) and MEDIA_ROOT: original images, renditions, documents and
the private consent scans. Django writes and reads the data, so an archive of SQLite
restores into PostgreSQL and back.

A restore replaces the database's content whole, in one transaction: it empties the
database without letting `migrate`'s handlers fill it again (the archive holds the content
types, permissions, roles, collections and locales they make, under its own ids) and loads
the archive. Then the archive's media replace MEDIA_ROOT, the search index is rebuilt and
every cache is dropped. It wants a database at the archive's migrations, and refuses one
that already holds a site unless forced. A bad archive changes nothing."""

import io
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from .purging import purge

FORMAT = 1
MANIFEST = "manifest.json"
DATA = "data.json"
MEDIA = "media"
# Sign-ins are not kept: everyone signs in again. Nor are the two-step sign-in's secrets
# (an archive holding them beside the password hashes would make the second step moot:
# staff set their app up again) or the lock-outs. The search index is rebuilt after a
# restore: its tables differ between SQLite and PostgreSQL.
EXCLUDED = ["sessions", "otp_totp", "axes", "wagtailsearch"]
# An archive that is missing, unreadable, not a .tar.gz, cut short, or with unsafe paths.
UNREADABLE = (OSError, EOFError, zlib.error, tarfile.TarError, ValueError)


class BackupError(Exception):
    """What stops a backup or a restore, said for the person running it."""


def applied_migrations():
    recorded = MigrationRecorder(connection).applied_migrations()
    return sorted(f"{app}.{name}" for app, name in recorded)


def write_archive(path):
    """Write the site to `path`, readable by its owner only: it holds personal data. A
    failed backup leaves no archive, and an earlier one under that name as it was."""
    if path.name in ("", "..") or path.is_dir():
        raise BackupError(
            gettext("%(path)s is a folder: give the archive's file name, e.g. nastavnik.tar.gz.")
            % {"path": path}
        )
    partial = path.with_name(path.name + ".partial")
    try:
        with tempfile.TemporaryDirectory() as work:
            data = Path(work) / DATA
            dump(data)
            partial.unlink(missing_ok=True)
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with (
                os.fdopen(descriptor, "wb") as file,
                tarfile.open(fileobj=file, mode="w:gz") as tar,
            ):
                manifest = json.dumps(describe(), indent=2).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime = len(manifest), int(timezone.now().timestamp())
                tar.addfile(info, io.BytesIO(manifest))
                tar.add(data, arcname=DATA)
                if Path(settings.MEDIA_ROOT).is_dir():
                    tar.add(settings.MEDIA_ROOT, arcname=MEDIA)
        os.replace(partial, path)
    except DatabaseError as error:
        raise BackupError(
            gettext("Cannot read the database: %(error)s") % {"error": error}
        ) from error
    except OSError as error:
        raise BackupError(
            gettext("Cannot write %(file)s: %(error)s")
            % {"file": path, "error": error.strerror or error}
        ) from error
    finally:
        partial.unlink(missing_ok=True)


def dump(path):
    """The database's content as of one moment: a page published meanwhile must not leave
    out a revision that the page names. SQLite reads one snapshot in a transaction;
    PostgreSQL does at this level, which only the outermost transaction can set."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        call_command(
            "dumpdata", natural_foreign=True, exclude=EXCLUDED, output=str(path), verbosity=0
        )


def describe():
    return {
        "format": FORMAT,
        "created": timezone.now().isoformat(timespec="seconds"),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "database": connection.vendor,
        "migrations": applied_migrations(),
    }


def restore_archive(path, force=False, verbosity=1, stdout=None):
    """Replace the site with the archive's; returns the archive's manifest."""
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with unpacked(path, force, beside=media_root) as (manifest, work):
        # nginx may keep pages that the archive's site does not have: their addresses.
        replaced = PurgeBatch()
        replaced.add_pages(Page.objects.specific(defer=True))
        try:
            load(work / DATA, verbosity, stdout)
        except (DeserializationError, DatabaseError) as error:
            raise BackupError(
                gettext("%(file)s could not be restored, nothing was changed: %(error)s")
                % {"file": path, "error": error}
            ) from error
        try:
            # Renames on one disk: the site never sees half of the media.
            if media_root.exists():
                os.replace(media_root, work / "replaced")
            os.replace(work / MEDIA, media_root)
        except OSError as error:
            raise BackupError(
                gettext(
                    "The database is restored, but the media could not replace %(media)s "
                    "(%(error)s): unpack them by hand with `tar -xzf %(file)s %(folder)s`."
                )
                % {"media": media_root, "error": error.strerror, "file": path, "folder": MEDIA}
            ) from error
    call_command("update_index", verbosity=0)
    for cache in caches.all():
        cache.clear()
    purge(Page.objects.all(), replaced.urls)
    return manifest


@contextmanager
def unpacked(path, force, beside):
    """The manifest, once the database is found fit for it, and a folder `beside` the
    given one holding the archive's data and media; removed after."""
    work = Path(tempfile.mkdtemp(prefix=".restore-", dir=beside.parent))
    try:
        try:
            with tarfile.open(path, "r:gz") as tar:
                manifest = read_manifest(tar, path)
                check_database(manifest, force)
                members = [
                    member
                    for member in tar.getmembers()
                    if member.name in (DATA, MEDIA) or member.name.startswith(MEDIA + "/")
                ]
                if DATA not in {member.name for member in members}:
                    raise BackupError(not_a_backup(path, DATA))
                tar.extractall(work, members=members, filter="data")
        except UNREADABLE as error:
            raise BackupError(
                gettext("Cannot read %(file)s: %(error)s")
                % {"file": path, "error": getattr(error, "strerror", None) or error}
            ) from error
        (work / MEDIA).mkdir(exist_ok=True)  # a site without uploads
        yield manifest, work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def not_a_backup(path, lacking):
    return gettext("%(file)s is not a backup of the site: it has no %(name)s.") % {
        "file": path,
        "name": lacking,
    }


def read_manifest(tar, path):
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except KeyError:
        raise BackupError(not_a_backup(path, MANIFEST)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(
            gettext("%(file)s is not a backup this version of the site reads (format %(format)s).")
            % {"file": path, "format": FORMAT}
        )
    return manifest


def check_database(manifest, force):
    applied = applied_migrations()
    if not applied:
        raise BackupError(
            gettext("The database is not migrated: run `python manage.py migrate` first.")
        )
    archived = manifest.get("migrations", [])
    lacking = sorted(set(archived) - set(applied))
    newer = sorted(set(applied) - set(archived))
    if lacking or newer:
        said = [
            gettext(
                "The archive comes from another version of the site: restore it with the "
                "version that made it, then upgrade."
            )
        ]
        if lacking:
            said.append(
                gettext("Migrations the database lacks: %(names)s.") % {"names": ", ".join(lacking)}
            )
        if newer:
            said.append(
                gettext("Migrations the archive lacks: %(names)s.") % {"names": ", ".join(newer)}
            )
        raise BackupError(" ".join(said))
    if holds_a_site() and not force:
        raise BackupError(
            gettext(
                "The database already holds a site (users or pages). Give --force to replace "
                "it with the archive's."
            )
        )


def holds_a_site():
    """Whether anyone has worked in the database: `migrate` makes no user, and no page
    below the home page."""
    return get_user_model().objects.exists() or Page.objects.filter(depth__gt=2).exists()


def load(data, verbosity, stdout):
    """Replace the database's content with the archive's, in one transaction."""
    with transaction.atomic():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        # The ids it remembers are those of the content types just deleted.
        ContentType.objects.clear_cache()
        call_command("loaddata", str(data), verbosity=verbosity, stdout=stdout)
