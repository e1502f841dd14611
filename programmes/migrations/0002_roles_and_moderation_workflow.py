"""The three editor roles and the «Модерация» workflow. Their permissions are applied from
programmes/roles.py after every migrate."""

from django.db import migrations

CURATOR = "Куратор наставничества"
EDITOR = "Редактор"
MODERATOR = "Модератор"


def create_roles_and_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    # Wagtail's own English sample groups and their workflow would sit beside ours and
    # let their members edit every page: ours replace them.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
    Workflow.objects.filter(name="Moderators approval").update(active=False)

    for name in (CURATOR, EDITOR, MODERATOR):
        Group.objects.get_or_create(name=name)
    moderators = Group.objects.get(name=MODERATOR)

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name="Одобрение модератором", content_type=task_type, active=True
    )
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name="Модерация", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def remove_roles_and_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name="Модерация").delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name="Одобрение модератором").delete()
    apps.get_model("auth", "Group").objects.filter(name__in=[CURATOR, EDITOR, MODERATOR]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, remove_roles_and_workflow)]
