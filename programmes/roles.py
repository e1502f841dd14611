"""The editor roles and what each may do: the one place where their permissions live.

Later features extend these tables, never the groups in the admin by hand: the tables
are applied after every `migrate`, so the code stays the truth."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from wagtail.snippets.models import create_extra_permissions

from programmes.models.consents import PRIVATE_COLLECTION

CURATOR = "Куратор наставничества"
EDITOR = "Редактор"
MODERATOR = "Модератор"
ROLES = (CURATOR, EDITOR, MODERATOR)

# The programme's facts: curators keep them, everyone else in the admin reads them.
PROGRAMME_MODELS = (
    "programme",
    "mentoringform",
    "targetindicator",
    "participationfigures",
    "monitoringresult",
    "consenttext",
)


def model_permissions(app_label, models, actions):
    return {f"{app_label}.{action}_{model}" for model in models for action in actions}


PROGRAMME_VIEW = model_permissions("programmes", PROGRAMME_MODELS, ["view"])
PROGRAMME_MANAGE = model_permissions(
    "programmes", PROGRAMME_MODELS, ["add", "change", "delete", "view"]
) | {"programmes.publish_programme"}

# The consent registry holds personal data and signed scans: curators only, nobody else
# (not even to read it).
CONSENT_MANAGE = model_permissions("programmes", ["consent"], ["add", "change", "delete", "view"])

# The tags of news and cases («Теги»): editors rename and translate the tags they put on
# pages; moderators may delete one too. Named, not imported, like the page types below.
TAG_WRITE = model_permissions("mentoring_pages", ["sectiontag"], ["add", "change", "view"])
TAG_MANAGE = TAG_WRITE | {"mentoring_pages.delete_sectiontag"}

ADMIN_ACCESS = {"wagtailadmin.access_admin", "wagtail_localize.submit_translation"}

ROLE_PERMISSIONS = {
    CURATOR: ADMIN_ACCESS | PROGRAMME_MANAGE | CONSENT_MANAGE,
    EDITOR: ADMIN_ACCESS | PROGRAMME_VIEW | TAG_WRITE,
    MODERATOR: ADMIN_ACCESS | PROGRAMME_VIEW | TAG_MANAGE,
}

# Page permissions, granted on every page of a type (in every language) and so on its
# subtree. Page types are named, not imported: this app must not depend on the page apps.
WRITE = {"add_page", "change_page"}
PUBLISH = WRITE | {"publish_page", "lock_page", "unlock_page"}
ROLE_PAGE_PERMISSIONS = {
    # Editors write news, cases and mentor profiles, only under their index pages.
    EDITOR: {
        "mentoring_pages.newsindexpage": WRITE,
        "mentoring_pages.caseindexpage": WRITE,
        "mentoring_pages.mentorindexpage": WRITE,
    },
    # Curators keep the roadmaps current and publish them themselves; they keep the
    # application forms and questionnaires too, which is also what lets them read the
    # submissions (only curators may: mentoring_pages.forms_admin).
    CURATOR: {
        "mentoring_pages.roadmapindexpage": PUBLISH,
        "mentoring_pages.applicationpage": PUBLISH,
        "mentoring_pages.questionnairepage": PUBLISH,
    },
    # Moderators (the school's administration) approve and publish the whole site.
    MODERATOR: {"home.homepage": PUBLISH},
}
# What editors write goes through the «Модерация» workflow.
MODERATED_PAGE_TYPES = {
    "mentoring_pages.newsindexpage",
    "mentoring_pages.caseindexpage",
    "mentoring_pages.mentorindexpage",
}
MODERATION_WORKFLOW = "Модерация"

# Images and documents. Wagtail's collection permissions reach every collection below the
# one they are granted on, so nothing is granted on the root: the signed consents' private
# collection sits beside the site's own, and only curators have it.
SITE_COLLECTION = "Материалы сайта"
IMAGES_AND_DOCUMENTS = {
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
}
EDIT_IMAGES_AND_DOCUMENTS = {"wagtailimages.change_image", "wagtaildocs.change_document"}
ROLE_COLLECTION_PERMISSIONS = {
    CURATOR: {
        SITE_COLLECTION: IMAGES_AND_DOCUMENTS,
        PRIVATE_COLLECTION: {
            "wagtaildocs.add_document",
            "wagtaildocs.change_document",
            "wagtaildocs.choose_document",
            "wagtaildocs.delete_document",
        },
    },
    EDITOR: {SITE_COLLECTION: IMAGES_AND_DOCUMENTS},
    MODERATOR: {SITE_COLLECTION: IMAGES_AND_DOCUMENTS | EDIT_IMAGES_AND_DOCUMENTS},
}


def _permissions(names):
    from django.contrib.auth.models import Permission

    wanted = {tuple(name.split(".", 1)) for name in names}
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in wanted},
        codename__in={codename for _, codename in wanted},
    ).select_related("content_type")
    permissions = [p for p in found if (p.content_type.app_label, p.codename) in wanted]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in permissions}
    if missing:
        raise LookupError(f"Permissions not found: {sorted(missing)}")
    return permissions


def grant_page_permissions(page):
    """Give the roles their permissions on `page`, and its moderation workflow, if its type
    is in the tables above. Called for every new page and after every migrate."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

    page_type = page._meta.label_lower
    for role, per_type in ROLE_PAGE_PERMISSIONS.items():
        if page_type not in per_type:
            continue
        group = Group.objects.get(name=role)
        for permission in _permissions(f"wagtailcore.{name}" for name in per_type[page_type]):
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=page.pk, permission=permission
            )
    if page_type in MODERATED_PAGE_TYPES:
        workflow = Workflow.objects.filter(name=MODERATION_WORKFLOW, active=True).first()
        if workflow:
            WorkflowPage.objects.get_or_create(page_id=page.pk, defaults={"workflow": workflow})


