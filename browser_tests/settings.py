"""The site as the browser tests run it: the test settings (DEBUG off, so the real 404
page; fast password hashing; e-mail kept in memory) on the demo database that
`make test-browser` builds in var/browser/, apart from the developer's own var/."""

import os
from pathlib import Path

# Read by site_project.settings.base when it is imported below.
os.environ.setdefault("VAR_DIR", str(Path(__file__).resolve().parent.parent / "var" / "browser"))

from site_project.settings.test import *  # noqa: F403

# Uploaded images at /media/images/, as the reverse proxy serves them in production.
ROOT_URLCONF = "browser_tests.urls"
# The demo's other sites (the schools, the centre) at *.localhost, which browsers take for
# this machine.
ALLOWED_HOSTS = [*ALLOWED_HOSTS, ".localhost"]  # noqa: F405
