"""deploy/manage: manage.py with the environment of production's file (/etc/nastavnik.env,
or NASTAVNIK_ENV), never the dev settings in its stead."""

import os
import subprocess

from site_project.tests.processes import BASE_DIR

MANAGE = BASE_DIR / "deploy" / "manage"
PRINT_SETTINGS = (
    "from django.conf import settings; print(settings.WAGTAIL_SITE_NAME); print(settings.TIME_ZONE)"
)


def run(env_file, *args, cwd):
    # Nothing of the suite's own environment may stand in for the file's.
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DJANGO_SETTINGS_MODULE", "TIME_ZONE", "VAR_DIR", "DATABASE_URL"}
    }
    return subprocess.run(
        [MANAGE, *args],
        env={**env, "NASTAVNIK_ENV": str(env_file)},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_runs_manage_py_with_the_environment_of_the_file(tmp_path):
    env_file = tmp_path / "nastavnik.env"
    env_file.write_text(
        "DJANGO_SETTINGS_MODULE=site_project.settings.test\n"
        "TIME_ZONE=Asia/Yekaterinburg\n"
        "# A value as systemd takes it: spaces, <, > and $ as they are.\n"
        "WAGTAIL_SITE_NAME=Наставничество $школы <№ 3>; &c\n"
        f"VAR_DIR={tmp_path}\n"
        f"DATABASE_URL=sqlite:///{tmp_path / 'db.sqlite3'}\n"
    )
    # From anywhere, as cron runs it.
    result = run(env_file, "shell", "-c", PRINT_SETTINGS, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # The shell may first say what it imported.
    assert result.stdout.splitlines()[-2:] == [
        "Наставничество $школы <№ 3>; &c",
        "Asia/Yekaterinburg",
    ]


def test_without_the_file_it_stops_and_runs_nothing(tmp_path):
    missing = tmp_path / "missing.env"
    ran = tmp_path / "ran"
    result = run(missing, "shell", "-c", f"open({str(ran)!r}, 'w')", cwd=tmp_path)
    assert result.returncode != 0
    assert f"{missing} is missing or unreadable" in result.stderr
    assert result.stdout == ""
    assert not ran.exists()
