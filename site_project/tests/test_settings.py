import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

BASE_DIR = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
    "SECRET_KEY": "x7#k2!pq9@vz$w4m^e8r&t1y*u6i(o3p)a5s-d0f+g=h_j~l<b>n?c,v.x/z;q:w",
    "ALLOWED_HOSTS": "school.example.org",
}


def test_production_settings_pass_the_deployment_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_secrets(missing):
    result = manage("check", **{**PRODUCTION, missing: ""})

    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_mails_errors_to_the_admins_it_is_given():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.ADMINS)",
        ADMINS="Завуч <zavuch@school.example.org>, admin@school.example.org",
        **PRODUCTION,
    )

    assert result.stdout.strip().splitlines()[-1] == str(
        [("Завуч", "zavuch@school.example.org"), ("", "admin@school.example.org")]
    )


def fail(request):
    raise RuntimeError("something broke")


urlpatterns = [path("fail/", csrf_exempt(fail))]


@pytest.mark.django_db
def test_an_error_reaches_the_admins_by_email(client, settings, mailoutbox):
    settings.ROOT_URLCONF = __name__
    settings.ADMINS = [("Завуч", "zavuch@school.example.org")]
    client.raise_request_exception = False

    response = client.post("/fail/", {"parent_phone": "+7 900 123-45-67", "name": "Иванова"})

    assert response.status_code == 500
    assert [message.to for message in mailoutbox] == [["zavuch@school.example.org"]]
    assert "something broke" in mailoutbox[0].body
    report = mailoutbox[0].body + "".join(str(part[1]) for part in mailoutbox[0].alternatives)
    assert "parent_phone" in report  # the field is named, what was typed is not
    assert "123-45-67" not in report
    assert "Иванова" not in report
