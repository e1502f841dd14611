"""`make bench`: a large site in its own database (var/bench/), and what each public page type
costs there — SQL queries, bytes, requests per second and latency under load — served the
way `make serve` serves it, uncached and from Django's page cache, beside a static file of
the same size as each page as its ceiling; then a news item through `make serve-nginx`
beside nginx serving a static file of its size. Each rate is also compared with the same
page on `main` before caching moved to nginx (BASELINE_FILE, recorded on this machine).
Prints a table and writes var/bench.json. README: how to read it.

Not a test: the figures depend on the machine and on what else runs on it."""

import datetime
import gzip
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(os.environ.get("BENCH_DIR", BASE_DIR / "var" / "bench"))
RESULT_FILE = BASE_DIR / "var" / "bench.json"
# `make bench` on main at 4eb7511, the last commit with the project's own routing and page
# cache, on this machine: the rates the simpler code is held to.
BASELINE_FILE = BASE_DIR / "docs" / "bench" / "baseline-main-4eb7511.json"
NGINX_PAGE = "news item"
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONCURRENCY = 8
RENDERS = 10
PORTS = range(int(os.environ.get("BENCH_PORT", "8850")), 65535)
# Redis, as a real server has it; "" for the file cache production falls back to.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")
CACHE_KEY_PREFIX = "nastavnik-"
CEILING_DIR = "bench"
NEVER_CACHED = {"search"}  # its results change with every query: never kept
# The open API beside the pages (mentoring_pages/api): a list each, its first page.
API_URLS = {
    "API: schools, 100": "/api/v1/schools/?page_size=100",
    "API: roadmaps": "/api/v1/roadmaps/",
    "API: events, 200": "/api/v1/events/?page_size=200",
    "API: news": "/api/v1/news/",
}
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""

os.environ.update(
    DJANGO_SETTINGS_MODULE="site_project.settings.dev",
    DATABASE_URL=f"sqlite:///{BENCH_DIR / 'db.sqlite3'}",
    VAR_DIR=str(BENCH_DIR),
    # In this process pages are rendered, never served from the page cache.
    PAGE_CACHE_TIMEOUT="0",
    # wrk is one address asking thousands of times: not what the API's limit is for.
    API_RATE="1000000/minute",
    REDIS_URL="",
)


def log(message):
    print(message, file=sys.stderr, flush=True)


def prepare_database():
    from django.core.management import call_command

    from mentoring_pages.demo.bench_centre import build_bench_centre
    from mentoring_pages.demo.bench_site import SIZES, build_bench_site

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    # Also a site built before: the code may have new migrations since.
    call_command("migrate", verbosity=0)
    marker = BENCH_DIR / "built.json"
    if marker.exists() and json.loads(marker.read_text()) == SIZES:
        log(f"Using the site built before in {BENCH_DIR} (delete it to build again)")
        return
    log(f"migrated in {time.monotonic() - started:.0f} s; building the site")
    pages = build_bench_site(log=lambda message: log(f"  {message}"))
    pages += build_bench_centre(log=lambda message: log(f"  {message}"))
    log(f"{pages} pages added in {time.monotonic() - started:.0f} s")
    marker.write_text(json.dumps(SIZES))


# Rows named as BASELINE_FILE names them, where a page type's row is not named after its
# model ("news index"); and those measured in English too.
ROW_NAMES = {
    "MentoringIndexPage": "landing",
    "RoadmapPage": "roadmap, 100 events",
    "NewsPage": "news item",
    "MunicipalCentrePage": "municipal centre, 100 schools",
}
IN_ENGLISH_TOO = {"landing", "roadmap, 100 events"}


def page_types():
    """{name: URL} of one page of each public type (home.page_types), the long ones from the
    bench, and the routes beside them."""
    from wagtail.models import Locale, Site

    from home.page_types import public_page_models, short_name

    russian = Locale.objects.get(language_code="ru")
    english = Locale.objects.get(language_code="en")

    default_site = Site.objects.get(is_default_site=True)

    def url(model, locale):
        pages = model.objects.filter(locale=locale, live=True)
        # The bench's long pages: bench-roadmap-1, bench-news-1… (mentoring_pages.demo.bench_site)
        long_page = pages.filter(slug=f"bench-{short_name(model)}-1")
        site_id, root_url, path = (long_page.first() or pages.first()).get_url_parts()
        # The school's pages by their path; another site's (the municipal centre's) whole.
        return path if site_id == default_site.pk else root_url + path

    urls = {}
    for model in public_page_models():
        name = ROW_NAMES.get(model.__name__) or short_name(model, " ")
        urls[name] = url(model, russian)
        if name in IN_ENGLISH_TOO:
            urls[f"{name} (en)"] = url(model, english)
    urls["programme"] = urls["landing"] + "programme/"
    urls["search"] = "/search/?q=наставник"
    return urls | API_URLS


