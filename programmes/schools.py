"""Which schools a user works in, and which school a page or record belongs to: the one place
every admin screen, chooser, report and reminder asks (Wagtail itself is not multi-tenant).

A school's staff work in their school only; the municipal coordinator reads every school
and changes nothing; a superuser does everything."""

from functools import reduce
from operator import or_

from django.db.models import Q

from .models.schools import School

COORDINATOR = "Муниципальный координатор"


def is_coordinator(user):
    return user.is_active and user.groups.filter(name=COORDINATOR).exists()


def sees_every_school(user):
    return user.is_active and (user.is_superuser or is_coordinator(user))


def schools_of(user):
    """The schools whose data `user` may read: every one for a superuser or the coordinator,
    else those where one of the user's groups holds a role."""
    if not user.is_authenticated or not user.is_active:
        return School.objects.none()
    if sees_every_school(user):
        return School.objects.all()
    return School.objects.filter(roles__group__user=user).distinct()


def schools_changed_by(user):
    """The schools whose data `user` may change (the coordinator only reads)."""
    if user.is_active and user.is_superuser:
        return School.objects.all()
    if not user.is_authenticated or not user.is_active:
        return School.objects.none()
    return School.objects.filter(roles__group__user=user).distinct()


def schools_allowing(user, permission):
    """The schools in which `user` holds `permission` ("app_label.codename"): those where one
    of the user's roles grants it, every school when the coordinator's group does, all for a
    superuser. A curator of one school who is an editor of another does there only what an
    editor does."""
    if not user.is_authenticated or not user.is_active:
        return School.objects.none()
    if user.is_superuser:
        return School.objects.all()
    app_label, codename = permission.split(".")
    held = Q(permissions__codename=codename, permissions__content_type__app_label=app_label)
    if user.groups.filter(held, name=COORDINATOR).exists():
        return School.objects.all()
    groups = user.groups.filter(held)
    return School.objects.filter(roles__group__in=groups).distinct()


def default_school():
    """The school of the default site (the only one of a single-school installation)."""
    return School.objects.filter(home_page__sites_rooted_here__is_default_site=True).first()


def school_of_page(page):
    """The school whose tree holds `page` (in any language), or None (the tree's root, the
    municipal centre's pages)."""
    from wagtail.models import Page

    ancestors = Page.objects.filter(path__in=page_and_ancestor_paths(page))
    return School.objects.filter(
        home_page__translation_key__in=ancestors.values("translation_key")
    ).first()


def school_of_path(schools, translations=False):
    """A function of a page's path: the id of the school (of `schools`, their home pages
    loaded) whose home page's path begins it, or None. The nearest home wins: a school may
    live at a path under another's site. Pages in the source language, or with
    `translations` in any (one more query: a translation of a home page has a path of its
    own). Matched here rather than by a subquery per row, which made the database compare
    every event with every school."""
    homes = [(school.home_page.path, school.pk) for school in schools]
    if translations:
        from wagtail.models import Page

        school_by_key = {school.home_page.translation_key: school.pk for school in schools}
        homes = [
            (path, school_by_key[key])
            for path, key in Page.objects.filter(translation_key__in=school_by_key).values_list(
                "path", "translation_key"
            )
        ]
    homes.sort(key=lambda home: len(home[0]), reverse=True)

    def school_id(path):
        return next((pk for home, pk in homes if path.startswith(home)), None)

    return school_id


def page_and_ancestor_paths(page):
    step = page.steplen
    return [page.path[:length] for length in range(step, len(page.path) + 1, step)]


def home_paths(schools):
    """The paths of the schools' home pages and of their translations."""
    from wagtail.models import Page

    return list(
        Page.objects.filter(
            translation_key__in=schools.values("home_page__translation_key")
        ).values_list("path", flat=True)
    )


def pages_of(schools, prefix=""):
    """A filter for the pages in the schools' trees (in every language), or for records
    reaching their page through `prefix` ("page__")."""
    paths = home_paths(schools)
    if not paths:
        return Q(**{f"{prefix}pk__in": []})
    return reduce(or_, (Q(**{f"{prefix}path__startswith": path}) for path in paths))
