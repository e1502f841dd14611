from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.crypto import get_random_string
from django.utils.translation import gettext

from home.management.site_language import SiteLanguageCommand

USERNAME = "admin"


class Command(SiteLanguageCommand):
    help = (
        "Create the superuser 'admin' once with a random password kept in var/, "
        "and print how to log in."
    )

    def add_arguments(self, parser):
        # `make run HOST=… PORT=…` serves elsewhere than the default.
        parser.add_argument(
            "--host", default="127.0.0.1", help="the server's, for the address printed"
        )
        parser.add_argument(
            "--port", type=int, default=8000, help="the server's, for the address printed"
        )

    def handle(self, *args, **options):
        password_file = settings.VAR_DIR / "admin_password"
        User = get_user_model()
        if not User.objects.filter(username=USERNAME).exists():
            password = get_random_string(20)
            User.objects.create_superuser(USERNAME, email="", password=password)
            settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        login = gettext("Admin: %(url)s  login: %(login)s") % {
            "url": f"http://{options['host']}:{options['port']}/admin/",
            "login": USERNAME,
        }
        if password_file.exists():
            password = gettext("password: %(password)s") % {
                "password": password_file.read_text().strip()
            }
            self.stdout.write(f"{login}  {password}")
        else:
            self.stdout.write(f"{login}  " + gettext("(password changed since; not kept in var/)"))
