from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from website import routing

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("invitations/", include("partners.urls")),
    path("", include("opendata.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

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
