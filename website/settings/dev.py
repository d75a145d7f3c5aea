"""Local development: debug on, a visible not-secret key, mails on the console.

DEBUG=false shows the site as visitors see it: its own error pages, not Django's
(`make demo` runs so); static and media files are served all the same.
"""

import hashlib
import os
from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, CACHES, DATABASES, env_flag, env_list

DEBUG = env_flag("DEBUG", True)
SERVE_MEDIA = env_flag("SERVE_MEDIA", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-convivium")  # noqa: S105
# Partner microsites answer at <slug>.localhost, which browsers resolve to this machine.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Serve static files straight from the apps, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Without Redis, the cache lives in files that the server and the commands run
# beside it (add_partner, load_demo) share: a partner added while the demo runs
# has its microsite's addresses, menus and counts at once, which a cache in each
# process's memory would only show after a restart. Each database has its own
# keys, so the demo and the browser tests' server never read each other's.
if not os.environ.get("REDIS_URL"):
    database = DATABASES["default"]
    database_key = f"{database['ENGINE']}:{database.get('HOST', '')}:{database['NAME']}"
    cache_dir = Path(os.environ.get("CACHE_DIR", BASE_DIR / ".cache"))
    for alias in ("default", "pages"):
        CACHES[alias] = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(cache_dir / alias),
            "KEY_PREFIX": hashlib.md5(database_key.encode(), usedforsecurity=False).hexdigest(),
        }
