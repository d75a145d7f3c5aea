"""Addresses in a language (/en/…, /it/…): feeds and downloads of the practices index."""

from django.urls import path

from . import exports, feeds

app_name = "opendata_i18n"

urlpatterns = [
    path("feeds/practices/", feeds.PracticesFeed(), name="practices_feed"),
    path("feeds/events/", feeds.EventsFeed(), name="events_feed"),
    path("open-data/practices.csv", exports.practices_csv, name="practices_csv"),
    path("open-data/practices.json", exports.practices_json, name="practices_json"),
]
