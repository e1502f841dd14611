"""The admin works in the school's time zone: no account may choose another, and a zone
chosen before is dropped (home/migrations/0007), so «today» on the board, in reports and
in the consent rules is the school's day."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("home.migrations.0007_admin_in_the_schools_time_zone")


def test_an_accounts_preferences_offer_no_other_time_zone(admin_client):
    content = admin_client.get(reverse("wagtailadmin_account")).content.decode()

    assert "current_time_zone" not in content


def test_a_time_zone_chosen_before_gives_way_to_the_schools(admin_user, settings):
    profile = UserProfile.get_for_user(admin_user)
    profile.current_time_zone = "Asia/Vladivostok"
    profile.save()

    MIGRATION.school_time_zone_for_all(apps, None)

    assert UserProfile.get_for_user(admin_user).get_current_time_zone() == settings.TIME_ZONE
