import os

from django.core.wsgi import get_wsgi_application

# A server whose environment forgot the module runs production's settings (no debug pages,
# two-factor sign-in), refusing to start without its secrets; manage.py defaults to dev.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.production")

application = get_wsgi_application()