def rendering_costs(urls):
    """Queries and processor time with the site's caches empty (cold) and warm, bytes and
    gzip bytes."""
    from django.conf import settings
    from django.core.cache import caches
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    costs = {}
    for name, address in urls.items():
        host, url = host_and_path(address)
        client.defaults["HTTP_HOST"] = host
        for alias in settings.CACHES:
            caches[alias].clear()
        counts, cpu = [], []
        for _ in range(2):
            # The query log holds 9,000 queries: once full (after migrate), it stops growing
            # and every count would read 0.
            reset_queries()
            # Processor time, not wall time: it does not count waiting for a busy machine.
            started = time.process_time()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            cpu.append(time.process_time() - started)
            assert response.status_code == 200, (url, response.status_code)
            counts.append(len(queries.captured_queries))
        started = time.process_time()
        for _ in range(RENDERS):
            client.get(url)
        costs[name] = {
            "queries_cold": counts[0],
            "queries": counts[1],
            "cpu_ms_cold": round(1000 * cpu[0], 1),
            "cpu_ms": round(1000 * (time.process_time() - started) / RENDERS, 1),
            "bytes": len(response.content),
            "gzip_bytes": len(gzip.compress(response.content)),
        }
        cost = costs[name]
        log(f"  {name}: {counts[0]}/{counts[1]} queries, {cost['cpu_ms_cold']}/{cost['cpu_ms']} ms")
    return costs


def docx_import_seconds():
    """The demo's 40-event .docx: read, and read and written into a new draft page."""
    from django.db import transaction

    from mentoring_pages.demo.builders import ROADMAP_FILE
    from mentoring_pages.models import RoadmapIndexPage
    from mentoring_pages.roadmap.importer import create_roadmap_page
    from mentoring_pages.roadmap.reader import read_roadmap

    parent = RoadmapIndexPage.objects.filter(locale__language_code="ru").first()
    read, whole = [], []
    for _ in range(3):
        started = time.perf_counter()
        with ROADMAP_FILE.open("rb") as file:
            imported = read_roadmap(file, ROADMAP_FILE.name)
        read.append(time.perf_counter() - started)
        with transaction.atomic():
            create_roadmap_page(parent, imported, "Bench import")
            transaction.set_rollback(True)
        whole.append(time.perf_counter() - started)
    return {
        "events": sum(len(stage.events) for stage in imported.stages),
        "read_seconds": round(min(read), 3),
        "import_seconds": round(min(whole), 3),
    }


def curator_screens():
    """What the curator waits for on the bench's roadmaps (10 of 100 events): the board, a
    bulk change of 20 events (published, then rolled back) and the quarterly report of the
    100-event roadmap for its fullest quarter; seconds (best of 3) and queries of each."""
    from django.contrib.auth import get_user_model
    from django.db import connection, reset_queries, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from wagtail.models import PageLogEntry

    from mentoring_pages.models import RoadmapEvent, RoadmapPage
    from mentoring_pages.roadmap import reports

    page = RoadmapPage.objects.get(slug="bench-roadmap-1", locale__language_code="ru")
    events = RoadmapEvent.objects.filter(page=page).order_by("sort_order")[:20]
    bulk_change = {"event": [event.pk for event in events], "new_status": "done", "note": "Bench"}
    screens = {
        "board": lambda client: client.get("/admin/roadmap-board/"),
        "bulk change of 20 events": lambda client: client.post(
            "/admin/roadmap-board/", bulk_change
        ),
        **{
            f"report {file_format.upper()}": lambda client, file_format=file_format: client.get(
                "/admin/roadmap-board/report/",
                {"page": page.pk, "quarter": str(quarter), "format": file_format},
            )
            for file_format in ("xlsx", "pdf")
        },
    }
    results = {}
    with transaction.atomic():
        # A past quarter's report reads the version published then: publish the roadmap
        # as if on the first day of its period.
        page.save_revision().publish()
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish").update(
            timestamp=timezone.make_aware(datetime.datetime(page.first_year, 9, 1))
        )
        quarter = max(
            reports.report_quarters([page]),
            key=lambda quarter: len(reports.build_report(page, quarter).events),
        )
        reported = len(reports.build_report(page, quarter).events)
        client = Client(HTTP_HOST="localhost")
        client.force_login(get_user_model().objects.create_superuser("bench-curator"))
        for name, request in screens.items():
            seconds = []
            for _ in range(3):
                reset_queries()
                with transaction.atomic(), CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = request(client)
                    seconds.append(time.perf_counter() - started)
                    transaction.set_rollback(True)
                assert response.status_code in (200, 302), (name, response.status_code)
            results[name] = {"seconds": round(min(seconds), 3), "queries": len(queries)}
            log(f"  {name}: {results[name]}")
        transaction.set_rollback(True)
    return {"quarter": str(quarter), "reported_events": reported, "screens": results}


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port")


