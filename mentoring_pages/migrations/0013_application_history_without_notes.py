"""The history of an application's status keeps whether the curator's note changed, not
its words: a note cleared (a phone number typed by mistake) is then kept nowhere."""

from django.db import migrations, models


def mark_note_changes(apps, schema_editor):
    ApplicationStateChange = apps.get_model("mentoring_pages", "ApplicationStateChange")
    previous_notes = {}  # per application, the note as its last change left it
    changed = []
    for change in ApplicationStateChange.objects.order_by("changed_at", "pk").only(
        "submission_id", "note"
    ):
        if change.note != previous_notes.get(change.submission_id, ""):
            changed.append(change.pk)
        previous_notes[change.submission_id] = change.note
    ApplicationStateChange.objects.filter(pk__in=changed).update(note_changed=True)


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring_pages", "0012_model_names_in_russian"),
    ]

    operations = [
        migrations.AddField(
            model_name="applicationstatechange",
            name="note_changed",
            field=models.BooleanField(default=False, verbose_name="note changed"),
        ),
        migrations.RunPython(mark_note_changes, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="applicationstatechange",
            name="note",
        ),
    ]
