"""The editor roles and what each may do: the one place where their permissions live.

Later features extend these tables, never the groups in the admin by hand: the tables
are applied after every `migrate`, so the code stays the truth."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from wagtail.snippets.models import create_extra_permissions

from programmes.models import School, SchoolRole
from programmes.schools import COORDINATOR, pages_of, school_of_page

# A school's staff hold one of these roles; each school has a group per role, named after
# the role and the school («Куратор — Школа № 5»). The municipal coordinator is one group for
# all schools (programmes/schools.py).
CURATOR = "curator"
EDITOR = "editor"
MODERATOR = "moderator"
ROLES = (CURATOR, EDITOR, MODERATOR)
# Group names are data, in the site's language, like the groups of Wagtail's own sample.
ROLE_GROUP_NAMES = {CURATOR: "Куратор", EDITOR: "Редактор", MODERATOR: "Модератор"}

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
# one they are granted on, so nothing is granted on the root: each school has two collections
# beside the root's other children, its site's materials and its signed consents (private,
# only its curators have it). Keyed by the school's field that holds the collection.
SITE_COLLECTION = "collection"
PRIVATE_COLLECTION = "private_collection"
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
COLLECTION_NAMES = {
    SITE_COLLECTION: "{school}: материалы сайта",
    PRIVATE_COLLECTION: "{school}: согласия (закрытые)",
}
MODERATION_TASK = "Одобрение модератором — {school}"
# A deleted school's collections keep their files, for a superuser, under a name no new school
# of the same name would take for its own.
RETIRED_COLLECTION = "{name} (школа удалена {date:%d.%m.%Y})"

# The coordinator reads the programmes' facts of every school (not the consents: they are
# personal data) and changes nothing.
COORDINATOR_PERMISSIONS = {"wagtailadmin.access_admin"} | PROGRAMME_VIEW


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


def group_of(school, role):
    return SchoolRole.objects.select_related("group").get(school=school, role=role).group


def has_role(user, role):
    """Whether `user` holds `role` in some school."""
    return user.is_active and user.groups.filter(school_role__role=role).exists()


def schools_where(user, role):
    """The schools in which `user` holds `role` (a curator of one school may be an editor of
    another, and is a curator there only)."""
    if not user.is_active:
        return School.objects.none()
    return School.objects.filter(roles__role=role, roles__group__user=user).distinct()


def users_in_role(role, school):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        is_active=True, groups__school_role__school=school, groups__school_role__role=role
    )


def grant_page_permissions(page, school=None):
    """Give the school's roles their permissions on `page`, and the school's moderation
    workflow, if its type is in the tables above. Called for every new page and after every
    migrate; a page outside every school's tree gets nothing."""
    from wagtail.models import GroupPagePermission, WorkflowPage

    page_type = page._meta.label_lower
    if page_type not in PAGE_TYPES_WITH_ROLES:
        return
    school = school or school_of_page(page)
    if school is None:
        return
    for role, per_type in ROLE_PAGE_PERMISSIONS.items():
        if page_type not in per_type:
            continue
        group = group_of(school, role)
        for permission in _permissions(f"wagtailcore.{name}" for name in per_type[page_type]):
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=page.pk, permission=permission
            )
    if page_type in MODERATED_PAGE_TYPES and school.moderation_workflow_id:
        WorkflowPage.objects.get_or_create(
            page_id=page.pk, defaults={"workflow_id": school.moderation_workflow_id}
        )


PAGE_TYPES_WITH_ROLES = sorted(
    MODERATED_PAGE_TYPES.union(*(per_type.keys() for per_type in ROLE_PAGE_PERMISSIONS.values()))
)


def page_types_with_roles():
    return [global_apps.get_model(label) for label in PAGE_TYPES_WITH_ROLES]


def grant_on_new_page(sender, instance, created, raw=False, **kwargs):
    """post_save receiver, connected for the page types in the tables."""
    if created and not raw:
        grant_page_permissions(instance)


def create_school(*, short_name, home_page, **fields):
    """A new school owning `home_page`'s tree, with its collections, groups, permissions and
    moderation workflow."""
    collections = {
        key: collection_named(name.format(school=short_name))
        for key, name in COLLECTION_NAMES.items()
    }
    school = School.objects.create(
        short_name=short_name, home_page=home_page, **collections, **fields
    )
    set_up_school(school)
    return school


