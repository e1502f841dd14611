"""The admin form of a school's own record (a programme, a consent, a consent text, a
programme's fact)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .school_records import belongs_to_a_school, in_schools, permission_name
from .schools import school_of_page, schools_allowing, schools_changed_by


class OwnRecordsOnlyMixin:
    """For an admin form (a snippet's, a page's): the school-owned records it points at (a
    programme, a form of mentoring, a consent) are those of the schools the user changes;
    another's posted by hand is a form error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            self.offer_own_records()

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


class SchoolOwnedAdminForm(OwnRecordsOnlyMixin, WagtailAdminModelForm):
    """The record's school is one the user works in: chosen from those when there are several,
    else set without asking (a school's curator never sees the field). The records it points
    at (a programme, a form of mentoring) are of those schools too."""

    def schools_of_the_record(self):
        """The schools where the user's role may add such a record (or change it): a
        curator of one school who is an editor of another adds nothing there."""
        action = "add" if self.instance.pk is None else "change"
        return schools_allowing(self.for_user, permission_name(self._meta.model, action))

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
