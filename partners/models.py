"""Partner cities and organisations: each PartnerPage is the root of a microsite."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from website import formats
from website.blocks import BaseStreamBlock
from website.forms import LanguagesField
from website.models import IntroMixin
from website.pagination import paginate
from website.query import PublicPageQuerySet
from website.sections import collect_sections

from .maps import HEIGHT, WIDTH, graticule, map_points


def live_count(relation):
    """Live pages of a reverse relation, counted in the listing's own query."""
    return models.Count(relation, filter=models.Q(**{f"{relation}__live": True}), distinct=True)


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    NGO = "ngo", _("Association / NGO")
    OTHER = "other", _("Other")


class PartnerIndexPage(IntroMixin, Page):
    """All partners of the network, as a list and a map."""

    parent_page_types = ["website.HomePage"]
    subpage_types = ["partners.PartnerPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + IntroMixin.panels
    search_fields = Page.search_fields + IntroMixin.search_fields

    class Meta:
        verbose_name = _("partner index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = (
            PartnerPage.objects.live()
            .public()
            .child_of(self)
            .select_related("logo")
            .prefetch_related("logo__renditions")
            .defer_streamfields()
            .annotate(
                practice_count=live_count("practices"),
                event_count=live_count("hosted_events"),
            )
            .order_by("title")
        )
        context["partners"] = paginate(request, partners, per_page=24)
        context["map_points"] = map_points(context["partners"])
        context["map_size"] = (WIDTH, HEIGHT)
        context["meridians"], context["parallels"] = graticule()
        return context


class PartnerPageForm(WagtailAdminPageForm):
    languages = LanguagesField(label=_("languages of the partner"))


class PartnerPage(IntroMixin, Page):
    """A partner's profile and the root of its microsite."""

    organisation_name = models.CharField(_("organisation name"), max_length=200)
    organisation_type = models.CharField(
        _("organisation type"), max_length=20, choices=OrganisationType.choices
    )
    city = models.CharField(_("city"), max_length=100)
    country = CountryField(_("country"))
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    population = models.PositiveIntegerField(
        _("population"), null=True, blank=True, help_text=_("Inhabitants of the city.")
    )
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_("The languages the partner works in."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    member_since = models.DateField(_("member since"), null=True, blank=True)

    objects = PageManager.from_queryset(PublicPageQuerySet)()

    base_form_class = PartnerPageForm
    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = [
        "website.StandardPage",
        "practices.PracticePage",
        "events.EventPage",
        "contributions.ConsultationPage",
    ]

    content_panels = (
        Page.content_panels
        + [
            MultiFieldPanel(
                [
                    FieldPanel("organisation_name"),
                    FieldPanel("organisation_type"),
                    FieldPanel("logo"),
                    FieldPanel("member_since"),
                ],
                heading=_("Organisation"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                    FieldPanel("population"),
                    FieldPanel("languages"),
                ],
                heading=_("Place and languages"),
            ),
        ]
        + IntroMixin.panels
        + [
            FieldPanel("body"),
            MultiFieldPanel(
                [FieldPanel("contact_email"), FieldPanel("website")], heading=_("Contact")
            ),
        ]
    )
    search_fields = (
        Page.search_fields
        + IntroMixin.search_fields
        + [
            index.SearchField("organisation_name"),
            index.SearchField("city"),
            index.SearchField("body"),
            index.FilterField("country"),
            index.FilterField("organisation_type"),
        ]
    )

    class Meta:
        verbose_name = _("partner page")

    @classmethod
    def holding(cls, page):
        """The partner whose pages hold ``page`` in the tree, or None."""
        if not page.path:
            return None
        return cls.objects.ancestor_of(page).first()

    def get_language_names(self):
        """The partner's languages, named in the reader's language (CLDR)."""
        return [formats.language_name(code) for code in self.languages]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = collect_sections(self, request)
        return context


class PartnerArchive(models.Model):
    """A partner that left the network: what was live and who had access, to restore it."""

    partner = models.ForeignKey(
        PartnerPage, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="archives"
    )
    archived_at = models.DateTimeField(_("archived at"), auto_now_add=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    live_revisions = models.JSONField(default=dict)
    memberships = models.JSONField(default=dict)
    restored_at = models.DateTimeField(_("restored at"), null=True, blank=True)

    class Meta:
        verbose_name = _("partner archive")
        ordering = ["-archived_at"]

    def __str__(self):
        return f"{self.partner} ({self.archived_at:%Y-%m-%d})"
