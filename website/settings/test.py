"""Tests: fast hashing, local-memory cache, local email outbox, a file-backed SQLite database."""

import datetime
import os
import tempfile

import time_machine

from .base import *  # noqa: F403
from .base import BASE_DIR

# The suite runs at a chosen instant, never on the machine's clock, in this process and
# in every process that tests start with these settings (the demo loader, the
# registration race): its clock starts there and runs on. CONVIVIUM_TEST_INSTANT
# chooses another one; CI runs the date-dependent tests at several (.ci/instants).
TEST_INSTANT = datetime.datetime.fromisoformat(
    os.environ.get("CONVIVIUM_TEST_INSTANT", "2026-06-10T10:00:00+00:00")
)
time_machine.travel(TEST_INSTANT, tick=True).start()

SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", ".localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
    for alias in ("default", "pages", "local")
}
CONVIVIUM_PAGE_CACHE_SECONDS = 0  # tests of the page cache turn it on
# Fragments are off too; FRAGMENT_CACHE_SECONDS runs the suite with them on.
CONVIVIUM_FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", 0))
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="convivium-test-media-")
SERVE_MEDIA = True  # as in development, where DEBUG may be off (make demo)
STATIC_ROOT = tempfile.mkdtemp(prefix="convivium-test-static-")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory, so that --reuse-db keeps the migrated database between runs.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("TEST_DATABASE_FILE", str(BASE_DIR / ".test-db.sqlite3"))
    }

# A deterministic machine translator (it reverses the words): no network in tests.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}

# Aliases of untranslated pages in every language: the tests of website.fallbacks turn
# them on, and the demo makes them when it has loaded.
CONVIVIUM_FALLBACKS = False
# Building PDFs takes seconds: only the tests of the handbook's files turn it on.
CONVIVIUM_HANDBOOK_BUILD_ON_PUBLISH = False
# Tests sign in with force_login or client.login (no request): the lockout has its own tests.
AXES_ENABLED = False
