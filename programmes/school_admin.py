"""The admin's screens of the programme's records limited to the user's schools: Wagtail's
snippets are global, so every listing, object view, chooser and filter of ours
asks programmes/school_records.py. Another school's record is not found (404); a record the
user reads but may not change (the coordinator's) is refused as Wagtail refuses."""

from functools import reduce
from operator import or_

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.utils.text import capfirst
from django_filters import ModelChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.widgets import AdminSnippetChooser

from site_project.record_ids import record_id, record_ids

from .admin_forms import OfferedOnlyChooserMixin
from .models import School
from .school_records import (
    SCHOOL_LOOKUPS,
    allowed_to,
    belongs_to_a_school,
    changed_by,
    read_by,
)
from .schools import schools_of


class InstancePermissionPolicy(ModelPermissionPolicy):
    """A policy answering per record: a user may do to a record what
    instances_user_has_any_permission_for lets them (Wagtail's asks about the model only)."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return (
            self.instances_user_has_any_permission_for(user, actions)
            .filter(pk=instance.pk)
            .exists()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)


class SchoolPermissionPolicy(InstancePermissionPolicy):
    """Wagtail's permissions on the model, held in each of the user's schools as far as the
    user's role there grants them (programmes/schools.py)."""

    def instances_user_has_any_permission_for(self, user, actions):
        instances = self.model._default_manager.all()
        return reduce(
            or_,
            (allowed_to(user, action, instances) for action in actions),
            instances.none(),
        )


def register_school_permission_policies():
    for label in SCHOOL_LOOKUPS:
        model = apps.get_model(label)
        register_permission_policy(model, SchoolPermissionPolicy(model))


def is_among(instances, instance):
    return instances.filter(pk=instance.pk).exists()


class SchoolFilterSet(WagtailFilterSet):
    """A listing's filters offer only the user's schools' records, and a «School» filter to
    whoever sees several."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = request.user
        for record_filter in self.filters.values():
            if isinstance(record_filter, ModelChoiceFilter) and belongs_to_a_school(
                record_filter.queryset.model
            ):
                record_filter.queryset = read_by(user, record_filter.queryset)
        schools = schools_of(user)
        if schools.count() > 1:
            self.filters["school"] = ModelChoiceFilter(
                field_name=SCHOOL_LOOKUPS[self.queryset.model._meta.label],
                queryset=schools,
                label=capfirst(School._meta.verbose_name),
            )


class InstancePermissionViewMixin:
    """Wagtail's snippet views ask the permission policy about the model: this asks it about
    the record at hand, for a policy that answers per record."""

    def user_has_permission(self, permission):
        instance = getattr(self, "object", None)
        if isinstance(instance, self.model) and instance.pk is not None:
            return self.user_has_permission_for_instance(permission, instance)
        return super().user_has_permission(permission)


class InstancePermissionViewSetMixin:
    """A snippet viewset whose views ask its permission policy about the record at hand."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(with_mixin(InstancePermissionViewMixin, view_class), **kwargs)


class SchoolScopedViewMixin(InstancePermissionViewMixin):
    """Mixed into every view of a SchoolScopedViewSetMixin's viewset."""

    base_filterset_class = SchoolFilterSet

    def get_object(self, *args, **kwargs):
        # Before Wagtail's own checks, whose refusal would tell that the record exists. Every
        # view of one record has its key in the address as "pk" (some keep it as self.pk).
        pk = self.kwargs.get("pk", getattr(self, "pk", None))
        if pk is not None:
            record = self.model._default_manager.filter(pk=record_id(unquote(str(pk))))
            if not read_by(self.request.user, record).exists():
                raise Http404
        return super().get_object(*args, **kwargs)


class SchoolScopedChooserViewMixin:
    """Mixed into every view of a SchoolScopedChooserViewSetMixin's chooser: choosing a record
    is part of changing one, so it offers the schools the user changes."""

    def get_object_list(self):
        return changed_by(self.request.user, super().get_object_list())

    def get_object(self, pk):
        if record_id(pk) is None:
            raise self.model_class.DoesNotExist
        instance = super().get_object(pk)
        if not is_among(changed_by(self.request.user, self.model_class.objects.all()), instance):
            raise self.model_class.DoesNotExist
        return instance

    def get_objects(self, pks):
        return changed_by(self.request.user, super().get_objects(record_ids(pks)))


def with_mixin(mixin, view_class):
    if issubclass(view_class, mixin):  # a viewset mixing in a mixin that holds this one
        return view_class
    return type(view_class.__name__, (mixin, view_class), {})


class SchoolScopedViewSetMixin:
    """A snippet viewset whose listing, exports and object views keep to the user's schools."""

    def get_queryset(self, request):
        return read_by(request.user, self.model._default_manager.all())

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(with_mixin(SchoolScopedViewMixin, view_class), **kwargs)


class SchoolScopedChooserViewSetMixin:
    """A snippet chooser that offers and returns only the records of the user's schools."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(
            with_mixin(SchoolScopedChooserViewMixin, view_class), **kwargs
        )


class SchoolScopedSnippetChooser(OfferedOnlyChooserMixin, AdminSnippetChooser):
    """The chooser widget of a form whose field offers the user's schools' records only
    (admin_forms): another school's record posted by hand is refused, and not shown back."""
