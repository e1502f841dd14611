"""Locked-out sign-ins (django-axes, settings.AXES_*): the page a locked-out visitor gets,
and the superusers' page in the admin (Settings → Sign-in security) listing the accounts and
addresses locked now, to unlock them, and the two-step sign-ins, to reset a lost phone's."""

from axes.models import AccessAttempt
from axes.utils import reset
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Max, Sum
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.admin_views import AdminPageView

URL_NAME = "security_lockouts"
# Too many requests: the visitor may try again later.
LOCKED_OUT_STATUS = 429


def cooloff_minutes():
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_response(request, original_response=None, credentials=None):
    """The page of a locked-out sign-in or page password (settings.AXES_LOCKOUT_CALLABLE)."""
    return render(
        request,
        "home/security/lockout.html",
        {"minutes": cooloff_minutes()},
        status=LOCKED_OUT_STATUS,
    )


def locked(field):
    """[{field's value, failures, until}] locked out now by axes's rule (AccessAttempt rows
    since the cool-off began reaching the limit together), latest first; field is
    "username" or "ip_address"."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=since)
        .exclude(**{f"{field}__isnull": True})
        .values(field)
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last")
    )
    return [
        {
            "value": row[field],
            "failures": row["failures"],
            "until": row["last"] + settings.AXES_COOLOFF_TIME,
        }
        for row in rows
    ]


def two_factor_users():
    return (
        get_user_model().objects.filter(totpdevice__confirmed=True).distinct().order_by("username")
    )


class ResetForm(forms.Form):
    """One thing to reset: an account's lock, an address's lock, or a user's app."""

    username = forms.CharField(required=False, max_length=255)
    ip_address = forms.GenericIPAddressField(required=False)
    two_factor_user = forms.ModelChoiceField(queryset=two_factor_users(), required=False)

    def clean(self):
        given = [name for name, value in self.cleaned_data.items() if value]
        if len(given) != 1:
            raise forms.ValidationError(gettext_lazy("Choose one thing to unlock."))
        return self.cleaned_data


class SignInSecurityView(AdminPageView):
    template_name = "home/security/lockouts.html"
    page_title = gettext_lazy("Sign-in security")
    header_icon = "lock"
    http_method_names = ["get", "head", "post"]
    url_name = URL_NAME
    menu_name = "sign-in-security"
    menu_order = 900

    @staticmethod
    def allows(user):
        return user.is_superuser

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            accounts=locked("username"),
            addresses=locked("ip_address"),
            two_factor_users=two_factor_users(),
            **kwargs,
        )

    def post(self, request):
        form = ResetForm(request.POST)
        if not form.is_valid():
            for error in form.errors.values():
                messages.error(request, " ".join(error))
            return self.render_to_response(self.get_context_data(), status=400)
        data = form.cleaned_data
        if data["two_factor_user"]:
            user = data["two_factor_user"]
            TOTPDevice.objects.filter(user=user).delete()
            messages.success(
                request,
                _("Two-step sign-in is reset for %(name)s: they set up their app again.")
                % {"name": user.get_username()},
            )
        else:
            reset(ip=data["ip_address"] or None, username=data["username"] or None)
            name = data["username"] or data["ip_address"]
            messages.success(request, _("Unlocked: %(name)s.") % {"name": name})
        return redirect(URL_NAME)


urlpatterns = [path("sign-in-security/", SignInSecurityView.as_view(), name=URL_NAME)]
