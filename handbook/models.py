"""The handbook's files: the current PDF and EPUB of each language, and frozen editions."""

from django.conf import settings
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


class BookFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    EPUB = "epub", "EPUB"


def in_working_language():
    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


class HandbookEdition(models.Model):
    """A published edition: the files of every language as they were at that moment."""

    class State(models.TextChoices):
        PREPARING = "preparing", _("Being prepared")
        READY = "ready", _("Ready")

    handbook = models.ForeignKey(
        "practices.HandbookPage",
        verbose_name=_("handbook"),
        on_delete=models.CASCADE,
        related_name="editions",
        limit_choices_to=in_working_language,
        help_text=_("The handbook in the working language: the edition covers all its languages."),
    )
    number = models.CharField(_("number"), max_length=20, help_text=_("For example 1.0"))
    label = models.CharField(
        _("label"), max_length=100, blank=True, help_text=_("For example March 2027")
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PREPARING, editable=False
    )

    class Meta:
        verbose_name = _("handbook edition")
        verbose_name_plural = _("handbook editions")
        ordering = ["-published_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["handbook", "number"], name="unique_edition_number_per_handbook"
            )
        ]

    def __str__(self):
        return f"{self.number}, {self.label}" if self.label else self.number


def book_file_path(instance, filename):
    return f"handbook/{instance.handbook.translation_key}/{filename}"


class BookFile(models.Model):
    """One built file of the handbook in one language: current (no edition) or frozen."""

    handbook = models.ForeignKey(
        "practices.HandbookPage",
        verbose_name=_("handbook"),
        on_delete=models.CASCADE,
        related_name="book_files",
        help_text=_("The handbook page of the file's language."),
    )
    format = models.CharField(_("format"), max_length=10, choices=BookFormat.choices)
    edition = models.ForeignKey(
        HandbookEdition,
        verbose_name=_("edition"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="files",
    )
    fingerprint = models.CharField(
        _("content fingerprint"),
        max_length=64,
        help_text=_("A hash of everything the file shows: a new file is built when it changes."),
    )
    file = models.FileField(_("file"), upload_to=book_file_path, max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    built_at = models.DateTimeField(_("built"))
    build_seconds = models.FloatField(_("build time in seconds"), default=0)

    class Meta:
        verbose_name = _("handbook file")
        constraints = [
            models.UniqueConstraint(
                fields=["handbook", "format"],
                condition=models.Q(edition__isnull=True),
                name="one_current_file_per_handbook_and_format",
            ),
            models.UniqueConstraint(
                fields=["handbook", "format", "edition"], name="one_file_per_edition_and_format"
            ),
        ]

    def __str__(self):
        return self.file.name

    @property
    def human_size(self):
        return filesizeformat(self.size)
