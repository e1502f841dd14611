"""backup_site and restore_site as the person running them sees them: a restore brings the
backed-up site back, pages and files, and drops every cache, Django's and nginx's; an
archive that is missing, damaged, of another version of the site, or that would replace a
site without --force, is refused with a message, a non-zero exit and nothing changed. The
round trips through `manage.py` with the demo school are in test_backup_round_trip."""

import json
import tarfile

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.tests.backups import manifest, refusal, rewritten, site_now
from site_project.tests.processes import manage

pytestmark = pytest.mark.django_db


def test_the_archive_is_readable_by_its_owner_only(backup):
    assert backup.stat().st_mode & 0o777 == 0o600
    assert manifest(backup)["format"] == 1


def test_the_archive_holds_no_second_factor_secret_nor_lock_out(home_page, tmp_path):
    staff = get_user_model().objects.create_user(username="curator")
    TOTPDevice.objects.create(user=staff, name="телефон")
    AccessAttempt.objects.create(username="curator", ip_address="10.0.0.1", failures_since_start=5)
    archive = tmp_path / "site.tar.gz"

    call_command("backup_site", str(archive), verbosity=0)

    with tarfile.open(archive) as tar:
        models = {row["model"] for row in json.load(tar.extractfile("data.json"))}
    assert "auth.user" in models
    assert not {"otp_totp.totpdevice", "axes.accessattempt"} & models


def test_a_backup_into_a_missing_folder_says_so(tmp_path):
    archive = tmp_path / "no-such-folder" / "site.tar.gz"

    with pytest.raises(CommandError) as refused:
        call_command("backup_site", str(archive), verbosity=0)

    assert str(refused.value) == f"Не удалось записать {archive}: No such file or directory"


@pytest.mark.parametrize("archive", [".", "", "/", ".."])
def test_a_backup_to_a_folder_instead_of_a_file_asks_for_the_archives_name(archive):
    with pytest.raises(CommandError, match="имя файла архива"):
        call_command("backup_site", archive, verbosity=0)


def test_a_missing_archive_is_named_without_a_traceback_and_a_non_zero_exit(tmp_path):
    archive = tmp_path / "site.tar.gz"
    result = manage(
        "restore_site",
        str(archive),
        VAR_DIR=str(tmp_path),
        MEDIA_ROOT=str(tmp_path / "media"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )

    assert result.returncode == 1
    assert (
        result.stderr
        == f"CommandError: Не удалось прочитать {archive}: No such file or directory\n"
    )


def damaged(archive, how):
    """A copy of `archive` damaged so, or none at all."""
    copy = archive.with_name(f"{how}.tar.gz")
    if how == "not-an-archive":
        copy.write_text("notes, not an archive")
    elif how == "cut-short":
        copy.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    return copy


@pytest.mark.parametrize("how", ["missing", "not-an-archive", "cut-short"])
def test_an_archive_that_cannot_be_read_changes_nothing(backup, settings, how):
    archive = damaged(backup, how)
    before = site_now(settings)

    assert refusal(archive, "--force").startswith(f"Не удалось прочитать {archive}: ")
    assert site_now(settings) == before


def test_an_archive_without_a_manifest_is_not_taken_for_a_backup(backup, settings, tmp_path):
    other = tmp_path / "other.tar.gz"
    with tarfile.open(other, "w:gz") as tar:
        tar.add(backup, arcname="data.json")
    before = site_now(settings)

    assert (
        refusal(other, "--force") == f"{other} — не резервная копия сайта: в нём нет manifest.json."
    )
    assert site_now(settings) == before


def test_a_site_is_replaced_only_with_force(backup, settings):
    before = site_now(settings)

    assert "Укажите --force, чтобы заменить его" in refusal(backup)
    assert site_now(settings) == before


def test_an_archive_of_another_version_of_the_site_is_refused(backup, settings):
    future = manifest(backup)
    future["migrations"].append("home.9999_from_the_future")
    newer = rewritten(backup, "manifest.json", json.dumps(future).encode())
    before = site_now(settings)

    message = refusal(newer, "--force")

    assert message.startswith("Архив сделан другой версией сайта")
    assert "Миграции, которых нет в базе данных: home.9999_from_the_future." in message
    assert site_now(settings) == before
