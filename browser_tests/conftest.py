"""One server, one browser for the whole run: the demo site on a free local port, served
by Django from the database `make test-browser` builds, and Debian's Chromium driven by
Playwright. Browser contexts (a viewport and a site version each) are made once and
shared; each test opens its own tab."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import sync_playwright

from browser_tests import demo

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SERVER_START_SECONDS = 60
SERVER_LOG = settings.VAR_DIR / "server.log"

# Playwright's sync API keeps an event loop in the tests' thread, which Django takes for
# async code; the tests' own ORM reads are plain synchronous calls all the same.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def _browser_settings():
    if settings.ROOT_URLCONF != "browser_tests.urls":
        pytest.exit("Run the browser tests with make test-browser (--ds=browser_tests.settings).")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url, server):
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (our own local server)
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.25)
    pytest.exit(f"The site did not start at {url}; see {SERVER_LOG}.")


@pytest.fixture(scope="session")
def server_url():
    """The demo site's address. BROWSER_PORT picks the port; by default any free one."""
    port = int(os.environ.get("BROWSER_PORT") or free_port())
    url = f"http://127.0.0.1:{port}"
    # --insecure: static files from the app folders, without collectstatic, as DEBUG is off.
    command = [sys.executable, "manage.py", "runserver", "--noreload", "--insecure"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "browser_tests.settings"}
    with SERVER_LOG.open("w") as log:
        server = subprocess.Popen(  # noqa: S603 (our own interpreter and manage.py)
            [*command, "--skip-checks", f"127.0.0.1:{port}"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_serving(f"{url}/robots.txt", server)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=10)


@pytest.fixture(scope="session")
def public_pages(django_db_blocker, server_url):
    """{(kind, language): PublicPage}, read from the demo database before any test runs."""
    with django_db_blocker.unblock():
        return demo.page_urls(server_url)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def browser_context(browser, server_url):
    """A function (version, width) → the shared context of that site version and viewport
    width; contexts that log in make their own with `new_context`."""
    contexts = {}

    def get(version="normal", width=demo.DESKTOP):
        if (version, width) not in contexts:
            context = browser.new_context(base_url=server_url, viewport=demo.viewport(width))
            cookies = demo.ALL_VERSIONS[version]
            if cookies:
                context.add_cookies([{**cookie, "url": server_url} for cookie in cookies])
            contexts[version, width] = context
        return contexts[version, width]

    yield get
    for context in contexts.values():
        context.close()


@pytest.fixture
def new_context(browser, server_url):
    """A context of its own for a test that logs in or keeps cookies; closed after it."""
    made = []

    def make(width=demo.DESKTOP, **options):
        context = browser.new_context(base_url=server_url, viewport=demo.viewport(width), **options)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def demo_database(django_db_blocker):
    """The demo database for a test that reads it while the server writes to it."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def logged_in(new_context):
    """A function (role) → a new tab in the admin, logged in as the demo user of `role`."""

    def log_in(role):
        login = demo.demo_login(role)
        page = new_context().new_page()
        page.goto(reverse("wagtailadmin_login"))
        page.fill("#id_username", login.username)
        page.fill("#id_password", login.password)
        page.locator("form", has=page.locator("#id_password")).locator("[type=submit]").click()
        page.wait_for_url(reverse("wagtailadmin_home"))
        return page

    return log_in


@pytest.fixture
def open_page(browser_context):
    """A function (PublicPage, version, width) → a new tab showing that page, after checking
    it answered with the status it should; closed after the test."""
    opened = []

    def open_(public_page, version="normal", width=demo.DESKTOP):
        page = browser_context(version, width).new_page()
        opened.append(page)
        response = page.goto(public_page.url)
        assert response.status == public_page.status, public_page
        return page

    yield open_
    for page in opened:
        page.close()


@pytest.fixture(
    params=[(kind, language) for kind in demo.PAGE_KINDS for language in demo.LANGUAGES],
    ids="-".join,
)
def public_page(request, public_pages):
    """Each public page type in each language."""
    return public_pages[request.param]


@pytest.fixture(params=list(demo.VERSIONS))
def version(request):
    """Each version of the site: normal, and accessible at its maximum settings."""
    return request.param
