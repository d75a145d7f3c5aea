"""Error pages (a page not found in the site's layout, answers that need no database), and
the admin's password reset with a rate limit."""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.admin.views import account

from .clients import client_address
from .ratelimit import over_limit

logger = logging.getLogger(__name__)

# How long a visitor is asked to wait while the database is away.
RETRY_AFTER_SECONDS = 30


def page_not_found(request, exception):
    return HttpResponseNotFound(loader.render_to_string("website/404.html", request=request))


def login_locked(request, response, credentials):
    """Axes' answer to a sign-in refused by the lockout, in the site's layout and language."""
    from axes.helpers import get_cool_off

    minutes = round(get_cool_off(request).total_seconds() / 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    content = loader.render_to_string("website/login_locked.html", context, request=request)
    return HttpResponse(content, status=429)


class PasswordResetView(account.PasswordResetView):
    """Wagtail's password reset, rate-limited per client address and per email address.

    Nobody can have a colleague's inbox flooded with reset mails, nor probe addresses
    at speed; a refusal is a 429 with the form and a message, and sends nothing.
    """

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        window = settings.CONVIVIUM_PASSWORD_RESET_RATE_WINDOW
        limit = settings.CONVIVIUM_PASSWORD_RESET_RATE_LIMIT
        too_many = over_limit("password-reset:client", client_address(self.request), limit, window)
        too_many |= over_limit("password-reset:email", email, limit, window)
        if too_many:
            form.add_error(
                None,
                _("Too many password resets were asked for. Please try again later."),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


def server_error(request):
    """500, or 503 when the database is away: the site recovers by itself once it is back.

    Rendered without the request's context processors, which may need the
    database that has just failed.
    """
    error = sys.exc_info()[1]
    unavailable = isinstance(error, DatabaseError) and not _is_a_query_mistake(error)
    context = {
        "LANGUAGE_CODE": translation.get_language(),
        "LANGUAGE_BIDI": translation.get_language_bidi(),
        "unavailable": unavailable,
    }
    content = loader.render_to_string("website/server_error.html", context)
    if not unavailable:
        return HttpResponseServerError(content)
    logger.warning("Database unavailable: %s", error)
    response = HttpResponseServerError(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _is_a_query_mistake(error):
    # Broken SQL is a defect to fix (500), a lost connection a moment to wait (503).
    from django.db import DataError, IntegrityError, ProgrammingError

    return isinstance(error, (DataError, IntegrityError, ProgrammingError))
