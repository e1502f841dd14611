"""The site's URLs plus what the reverse proxy serves in production: uploaded images
(README, Deploying, step 5), so pictures show in the browser tests and their screenshots."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from site_project.urls import handler403, handler404  # noqa: F401  (the site's error pages)
from site_project.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(
        r"^media/images/(?P<path>.*)$",
        serve,
        {"document_root": settings.MEDIA_ROOT / "images"},
    ),
    *site_urlpatterns,
]
