"""Degrade, never fail: with Redis (Django's cache) gone, pages are served uncached, forms are
accepted and the admin works; when Redis is back, pages are cached again. Against a real
redis-server that the test starts on a port of its own and stops."""

import os
import shutil
import socket
import subprocess
import time

import pytest
from django.test import Client
from django.urls import reverse

from home.page_cache import STATUS_HEADER
from home.tests.factories import ContentPageFactory
from mentoring_pages.models import ApplicationSubmission
from mentoring_pages.tests.applications import answers, application_form
from mentoring_pages.tests.factories import NewsPageFactory
from programmes.tests.factories import ConsentTextFactory
from site_project.settings.base import cache_settings
from site_project.tests.processes import free_port

pytestmark = pytest.mark.django_db

START_TIMEOUT = 10


class RedisServer:
    """A throwaway redis-server, as the machine's package installs it."""

    def __init__(self, executable, port):
        self.executable = executable
        self.port = port
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [self.executable, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=START_TIMEOUT)
            self.process = None


@pytest.fixture
def redis(settings):
    executable = shutil.which("redis-server")
    if executable is None:
        reason = "redis-server is missing: apt-get install redis-server"
        # CI (.ci/run) installs it: there a missing one is a failure, not a skip.
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    server = RedisServer(executable, free_port())
    server.start()
    settings.CACHES = cache_settings(f"redis://127.0.0.1:{server.port}/0")
    settings.PAGE_CACHE_TIMEOUT = 3600
    yield server
    server.stop()


@pytest.fixture
def public_pages(section, home_page):
    ContentPageFactory(parent=home_page, title="О школе", slug="about")
    news = NewsPageFactory(parent=section.news, title="Новость")
    return ["/", "/about/", section.landing.url, section.news.url, news.url]


@pytest.fixture
def application(section):
    ConsentTextFactory()
    return application_form(section.landing, to_address="curator@example.org")


def statuses(client, urls):
    return {url: client.get(url) for url in urls}


def test_pages_forms_and_the_admin_work_while_redis_is_down_and_pages_are_cached_again_after(
    client, admin_client, redis, public_pages, application
):
    for url in public_pages:
        client.get(url)
    assert {r[STATUS_HEADER] for r in statuses(client, public_pages).values()} == {"hit"}

    redis.stop()

    down = statuses(client, public_pages)
    assert {response.status_code for response in down.values()} == {200}
    assert not [url for url, response in down.items() if response.get(STATUS_HEADER) == "hit"]
    # Another visitor: the thanks give the applicant a session, never served from the cache.
    sent = Client().post(application.url, answers(application), follow=True)
    assert sent.status_code == 200 and "site-form__thanks" in sent.content.decode()
    assert ApplicationSubmission.objects.count() == 1
    assert admin_client.get(reverse("wagtailadmin_home")).status_code == 200

    redis.start()

    for url in public_pages:
        client.get(url)
    assert {r[STATUS_HEADER] for r in statuses(client, public_pages).values()} == {"hit"}
