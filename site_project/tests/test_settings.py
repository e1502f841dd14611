import os
import subprocess
import sys

import pytest
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from site_project.tests.processes import BASE_DIR, PRODUCTION, manage, production_setting


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
    admins = production_setting(
        "ADMINS", ADMINS="Завуч <zavuch@school.example.org>, admin@school.example.org"
    )

    assert admins == str([("Завуч", "zavuch@school.example.org"), ("", "admin@school.example.org")])


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


@pytest.mark.parametrize("server", ["site_project.wsgi", "site_project.asgi"])
def test_a_server_whose_environment_forgot_the_settings_module_runs_production(server):
    """Not the developers' settings (debug pages, no two-factor sign-in): production's, which
    refuse to start without their secrets."""
    environment = {
        name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"
    }

    result = subprocess.run(
        [sys.executable, "-c", f"import {server}"],
        cwd=BASE_DIR,
        env={**environment, "SECRET_KEY": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_counts_visitors_by_the_address_nginx_gives():
    """Behind nginx every connection comes from 127.0.0.1: one lock-out for everyone."""
    assert production_setting("FORM_CLIENT_ADDRESS_HEADER") == "HTTP_X_REAL_IP"
