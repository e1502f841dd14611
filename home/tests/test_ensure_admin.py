from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def ensure_admin(*args):
    out = StringIO()
    call_command("ensure_admin", *args, stdout=out)
    return out.getvalue()


def test_prints_the_admin_where_make_run_serves_it(var_dir):
    printed = ensure_admin("--host", "localhost", "--port", "8001")
    assert "http://localhost:8001/admin/" in printed
    assert (var_dir / "admin_password").read_text().strip() in printed
    # Without options, make run's defaults.
    assert "http://127.0.0.1:8000/admin/" in ensure_admin()
