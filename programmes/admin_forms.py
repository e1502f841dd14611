"""The admin form of a school's own record (a programme, a consent, a consent text, a
programme's fact), and what any of the admin's forms of a school's page or record may point
at: that school's records, and images and documents of the collections the user may choose
from (their schools')."""

from functools import cache

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from site_project.record_ids import record_id

from .school_records import belongs_to_a_school, in_schools, permission_name
from .schools import school_of_page, schools_allowing, schools_changed_by


def file_policies():
    """Which images and which documents a user may choose, by model: those of the
    collections of the user's schools (a private one, of consents, for its curators only)."""
    return {
        model: policy_registry.get_by_type(model)
        for model in (get_image_model(), get_document_model())
    }


class OfferedOnlyChooserMixin:
    """A chooser widget whose field offers only some objects: another's posted by hand is
    refused by the field and not shown back, so its title (a consent scan's names its
    person) is not read through the form."""

    def get_instance(self, value):
        offered = getattr(self.choices, "queryset", None)
        if offered is None or value is None or isinstance(value, self.model_class):
            return super().get_instance(value)
        try:
            return offered.filter(pk=value).first()
        except (ValueError, TypeError):  # not a key at all, e.g. "abc": the form says so
            return None


@cache
def offering_only(widget_class):
    if issubclass(widget_class, OfferedOnlyChooserMixin):
        return widget_class
    return type(widget_class.__name__, (OfferedOnlyChooserMixin, widget_class), {})


def offer_choosable_files(form, user):
    """`form`'s image and document fields offer those `user` may choose, and what the
    record has now (kept, whoever chose it)."""
    policies = file_policies()
    for name, field in form.fields.items():
        offered = getattr(field, "queryset", None)
        policy = policies.get(getattr(offered, "model", None))
        if policy is None:
            continue
        choosable = policy.instances_user_has_any_permission_for(user, ["choose"])
        kept = form.initial.get(name)
        # The form's fields are its own copies: its widget may change class.
        field.widget.__class__ = offering_only(type(field.widget))
        field.queryset = choosable | offered.filter(pk=kept) if kept else choosable
        field.error_messages["invalid_choice"] = _(
            "This file is in another school's collection or no longer exists: choose one "
            "of your school's."
        )


def files_in(model_field, value):
    """The images and documents a StreamField's or rich text's `value` shows or links to."""
    policies = file_policies()
    return {
        (model, object_id)
        for model, object_id, _path, _content_path in model_field.extract_references(value)
        if model in policies
    }


def refuse_others_files(form, user):
    """An image or document that `form`'s text now shows and the user may not choose (of
    another school's collection, pasted by its id) is a form error."""
    policies = file_policies()
    for model_field in form.instance._meta.get_fields():
        name = model_field.name
        if (
            not isinstance(model_field, (StreamField, RichTextField))
            or name not in form.cleaned_data
        ):
            continue
        added = files_in(model_field, form.cleaned_data[name]) - files_in(
            model_field, getattr(form.instance, name)
        )
        if any(
            record_id(object_id) is None
            or not policies[model]
            .instances_user_has_any_permission_for(user, ["choose"])
            .filter(pk=record_id(object_id))
            .exists()
            for model, object_id in added
        ):
            form.add_error(
                name,
                _(
                    "It shows an image or a document of another school's collection, or one "
                    "that does not exist: choose one of your school's."
                ),
            )


class OwnRecordsOnlyMixin:
    """For an admin form (a snippet's, a page's): the school-owned records it points at (a
    programme, a form of mentoring, a consent) are those of the schools the user changes;
    its images and documents (its inline children's too) are of the collections the user
    may choose from; another's posted by hand is a form error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            self.offer_own_records()
            for form in [
                self,
                *(child for formset in self.formsets.values() for child in formset.forms),
            ]:
                offer_choosable_files(form, self.for_user)

    def clean(self):
        cleaned_data = super().clean()
        if self.for_user is not None:
            refuse_others_files(self, self.for_user)
        return cleaned_data

    def schools_of_the_record(self):
        """The schools whose records this form may point at: those the user changes."""
        return schools_changed_by(self.for_user)

    def offer_own_records(self):
        schools = self.schools_of_the_record()
        for field in self.fields.values():
            offered = getattr(field, "queryset", None)
            if offered is None or not belongs_to_a_school(offered.model):
                continue
            field.queryset = offered.filter(in_schools(offered.model, schools))
            field.error_messages["invalid_choice"] = _(
                "This record is another school's or no longer exists: choose one of your school's."
            )


class PageSchoolRecordsOnlyMixin(OwnRecordsOnlyMixin):
    """For a page's editor: the records of the page's own school, if the user changes it. A
    user working in two schools would otherwise link one school's page to the other's
    programme or consent (its questionnaire's results recorded there, its mentor shown on
    the other's consent)."""

    def schools_of_the_record(self):
        page = self.instance if self.instance.pk else self.parent_page
        school = school_of_page(page) if page is not None else None
        return super().schools_of_the_record().filter(pk=getattr(school, "pk", None))


class SchoolPageForm(PageSchoolRecordsOnlyMixin, WagtailAdminPageForm):
    """The editor of a page of a school's site: the programme, form of mentoring or consent
    it links to, and its images and documents, are its school's (Wagtail's page forms would
    offer every school's)."""


class SchoolOwnedAdminForm(OwnRecordsOnlyMixin, WagtailAdminModelForm):
    """The record's school is one the user works in: chosen from those when there are several,
    else set without asking (a school's curator never sees the field). The records it points
    at (a programme, a form of mentoring) are of those schools too."""

    def schools_of_the_record(self):
        """The schools where the user's role may add such a record (or change it): a
        curator of one school who is an editor of another adds nothing there."""
        action = "add" if self.instance.pk is None else "change"
        return schools_allowing(self.for_user, permission_name(type(self.instance), action))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None or "school" not in self.fields:
            return
        schools = self.schools_of_the_record()
        only = list(schools[:2])
        if len(only) == 1:
            del self.fields["school"]
            if self.instance.school_id is None:
                self.instance.school = only[0]
        else:
            self.fields["school"].queryset = schools
