"""`make serve` starts a production-like server: it answers, with DEBUG off and hashed,
compressed static files. The server runs scripts/serve, as `make serve` does, against a copy
of the test database (SQLite) or the test database itself (PostgreSQL)."""

import gzip
import json
import os

import pytest

from site_project.tests.processes import (
    STYLESHEET,
    database_url,
    fetch,
    free_port,
    manage_shell,
    running,
    server_database,
)


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
