"""`make serve-nginx`: nginx in front of the production-like server keeps the pages of
anonymous visitors and serves them without Django until Wagtail purges them; it never keeps
nor serves anyone's own version of a page; static files and image renditions come from disk.

One server for the module runs scripts/serve-nginx, as `make serve-nginx` does, against a
database of its own (a copy of the test database, or a clone on PostgreSQL), to which a shell
in the server's environment adds the pages, the editor and the image the tests use: the
server's writes never reach the database other tests share."""

import gzip
import hashlib
import http.client
import http.cookiejar
import json
import logging
import os
import re
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from wagtail.contrib.frontend_cache.backends import HTTPBackend

from home.accessibility import COOKIE_NAME, AccessibilitySettings
from site_project.tests.http_headers import policy_directives
from site_project.tests.processes import (
    STYLESHEET,
    fetch,
    free_port,
    manage_shell,
    running,
    server_database,
)

NGINX = Path("/usr/sbin/nginx")
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
SITE_HOST = "localhost"  # the hostname of the Wagtail site the migrations create
# Another address of this machine: nginx sees it as a client that is not 127.0.0.1.
ELSEWHERE = "127.0.0.2"
# One page per test, so that no test finds a page another one had nginx keep.
PAGES = (
    "cached",
    "host",
    "sessionid",
    "messages",
    "a11y",
    "query",
    "purged",
    "editor",
    "published",
    "headers",
    "spelled",
)
EDITOR_PASSWORD = "an-editor's-password-for-tests"
USERBAR = '<template id="wagtail-userbar-template">'
# The version for the visually impaired at larger letters, white on black.
ACCESSIBLE = AccessibilitySettings(size="size3", scheme="dark")
# What a browser sends besides the address (Django varies on both).
BROWSER = {"Accept-Language": "en-GB,en;q=0.9", "Cookie": "csrftoken=a-csrf-token"}

# The test database is made only for tests that ask for it; the server's is a copy of it.
pytestmark = pytest.mark.django_db

SETUP = """
import json, os
import wagtail_factories
from django.contrib.auth.models import User
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Site
from home.models import SiteSettings
from home.tests.factories import ContentPageFactory
from mentoring_pages.tests.factories import (
    CaseIndexPageFactory,
    CasePageFactory,
    MentorIndexPageFactory,
    MentoringIndexPageFactory,
    MentorPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    RoadmapIndexPageFactory,
    RoadmapPageFactory,
)
from programmes.roles import EDITOR, group_of
from programmes.schools import default_school
from programmes.tests.factories import MentoringFormFactory, ProgrammeFactory
from site_project.translation import translate

site = Site.objects.get(is_default_site=True)
home = site.root_page
for slug in os.environ["PAGES"].split():
    ContentPageFactory(parent=home, slug=slug, title=f"Page {slug}")
# For the rule: an index with two pages and a page linking to one of them.
index = ContentPageFactory(parent=home, slug="index", title="Index")
item = ContentPageFactory(parent=index, slug="item", title="Item")
ContentPageFactory(parent=index, slug="sibling", title="Sibling")
link = f'<p><a linktype="page" id="{item.pk}">the item</a></p>'
ContentPageFactory(parent=home, slug="linking", body=[("paragraph", link)]).save_revision().publish()
# For what a change shows, as the `shown` fixture of mentoring_pages/tests/test_purging.py
# makes it: a programme with a form of mentoring, a landing with the pages showing them, a
# page with an image and a document, a news item showing none — all in English too, their
# text untranslated.
english = Locale.objects.get(language_code="en")
programme = ProgrammeFactory(title="Old programme")
programme.save_revision().publish()
form = MentoringFormFactory(programme=programme, title="Old form of mentoring")
translate(programme, english, {})
translate(form, english, {})
landing = MentoringIndexPageFactory(parent=home, slug="landing", programme=programme)
RoadmapPageFactory(parent=RoadmapIndexPageFactory(parent=landing), slug="roadmap", programme=programme)
MentorPageFactory(parent=MentorIndexPageFactory(parent=landing), slug="mentor", form=form)
CasePageFactory(parent=CaseIndexPageFactory(parent=landing), slug="case", form=form)
NewsPageFactory(parent=NewsIndexPageFactory(parent=landing), slug="news-item")
photo = get_image_model().objects.create(
    title="Photo", description="Photo", file=get_test_image_file("old-photo.png")
)
document = get_document_model().objects.create(title="Old school rules", file="rules.pdf")
about = ContentPageFactory(
    parent=home,
    slug="about",
    body=[
        ("image", {"image": photo, "alt_text": "", "decorative": False}),
        ("documents", {"heading": "", "documents": [{"document": document, "title": ""}]}),
    ],
)
# Published as editors do (the reference index), parents first, and translated.
translate(home, english, {})
for page in [*landing.get_descendants(inclusive=True).specific(), about]:
    page.save_revision().publish()
    translate(page, english, {})
school = SiteSettings.for_site(site)
school.phone = "+7 (900) 111-11-11"
school.save()
editor = User.objects.create_user("editor", password=os.environ["EDITOR_PASSWORD"])
editor.groups.add(group_of(default_school(), EDITOR))
image = wagtail_factories.ImageFactory(file__width=80, file__height=60)
print(json.dumps([image.file.url, image.get_rendition("fill-40x30").url]))
"""

