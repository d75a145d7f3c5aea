"""Local development: debug on, a visible not-secret key, mails on the console.

DEBUG=false shows the site as visitors see it: its own error pages, not Django's
(`make demo` runs so); static and media files are served all the same.
"""

import os

from .base import *  # noqa: F403
from .base import env_flag, env_list

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
