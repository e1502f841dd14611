"""Running the site as its operators do, in processes of its own: `manage.py` commands, the
servers of scripts/ (`make serve`, `make serve-nginx`) and what they answer over HTTP, against
a database of their own with what the migrations put in it."""

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
# What production needs in its environment to start.
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
    "SECRET_KEY": "x7#k2!pq9@vz$w4m^e8r&t1y*u6i(o3p)a5s-d0f+g=h_j~l<b>n?c,v.x/z;q:w",
    "ALLOWED_HOSTS": "school.example.org",
}


def manage(*args, **env):
    """`manage.py *args` in this environment with `env` added: the finished process."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_setting(name, **env):
    """The setting `name` as production has it (with `env` added), printed by `manage.py
    shell`."""
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        f"from django.conf import settings; print(settings.{name})",
        **PRODUCTION,
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def manage_shell(env, code):
    """What `code` printed, run by `manage.py shell` in the server's environment `env`."""
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


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_url(settings):
    return "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**settings)


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


def fetch(url, **headers):
    """(status, headers, body) of a GET of `url` from a running server."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
