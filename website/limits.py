"""Requests refused before any work: a query string with too many fields or bytes.

Django counts the fields only once a view reads ``request.GET``, and a page that never
reads it would build itself for an address of any size; this answers 400 at once.
"""

from django.conf import settings
from django.http import HttpResponseBadRequest


class QueryStringLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        fields = query.count("&") + query.count(";") + 1 if query else 0
        max_fields = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        if len(query) > settings.CONVIVIUM_MAX_QUERY_STRING_LENGTH or (
            max_fields is not None and fields > max_fields
        ):
            return HttpResponseBadRequest(
                "This address has too many parameters.", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
