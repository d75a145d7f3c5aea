"""Everything held about one person, and the deletion of contact data once it is due.

Contributions stay; only the contact data on them (name, organisation, email) goes.
Event feedback is anonymous from the start and holds no personal data.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import ConsultationAnswer, PracticeProposal

MODELS = (PracticeProposal, ConsultationAnswer)


def held_about(email):
    """JSON-ready records of every contribution made with this email address."""
    records = []
    for model in MODELS:
        found = model.objects.filter(email__iexact=email.strip()).order_by("submitted_at")
        if model is ConsultationAnswer:
            found = found.select_related("consultation")
        records.extend(item.personal_data() for item in found)
    return {"email": email.strip(), "contributions": records}


def erase(queryset, progress=None):
    """Blank the contact data of these contributions, in batches; return how many."""
    done = 0
    ids = list(queryset.filter(anonymised_at=None).values_list("pk", flat=True))
    now = timezone.now()
    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        with transaction.atomic():
            queryset.model.objects.filter(pk__in=batch).update(
                name="", organisation="", email="", anonymised_at=now
            )
        done += len(batch)
        if progress:
            progress(queryset.model, done, len(ids))
    return done


def erase_expired(days=None, progress=None):
    days = settings.CONVIVIUM_PERSONAL_DATA_DAYS if days is None else days
    cutoff = timezone.now() - datetime.timedelta(days=days)
    return {
        model: erase(model.objects.filter(submitted_at__lt=cutoff), progress) for model in MODELS
    }


def erase_person(email, progress=None):
    return {
        model: erase(model.objects.filter(email__iexact=email.strip()), progress)
        for model in MODELS
    }