class Server:
    """scripts/serve (`make serve`) or scripts/serve-nginx (`make serve-nginx`) on a free
    port; Django's page cache on or off."""

    def __init__(self, page_cache, script="serve"):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "PORT": str(self.port),
            "REDIS_URL": REDIS_URL,
            "PAGE_CACHE_TIMEOUT": str(24 * 3600 if page_cache else 0),
        }
        self.process = subprocess.Popen(
            [BASE_DIR / "scripts" / script], env=env, start_new_session=True
        )

    def __enter__(self):
        """Ready when a page answers: the master listens before its workers have booted."""
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the server stopped")
            try:
                self.get("/")
                return self
            except OSError:
                time.sleep(1)
        raise RuntimeError("the server did not start")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)

    def get(self, path, **headers):
        request = urllib.request.Request(self.base + urllib.parse.quote(path, safe="/?=&"))
        for name, value in headers.items():
            request.add_header(name, value)
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.headers, response.read()


def host_and_path(address):
    """The host to ask and the path of a page's address: the school's pages come as a path
    (the default site), another site's (the municipal centre's) as the whole address."""
    parts = urllib.parse.urlsplit(address)
    if not parts.netloc:
        return "localhost", address
    return parts.hostname, address[len(f"{parts.scheme}://{parts.netloc}") :]


def load(url, seconds=SECONDS, host=None):
    """wrk at CONCURRENCY for `seconds`: requests per second, p50 and p95 in ms, errors;
    `host`: the site asked for, when not the default one."""
    script = BENCH_DIR / "report.lua"
    script.write_text(WRK_SCRIPT)
    headers = ["-H", f"Host: {host}"] if host else []
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONCURRENCY}", f"-d{seconds}s", "-s", str(script), *headers, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requests, duration, p50, p95, errors = map(int, re.search(r"BENCH (.*)", output)[1].split())
    return {
        "rps": round(requests / (duration / 1e6), 1),
        "p50_ms": round(p50 / 1000, 1),
        "p95_ms": round(p95 / 1000, 1),
        "errors": errors,
    }


def measure_server(urls, page_cache, sizes=None):
    """Each page under load; with the page cache on, also its ceiling: a static file of the
    same size (`sizes`), served by the same server."""
    results = {"ceiling": {}}
    with Server(page_cache) as server:
        for name, address in urls.items():
            host, path = host_and_path(address)
            url = server.base + urllib.parse.quote(path, safe="/?=&")
            load(
                url, seconds=1, host=host
            )  # warm every worker: templates, fragments, the page cache
            results[name] = load(url, host=host)
            log(f"  {'cached' if page_cache else 'uncached'} {name}: {results[name]}")
            if page_cache and name in sizes:
                results["ceiling"][name] = load(f"{server.base}/static/{ceiling_path(sizes[name])}")
                log(f"  static file of {sizes[name]} bytes: {results['ceiling'][name]}")
        if page_cache:
            results["landing compressed"] = landing_transfer(server, urls["landing"])
    return results


