"""The searches that found nothing, most frequent first: what editors should answer."""

import datetime

from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn

from website.exports import SafeReportView

from .models import UnansweredQuery

DAYS = 90


class UnansweredSearchesReportView(SafeReportView):
    page_title = _("Searches without result")
    header_icon = "search"
    index_url_name = "search_unanswered"
    index_results_url_name = "search_unanswered_results"
    columns = [
        Column("query__query_string", label=_("Search term(s)")),
        Column("language", label=_("Language")),
        NumberColumn("searches", label=_("Searches")),
        Column("last", label=_("Last searched")),
    ]
    list_export = ["query__query_string", "language", "searches", "last"]
    export_headings = {
        "query__query_string": _("Search term(s)"),
        "language": _("Language"),
        "searches": _("Searches"),
        "last": _("Last searched"),
    }

    def get_queryset(self):
        since = timezone.localdate() - datetime.timedelta(days=DAYS)
        return (
            UnansweredQuery.objects.filter(date__gte=since)
            .values("query__query_string", "language")
            .annotate(searches=Sum("hits"), last=Max("date"))
            .order_by("-searches", "query__query_string")
        )
