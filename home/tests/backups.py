"""What the backup tests look at: the site as a restore leaves it, a refused restore's
message, an archive changed on purpose."""

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page


def site_now(settings):
    """The pages' titles, the files in MEDIA_ROOT with what they hold, and anything a
    restore left beside MEDIA_ROOT."""
    media = Path(settings.MEDIA_ROOT)
    return (
        sorted(Page.objects.values_list("title", flat=True)),
        {
            str(path.relative_to(media)): path.read_bytes()
            for path in media.rglob("*")
            if path.is_file()
        },
        sorted(path.name for path in media.parent.glob(".restore-*")),
    )


def refusal(archive, *options):
    with pytest.raises(CommandError) as refused:
        call_command("restore_site", str(archive), *options, verbosity=0)
    return str(refused.value)


def rewritten(archive, name, content):
    """A copy of `archive` with `content` as its member `name`."""
    copy = archive.with_name(f"changed-{archive.name}")
    with tarfile.open(archive) as source, tarfile.open(copy, "w:gz") as target:
        for member in source.getmembers():
            if member.name == name:
                member.size = len(content)
                target.addfile(member, io.BytesIO(content))
            else:
                target.addfile(member, source.extractfile(member) if member.isfile() else None)
    return copy


def manifest(archive):
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile("manifest.json"))