def measure_nginx(path, size):
    """A page through nginx's cache (`make serve-nginx`), beside nginx serving a static file
    of the same size: what the page costs once nginx keeps it."""
    with Server(page_cache=True, script="serve-nginx") as server:
        url = server.base + urllib.parse.quote(path, safe="/?=&")
        headers, _ = server.get(path)
        headers, _ = server.get(path)
        assert headers["X-Cache-Status"] == "HIT", headers["X-Cache-Status"]
        load(url, seconds=1)
        results = {"page": load(url), "ceiling": load(f"{server.base}/static/{ceiling_path(size)}")}
    log(f"  through nginx {NGINX_PAGE}: {results['page']}; static file: {results['ceiling']}")
    return results


def landing_transfer(server, path):
    """What a first visit to the landing downloads, compressed: HTML (as a reverse proxy
    would gzip it) and the CSS and JS it links (as the server sends them)."""
    _, html = server.get(path)
    sizes = {"html": len(gzip.compress(html))}
    for asset in re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html.decode()):
        headers, body = server.get(asset, **{"Accept-Encoding": "gzip"})
        sizes[asset] = len(body)
    return {"bytes": sizes, "kb": round(sum(sizes.values()) / 1024, 1)}


def clear_shared_cache():
    if REDIS_URL:
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(f"{CACHE_KEY_PREFIX}*"))
        if keys:
            client.delete(*keys)


def ceiling_path(size):
    return f"{CEILING_DIR}/ceiling-{size}.html"