CHANGE_ITEM = """
from home.models import ContentPage

page = ContentPage.objects.get(slug="item")
page.title, page.slug = "Item renamed", "renamed"
page.save_revision().publish()
"""

# The changes of CHANGES (below), made as editors make them, to the Russian objects (their
# English translations have the same titles).
RENAME_PROGRAMME = """
from programmes.models import Programme

programme = Programme.objects.get(title="Old programme", locale__language_code="ru")
programme.title = "New programme"
programme.save_revision().publish()
"""

# The snippet editor saves a form of mentoring and brings its translations up to date
# (home.wagtail_hooks).
RENAME_FORM_OF_MENTORING = """
from programmes.models import MentoringForm
from site_project.translation import sync_translations

form = MentoringForm.objects.get(title="Old form of mentoring", locale__language_code="ru")
form.title = "New form of mentoring"
form.save()
sync_translations(form)
"""

# Through the image editor's form, which deletes the old file and its renditions.
REPLACE_IMAGE_FILE = """
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.images.tests.utils import get_test_image_file

photo = get_image_model().objects.get(title="Photo")
new_file = SimpleUploadedFile(
    "new-photo.png", get_test_image_file().file.getvalue(), "image/png"
)
fields = {"title": photo.title, "description": photo.description, "collection": photo.collection_id}
form = get_image_form(type(photo))(fields, {"file": new_file}, instance=photo)
assert form.is_valid(), form.errors
form.save()
"""

RENAME_DOCUMENT = """
from wagtail.documents import get_document_model

document = get_document_model().objects.get(title="Old school rules")
document.title = "New school rules"
document.save()
"""

NEW_PHONE = """
from wagtail.models import Site
from home.models import SiteSettings

school = SiteSettings.for_site(Site.objects.get(is_default_site=True))
school.phone = "+7 (900) 222-22-22"
school.save()
"""

PUBLISH = """
from home.models import ContentPage

page = ContentPage.objects.get(slug="published")
page.title = "Published again"
page.save_revision().publish()
"""


@dataclass
class ServedSite:
    url: str
    env: dict
    var_dir: Path
    original_image: str
    rendition: str


