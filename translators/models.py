"""Language roles: who translates and who reviews each content language."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class LanguageRole(models.Model):
    class Role(models.TextChoices):
        TRANSLATOR = "translator", _("Translator")
        REVIEWER = "reviewer", _("Reviewer")

    locale = models.ForeignKey(
        Locale, verbose_name=_("language"), on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="language_role"
    )

    class Meta:
        verbose_name = _("language role")
        verbose_name_plural = _("language roles")
        constraints = [
            models.UniqueConstraint(fields=["locale", "role"], name="one_group_per_language_role")
        ]
        permissions = [
            ("edit_every_language", _("Can edit content in every language")),
        ]

    def __str__(self):
        return self.group.name


class TranslationTask(models.Model):
    """What is left to do to bring one page or snippet into one language.

    Rows are derived data, kept current by translators.queue when sources,
    translations, strings or reviews change; `refresh_translation_tasks`
    rebuilds them all.
    """

    class State(models.TextChoices):
        MISSING = "missing", _("Missing")
        IN_PROGRESS = "in_progress", _("In progress")
        OUTDATED = "outdated", _("Outdated")
        AWAITING_REVIEW = "awaiting_review", _("Awaiting review")
        DONE = "done", _("Done")

    translation_key = models.UUIDField(db_index=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("type"), on_delete=models.CASCADE
    )
    source_object_id = models.CharField(max_length=64)
    title = models.CharField(_("item"), max_length=255)
    is_page = models.BooleanField(default=True)
    partner = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    locale = models.ForeignKey(
        Locale, verbose_name=_("language"), on_delete=models.CASCADE, related_name="+"
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, db_index=True)
    progress = models.PositiveSmallIntegerField(_("share done (%)"), default=0)
    source_changed_at = models.DateTimeField(_("last source change"), null=True, blank=True)
    target_object_id = models.CharField(max_length=64, blank=True)
    translation = models.ForeignKey(
        "wagtail_localize.Translation", null=True, blank=True, on_delete=models.SET_NULL
    )
    state_changed_at = models.DateTimeField(_("in this state since"), default=timezone.now)

    class Meta:
        verbose_name = _("translation task")
        verbose_name_plural = _("translation tasks")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "locale"], name="one_task_per_item_and_language"
            )
        ]

    def __str__(self):
        return f"{self.title} → {self.locale}"


class TranslatorDigest(models.Model):
    """When a translator was last told about new tasks in their languages."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="translation_digest"
    )
    sent_at = models.DateTimeField(_("last digest sent at"))

    class Meta:
        verbose_name = _("translator digest")

    def __str__(self):
        return f"{self.user} {self.sent_at:%Y-%m-%d %H:%M}"
