"""What an error report (the e-mail to ADMINS) may say of a request: never what a form sent.
An application carries a child's name and a parent's phone; the report goes by e-mail."""

from django.views.debug import SafeExceptionReporterFilter


class NoFormDataFilter(SafeExceptionReporterFilter):
    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)
