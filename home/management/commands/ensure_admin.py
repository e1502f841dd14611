from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Create the superuser 'admin' once with a random password kept in var/, "
        "and print how to log in."
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
        login = f"Admin: http://127.0.0.1:8000/admin/  login: {USERNAME}"
        if password_file.exists():
            self.stdout.write(f"{login}  password: {password_file.read_text().strip()}")
        else:
            self.stdout.write(f"{login}  (password changed since; not kept in var/)")
