"""Two-step sign-in: where it is required (production), curators and superusers give a code
from their authenticator app after the password, and set the app up on their first sign-in;
editors, and everyone where it is not required, sign in with the password alone."""

from base64 import b32encode

import pytest
from django.urls import reverse
from django.utils.translation import gettext
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from programmes.roles import CURATOR, EDITOR
from site_project.tests.processes import production_setting

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-password-of-a-curator"
VERIFY = "security_two_factor_verify"
ENROL = "security_two_factor_enrol"
WRONG_CODE = "This code is wrong or has expired. Enter the code your app shows now."
DASHBOARD = "/admin/"


@pytest.fixture
def required(settings):
    settings.STAFF_2FA_REQUIRED = True


@pytest.fixture
def curator(user_in):
    return user_in(CURATOR, "curator", password=PASSWORD)


@pytest.fixture
def phone(curator):
    """The curator's authenticator app, set up."""
    return TOTPDevice.objects.create(user=curator, name="phone", confirmed=True)


def code(device, offset=0):
    """What the authenticator app shows now (offset: a code that is not it)."""
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{(value + offset) % 10**device.digits:0{device.digits}d}"


def log_in(client, username):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": PASSWORD}
    )
    assert response.status_code == 302, "the password is right"


def test_a_curator_gives_the_code_of_their_app_before_reaching_the_dashboard(
    client, required, curator, phone
):
    log_in(client, "curator")

    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response.url.startswith(reverse(VERIFY))
    form = client.get(response.url)
    assert form.status_code == 200
    assert 'name="code"' in form.content.decode()

    response = client.post(response.url, {"code": code(phone)})
    assert response.status_code == 302
    assert response.url == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_a_wrong_code_is_refused(client, required, curator, phone):
    log_in(client, "curator")

    response = client.post(reverse(VERIFY), {"code": code(phone, offset=1)})

    assert response.status_code == 200
    assert gettext(WRONG_CODE) in response.content.decode()
    assert client.get(DASHBOARD).status_code == 302


def test_nothing_else_is_reached_before_the_code(client, required, curator, phone):
    log_in(client, "curator")

    for url in (reverse("wagtailadmin_explore_root"), "/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse(VERIFY)), url

    # Once the code is given, the page asked for first.
    next_url = client.get(reverse("wagtailadmin_explore_root")).url
    response = client.post(next_url, {"code": code(phone)})
    assert response.url == reverse("wagtailadmin_explore_root")


def test_a_curator_without_an_app_sets_it_up_on_signing_in(client, required, curator):
    log_in(client, "curator")

    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response.url.startswith(reverse(ENROL))
    page = client.get(response.url).content.decode()
    device = TOTPDevice.objects.get(user=curator)
    assert not device.confirmed
    assert "<svg" in page  # the QR code, drawn in the page itself
    assert b32encode(device.bin_key).decode() in page  # for typing in instead

    response = client.post(response.url, {"code": code(device, offset=1)})
    assert gettext(WRONG_CODE) in response.content.decode()
    assert client.get(DASHBOARD).status_code == 302

    device.refresh_from_db()
    device.throttle_reset()  # a person takes longer than the throttle's pause to retype
    response = client.post(reverse(ENROL), {"code": code(device)})
    assert response.status_code == 302
    assert response.url == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_a_superuser_is_asked_too(client, required, django_user_model):
    django_user_model.objects.create_superuser("boss", password=PASSWORD)
    log_in(client, "boss")

    assert client.get(DASHBOARD).url.startswith(reverse(ENROL))


def test_an_editor_is_not_asked(client, required, user_in):
    user_in(EDITOR, "editor", password=PASSWORD)
    log_in(client, "editor")

    assert client.get(DASHBOARD).status_code == 200


def test_where_it_is_not_required_the_password_alone_signs_in(client, curator, phone):
    log_in(client, "curator")

    assert client.get(DASHBOARD).status_code == 200


def test_production_requires_it():
    assert production_setting("STAFF_2FA_REQUIRED") == "True"


def test_a_superuser_resets_the_app_of_a_curator_who_lost_their_phone(
    client, admin_client, settings, curator, phone
):
    page = admin_client.get(reverse("security_lockouts")).content.decode()
    assert 'data-two-factor-user="curator"' in page

    admin_client.post(reverse("security_lockouts"), {"two_factor_user": curator.pk})

    settings.STAFF_2FA_REQUIRED = True
    log_in(client, "curator")
    assert client.get(DASHBOARD).url.startswith(reverse(ENROL))
