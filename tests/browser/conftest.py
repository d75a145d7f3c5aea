"""Browser tests: Debian's Chromium driven by Playwright, against a real server.

The server runs in a process of its own on a database of its own, loaded with
part of the demo network, so that nothing here touches the suite's database.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# One live page of each type in English and Arabic: {"practicepage": {"en": "/en/…", …}}.
PAGE_TYPE_URLS = """
import json
from wagtail.models import Page
urls = {}
for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
    language = page.locale.language_code
    if language in ("en", "ar"):
        urls.setdefault(page.specific_class._meta.model_name, {}).setdefault(language, page.url)
urls["search"] = {"en": "/en/search/?q=market", "ar": "/ar/search/?q=%D8%B3%D9%88%D9%82"}
print(json.dumps(urls))
"""

# Palermo's editor and moderator, in the groups that onboarding a partner makes,
# and the translator and reviewer of Italian, in the groups of its language roles.
PALERMO = "Municipality of Palermo"
EDITORIAL_TEAM = {
    "editor": f"{PALERMO} editors",
    "moderator": f"{PALERMO} moderators",
    "translator": "Translators (Italian)",
    "reviewer": "Reviewers (Italian)",
}
TEAM_PASSWORD = "convivium"  # noqa: S105 - a throwaway site's
# The demo loads its partners without people: Palermo gets its editors' and
# moderators' groups and its moderation workflow as any partner joining the
# network does, from add_partner (in the same process as the users, to start
# Django once).
SIGN_UP_TEAM = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
call_command("add_partner", PARTNER, city="Palermo", country="IT")
for username, group in TEAM.items():
    user, _created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"email": f"{username}@example.org", "first_name": username.title()},
    )
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(Group.objects.get(name=group))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (Debian package chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, browser):
    """A server on the demo network (one partner), with an admin login."""
    folder = tmp_path_factory.mktemp("browser-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "CACHE_DIR": str(folder / "cache"),
    }

    def manage(*args):
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            env=env,
            cwd=settings.BASE_DIR,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    port = free_port()
    manage("migrate", "--noinput")
    manage("load_demo", "--partners", "palermo", "--address", f"localhost:{port}")
    # The server's log stays in the folder: where a test meets a server error, its
    # traceback is there.
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    base = f"http://localhost:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/en/", timeout=2)  # noqa: S310
            break
        except OSError:
            time.sleep(0.3)
    page_types = json.loads(manage("shell", "-v", "0", "-c", PAGE_TYPE_URLS))
    yield {
        "base": base,
        "port": port,
        "user": "admin",
        "password": "convivium",
        "page_types": page_types,
        "manage": manage,
    }
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def editorial_team(live_site):
    """Editorial people on the live site: {"groups": {username: group}, "password": …}."""
    script = (
        f"PARTNER = {PALERMO!r}\nTEAM = {EDITORIAL_TEAM!r}\nPASSWORD = {TEAM_PASSWORD!r}\n"
        + SIGN_UP_TEAM
    )
    live_site["manage"]("shell", "-v", "0", "-c", script)
    return {"groups": EDITORIAL_TEAM, "password": TEAM_PASSWORD}


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
