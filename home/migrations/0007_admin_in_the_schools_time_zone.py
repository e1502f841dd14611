"""Every account works in the school's time zone (settings.WAGTAIL_USER_TIME_ZONES): a zone
chosen in an account's preferences before made the admin's «today» another day than the
school's (overdue events, a quarter's end, a consent's last day)."""

from django.db import migrations


def school_time_zone_for_all(apps, schema_editor):
    apps.get_model("wagtailusers.UserProfile").objects.exclude(current_time_zone="").update(
        current_time_zone=""
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_root_page_in_russian"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [migrations.RunPython(school_time_zone_for_all, migrations.RunPython.noop)]
