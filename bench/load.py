"""The site under load: gunicorn on PostgreSQL with the demo network, driven by locust.

    .venv/bin/pip install -e ".[bench]"      # once: locust
    .venv/bin/python bench/load.py           # or: make bench-load

The first run creates the database (default: convivium_load on the local
PostgreSQL), migrates it and loads the demo network (a couple of minutes, with
progress). Each configuration then starts gunicorn on 127.0.0.1 with the
production settings, warms it, and runs locust headless for --seconds with
--users concurrent users, who request a mix of the home pages, the practices
index with facets, practice pages, searches and calendar feeds in English,
Italian and Arabic. Printed per configuration: requests per second, median and
95th-percentile latency, and errors.

Configurations: the local-memory cache of each worker process; the shared
Redis cache (REDIS_URL, default the local server's database 14) without and
with the remembered fragments, routes and feeds (website.pagecache.remember);
and Redis with the whole-page cache on as well (website.pagecache).
"""

import argparse
import csv
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent

URLS_SCRIPT = """
import json, random
from urllib.parse import quote
from practices.models import PracticePage, Theme
from partners.models import PartnerPage
from events.models import EventIndexPage

random.seed(1)
languages = ["en", "it", "ar"]
practices = [
    p.url for p in PracticePage.objects.live().filter(locale__language_code__in=languages)
]
themes = list(Theme.objects.filter(locale__language_code="en").values_list("slug", flat=True))
countries = sorted({str(p.country) for p in PartnerPage.objects.live() if p.country})
words = {"en": ["school", "women", "market", "sport"], "it": ["scuola", "donne", "mercato"],
         "ar": ["المدرسة", "النساء", "السوق"]}
mix = {"home": [f"/{lang}/" for lang in languages],
       "practices index with facets": [
           f"/{lang}/practices/?theme={random.choice(themes)}&country={random.choice(countries)}"
           for lang in languages for _ in range(6)],
       "practice page": practices,
       "search": [f"/{lang}/search/?q={quote(word)}" for lang in languages for word in words[lang]],
       "calendar feed": [f"/{lang}/events/calendar.ics" for lang in languages]}
print(json.dumps(mix))
"""

LOCUSTFILE = """
import json, os, random
from locust import task
from locust.contrib.fasthttp import FastHttpUser

MIX = json.loads(os.environ["LOAD_MIX"])
WEIGHTS = {"home": 2, "practices index with facets": 3, "practice page": 4, "search": 2,
           "calendar feed": 1}

class Visitor(FastHttpUser):
    def wait_time(self):
        return 0

    @task
    def visit(self):
        kinds = [kind for kind in WEIGHTS if MIX.get(kind)]
        kind = random.choices(kinds, [WEIGHTS[k] for k in kinds])[0]
        self.client.get(random.choice(MIX[kind]), name=kind)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, capture=False):
    command = [PYTHON, str(ROOT / "manage.py"), *args]
    if capture:
        return subprocess.run(  # noqa: S603 - our own manage.py
            command, env=env, check=True, capture_output=True, text=True
        ).stdout
    subprocess.run(command, env=env, check=True)  # noqa: S603


def prepare(env):
    print("Migrating…", flush=True)
    manage(env, "migrate", "--noinput", "-v", "0")
    has_demo = manage(
        env,
        "shell",
        "-v",
        "0",
        "-c",
        "from website.models import HomePage; print(HomePage.objects.exists())",
        capture=True,
    )
    if has_demo.strip() != "True":
        print("Loading the demo network (once)…", flush=True)
        manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v", "0")


def wait_until_up(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 - 127.0.0.1 only
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer at {url}")


def run(name, env, mix, args):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 - gunicorn of this virtual environment
        [
            str(BIN / "gunicorn"),
            "website.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={args.workers}",
            "--worker-class=gthread",
            f"--threads={args.threads}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_until_up(f"{base}/en/")
        # Every address once per worker, so that what is measured is the steady
        # state: each worker's connections, and the caches of the configuration.
        for kind, urls in list(mix.items()):
            try:
                for url in urls:
                    for _ in range(args.workers):
                        urllib.request.urlopen(base + url, timeout=30).read()  # noqa: S310
            except urllib.error.HTTPError as error:
                print(f"  left out of the mix: {kind} ({url} answered {error.code})")
                del mix[kind]
        with tempfile.TemporaryDirectory() as folder:
            locustfile = Path(folder) / "locustfile.py"
            locustfile.write_text(LOCUSTFILE)
            subprocess.run(  # noqa: S603 - locust of this virtual environment
                [
                    str(BIN / "locust"),
                    "-f",
                    str(locustfile),
                    "--headless",
                    f"--users={args.users}",
                    f"--spawn-rate={args.users}",
                    f"--run-time={args.seconds}s",
                    f"--host={base}",
                    f"--csv={folder}/load",
                    "--only-summary",
                    "--loglevel=WARNING",
                ],
                env={**env, "LOAD_MIX": json.dumps(mix)},
                check=False,
                capture_output=True,
            )
            with open(f"{folder}/load_stats.csv", newline="") as stats:
                rows = list(csv.DictReader(stats))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    print(f"\n{name}")
    print(f"  {'request':30} {'req/s':>8} {'median':>8} {'p95':>8} {'errors':>7}")
    for row in rows:
        rate, median = float(row["Requests/s"]), row["Median Response Time"]
        print(
            f"  {row['Name']:30} {rate:8.1f} {median:>6} ms"
            f" {row['95%']:>6} ms {row['Failure Count']:>7}"
        )
    return rows[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/convivium_load"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/14")
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "DATABASE_URL": args.database_url,
        "SECRET_KEY": "load-bench-only",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,.localhost",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    env.pop("REDIS_URL", None)
    create_database(args.database_url)
    prepare(env)
    mix = json.loads(manage(env, "shell", "-v", "0", "-c", URLS_SCRIPT, capture=True))
    without_page_cache = {**env, "PAGE_CACHE_SECONDS": "0"}
    mix = {kind: urls for kind, urls in mix.items() if urls}
    print(
        f"{args.users} users, {args.seconds} s per configuration, gunicorn "
        f"{args.workers} workers × {args.threads} threads; "
        + ", ".join(f"{kind}: {len(urls)} addresses" for kind, urls in mix.items()),
        flush=True,
    )
    with_redis = {**without_page_cache, "REDIS_URL": args.redis_url}
    configurations = [
        ("Local-memory cache per worker, no page cache", without_page_cache),
        (
            "Redis cache, nothing remembered, no page cache",
            {**with_redis, "FRAGMENT_CACHE_SECONDS": "0"},
        ),
        ("Redis cache and remembered content, no page cache", with_redis),
        (
            "Redis cache, remembered content and the page cache",
            {**env, "REDIS_URL": args.redis_url},
        ),
    ]
    for name, config_env in configurations:
        if "REDIS_URL" in config_env:
            flush_redis(args.redis_url)
        run(name, config_env, mix, args)


def create_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        query = "SELECT 1 FROM pg_database WHERE datname = %s"
        exists = connection.execute(query, [name]).fetchone()
        if not exists:
            print(f"Creating the database {name}…", flush=True)
            connection.execute(f'CREATE DATABASE "{name}"')


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


if __name__ == "__main__":
    main()
