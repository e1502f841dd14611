"""`make serve` starts a production-like server: it answers, with DEBUG off and hashed,
compressed static files. The server runs scripts/serve, as `make serve` does, against a copy
of the test database (SQLite) or the test database itself (PostgreSQL)."""

import gzip
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection

BASE_DIR = Path(__file__).resolve().parents[2]
START_TIMEOUT = 180
# The site's stylesheet in a page, by its collected name with a content hash.
STYLESHEET = re.compile(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"')


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url(tmp_path):
    """A database the server process can open, with what the migrations put in it."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        copy = tmp_path / "db.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        return f"sqlite:///{copy}"
    return postgres_url(settings)


def postgres_url(settings):
    return "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**settings)


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@contextmanager
def server_database(var_dir, suffix="nginx"):
    """The URL of a database of the server's own, with what the migrations put in it; on
    PostgreSQL, a clone named after `suffix`, which no other database in use may share."""
    if connection.vendor == "sqlite":
        yield database_url(var_dir)
        return
    connection.creation.clone_test_db(suffix, verbosity=0)
    try:
        yield postgres_url(connection.creation.get_test_db_clone_settings(suffix))
    finally:
        connection.creation.destroy_test_db(suffix=suffix, verbosity=0)


def manage_shell(env, code):
    """What `code` printed, run by `manage.py shell` in the server's environment."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@contextmanager
def running(script, env, log):
    """scripts/`script` started with `env` (in a session of its own, its output in `log`),
    once it listens on env["PORT"]; stopped (SIGTERM to the script alone) after."""
    port = int(env["PORT"])
    with log.open("wb") as output:
        process = subprocess.Popen(
            [BASE_DIR / "scripts" / script],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while time.monotonic() < deadline and process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"{script} did not start: " + log.read_text()[-2000:])
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def server(db, tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "WORKERS": "2",
        "VAR_DIR": str(tmp_path),
        "DATABASE_URL": database_url(tmp_path),
    }
    env.pop("REDIS_URL", None)
    with running("serve", env, tmp_path / "serve.log"):
        yield f"http://127.0.0.1:{port}"


def test_serve_answers_with_debug_off_and_hashed_compressed_static_files(server):
    status, _, body = fetch(server + "/")
    assert status == 200
    page = body.decode()

    status, _, body = fetch(server + "/no-such-page/")
    assert status == 404
    assert "Страница не найдена" in body.decode()  # the site's own page, not Django's debug page

    stylesheet = STYLESHEET.search(page)
    assert stylesheet, "static file URLs carry a content hash"
    status, headers, body = fetch(server + stylesheet[1], **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert b"{" in gzip.decompress(body)
    assert "immutable" in headers["Cache-Control"]


MAKE_IMAGE = """
import json
import wagtail_factories

image = wagtail_factories.ImageFactory(file__width=80, file__height=60)
print(json.dumps([image.get_rendition("fill-40x30").url, image.file.url]))
"""


# Served before any test's transaction starts: cloning a database on PostgreSQL needs the
# suite's connection to it closed, and a test of the database (sorted before those that
# commit and empty it) finds what the migrations put in it.
@pytest.fixture(scope="module")
def served_image(django_db_setup, django_db_blocker, tmp_path_factory):
    """(status, headers, body) of an image's rendition under `make serve`, and the status
    of its original file."""
    tmp_path = tmp_path_factory.mktemp("serve-images")
    with django_db_blocker.unblock(), server_database(tmp_path) as url:
        env = {**os.environ, "PORT": str(free_port()), "VAR_DIR": str(tmp_path)}
        env.update(DATABASE_URL=url, WORKERS="1")
        env.pop("REDIS_URL", None)
        rendition, original = json.loads(manage_shell(env, MAKE_IMAGE).splitlines()[-1])
        with running("serve", env, tmp_path / "serve.log"):
            served = fetch(f"http://127.0.0.1:{env['PORT']}{rendition}")
            return *served, fetch(f"http://127.0.0.1:{env['PORT']}{original}")[0]


@pytest.mark.django_db
def test_serve_shows_image_renditions_but_not_original_images(served_image):
    status, headers, body, original_status = served_image

    assert status == 200
    assert headers["Content-Type"] == "image/jpeg"
    assert body[:2] == b"\xff\xd8"  # a JPEG
    assert original_status == 404  # on disk, but not public
