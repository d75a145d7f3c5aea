"""One email per translator with the tasks that appeared in their languages."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .links import task_url
from .models import LanguageRole, TranslationTask, TranslatorDigest

NEWS = [TranslationTask.State.MISSING, TranslationTask.State.OUTDATED]
SHOWN = 50


def send_digests(now=None):
    """Send each translator the tasks that became new since their last digest; return the count."""
    now = now or timezone.now()
    translators = (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__language_role__role=LanguageRole.Role.TRANSLATOR,
        )
        .exclude(email="")
        .distinct()
    )
    last_sent = dict(TranslatorDigest.objects.values_list("user_id", "sent_at"))
    sent = 0
    for user in translators:
        locale_ids = LanguageRole.objects.filter(
            group__user=user, role=LanguageRole.Role.TRANSLATOR
        ).values_list("locale_id", flat=True)
        tasks = TranslationTask.objects.filter(locale_id__in=locale_ids, state__in=NEWS)
        since = last_sent.get(user.pk)
        if since is not None:
            tasks = tasks.filter(state_changed_at__gt=since)
        tasks = tasks.select_related("locale", "content_type").order_by("locale", "title")
        count = tasks.count()
        if count:
            send_digest(user, tasks[:SHOWN], count)
            sent += 1
        TranslatorDigest.objects.update_or_create(user=user, defaults={"sent_at": now})
    return sent


def send_digest(user, tasks, count):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "rows": [(task, base + task_url(task)) for task in tasks],
            "count": count,
            "more": count - len(tasks),
            "tasks_url": base + "/admin/translation-tasks/",
        }
        send_mail(
            subject=_("Convivium: %(count)s new translation tasks") % {"count": count},
            message=render_to_string("translators/digest_email.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