@pytest.fixture(scope="module")
def nginx_site(django_db_setup, django_db_blocker, tmp_path_factory):
    if not (NGINX.exists() and PURGE_MODULE.exists()):
        reason = (
            "nginx or its cache-purge module is missing: "
            "apt-get install nginx libnginx-mod-http-cache-purge"
        )
        if os.environ.get("REQUIRE_NGINX") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    var_dir = tmp_path_factory.mktemp("serve-nginx")
    port = free_port()
    with django_db_blocker.unblock(), server_database(var_dir) as url:
        env = {
            **os.environ,
            "PORT": str(port),
            "WORKERS": "2",
            "VAR_DIR": str(var_dir),
            "DATABASE_URL": url,
            # What scripts/serve would supply, set here for the shells the tests run too.
            "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
            "SECRET_KEY": "test-only-secret-key-of-the-nginx-tests",
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            # The first is the cache key's host (wait_until_stored).
            "SERVER_NAMES": f"{SITE_HOST} 127.0.0.1",
            "NGINX_PURGE_URL": f"http://127.0.0.1:{port}",
            "GUNICORN_ARGS": f"--access-logfile {var_dir / 'gunicorn-access.log'}",
        }
        env.pop("REDIS_URL", None)
        printed = manage_shell(
            {**env, "PAGES": " ".join(PAGES), "EDITOR_PASSWORD": EDITOR_PASSWORD}, SETUP
        )
        original_image, rendition = json.loads(printed.splitlines()[-1])
        with running("serve-nginx", env, var_dir / "serve-nginx.log") as process:
            yield ServedSite(f"http://127.0.0.1:{port}", env, var_dir, original_image, rendition)
        assert_no_process_left(process.pid)


def assert_no_process_left(group):
    """Stopping scripts/serve-nginx stopped nginx and gunicorn with it."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.killpg(group, 9)
    pytest.fail("scripts/serve-nginx left processes running after it stopped")


def cache_status(site, path, **headers):
    status, response_headers, body = fetch(site.url + path, **headers)
    assert status == 200, (path, status)
    if response_headers["X-Cache-Status"] == "MISS":
        wait_until_stored(site, path)
    return response_headers["X-Cache-Status"], body.decode()


def wait_until_stored(site, path, seconds=3):
    """nginx stores an answer in its cache after it has sent it, so on a busy machine the
    next request may come first. Wait (a bounded while) for the file of `path`'s key, and
    say whether it is there: a test that expects a hit then fails only if nginx did not keep
    the page."""
    # nginx names the file by the MD5 of its cache key, which holds the path as nginx
    # normalises it ($uri): decoded, double slashes merged.
    uri = re.sub("/+", "/", urllib.parse.unquote(path))
    key = hashlib.md5(f"{SITE_HOST}{uri}".encode(), usedforsecurity=False).hexdigest()
    stored = site.var_dir / "nginx" / "cache" / key[-1] / key[-3:-1] / key
    deadline = time.monotonic() + seconds
    while not stored.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return stored.exists()


def send(site, method, path, source="127.0.0.1", **headers):
    """The status of a request sent from `source`, one of this machine's addresses."""
    port = urllib.parse.urlsplit(site.url).port
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    try:
        client.request(method, path, headers=headers)
        return client.getresponse().status
    finally:
        client.close()


def test_a_second_anonymous_visit_is_served_by_nginx_from_its_cache(nginx_site):
    status, first = cache_status(nginx_site, "/cached/")
    assert status == "MISS"
    assert wait_until_stored(nginx_site, "/cached/", seconds=0), "the tests look elsewhere"
    status, second = cache_status(nginx_site, "/cached/")
    assert status == "HIT"
    assert second == first
    assert "Page cached" in second

    # The address alone says the language, and a CSRF cookie changes nothing on the page.
    assert cache_status(nginx_site, "/cached/", **BROWSER) == ("HIT", first)

    _, headers, body = fetch(nginx_site.url + "/cached/", **{"Accept-Encoding": "gzip"})
    assert headers["X-Cache-Status"] == "HIT"
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body).decode() == first


def test_a_kept_page_shows_the_sites_own_address_whatever_host_its_first_visitor_sent(
    nginx_site,
):
    status, _ = cache_status(nginx_site, "/host/", Host="127.0.0.1:1")
    assert status == "MISS"
    status, page = cache_status(nginx_site, "/host/", Host=SITE_HOST)
    assert status == "HIT"
    assert '"http://localhost/host/"' in page  # og:url and hreflang
    assert "127.0.0.1:1" not in page


