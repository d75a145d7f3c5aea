"""Settings shared by every environment: safe for production, configured from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_flag(name, default):
    """A true/false setting from the environment: true, yes, on or 1 (any case) are true."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "website",
    "partners",
    "practices",
    "events",
    # Before wagtail_localize: its hooks and views are checked for language roles first.
    "translators",
    "search",
    "handbook",
    "contributions",
    "opendata",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtailmenus",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "website.limits.QueryStringLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so that pages from the cache carry the policy too.
    "website.security.ContentSecurityPolicyMiddleware",
    "website.pagecache.PageCacheMiddleware",
    "website.pagecache.RememberedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "translators.middleware.LanguageRolesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as its documentation asks: it answers for sign-ins refused by the lockout.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy of the public site: scripts only from our own files,
# never inline, so that text slipped into a page cannot run. Style attributes
# stay allowed (the partner's accent colour is one). The admin has policies of
# its own (below). Embeds come from the video hosts editors use; media may live
# on object storage (MEDIA_ORIGINS).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", *env_list("MEDIA_ORIGINS")],
        "media-src": ["'self'", *env_list("MEDIA_ORIGINS")],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

# The admin's Content-Security-Policy (website.security): enforced, what Wagtail's
# admin works with (no plugins, no <base>, no framing by other sites, forms sent
# only to us, no inline event handlers); reported only, the strict policy it does
# not work with yet: Wagtail renders inline scripts (inline panels, date and time
# pickers, chooser panels, the editor's workflow) and style attributes. Browsers
# report to csp_report, which logs at WARNING.
CONVIVIUM_ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
# report-uri only: Chromium prefers report-to when given one, and headless Chromium
# delivered no report-to report in our trials, while report-uri reports arrive at once.
_CSP_REPORTS = {"report-uri": [reverse_lazy("csp_report")]}
CONVIVIUM_ADMIN_CSP = {
    "DIRECTIVES": {
        "default-src": None,  # django-csp's default, 'self', would forbid inline scripts
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "script-src-attr": ["'none'"],
        **_CSP_REPORTS,
    },
}
CONVIVIUM_ADMIN_CSP_REPORT_ONLY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'report-sample'"],
        "style-src": ["'self'", "'report-sample'"],
        # Chooser thumbnails, uploads being previewed, avatars (Gravatar, Wagtail's default).
        "img-src": ["'self'", "data:", "blob:", "www.gravatar.com", *env_list("MEDIA_ORIGINS")],
        "media-src": ["'self'", *env_list("MEDIA_ORIGINS")],
        "frame-src": ["'self'", *CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]],
        # The dashboard's check for a new Wagtail release.
        "connect-src": ["'self'", "https://releases.wagtail.org"],
        "object-src": ["'none'"],
        **_CSP_REPORTS,
    },
}
# Reports are small; an address that sends more than this a minute is refused (429).
CONVIVIUM_CSP_REPORT_MAX_BYTES = 16 * 1024
CONVIVIUM_CSP_REPORT_RATE_LIMIT = int(os.environ.get("CSP_REPORT_RATE_LIMIT", "120"))

# Fields of a form or a query string (Django's default; Wagtail's editor stays well
# under it), and bytes of a query string: more is refused with a 400 at once.
DATA_UPLOAD_MAX_NUMBER_FIELDS = int(os.environ.get("DATA_UPLOAD_MAX_NUMBER_FIELDS", "1000"))
CONVIVIUM_MAX_QUERY_STRING_LENGTH = int(os.environ.get("MAX_QUERY_STRING_LENGTH", "16384"))

# Browser features no page of ours uses are refused to the page and to every
# frame in it; full screen stays for the video players editors embed.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self", *CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in attempts: five failures for one account from one address lock that
# pair out for a quarter of an hour, so that nobody can lock a colleague out
# from elsewhere, and nobody can try passwords faster than that.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = float(os.environ.get("LOGIN_COOLOFF_HOURS", 0.25))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "website.views.login_locked"
AXES_CLIENT_IP_CALLABLE = "website.clients.client_address"
# How many proxies of ours stand in front of the app servers (X-Forwarded-For).
CONVIVIUM_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", 0))

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's database: readers never wait for a writer (WAL), and a write takes
    # its lock when its transaction begins (IMMEDIATE) and waits up to 20 s for
    # another to finish, instead of failing with "database is locked" half-way.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages are configuration: CONVIVIUM_LANGUAGES lists the codes, English (the
