"""An installation from before schools becomes its first school: the default site's tree, the
three role groups (renamed after the school, their members kept), the two collections, the
«Модерация» workflow and every programme, consent and consent text."""

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4
OLD_GROUPS = {
    "curator": ("Куратор наставничества", "Куратор"),
    "editor": ("Редактор", "Редактор"),
    "moderator": ("Модератор", "Модератор"),
}
OLD_COLLECTIONS = {
    "collection": ("Материалы сайта", "{school}: материалы сайта"),
    "private_collection": ("Согласия (закрытые)", "{school}: согласия (закрытые)"),
}
OLD_WORKFLOW = ("Модерация", "Модерация — {school}")
OLD_TASK = ("Одобрение модератором", "Одобрение модератором — {school}")
OWNED = ("programme", "consent", "consenttext")


def root_collection_child(Collection, name):
    """The collection `name` just below the root, made by hand as treebeard would (historical
    models lack its methods)."""
    root = Collection.objects.filter(depth=1).order_by("path").first()
    found = Collection.objects.filter(depth=2, name=name).first()
    if found:
        return found
    children = Collection.objects.filter(depth=2, path__startswith=root.path)
    last = children.order_by("-path").values_list("path", flat=True).first()
    number = int(last[-STEPLEN:], 36) + 1 if last else 1
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
    created = Collection.objects.create(
        name=name, path=root.path + digits.rjust(STEPLEN, "0"), depth=2, numchild=0
    )
    Collection.objects.filter(pk=root.pk).update(numchild=children.count())
    return created


def rename(model, old, new):
    model.objects.filter(name=old).update(name=new)


def make_first_school(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    School = apps.get_model("programmes", "School")
    site = Site.objects.order_by("-is_default_site", "pk").first()
    if site is None or School.objects.exists():
        return
    details = apps.get_model("home", "SiteSettings").objects.filter(site=site).first()
    # The school's short name holds 100 characters (PostgreSQL refuses more).
    short_name = ((details and details.short_name) or site.site_name or "Школа")[:100].rstrip()

    Collection = apps.get_model("wagtailcore", "Collection")
    collections = {}
    for field, (old, new) in OLD_COLLECTIONS.items():
        name = new.format(school=short_name)
        rename(Collection, old, name)
        collections[field] = root_collection_child(Collection, name)
    Workflow = apps.get_model("wagtailcore", "Workflow")
    rename(Workflow, OLD_WORKFLOW[0], OLD_WORKFLOW[1].format(school=short_name))
    rename(
        apps.get_model("wagtailcore", "Task"), OLD_TASK[0], OLD_TASK[1].format(school=short_name)
    )

    school = School.objects.create(
        full_name=(details and details.full_name) or short_name,
        short_name=short_name,
        address=(details and details.address) or "",
        home_page_id=site.root_page_id,
        moderation_workflow=Workflow.objects.filter(
            name=OLD_WORKFLOW[1].format(school=short_name)
        ).first(),
        **collections,
    )
    Group = apps.get_model("auth", "Group")
    for role, (old, label) in OLD_GROUPS.items():
        name = f"{label} — {short_name}"
        rename(Group, old, name)
        group, _ = Group.objects.get_or_create(name=name)
        apps.get_model("programmes", "SchoolRole").objects.create(
            school=school, role=role, group=group
        )
    for model in OWNED:
        apps.get_model("programmes", model).objects.update(school=school)


def forget_schools(apps, schema_editor):
    """Back to one installation: the first school (the default site's) gives its groups,
    collections and workflow their old names; any other school's keep theirs, which would
    otherwise clash with the first's."""
    School = apps.get_model("programmes", "School")
    for model in OWNED:
        apps.get_model("programmes", model).objects.update(school=None)
    first = (
        School.objects.filter(home_page__sites_rooted_here__is_default_site=True).first()
        or School.objects.order_by("pk").first()
    )
    if first is not None:
        for held in apps.get_model("programmes", "SchoolRole").objects.filter(school=first):
            held.group.name = OLD_GROUPS[held.role][0]
            held.group.save()
        for field, (old, _) in OLD_COLLECTIONS.items():
            collection = getattr(first, field)
            collection.name = old
            collection.save()
        if first.moderation_workflow:
            first.moderation_workflow.name = OLD_WORKFLOW[0]
            first.moderation_workflow.save()
        rename(
            apps.get_model("wagtailcore", "Task"),
            OLD_TASK[1].format(school=first.short_name),
            OLD_TASK[0],
        )
    School.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0006_schools"),
        ("home", "0005_site_settings_plural"),
    ]

    operations = [migrations.RunPython(make_first_school, forget_schools)]
