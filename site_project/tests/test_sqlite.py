"""The default SQLite database keeps a form submitted while another write is under way (an
import, a board change) instead of answering 500 after five seconds."""

import os
import subprocess
import sys
import time

import pytest
from django.db import connection

from site_project.tests.processes import BASE_DIR, database_url, manage_shell

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own locking"),
]

# Another process's write transaction, held longer than SQLite's default wait of 5 s.
HOLD_A_WRITE = """
import sqlite3, sys, time
database = sqlite3.connect(sys.argv[1], isolation_level=None)
database.execute("BEGIN IMMEDIATE")
database.execute("UPDATE wagtailcore_page SET title = title")
print("writing", flush=True)
time.sleep(7)
database.execute("COMMIT")
"""
STORE_A_SUBMISSION = """
from django.db import connection
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page
FormSubmission.objects.create(page=Page.objects.get(depth=2), form_data={"name": "x"})
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    print(cursor.fetchone()[0], FormSubmission.objects.count())
"""


def test_a_submission_waits_for_another_write_and_is_stored(tmp_path, home_page):
    url = database_url(tmp_path)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
        "DATABASE_URL": url,
    }
    manage_shell(env, "from wagtail.models import Page; Page.objects.count()")  # as a site is
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_A_WRITE, url.removeprefix("sqlite:///")],
        cwd=BASE_DIR,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "writing"
        started = time.monotonic()

        stored = manage_shell(env, STORE_A_SUBMISSION)

        assert stored.strip().splitlines()[-1] == "wal 1"
        assert time.monotonic() - started > 3, "it waited for the other write"
    finally:
        holder.wait(timeout=30)