@pytest.mark.parametrize(
    ("slug", "query", "cookie"),
    [
        ("sessionid", "", "sessionid=a-session-key"),
        ("messages", "", "messages=a-signed-message"),
        ("a11y", "", f"{COOKIE_NAME}={ACCESSIBLE.cookie_value}"),
        ("query", "?utm_source=newsletter", ""),
    ],
    ids=["session", "messages", "accessible-version", "query"],
)
def test_a_visitors_own_version_of_a_page_is_neither_kept_nor_served_by_nginx(
    nginx_site, slug, query, cookie
):
    path = f"/{slug}/"
    own = {"Cookie": cookie} if cookie else {}
    status, own_version = cache_status(nginx_site, path + query, **own)
    assert status == "BYPASS"
    status, page = cache_status(nginx_site, path)
    assert status == "MISS", "the answer to the request above was not kept"
    assert cache_status(nginx_site, path) == ("HIT", page)
    status, _ = cache_status(nginx_site, path + query, **own)
    assert status == "BYPASS", "nor is the kept page served to it"
    if slug == "a11y":
        accessible = f'class="{ACCESSIBLE.html_class}"'
        assert accessible in own_version
        assert accessible not in page


def test_wagtail_purges_a_kept_page_from_this_machine_and_nobody_elsewhere_can(nginx_site, caplog):
    assert cache_status(nginx_site, "/purged/")[0] == "MISS"
    assert cache_status(nginx_site, "/purged/")[0] == "HIT"
    assert cache_status(nginx_site, "/purged/", **BROWSER)[0] == "HIT"

    # From anywhere else a PURGE is refused, and no address (such as /_purge) leads to it.
    assert send(nginx_site, "PURGE", "/purged/", source=ELSEWHERE, Host=SITE_HOST) == 403
    assert send(nginx_site, "GET", "/_purge", source=ELSEWHERE) != 200
    assert send(nginx_site, "PURGE", "/_purge", source=ELSEWHERE) == 403
    assert cache_status(nginx_site, "/purged/")[0] == "HIT"

    # As the app does: Wagtail's own backend, which logs an error for any answer but 2xx.
    backend = HTTPBackend({"LOCATION": nginx_site.env["NGINX_PURGE_URL"]})
    with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"):
        backend.purge(f"http://{SITE_HOST}/purged/")
        backend.purge(f"http://{SITE_HOST}/never-visited/")
    assert [record for record in caplog.records if record.name == "wagtail.frontendcache"] == []
    assert cache_status(nginx_site, "/purged/", **BROWSER)[0] == "MISS"
    assert cache_status(nginx_site, "/purged/")[0] == "HIT"
    assert send(nginx_site, "PURGE", "/never-visited/", Host=SITE_HOST) == 204


def test_one_purge_of_a_pages_address_drops_it_under_every_spelling_of_it(nginx_site):
    # Django serves /%73pelled/ as /spelled/: kept apart, the page would stay public there
    # after Wagtail purges /spelled/ (unpublished as a consent was withdrawn, say).
    assert cache_status(nginx_site, "/%73pelled/")[0] == "MISS"
    status, page = cache_status(nginx_site, "/%73pelled/")
    assert status == "HIT"
    assert "Page spelled" in page
    assert cache_status(nginx_site, "/spelled/") == ("HIT", page)
    # Django answers //spelled/ with a 404, never kept; nginx's key merges the slashes, so
    # the copy of /spelled/ is served there, and goes with it.
    assert cache_status(nginx_site, "//spelled/") == ("HIT", page)

    backend = HTTPBackend({"LOCATION": nginx_site.env["NGINX_PURGE_URL"]})
    backend.purge(f"http://{SITE_HOST}/spelled/")

    status, headers, _ = fetch(nginx_site.url + "//spelled/")
    assert (status, headers["X-Cache-Status"]) == (404, "MISS")
    assert cache_status(nginx_site, "/%73pelled/")[0] == "MISS"


def headers_from(site, path, source):
    """The headers of the answer to a GET of `path` sent from `source`."""
    port = urllib.parse.urlsplit(site.url).port
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    try:
        client.request("GET", path, headers={"Host": SITE_HOST})
        response = client.getresponse()
        response.read()
        return response.status, response.headers
    finally:
        client.close()


