import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from website import routing, security, views

urlpatterns = [
    # Before Wagtail's admin, whose pattern of the same name it replaces.
    path(
        "admin/password_reset/",
        views.PasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Where browsers report what the admin's Content-Security-Policy refused.
    path("csp-report/", security.csp_report, name="csp_report"),
    path("documents/", include(wagtaildocs_urls)),
    path("invitations/", include("partners.urls")),
    path("", include("opendata.urls")),
]

# Static files are WhiteNoise's (from the apps' folders in development). Uploaded
# files are Django's to serve where nothing else does, DEBUG on or off: Django's
# static() helper gives nothing with DEBUG off, hence the pattern of its own.
if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# The public site carries the language in its addresses: /en/…, /it/…, /ar/…
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("contribute/", include("contributions.urls")),
    path("", include("opendata.i18n_urls")),
    # Before Wagtail's own pattern of the same name, so that pages are routed
    # with a constant number of queries (see website.routing).
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    # Files that pages serve themselves (events' calendar.ics): Wagtail's own
    # pattern only takes addresses that end with a slash.
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.ics)$", routing.serve, name="wagtail_serve_file"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "website.views.page_not_found"
handler500 = "website.views.server_error"
