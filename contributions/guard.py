"""The spam rules of website.guard for the public contribution forms, and saving each once.

- the honeypot, the timing stamp and the rate limit of every public form
  (website.guard), the limit counted in a scope of the contributions' own;
- a token of each rendered form, kept with what it sent, so that a double click
  or a resent page stores one item and answers both normally.

A refused submission re-renders the form with what was typed and a message.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from website import guard
from website.guard import Refused, judge, stamp

from .models import SentForm

__all__ = ["GuardedForm", "Refused", "judge", "over_rate_limit", "stamp"]


def over_rate_limit(request):
    """Count this submission; True once the address sent too many in the window."""
    return guard.over_rate_limit(
        request,
        "contributions",
        settings.CONVIVIUM_CONTRIBUTION_RATE_LIMIT,
        settings.CONVIVIUM_CONTRIBUTION_RATE_WINDOW,
    )


class GuardedForm(guard.GuardedForm):
    """A public contribution form: website.guard's rules, and ``save_once``."""

    def over_rate_limit(self):
        return over_rate_limit(self.request)

    def save_once(self, save):
        """What ``save()`` stored, or None if this very form was sent before.

        The form's token is stored in the same transaction as the item: of two
        clicks at once, the second waits for the first and then finds its token.
        """
        if not self.token:  # a form rendered before tokens were given
            return save()
        try:
            with transaction.atomic():
                SentForm.objects.create(token=self.token)
                SentForm.objects.filter(sent_at__lt=timezone.now() - SentForm.KEPT).delete()
                return save()
        except IntegrityError:
            if SentForm.objects.filter(token=self.token).exists():
                return None
            raise