def set_up_school(school):
    """Give the school's groups exactly the permissions the tables above list, on its own
    collections and pages; name them after the school; make its moderation workflow."""
    from django.contrib.auth.models import Group
    from wagtail.models import CollectionViewRestriction, GroupCollectionPermission, Page

    groups = {}
    for role in ROLES:
        name = f"{ROLE_GROUP_NAMES[role]} — {school.short_name}"
        held = SchoolRole.objects.filter(school=school, role=role).select_related("group").first()
        if held is None:
            group, _ = Group.objects.get_or_create(name=name)
            SchoolRole.objects.create(school=school, role=role, group=group)
        else:
            group = held.group
            if group.name != name:
                group.name = name
                group.save(update_fields=["name"])
        groups[role] = group
        group.permissions.set(_permissions(ROLE_PERMISSIONS[role]))
        granted = []
        for key, names in ROLE_COLLECTION_PERMISSIONS[role].items():
            for permission in _permissions(names):
                granted.append(
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=getattr(school, key), permission=permission
                    )[0].pk
                )
        GroupCollectionPermission.objects.filter(group=group).exclude(pk__in=granted).delete()

    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=school.private_collection, defaults={"restriction_type": "groups"}
    )
    restriction.restriction_type = "groups"
    restriction.save()
    restriction.groups.set([groups[CURATOR]])

    set_up_moderation(school, groups[MODERATOR])
    for page in Page.objects.filter(pages_of(School.objects.filter(pk=school.pk))).filter(
        content_type__in=page_type_ids()
    ):
        grant_page_permissions(page.specific_deferred, school)


def follow_the_school(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """post_page_move receiver: a page moved into another school's tree (only a superuser
    sees two schools' trees) belongs to that school with the pages below it. The old
    school's permissions and moderation workflow leave them and the new school's come; what
    waited for the old school's moderators is cancelled, to be sent to the new ones. (The
    admin moves a page's translations with it, each through here.)"""
    from django.db import transaction
    from wagtail.models import Page

    before, after = school_of_page(parent_page_before), school_of_page(parent_page_after)
    if before == after:
        return
    with transaction.atomic():
        hand_over(Page.objects.descendant_of(instance, inclusive=True), before, after)


def hand_over(moved, before, after):
    """The `moved` pages leave school `before` (or none) for school `after` (or none)."""
    from wagtail.models import GroupPagePermission, WorkflowPage

    if before is not None:
        GroupPagePermission.objects.filter(
            page__in=moved, group__school_role__school=before
        ).delete()
        WorkflowPage.objects.filter(
            page__in=moved, workflow_id=before.moderation_workflow_id
        ).delete()
    with_roles = page_type_ids()
    for page in moved.specific(defer=True):
        state = page.current_workflow_state
        if state is not None:
            state.cancel()
        if after is not None and page.content_type_id in with_roles:
            grant_page_permissions(page, after)


def page_type_ids():
    from django.contrib.contenttypes.models import ContentType

    return [ContentType.objects.get_for_model(model).pk for model in page_types_with_roles()]


def retire_school(sender, instance, **kwargs):
    """pre_delete receiver: a deleted school's groups go with it, taking its staff's access;
    its collections are set aside."""
    from django.contrib.auth.models import Group
    from django.utils import timezone

    Group.objects.filter(school_role__school=instance).delete()
    for collection in (instance.collection, instance.private_collection):
        collection.name = RETIRED_COLLECTION.format(name=collection.name, date=timezone.localdate())
        collection.save(update_fields=["name"])


def set_up_moderation(school, moderators):
    """The school's «Модерация» workflow: one task, approved by its moderators."""
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    if school.moderation_workflow_id is None:
        workflow = Workflow.objects.create(name=f"{MODERATION_WORKFLOW} — {school.short_name}")
        task = GroupApprovalTask.objects.create(
            name=MODERATION_TASK.format(school=school.short_name)
        )
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        school.moderation_workflow = workflow
        school.save(update_fields=["moderation_workflow"])
    for task in GroupApprovalTask.objects.filter(
        workflow_tasks__workflow=school.moderation_workflow
    ):
        task.groups.set([moderators])


def apply_role_permissions(using="default", apps=global_apps, **kwargs):
    """Give each school's roles, and the coordinator, exactly the permissions the tables
    above list."""
    from django.contrib.auth.models import Group

    try:
        apps.get_model("programmes", "School")
    except LookupError:
        return  # migrated back to before schools: nothing to apply them to

    # Our post_migrate handler may run before Django's and Wagtail's (the "publish"
    # permission of snippets) have created this run's new permissions; creating them here
    # first makes the order irrelevant.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    create_extra_permissions(global_apps.get_app_config("programmes"), using=using)

    coordinator, _ = Group.objects.get_or_create(name=COORDINATOR)
    coordinator.permissions.set(_permissions(COORDINATOR_PERMISSIONS))
    schools = list(School.objects.select_related("collection", "private_collection"))
    for school in schools:
        set_up_school(school)
    if len(schools) == 1:
        move_out_of_root(schools[0].collection)


def collection_named(name):
    """The collection of that name just below the root, created when missing."""
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=name).first()
    return found or root.add_child(name=name)


def move_out_of_root(collection):
    """Images and documents left in the root collection (uploads from before the schools'
    collections existed, or a superuser's) move to the only school's collection, where its
    roles can choose them."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    for model in (get_image_model(), get_document_model()):
        model.objects.filter(collection=root).update(collection=collection)
