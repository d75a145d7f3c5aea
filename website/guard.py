"""Spam and abuse rules of every public form, with no third-party captcha.

- a honeypot field that people do not see and programs fill in (the template
  wraps it in ``<div class="form-trap" aria-hidden="true">``);
- a signed stamp of when the form was rendered, so that a form sent faster than
  a person reads it is refused, and one older than a day or badly signed expires;
- a limit of submissions per client address and window, counted by
  ``website.ratelimit`` in a scope each app names for its own forms.

The stamp also carries a token of the rendered form, for an app that stores each
form it receives once (contributions). A refused submission re-renders the form
with what was typed and a message.
"""

import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .clients import client_address
from .ratelimit import over_limit

# The salt keeps the name it was given in the contributions app: forms rendered
# before it moved here must still validate.
SALT = "contributions.guard.started"
STAMP_LIFETIME = 24 * 3600

TOO_MANY = _("Too many submissions from your address. Please try again in an hour.")
TRAP_FILLED = _("This form could not be accepted. Please leave the last field empty.")
TOO_FAST = _("That was faster than anyone can read the form. Check it and send it again.")
EXPIRED = _("The form had expired. Check what you wrote and send it again.")


class Refused:
    def __init__(self, message, status=400):
        self.message = message
        self.status = status


def stamp(now=None):
    """When the form was rendered, and a token of its own; signed."""
    started = int(now if now is not None else time.time())
    return signing.Signer(salt=SALT).sign(f"{started}:{secrets.token_urlsafe(12)}")


def read_stamp(value):
    """(problem, token) of a stamp sent back; problem is None, "too fast" or "invalid"."""
    try:
        signed = signing.Signer(salt=SALT).unsign(str(value))
        started, _colon, token = signed.partition(":")
        started = int(started)
    except (signing.BadSignature, ValueError, TypeError):
        return "invalid", ""
    elapsed = time.time() - started
    # The setting keeps the name it had when only contributions were guarded.
    if elapsed < settings.CONVIVIUM_CONTRIBUTION_MIN_SECONDS:
        return "too fast", token
    if elapsed > STAMP_LIFETIME:
        return "invalid", token
    return None, token


def over_rate_limit(request, scope, limit, window):
    """Count this submission in ``scope``; True once the address sent more than ``limit``."""
    return over_limit(scope, client_address(request), limit, window)


class GuardedForm(forms.Form):
    """A public form with the honeypot and timing checks; ``request`` is required.

    It may be mixed into a ``ModelForm`` (put it first). Each kind of form says
    how its submissions are counted in ``over_rate_limit()``.
    """

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
        self.stamp_problem, self.token = read_stamp(value)
        return self.stamp_problem

    def over_rate_limit(self):
        """Count this submission; True once its address sent too many in the window."""
        raise NotImplementedError

    def refusal(self):
        """Why this submission is refused (a ``Refused``), or None; counts it once."""
        if not hasattr(self, "_refusal"):
            self._refusal = self.find_refusal() if self.is_bound else None
        return self._refusal

    def find_refusal(self):
        if self.over_rate_limit():
            return Refused(TOO_MANY, status=429)
        if self.data.get("website"):
            return Refused(TRAP_FILLED)
        if self.stamp_problem == "too fast":
            return Refused(TOO_FAST)
        if self.stamp_problem == "invalid":
            return Refused(EXPIRED)
        return None


def judge(form):
    """(refusal message or None, HTTP status) for a bound form; status 200 means accepted."""
    refusal = form.refusal()
    if refusal is not None:
        return refusal.message, refusal.status
    if not form.is_valid():
        return None, 400
    return None, 200
