#!/bin/sh
# Rebuilds single_school_f28c953.sqlite3.xz: the database of a single-school installation as
# `load_demo` made it at commit f28c953 (the last one before schools), with what a real school
# adds that the demo lacks (a user in each role group, an application, a consent's scan in the
# private collection). Media files are left out: the upgrade needs only the rows.
# Run from the repository's root: sh programmes/tests/data/make_fixture.sh
set -eu
COMMIT=f28c953
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(git -C "$HERE" rev-parse --show-toplevel)
PYTHON="$REPO/.venv/bin/python"
WORK=$(mktemp -d)
TREE="$WORK/pre-schools"
VAR="$WORK/var"
git -C "$REPO" worktree add --detach "$TREE" "$COMMIT" >/dev/null
trap 'git -C "$REPO" worktree remove --force "$TREE"; rm -rf "$WORK"' EXIT
export DATABASE_URL="sqlite:///$VAR/db.sqlite3" VAR_DIR="$VAR" MEDIA_ROOT="$VAR/media"
export PYTHONPATH="$TREE"
cd "$TREE"
"$PYTHON" manage.py migrate --noinput -v0
"$PYTHON" manage.py load_demo -v0
"$PYTHON" manage.py shell --no-imports -c '
import datetime
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from mentoring_pages.models import ApplicationPage
from mentoring_pages.models.forms import ApplicationSubmission
from programmes.models import Consent, ConsentText

users = get_user_model().objects
for username, group in [
    ("kurator-shkoly", "Куратор наставничества"),
    ("redaktor-shkoly", "Редактор"),
    ("moderator-shkoly", "Модератор"),
]:
    users.create_user(username, password="upgrade-fixture").groups.add(
        Group.objects.get(name=group)
    )
consent = Consent.objects.order_by("pk").first()
consent.document = get_document_model().objects.create(
    title=f"Согласие: {consent.person}",
    collection=Collection.objects.get(name="Согласия (закрытые)"),
    file=ContentFile(b"%PDF-1.4 a signed consent", name="soglasie-skan.pdf"),
)
consent.save()
ApplicationSubmission.objects.create(
    page=ApplicationPage.objects.filter(locale__language_code="ru").first(),
    form_data={"name": "Иванова Мария Петровна", "phone": "+7 900 000-00-00"},
    consent_text=ConsentText.objects.first(),
    consented_at=datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.timezone.utc),
)
'
"$PYTHON" -c "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute('VACUUM'); db.close()" "$VAR/db.sqlite3"
xz -9e --stdout "$VAR/db.sqlite3" > "$HERE/single_school_${COMMIT}.sqlite3.xz"