def write_ceilings(sizes):
    """A static file of each page's size: what the server does at best for that many bytes."""
    for size in set(sizes):
        path = BENCH_DIR / "staticfiles" / ceiling_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((b"<!-- static ceiling -->\n" * (size // 24 + 1))[:size])


def ratio(rps, baseline_rps):
    return f"{100 * rps / baseline_rps:>4.0f} %" if baseline_rps else "     "


def machine_speed(cached, baseline):
    """How fast this machine serves now against the baseline's run: the median of the static
    files' rates over the baseline's (the same server, files of each page's size). One
    machine's speed varies by half from one day to the next; main's rates are compared
    scaled by it, so a change of code is not mistaken for a slower day."""
    ceilings, baseline_ceilings = cached["ceiling"], baseline["cached"]["ceiling"]
    shares = [
        ceilings[n]["rps"] / baseline_ceilings[n]["rps"] for n in ceilings if n in baseline_ceilings
    ]
    return statistics.median(shares)


def scaled(baseline, speed):
    """The baseline's rates as this machine would serve main today."""
    return {
        kind: {
            name: {"rps": row["rps"] * speed}
            for name, row in baseline[kind].items()
            if "rps" in row
        }
        for kind in ("uncached", "cached")
    }


def table(costs, uncached, cached, baseline):
    rows = [
        f"{'page':26} {'queries':>9} {'CPU ms':>9} {'KB':>6} {'gzip':>5}   "
        f"{'uncached req/s  p50  p95 vs main':>32}   {'cached req/s  p50  p95 vs main':>30}   "
        f"{'ceiling req/s':>13}"
    ]
    for name, cost in costs.items():
        u, c = uncached[name], cached[name]
        ceiling = cached["ceiling"].get(name)
        rows.append(
            f"{name:26} {cost['queries_cold']:>4}/{cost['queries']:<4} "
            f"{cost['cpu_ms_cold']:>4.0f}/{cost['cpu_ms']:<4.0f} "
            f"{cost['bytes'] / 1024:>6.1f} {cost['gzip_bytes'] / 1024:>5.1f}   "
            f"{u['rps']:>14.0f} {u['p50_ms']:>4.0f} {u['p95_ms']:>4.0f} "
            f"{ratio(u['rps'], baseline['uncached'].get(name, {}).get('rps'))}   "
            f"{c['rps']:>12.0f} {c['p50_ms']:>4.0f} {c['p95_ms']:>4.0f} "
            f"{ratio(c['rps'], baseline['cached'].get(name, {}).get('rps'))}   "
            + (
                f"{ceiling['rps']:>6.0f} {100 * c['rps'] / ceiling['rps']:>4.0f} %"
                if ceiling
                else ""
            )
        )
    return "\n".join(rows)


def goals(result, baseline):
    costs, uncached, cached = result["pages"], result["uncached"], result["cached"]
    nginx = result["nginx"]
    # The page types; the search, a view whose work changed after the baseline (every word
    # also by its stem, an excerpt per result), is a goal of its own.
    compared = [name for name in costs if name in baseline["uncached"] and name not in NEVER_CACHED]
    uncached_share = min(uncached[n]["rps"] / baseline["uncached"][n]["rps"] for n in compared)
    cached_share = min(cached[n]["rps"] / baseline["cached"][n]["rps"] for n in compared)
    search_share = uncached["search"]["rps"] / baseline["uncached"]["search"]["rps"]
    checks = [
        (
            "queries ≤ 15 on every page, page cache off",
            max(c["queries"] for c in costs.values()),
            15,
        ),
        (
            f"through nginx, cached {NGINX_PAGE} / static file of its size ≥ 50 %",
            round(100 * nginx["page"]["rps"] / nginx["ceiling"]["rps"]),
            50,
        ),
        ("Django's page cache, slowest page / main's ≥ 100 %", round(100 * cached_share), 100),
        ("uncached, slowest page / main's ≥ 50 %", round(100 * uncached_share), 50),
        ("uncached roadmap req/s ≥ 100", uncached["roadmap, 100 events"]["rps"], 100),
        ("uncached news item req/s ≥ 150", uncached["news item"]["rps"], 150),
        ("uncached search / main's ≥ 50 %", round(100 * search_share), 50),
        ("40-event .docx import s < 1", result["docx"]["import_seconds"], 1),
        ("landing compressed KB ≤ 60", cached["landing compressed"]["kb"], 60),
    ]
    lines = []
    for label, value, bar in checks:
        fewer_is_better = "≤" in label or "<" in label
        met = value <= bar if fewer_is_better else value >= bar
        lines.append(f"{'met ' if met else 'MISS'}  {label}: {value}")
    return "\n".join(lines)


def main():
    import django

    django.setup()
    started = time.monotonic()
    prepare_database()
    urls = page_types()
    log("rendering in process: queries and sizes")
    costs = rendering_costs(urls)
    docx = docx_import_seconds()
    log("the curator's screens")
    curator = curator_screens()
    sizes = {name: cost["bytes"] for name, cost in costs.items() if name not in NEVER_CACHED}
    write_ceilings(sizes.values())
    clear_shared_cache()
    log(f"under load: wrk -c{CONCURRENCY} -d{SECONDS}s per page, page cache off, then on")
    uncached = measure_server(urls, page_cache=False)
    clear_shared_cache()
    cached = measure_server(urls, page_cache=True, sizes=sizes)
    clear_shared_cache()
    log("through nginx: make serve-nginx")
    nginx = measure_nginx(urls[NGINX_PAGE], sizes[NGINX_PAGE])
    result = {
        "seconds_per_run": SECONDS,
        "concurrency": CONCURRENCY,
        "cores": os.cpu_count(),
        "cache": "redis" if REDIS_URL else "files",
        "urls": urls,
        "pages": costs,
        "uncached": uncached,
        "cached": cached,
        "nginx": nginx,
        "docx": docx,
        "curator": curator,
        "total_seconds": round(time.monotonic() - started),
    }
    RESULT_FILE.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    baseline = json.loads(BASELINE_FILE.read_text())
    result["machine_speed"] = round(machine_speed(cached, baseline), 3)
    RESULT_FILE.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    baseline = scaled(baseline, result["machine_speed"])
    print(
        f"this machine serves static files at {100 * result['machine_speed']:.0f} % of the "
        "baseline's run: «vs main» compares with main's rates scaled by it"
    )
    print(table(costs, uncached, cached, baseline))
    print(
        f"\nthrough nginx: {NGINX_PAGE} {nginx['page']['rps']:.0f} req/s, a static file of "
        f"its size {nginx['ceiling']['rps']:.0f} req/s"
    )
    print(
        f"\n.docx import ({docx['events']} events): read {docx['read_seconds']} s, "
        f"into a draft page {docx['import_seconds']} s"
    )
    print(
        f"\nthe curator's screens, 100-event roadmap (report for {curator['quarter']}: "
        f"{curator['reported_events']} events):"
    )
    for name, screen in curator["screens"].items():
        print(f"  {name:<28} {screen['seconds']:>6} s  {screen['queries']:>4} queries")
    print(f"landing, compressed HTML+CSS+JS: {cached['landing compressed']['kb']} KB")
    print(f"\n{goals(result, baseline)}\n\nwritten to {RESULT_FILE} in {result['total_seconds']} s")


if __name__ == "__main__":
    main()
