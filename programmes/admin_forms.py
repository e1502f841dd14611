"""The admin form of a school's own record (a programme, a consent, a consent text)."""

from wagtail.admin.forms import WagtailAdminModelForm

from .schools import schools_changed_by


class SchoolOwnedAdminForm(WagtailAdminModelForm):
    """The record's school is one the user works in: chosen from those when there are several,
    else set without asking (a school's curator never sees the field)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "school" not in self.fields or self.for_user is None:
            return
        schools = schools_changed_by(self.for_user)
        only = list(schools[:2])
        if len(only) == 1:
            del self.fields["school"]
            if self.instance.school_id is None:
                self.instance.school = only[0]
        else:
            self.fields["school"].queryset = schools
