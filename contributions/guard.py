"""Spam and abuse rules shared by every public form, with no third-party captcha.

- a honeypot field that people do not see and programs fill in;
- a signed timestamp, so that a form sent faster than a person types is refused;
- a token of each rendered form, kept with what it sent, so that a double click
  or a resent page stores one item and answers both normally;
- a limit of submissions per client address and window (in the cache, so that it
  holds across app servers sharing Redis; each counts on its own while Redis is down).

A refused submission re-renders the form with what was typed and a message.
"""

import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from website.clients import client_address
from website.ratelimit import over_limit

SALT = "contributions.guard.started"


class Refused:
    def __init__(self, message, status=400):
        self.message = message
        self.status = status


def stamp(now=None):
    """When the form was rendered, and a token of its own; signed."""
    started = int(now if now is not None else time.time())
    return signing.Signer(salt=SALT).sign(f"{started}:{secrets.token_urlsafe(12)}")


def over_rate_limit(request):
    """Count this submission; True once the address sent too many in the window."""
    return over_limit(
        "contributions",
        client_address(request),
        settings.CONVIVIUM_CONTRIBUTION_RATE_LIMIT,
        settings.CONVIVIUM_CONTRIBUTION_RATE_WINDOW,
    )


class GuardedForm(forms.Form):
    """A public form with the honeypot and timing checks; ``request`` is required."""

    # People never see this field (hidden by the stylesheet and from assistive technology).
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, request, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)
        self.initial.setdefault("started", stamp())
        self.stamp_problem = None
        self.token = ""
        if self.is_bound:
            self.stamp_problem = self.check_stamp(self.data.get("started", ""))
            if self.stamp_problem == "invalid":
                # A fresh stamp, so that sending the re-rendered form again works.
                self.data = self.data.copy()
                self.data["started"] = stamp()

    def check_stamp(self, value):
        try:
            signed = signing.Signer(salt=SALT).unsign(str(value))
            started, _colon, self.token = signed.partition(":")
            started = int(started)
        except (signing.BadSignature, ValueError, TypeError):
            return "invalid"
        elapsed = time.time() - started
        if elapsed < settings.CONVIVIUM_CONTRIBUTION_MIN_SECONDS:
            return "too fast"
        if elapsed > 24 * 3600:
            return "invalid"
        return None

    def save_once(self, save):
        """What ``save()`` stored, or None if this very form was sent before.

        The form's token is stored in the same transaction as the item: of two
        clicks at once, the second waits for the first and then finds its token.
        """
        if not self.token:  # a form rendered before tokens were given
            return save()
        from .models import SentForm

        try:
            with transaction.atomic():
                SentForm.objects.create(token=self.token)
                SentForm.objects.filter(sent_at__lt=timezone.now() - SentForm.KEPT).delete()
                return save()
        except IntegrityError:
            if SentForm.objects.filter(token=self.token).exists():
                return None
            raise

    def refusal(self):
        """Why this submission is refused (a ``Refused``), or None; counts it once."""
        if not hasattr(self, "_refusal"):
            self._refusal = self.find_refusal() if self.is_bound else None
        return self._refusal

    def find_refusal(self):
        if over_rate_limit(self.request):
            return Refused(
                _("Too many submissions from your address. Please try again in an hour."),
                status=429,
            )
        if self.data.get("website"):
            return Refused(_("This form could not be accepted. Please leave the last field empty."))
        if self.stamp_problem == "too fast":
            return Refused(
                _("That was faster than anyone can read the form. Check it and send it again.")
            )
        if self.stamp_problem == "invalid":
            return Refused(_("The form had expired. Check what you wrote and send it again."))
        return None


def judge(form):
    """(refusal message or None, HTTP status) for a bound form; status 200 means accepted."""
    refusal = form.refusal()
    if refusal is not None:
        return refusal.message, refusal.status
    if not form.is_valid():
        return None, 400
    return None, 200