def page_types_with_roles():
    types = set(MODERATED_PAGE_TYPES)
    for per_type in ROLE_PAGE_PERMISSIONS.values():
        types |= set(per_type)
    return [global_apps.get_model(label) for label in sorted(types)]


def grant_on_new_page(sender, instance, created, raw=False, **kwargs):
    """post_save receiver, connected for the page types in the tables."""
    if created and not raw:
        grant_page_permissions(instance)


def apply_role_permissions(using="default", **kwargs):
    """Give each role exactly the permissions the tables above list."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupCollectionPermission

    # Our post_migrate handler may run before Django's and Wagtail's (the "publish"
    # permission of snippets) have created this run's new permissions; creating them here
    # first makes the order irrelevant.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    create_extra_permissions(global_apps.get_app_config("programmes"), using=using)

    collections = {name: collection_named(name) for name in (SITE_COLLECTION, PRIVATE_COLLECTION)}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(_permissions(ROLE_PERMISSIONS[role]))
        granted = []
        for name, names in ROLE_COLLECTION_PERMISSIONS[role].items():
            for permission in _permissions(names):
                granted.append(
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=collections[name], permission=permission
                    )[0].pk
                )
        GroupCollectionPermission.objects.filter(group=group).exclude(pk__in=granted).delete()
    move_out_of_root(collections[SITE_COLLECTION])
    for model in page_types_with_roles():
        for page in model.objects.all():
            grant_page_permissions(page)


def collection_named(name):
    """The collection of that name just below the root, created when missing."""
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=name).first()
    return found or root.add_child(name=name)


def move_out_of_root(collection):
    """Images and documents left in the root collection (uploads from before the roles'
    collection existed, or a superuser's) move to the site's collection, where the roles
    can choose them."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    for model in (get_image_model(), get_document_model()):
        model.objects.filter(collection=root).update(collection=collection)
