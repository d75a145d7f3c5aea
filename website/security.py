"""The admin's Content-Security-Policy, and the address where browsers report what it refused.

Public pages keep CONTENT_SECURITY_POLICY. Wagtail's admin still renders inline
scripts (inline panels, date pickers, chooser panels) and style attributes, so
its policy comes in two parts: CONVIVIUM_ADMIN_CSP, which the admin works with
and browsers enforce, and CONVIVIUM_ADMIN_CSP_REPORT_ONLY, the strict policy
(scripts and styles from our own files only) that browsers only report on, to
``csp_report``, until Wagtail no longer needs inline code.
"""

import json
import logging

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .clients import client_address
from .ratelimit import over_limit

logger = logging.getLogger(__name__)

# The fields of a report worth a line in the log, in both formats browsers send.
REPORT_FIELDS = {
    "document-uri": "documentURL",
    "effective-directive": "effectiveDirective",
    "blocked-uri": "blockedURL",
    "disposition": "disposition",
    "source-file": "sourceFile",
    "line-number": "lineNumber",
    "script-sample": "sample",
}


def is_admin(request):
    return request.path_info.startswith(tuple(settings.CONVIVIUM_ADMIN_PATH_PREFIXES))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policies on the admin's pages.

    A view that sets its own policy with django-csp's decorators (``csp``,
    ``csp_update``, ``csp_replace``, ``csp_exempt``) keeps it.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if parts.config is None and is_admin(request):
            policy = (
                settings.CONVIVIUM_ADMIN_CSP_REPORT_ONLY
                if report_only
                else settings.CONVIVIUM_ADMIN_CSP
            )
            parts.config = default_config(policy["DIRECTIVES"])
        return parts


@csrf_exempt
@require_POST
def csp_report(request):
    """Log what a browser reports the admin's policies refused; 204.

    Anyone can send here, so a body is at most CONVIVIUM_CSP_REPORT_MAX_BYTES
    (413 beyond) and an address sends at most CONVIVIUM_CSP_REPORT_RATE_LIMIT a
    minute (429 beyond).
    """
    if over_limit(
        "csp-report", client_address(request), settings.CONVIVIUM_CSP_REPORT_RATE_LIMIT, 60
    ):
        return HttpResponse(status=429)
    limit = settings.CONVIVIUM_CSP_REPORT_MAX_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return HttpResponse(status=400)
    if declared > limit:
        return HttpResponse(status=413)
    body = request.read(limit + 1)
    if len(body) > limit:
        return HttpResponse(status=413)
    reports = _reports(body)
    if not reports:
        return HttpResponse(status=400)
    for report in reports:
        logger.warning(
            "Content-Security-Policy report: %s",
            " ".join(f"{name}={value!r}" for name, value in report.items()),
        )
    return HttpResponse(status=204)


def _reports(body):
    """The reports in a body: report-uri's {"csp-report": …}, the Reporting API's [{"body": …}]."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return []
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        return [_fields(data["csp-report"], legacy=True)]
    if isinstance(data, list):
        return [
            _fields(item["body"], legacy=False)
            for item in data
            if isinstance(item, dict)
            and item.get("type") == "csp-violation"
            and isinstance(item.get("body"), dict)
        ]
    return []


def _fields(report, legacy):
    fields = {}
    for name, modern in REPORT_FIELDS.items():
        value = report.get(name if legacy else modern)
        if value is None and legacy and name == "effective-directive":
            value = report.get("violated-directive")
        if value is not None:
            fields[name] = str(value)[:200]
    return fields
