"""«Добавить школу» in the admin's settings menu: the same `add_school` as the command, for
superusers only (the municipal coordinator reads schools, never adds one)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from home.admin_views import AdminPageView
from home.models import SiteSettings
from programmes.models import School
from site_project.schools import DETAILS, ENGLISH_DETAILS, add_school

URL_NAME = "add_school"


class AddSchoolForm(forms.Form):
    hostname = forms.CharField(
        label=gettext_lazy("Its own host name"),
        required=False,
        help_text=gettext_lazy("The school's own domain; or leave it empty and give a path."),
    )
    path = forms.CharField(
        label=gettext_lazy("Or a path under a site"),
        required=False,
        help_text=gettext_lazy("The school's pages are at this path of the chosen site."),
    )
    site = forms.ModelChoiceField(
        Site.objects.all(),
        label=gettext_lazy("The site the path is under"),
        required=False,
        help_text=gettext_lazy("The default site if none is chosen."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The School's own fields, labelled and validated as the model says; then its names
        # in English, as the site settings say them.
        details = forms.fields_for_model(School, fields=DETAILS)
        english = forms.fields_for_model(SiteSettings, fields=ENGLISH_DETAILS)
        self.fields = {**details, **english, **self.fields}


class AddSchoolView(AdminPageView):
    template_name = "site_project/admin/add_school.html"
    page_title = gettext_lazy("Add a school")
    header_icon = "site"
    url_name = URL_NAME
    menu_name = "add-school"
    http_method_names = ["get", "post", "head"]
    allows = staticmethod(lambda user: user.is_active and user.is_superuser)

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=AddSchoolForm()))

    def post(self, request):
        form = AddSchoolForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                school = add_school(
                    hostname=data["hostname"],
                    path=data["path"],
                    under_site=data["site"],
                    log=lambda message: None,
                    english={field: data[field] for field in ENGLISH_DETAILS},
                    **{field: data[field] for field in DETAILS},
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, _("School added: %(school)s") % {"school": school})
                return redirect("wagtailadmin_explore", school.home_page_id)
        return self.render_to_response(self.get_context_data(form=form), status=400)


urlpatterns = [path("schools/add/", AddSchoolView.as_view(), name=URL_NAME)]
add_school_menu_item = AddSchoolView.menu_item
