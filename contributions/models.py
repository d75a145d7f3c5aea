"""What the public contributes: practice proposals, consultation answers, event feedback.

Contact data (name, organisation, email) lives on the contribution itself and is
blanked once the retention period has passed (``purge_personal_data``); what
was contributed stays, anonymous.
"""

import datetime

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from website.guard import judge
from website.models import BodyMixin, IntroMixin
from website.pagination import paginate

TEXT_LIMIT = 5000


class Contribution(models.Model):
    """Who contributed, in which language, and until when we keep their contact data."""

    name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    anonymised_at = models.DateTimeField(_("contact data deleted"), null=True, blank=True)

    class Meta:
        abstract = True

    def anonymise(self):
        self.name = self.organisation = self.email = ""
        self.anonymised_at = timezone.now()

    def personal_data(self):
        return {
            "name": self.name,
            "organisation": self.organisation,
            "email": self.email,
            "language": self.language,
            "submitted_at": self.submitted_at.isoformat(),
        }


class SentForm(models.Model):
    """The token of a public form that was sent and stored (contributions.guard).

    Kept a day, as long as a form's stamp is accepted: a form sent again within
    it stores nothing more.
    """

    token = models.CharField(max_length=32, primary_key=True)
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    KEPT = datetime.timedelta(days=1)

    class Meta:
        verbose_name = _("sent form")

    def __str__(self):
        return self.token


class ProposalInboxPage(Page):
    """Where proposals for no partner wait as drafts; only coordinators have rights here."""

    parent_page_types = ["website.HomePage"]
    subpage_types = ["practices.PracticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("proposals inbox")

    def serve(self, request, *args, **kwargs):
        raise Http404

    @classmethod
    def for_network(cls):
        """The network's inbox, created unpublished on first use."""
        from wagtail.models import Locale

        from website.models import HomePage

        inbox = cls.objects.filter(locale=Locale.get_default()).first()
        if inbox is not None:
            return inbox
        with transaction.atomic():
            # The first proposals sent at once would each make an inbox: one at a time.
            home = (
                HomePage.objects.select_for_update()
                .filter(locale=Locale.get_default())
                .order_by("path")
                .first()
            )
            inbox = cls.objects.filter(locale=Locale.get_default()).first()
            if inbox is None:
                inbox = cls(title="Proposals inbox", slug="proposals-inbox", live=False)
                home.add_child(instance=inbox)
        return inbox


class PracticeProposal(Contribution):
    """A practice proposed by the public: a draft page and who proposed it."""

    page = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("draft page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255)
    partner = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place = models.CharField(_("where"), max_length=200, blank=True)
    published_notice_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("practice proposal")
        ordering = ["-submitted_at"]

    def __str__(self):
        return self.title

    def personal_data(self):
        return {**super().personal_data(), "kind": "practice proposal", "title": self.title}


class ConsultationPage(IntroMixin, BodyMixin, Page):
    """A question put to the public between two dates; answers show once moderated."""

    question = models.TextField(_("question"), max_length=1000)
    opens_at = models.DateTimeField(_("open from"))
    closes_at = models.DateTimeField(_("open until"))
    answers_summary = RichTextField(
        _("summary of the answers"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Written by the organisers; shown once the consultation has closed."),
    )

    parent_page_types = ["website.HomePage", "partners.PartnerPage"]
    subpage_types = []

    content_panels = (
        Page.content_panels
        + IntroMixin.panels
        + [
            FieldPanel("question"),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])],
                heading=_("When people can answer"),
            ),
        ]
        + BodyMixin.panels
        + [FieldPanel("answers_summary")]
    )
    search_fields = (
        Page.search_fields
        + IntroMixin.search_fields
        + BodyMixin.search_fields
        + [index.SearchField("question")]
    )

    class Meta:
        verbose_name = _("consultation page")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The consultation must close after it opens.")})

    def state(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return "upcoming"
        return "open" if now < self.closes_at else "closed"

    def answers(self):
        """Approved answers, to this page in every language."""
        return ConsultationAnswer.objects.filter(
            consultation__translation_key=self.translation_key,
            status=AnswerStatus.APPROVED,
        )

    def counts(self):
        """Contributions by country and by language (all received, not only approved)."""
        received = ConsultationAnswer.objects.filter(
            consultation__translation_key=self.translation_key
        ).exclude(status=AnswerStatus.REJECTED)
        by_country = list(
            received.values("country").annotate(total=Count("pk")).order_by("-total", "country")
        )
        by_language = list(
            received.values("language").annotate(total=Count("pk")).order_by("-total", "language")
        )
        languages = dict(settings.LANGUAGES)
        from django_countries import countries

        return {
            "countries": [
                (countries.name(row["country"]) if row["country"] else None, row["total"])
                for row in by_country
            ],
            "languages": [
                (languages.get(row["language"], row["language"]), row["total"])
                for row in by_language
            ],
            "total": sum(row["total"] for row in by_language),
        }

    def get_context(self, request, *args, form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["form"] = form
        context["state"] = self.state()
        context["answers"] = paginate(request, self.answers().order_by("submitted_at"), 20)
        if context["state"] == "closed":
            context["counts"] = self.counts()
        context["sent"] = request.GET.get("sent") == "1"
        if context["state"] == "open" and form is None:
            from .forms import AnswerForm

            context["form"] = AnswerForm(request=request)
        return context

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        from .forms import AnswerForm

        template = self.get_template(request, *args, **kwargs)
        if self.state() != "open":
            context = self.get_context(request)
            context["refusal"] = _("This consultation is not open for answers.")
            return TemplateResponse(request, template, context, status=403)
        form = AnswerForm(request.POST, request=request)
        refusal, status = judge(form)
        if status != 200:
            context = self.get_context(request, form=form)
            context["refusal"] = refusal
            return TemplateResponse(request, template, context, status=status)
        form.save_once(lambda: form.save(self))
        return HttpResponseRedirect(self.url + "?sent=1#answer")


class AnswerStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ConsultationAnswer(Contribution):
    consultation = models.ForeignKey(
        ConsultationPage,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="received_answers",
    )
    text = models.TextField(_("answer"), max_length=TEXT_LIMIT)
    country = CountryField(_("country"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AnswerStatus.choices, default=AnswerStatus.PENDING
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("consultation answer")
        verbose_name_plural = _("consultation answers")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.consultation.title}: {self.text[:60]}"

    def personal_data(self):
        return {
            **super().personal_data(),
            "kind": "consultation answer",
            "consultation": self.consultation.title,
            "answer": self.text,
            "country": str(self.country),
            "status": self.status,
        }


class EventFeedback(models.Model):
    """Anonymous feedback on an event, given after it ended."""

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The event in every language: feedback given on any translation counts for it.
    event_key = models.UUIDField(db_index=True, editable=False)
    rating = models.PositiveSmallIntegerField(
        _("rating"), choices=[(n, str(n)) for n in range(1, 6)]
    )
    take_home = models.TextField(_("what you take home"), max_length=2000, blank=True)
    to_change = models.TextField(_("what to change"), max_length=2000, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        verbose_name = _("event feedback")
        verbose_name_plural = _("event feedback")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.event.title}: {self.rating}/5"

    def save(self, *args, **kwargs):
        self.event_key = self.event.translation_key
        super().save(*args, **kwargs)
