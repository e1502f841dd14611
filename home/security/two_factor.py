"""Two-step sign-in for the staff who see personal data (settings.STAFF_2FA_REQUIRED, on in
production): superusers and curators give a code from an authenticator app (TOTP,
django-otp) after their password, and set the app up on their first sign-in. Until then
they reach nothing but these two steps. Editors and moderators sign in as before.

django-otp keeps the devices and checks the codes (slowing down wrong guesses); these views
are the admin's steps around it, with the QR code drawn in the page, from no other host."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from django_otp import login as otp_login
from django_otp import user_has_device, verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from programmes.roles import CURATOR, has_role

VERIFY = "security_two_factor_verify"
ENROL = "security_two_factor_enrol"
# The roles (in any school) whose holders must use it, besides superusers.
REQUIRED_ROLES = (CURATOR,)
# What may be reached between the password and the code: the steps, signing out, and what
# the admin's pages load.
OPEN_VIEWS = {
    VERIFY,
    ENROL,
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}
WRONG_CODE = _("This code is wrong or has expired. Enter the code your app shows now.")
TOO_MANY_CODES = _("Too many wrong codes. Wait a minute, then enter the code your app shows.")


def must_use_two_factor(user):
    return (
        settings.STAFF_2FA_REQUIRED
        and user.is_authenticated
        and (user.is_superuser or any(has_role(user, role) for role in REQUIRED_ROLES))
    )


class TwoFactorMiddleware:
    """Sends a signed-in user who must use the second step, and has not yet in this
    session, to it (or to setting up the app), whatever they ask for. Needs django-otp's
    OTPMiddleware before it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.resolver_match.url_name in OPEN_VIEWS
            or not must_use_two_factor(request.user)
            or request.user.is_verified()
        ):
            return None
        step = VERIFY if user_has_device(request.user) else ENROL
        return redirect_to_login(request.get_full_path(), reverse(step))


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        help_text=_("Six digits, from the app you set up for this site."),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        allowed, _reason = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(TOO_MANY_CODES)
        if not self.check(code):
            raise forms.ValidationError(WRONG_CODE)
        return code

    def check(self, code):
        # Through django-otp's function: it locks the device while checking, so that
        # parallel guesses cannot slip past its slowing down.
        return verify_token(self.device.user, self.device.persistent_id, code) is not None


class EnrolForm(CodeForm):
    def check(self, code):
        # Not confirmed yet, which django-otp's function skips: the same lock, by hand.
        with transaction.atomic():
            return TOTPDevice.objects.select_for_update().get(pk=self.device.pk).verify_token(code)


class TwoFactorStepView(WagtailAdminTemplateMixin, FormView):
    header_icon = "key"
    http_method_names = ["get", "head", "post"]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.get_page_title()}]

    def get_success_url(self):
        next_url = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            next_url, {self.request.get_host()}, self.request.is_secure()
        ):
            return next_url
        return reverse("wagtailadmin_home")

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=self.get_success_url(), **kwargs)

    def form_valid(self, form):
        otp_login(self.request, self.device)
        return super().form_valid(form)


class VerifyView(TwoFactorStepView):
    template_name = "home/security/two_factor_verify.html"
    form_class = CodeForm
    page_title = _("Enter the code from your authenticator app")

    def dispatch(self, request, *args, **kwargs):
        self.device = TOTPDevice.objects.devices_for_user(request.user, confirmed=True).first()
        if self.device is None:
            return redirect_to_login(self.get_success_url(), reverse(ENROL))
        return super().dispatch(request, *args, **kwargs)


class EnrolView(TwoFactorStepView):
    template_name = "home/security/two_factor_enrol.html"
    form_class = EnrolForm
    page_title = _("Set up two-step sign-in")

    def dispatch(self, request, *args, **kwargs):
        if user_has_device(request.user):
            return redirect_to_login(self.get_success_url(), reverse(VERIFY))
        # The same key until it is confirmed: a page reloaded after scanning still matches.
        self.device = TOTPDevice.objects.devices_for_user(request.user, confirmed=False).first()
        if self.device is None:
            self.device = TOTPDevice.objects.create(
                user=request.user, name="authenticator", confirmed=False
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        image = qrcode.make(
            self.device.config_url,
            image_factory=qrcode.image.svg.SvgPathFillImage,
            box_size=10,
        )
        return super().get_context_data(
            # Made here from the device's own key: nothing a visitor sent.
            qr_code=mark_safe(image.to_string(encoding="unicode")),
            key=b32encode(self.device.bin_key).decode(),
            **kwargs,
        )

    def form_valid(self, form):
        self.device.confirmed = True
        self.device.save(update_fields=["confirmed"])
        messages.success(self.request, _("Two-step sign-in is on."))
        return super().form_valid(form)


urlpatterns = [
    path("two-factor/", VerifyView.as_view(), name=VERIFY),
    path("two-factor/set-up/", EnrolView.as_view(), name=ENROL),
]