def test_visitors_are_not_told_how_the_site_is_built_but_get_its_security_headers(nginx_site):
    assert cache_status(nginx_site, "/headers/")[0] == "MISS"

    status, headers = headers_from(nginx_site, "/headers/", ELSEWHERE)
    assert status == 200
    assert headers["Server"] == "nginx"
    assert "X-Cache-Status" not in headers
    assert "X-Page-Cache" not in headers
    # From nginx's cache, with the headers Django rendered the page with.
    policy = policy_directives(headers)
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    assert "camera=()" in headers["Permissions-Policy"]
    # This machine is still told it was a hit.
    assert cache_status(nginx_site, "/headers/")[0] == "HIT"

    status, headers = headers_from(nginx_site, "/admin/login/", ELSEWHERE)
    assert status == 200
    assert headers["Server"] == "nginx"
    assert "Content-Security-Policy" in headers


def test_static_files_and_image_renditions_come_from_disk_but_no_original_image(nginx_site):
    page = fetch(nginx_site.url + "/")[2].decode()
    stylesheet = STYLESHEET.search(page)[1]
    status, headers, body = fetch(nginx_site.url + stylesheet, **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert b"{" in gzip.decompress(body)
    assert "immutable" in headers["Cache-Control"]

    status, headers, _ = fetch(nginx_site.url + nginx_site.rendition)
    assert status == 200
    assert headers["Content-Type"] == "image/jpeg"

    original = nginx_site.var_dir / nginx_site.original_image.lstrip("/")
    assert original.is_file()
    status, _, body = fetch(nginx_site.url + nginx_site.original_image)
    assert status == 404
    assert "<h1>Страница не найдена</h1>" in body.decode()
    # A picture gone (a withdrawn consent deletes a person's photos): the site's 404 page,
    # in the language the visitor's browser asks for.
    missing = nginx_site.rendition.rsplit("/", 1)[0] + "/gone.fill-40x30.jpg"
    status, _, body = fetch(nginx_site.url + missing, **{"Accept-Language": "en"})
    assert status == 404
    assert "<h1>Page not found</h1>" in body.decode()

    # A request that reaches gunicorn, logged after any of those had they reached it.
    access_log = nginx_site.var_dir / "gunicorn-access.log"
    fetch(nginx_site.url + "/?after-static-files")
    deadline = time.monotonic() + 10
    while "after-static-files" not in access_log.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    logged = access_log.read_text()
    assert "after-static-files" in logged
    # Only the missing files' 404 pages come from Django.
    for path in (stylesheet, nginx_site.rendition):
        assert path not in logged


def logged_in_editor(site):
    """An opener with the cookies of the editor, logged in through the admin's form."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    login_url = site.url + "/admin/login/"
    with opener.open(login_url, timeout=10) as response:
        form = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
    data = {"username": "editor", "password": EDITOR_PASSWORD, "csrfmiddlewaretoken": token}
    with opener.open(login_url, urllib.parse.urlencode(data).encode(), timeout=10) as response:
        assert response.url == site.url + "/admin/", "the editor is logged in"
    return opener


def test_an_editor_never_gets_a_kept_page_and_no_visitor_ever_gets_the_editors(nginx_site):
    editor = logged_in_editor(nginx_site)

    def as_editor():
        with editor.open(nginx_site.url + "/editor/", timeout=10) as response:
            return response.headers["X-Cache-Status"], response.read().decode()

    status, page = as_editor()
    assert status == "BYPASS"
    assert USERBAR in page
    for expected in ("MISS", "HIT"):
        status, page = cache_status(nginx_site, "/editor/")
        assert status == expected
        assert USERBAR not in page
    status, page = as_editor()
    assert status == "BYPASS"
    assert USERBAR in page


def test_publishing_a_page_purges_it_from_nginx(nginx_site):
    cache_status(nginx_site, "/published/")
    status, page = cache_status(nginx_site, "/published/")
    assert status == "HIT"
    assert "Published again" not in page

    manage_shell(nginx_site.env, PUBLISH)

    status, page = cache_status(nginx_site, "/published/")
    assert "Published again" in page
    assert status == "MISS"


def test_a_publication_purges_the_page_its_old_address_ancestors_and_referrers_only(nginx_site):
    kept = ["/index/item/", "/index/", "/", "/linking/", "/index/sibling/"]
    for path in kept:
        cache_status(nginx_site, path)
        assert cache_status(nginx_site, path)[0] == "HIT", path

    manage_shell(nginx_site.env, CHANGE_ITEM)

    # The old address is no longer served from nginx: Wagtail redirects it (followed here).
    assert "Item renamed" in fetch(nginx_site.url + "/index/item/")[2].decode()
    assert "Item renamed" in cache_status(nginx_site, "/index/renamed/")[1]
    for path in ("/index/", "/"):
        assert cache_status(nginx_site, path)[0] == "MISS", path
    status, linking = cache_status(nginx_site, "/linking/")
    assert status == "MISS"
    assert 'href="/index/renamed/"' in linking
    assert cache_status(nginx_site, "/index/sibling/")[0] == "HIT"


@dataclass(frozen=True)
class Change:
    """A change `script` makes, after which each page of `showing` (by its Russian address;
    its English one is under /en/) shows `new` where it showed `old`; `unrelated`, a page
    that does not show what changed, is still served from nginx's cache."""

    script: str
    old: str
    new: str
    showing: tuple[str, ...]
    unrelated: str | None = "/landing/news/news-item/"


LANDING = "/landing/"
ROADMAP = "/landing/roadmaps/roadmap/"
MENTORS = ("/landing/mentors/", "/landing/mentors/mentor/")
CASES = ("/landing/cases/", "/landing/cases/case/")
ABOUT = "/about/"
CHANGES = {
    "programme": Change(
        RENAME_PROGRAMME,
        "Old programme",
        "New programme",
        showing=(LANDING, LANDING + "programme/", ROADMAP),
    ),
    # Cards on the indexes show a mentor's and a case's form, and the landing its forms.
    "form-of-mentoring": Change(
        RENAME_FORM_OF_MENTORING,
        "Old form of mentoring",
        "New form of mentoring",
        showing=(*MENTORS, *CASES, LANDING),
    ),
    # Alt texts are the page's own: what an image itself changes on a page is its picture,
    # a rendition named after the new file.
    "image-file": Change(REPLACE_IMAGE_FILE, "old-photo", "new-photo", showing=(ABOUT,)),
    "document-title": Change(
        RENAME_DOCUMENT, "Old school rules", "New school rules", showing=(ABOUT,)
    ),
    # The footer of every page shows the school's details: no page is left out.
    "site-settings": Change(
        NEW_PHONE,
        "+7 (900) 111-11-11",
        "+7 (900) 222-22-22",
        showing=(LANDING, ROADMAP, *MENTORS, *CASES, "/landing/news/news-item/", ABOUT),
        unrelated=None,
    ),
}


def in_both_languages(*paths):
    return [address for path in paths for address in (path, "/en" + path)]


def kept(site, path):
    """The page at `path` once nginx serves it from its cache, in the language of its
    address (the cache key is the address alone)."""
    cache_status(site, path)
    status, page = cache_status(site, path)
    assert status == "HIT", path
    language = "en" if path.startswith("/en/") else "ru"
    assert f'<html lang="{language}"' in page, path
    return page


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_change_shows_at_once_on_every_page_showing_it_in_both_languages(nginx_site, change):
    showing = in_both_languages(*change.showing)
    unrelated = in_both_languages(change.unrelated) if change.unrelated else []
    for path in showing:
        page = kept(nginx_site, path)
        assert change.old in page, path
        assert change.new not in page, path
    for path in unrelated:
        kept(nginx_site, path)

    manage_shell(nginx_site.env, change.script)

    for path in showing:
        status, page = cache_status(nginx_site, path)
        assert status == "MISS", path
        assert change.new in page, path
    for path in unrelated:
        assert cache_status(nginx_site, path)[0] == "HIT", path
