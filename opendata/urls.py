"""Addresses without a language: the API, its description, the sitemap and robots.txt."""

from django.urls import path

from . import sitemaps
from .api import api_router
from .openapi import openapi_view

# No namespace of its own: the API router reverses its names in its own namespace.
urlpatterns = [
    path("api/v2/openapi.json", openapi_view, name="opendata_openapi"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemaps.sitemap, name="opendata_sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="opendata_robots"),
]
