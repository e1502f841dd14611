"""The private collection for signed consents: only the curators' group may open its
documents (Wagtail's document view checks the collection's view restriction)."""

from django.db import migrations

CURATOR = "Куратор наставничества"
PRIVATE_COLLECTION = "Согласия (закрытые)"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def to_base36(number):
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
    return digits.rjust(STEPLEN, "0")


def create_private_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Group = apps.get_model("auth", "Group")

    root = Collection.objects.filter(depth=1).order_by("path").first()
    collection = Collection.objects.filter(name=PRIVATE_COLLECTION, depth=2).first()
    if collection is None:
        # Historical models lack treebeard's methods: add the child by hand, as treebeard does.
        children = Collection.objects.filter(depth=2, path__startswith=root.path)
        last = children.order_by("-path").values_list("path", flat=True).first()
        step = int(last[-STEPLEN:], 36) + 1 if last else 1
        collection = Collection.objects.create(
            name=PRIVATE_COLLECTION,
            path=root.path + to_base36(step),
            depth=2,
            numchild=0,
        )
        Collection.objects.filter(pk=root.pk).update(numchild=children.count())
    curators, _ = Group.objects.get_or_create(name=CURATOR)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type="groups"
        )
        restriction.groups.set([curators])


def remove_private_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    collection = Collection.objects.filter(name=PRIVATE_COLLECTION, depth=2).first()
    if collection is not None and not collection.numchild:
        apps.get_model("wagtailcore", "CollectionViewRestriction").objects.filter(
            collection=collection
        ).delete()
        root_path = collection.path[:STEPLEN]
        collection.delete()
        Collection.objects.filter(path=root_path).update(
            numchild=Collection.objects.filter(depth=2, path__startswith=root_path).count()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0003_consent"),
        ("programmes", "0002_roles_and_moderation_workflow"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(create_private_collection, remove_private_collection),
    ]