# network's working language) first.
LANGUAGE_CODE = "en"
_language_codes = env_list("CONVIVIUM_LANGUAGES", "en,it,el,es,pl,ro,de,fr,ar")
for _code in _language_codes:
    if _code not in LANG_INFO:
        raise ImproperlyConfigured(f"CONVIVIUM_LANGUAGES: unknown language code {_code!r}")
if LANGUAGE_CODE not in _language_codes:
    raise ImproperlyConfigured("CONVIVIUM_LANGUAGES must include the working language 'en'")
LANGUAGES = [(code, LANG_INFO[code]["name"]) for code in _language_codes]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A page not yet translated shows, in each language, the text of the first of these
# languages it exists in, English last: "ro:it fr,pl:de" (website.fallbacks).
CONVIVIUM_FALLBACK_LANGUAGES = {}
for _rule in env_list("CONVIVIUM_FALLBACK_LANGUAGES"):
    _reader, _separator, _order = _rule.partition(":")
    _order = _order.split()
    for _code in [_reader.strip(), *_order]:
        if _code not in _language_codes:
            raise ImproperlyConfigured(
                f"CONVIVIUM_FALLBACK_LANGUAGES: {_code!r} is not one of CONVIVIUM_LANGUAGES"
            )
    CONVIVIUM_FALLBACK_LANGUAGES[_reader.strip()] = _order
# Aliases follow each publication when on. Off by default: starting a translation
# where an alias stands still fails in the translators' queue; load_demo and
# refresh_fallbacks make the aliases meanwhile.
CONVIVIUM_FALLBACKS = os.environ.get("CONVIVIUM_FALLBACKS", "true").lower() == "true"
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded files served by Django itself, with DEBUG off too (the demo), where no
# web server or object storage serves them.
SERVE_MEDIA = env_flag("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # Object storage, so that app servers share nothing but the bucket.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "default_acl": None,
            "querystring_auth": False,
        },
    }

if os.environ.get("REDIS_URL"):
    CACHES = {
        alias: {
            # Misses and dropped writes while Redis is down, never an error page.
            "BACKEND": "website.caching.FailSafeRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": prefix,
            # A page waits at most this long for a Redis that does not answer.
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT_SECONDS", 0.5)),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT_SECONDS", 0.5)),
            },
        }
        for alias, prefix in (("default", "convivium"), ("pages", "convivium-pages"))
    }
else:
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "pages")
    }
# Each process's own copies of what website.pagecache.remember keeps in the
# shared cache: values that never change under their key.
CACHES["local"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "local",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
CONVIVIUM_LOCAL_CACHE = "local"

# Whole pages for anonymous visitors (website.pagecache). Only with a cache
# that every app server shares: with one per process, a publication would
# reach the other processes only when their copies expire.
CONVIVIUM_PAGE_CACHE = "pages"
CONVIVIUM_PAGE_CACHE_SECONDS = int(
    os.environ.get("PAGE_CACHE_SECONDS", 600 if os.environ.get("REDIS_URL") else 0)
)
# Rendered parts of pages ({% cachedfragment %}), under the same rule.
CONVIVIUM_FRAGMENT_CACHE_SECONDS = int(
    os.environ.get("FRAGMENT_CACHE_SECONDS", 600 if os.environ.get("REDIS_URL") else 0)
)
CONVIVIUM_PAGE_CACHE_SKIP_PREFIXES = ("/admin/", "/documents/", "/invitations/", "/static/")
# After Redis failed to answer, how long a process serves uncached before trying it again.
CONVIVIUM_CACHE_RETRY_SECONDS = float(os.environ.get("CACHE_RETRY_SECONDS", 5))

if os.environ.get("ELASTICSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": env_list("ELASTICSEARCH_URL"),
            "INDEX": os.environ.get("ELASTICSEARCH_INDEX", "convivium"),
            "TIMEOUT": 10,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# A page translation submitted from wagtail-localize's own "Translate this page" starts
# as a draft, as one started from the translators' queue: its language's reviewers
# publish it. (wagtail-localize publishes it at once, in the source's words.)
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation pre-fills translations for translators to revise: DeepL
# with a key, or a LibreTranslate server. Without either, the action is hidden.
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
elif os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }

# Background work (the handbook's books, the translation queue) goes through
# Django's task framework. TASKS_BACKEND=database queues it in the database for
# `manage.py db_worker` (django-tasks-db), so that no request waits for it;
# "immediate" does it at once in the process that asked (development, tests).
TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[os.environ.get("TASKS_BACKEND", "immediate")]}}

