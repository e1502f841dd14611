"""The per-address limit on form submissions lasts its whole window on every cache backend
production may use: Django's incr() on the file cache used to cut it to five minutes."""

import time

import pytest
from django.test import RequestFactory

from mentoring_pages.forms import protection

WINDOW = 3600
LIMIT = 3
# The start of a window, so that the whole test stays within one.
START = 500_000 * WINDOW


@pytest.fixture
def file_cache(settings, tmp_path):
    """The cache production keeps without Redis (site_project/settings/production.py); Redis
    and locmem have an incr() of their own, which keeps the entry's expiry."""
    settings.CACHES = {
        "default": {
            "BACKEND": "site_project.file_cache.FileBasedCache",
            "LOCATION": str(tmp_path / "default"),
        }
    }
    settings.FORM_RATE_WINDOW_SECONDS = WINDOW
    settings.FORM_SUBMISSIONS_PER_ADDRESS = LIMIT


@pytest.fixture
def clock(monkeypatch):
    """time.time() as every cache backend and the limit read it, moved on by hand."""
    now = {"time": float(START)}
    monkeypatch.setattr(time, "time", lambda: now["time"])
    return now


def visitor(address="203.0.113.7"):
    return RequestFactory().post("/form/", REMOTE_ADDR=address)


def test_a_visitor_over_the_limit_is_refused_for_the_whole_window_then_allowed(file_cache, clock):
    for _submission in range(LIMIT):
        assert not protection.is_rate_limited(visitor())
        protection.count_submission(visitor())
    assert protection.is_rate_limited(visitor())

    # Past Django's default timeout of 300 seconds, which incr() gave the file cache's entry.
    clock["time"] = START + 301
    assert protection.is_rate_limited(visitor())
    clock["time"] = START + WINDOW - 1
    assert protection.is_rate_limited(visitor())
    assert not protection.is_rate_limited(visitor("198.51.100.1"))

    clock["time"] = START + WINDOW + 1
    assert not protection.is_rate_limited(visitor())


def test_later_submissions_do_not_lengthen_the_window(file_cache, clock):
    protection.count_submission(visitor())
    clock["time"] = START + WINDOW - 10
    for _submission in range(LIMIT):
        protection.count_submission(visitor())
    assert protection.is_rate_limited(visitor())

    clock["time"] = START + WINDOW + 1
    assert not protection.is_rate_limited(visitor())