# Practice search (the search app). Convivium keeps its own per-language index of
# practices in the database (PostgreSQL full text or SQLite FTS5); with
# ELASTICSEARCH_URL set, practices are searched in Elasticsearch instead, one
# index per language named CONVIVIUM_SEARCH_INDEX_PREFIX-<language>.
if os.environ.get("ELASTICSEARCH_URL"):
    CONVIVIUM_SEARCH_BACKEND = "search.backends.elasticsearch.ElasticsearchBackend"
CONVIVIUM_SEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX", "convivium") + "-practices"
CONVIVIUM_SEARCH_PER_PAGE = 12

# The handbook's PDF and EPUB of a language are built in the background (Django's
# task framework) when one of its pages is published.
CONVIVIUM_HANDBOOK_BUILD_ON_PUBLISH = (
    os.environ.get("CONVIVIUM_HANDBOOK_BUILD_ON_PUBLISH", "1") == "1"
)
# Open data (the opendata app): the licence stated in the API description, the
# downloads and the feeds, and the largest page of results the API returns.
CONVIVIUM_OPEN_DATA_LICENCE = {
    "name": os.environ.get("OPEN_DATA_LICENCE_NAME", "CC BY 4.0"),
    "url": os.environ.get("OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/"),
}
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = False
# Events: the programme the funder's report counts against, and how long
# registrations (names, emails) are kept after an event before only counts remain.
CONVIVIUM_PROGRAMME_START = (
    datetime.date.fromisoformat(os.environ["CONVIVIUM_PROGRAMME_START"])
    if os.environ.get("CONVIVIUM_PROGRAMME_START")
    else None  # the date of the first transnational event
)
CONVIVIUM_PROGRAMME_MONTHS = int(os.environ.get("CONVIVIUM_PROGRAMME_MONTHS", "24"))
CONVIVIUM_PROGRAMME_EVENTS = int(os.environ.get("CONVIVIUM_PROGRAMME_EVENTS", "8"))
CONVIVIUM_REGISTRATION_RETENTION_DAYS = int(
    os.environ.get("CONVIVIUM_REGISTRATION_RETENTION_DAYS", "90")
)

WAGTAIL_SITE_NAME = "Convivium"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "website.uploads.DocumentForm"
CONVIVIUM_DOCUMENT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False

DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Convivium <noreply@convivium.example.org>"
)

# Menus: the network and every partner site have a main menu and a footer menu.
WAGTAILMENUS_FLAT_MENUS_HANDLE_CHOICES = (("footer", _("Footer")),)
WAGTAILMENUS_LOCALIZE_MENU_ITEMS = True
WAGTAILMENUS_MAIN_MENUS_ADMIN_CLASS = "website.menus_admin.MainMenuAdmin"
# Menus are rendered by website.menus, not by wagtailmenus' tags: a section
# root deeper than any page stops wagtailmenus from looking one up per request.
WAGTAILMENUS_SECTION_ROOT_DEPTH = 100

# Public contributions (the contributions app): spam rules and how long contact data is kept.
CONVIVIUM_CONTRIBUTION_MIN_SECONDS = int(os.environ.get("CONTRIBUTION_MIN_SECONDS", "5"))
CONVIVIUM_CONTRIBUTION_RATE_LIMIT = int(os.environ.get("CONTRIBUTION_RATE_LIMIT", "10"))
CONVIVIUM_CONTRIBUTION_RATE_WINDOW = int(os.environ.get("CONTRIBUTION_RATE_WINDOW", "3600"))
# Event registrations (website.guard, as every public form; the minimum fill time is
# CONTRIBUTION_MIN_SECONDS): an NGO's office behind one address registers its colleagues.
CONVIVIUM_REGISTRATION_RATE_LIMIT = int(os.environ.get("REGISTRATION_RATE_LIMIT", "20"))
CONVIVIUM_REGISTRATION_RATE_WINDOW = int(os.environ.get("REGISTRATION_RATE_WINDOW", "3600"))
# Password-reset mails: per client address and per email address, in the window (s).
CONVIVIUM_PASSWORD_RESET_RATE_LIMIT = int(os.environ.get("PASSWORD_RESET_RATE_LIMIT", "3"))
CONVIVIUM_PASSWORD_RESET_RATE_WINDOW = int(os.environ.get("PASSWORD_RESET_RATE_WINDOW", "3600"))
CONVIVIUM_PERSONAL_DATA_DAYS = int(os.environ.get("PERSONAL_DATA_DAYS", "365"))
# The request header holding the client's address (behind a proxy: HTTP_X_FORWARDED_FOR).

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# wagtailmenus 4.2 declares content_panels on its menu snippets, which Wagtail
# reports as unused; the menus' edit views work as intended.
SILENCED_SYSTEM_CHECKS = ["wagtailadmin.W002"]
