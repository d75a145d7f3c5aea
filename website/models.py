"""Project-wide page types, shared mixins and per-site branding."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from .blocks import BaseStreamBlock
from .pagecache import remember
from .sections import collect_sections


class IntroMixin(models.Model):
    """A short introduction shown under the title and in listings."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown under the title and in listings."),
    )

    panels = [FieldPanel("intro")]
    search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True


class BodyMixin(models.Model):
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    panels = [FieldPanel("body")]
    search_fields = [index.SearchField("body")]

    class Meta:
        abstract = True


class HomePage(IntroMixin, BodyMixin, Page):  # noqa: DJ008 - Page gives __str__
    """The network portal: what the network is, its latest practices, events and partners."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "partners.PartnerIndexPage",
        "practices.PracticeIndexPage",
        "events.EventIndexPage",
        "practices.HandbookPage",
        "website.StandardPage",
        "contributions.ConsultationPage",
        "contributions.ProposalInboxPage",
    ]

    content_panels = Page.content_panels + IntroMixin.panels + BodyMixin.panels
    search_fields = Page.search_fields + IntroMixin.search_fields + BodyMixin.search_fields

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: a cached rendering of the page does not need them.
        context["sections"] = SimpleLazyObject(lambda: collect_sections(self, request))
        return context


class StandardPage(IntroMixin, BodyMixin, Page):  # noqa: DJ008 - Page gives __str__
    """About, contact, privacy, a partner's local stakeholders …"""

    parent_page_types = ["website.HomePage", "partners.PartnerPage", "website.StandardPage"]
    subpage_types = ["website.StandardPage"]

    content_panels = Page.content_panels + IntroMixin.panels + BodyMixin.panels
    search_fields = Page.search_fields + IntroMixin.search_fields + BodyMixin.search_fields

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="image")
class SiteBranding(BaseSiteSetting):
    """Per-site look: the network site and each partner microsite have their own."""

    site_title = models.CharField(_("site title"), max_length=100, default="Convivium")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#8a2a5c",
        validators=[
            RegexValidator(
                r"^#[0-9a-fA-F]{6}$",
                _("Enter a colour as # followed by six hexadecimal digits."),
            )
        ],
        help_text=_(
            "A hexadecimal colour such as #8a2a5c. Pick one dark enough for white text "
            "(contrast of at least 4.5:1)."
        ),
    )
    show_sample_notice = models.BooleanField(
        _("show the sample-content notice"),
        default=False,
        help_text=_("Tell visitors that the content of this site is sample content."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_title"), FieldPanel("logo"), FieldPanel("accent_colour")],
            heading=_("Identity"),
        ),
        FieldPanel("show_sample_notice"),
    ]

    class Meta:
        verbose_name = _("branding")

    @classmethod
    def for_request(cls, request):
        """Wagtail's, remembered until the content changes (saving it is a change)."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            branding = remember(
                request, f"branding:{site.pk if site else ''}", lambda: cls.for_site(site)
            )
            branding._request = request
            setattr(request, attr_name, branding)
        return getattr(request, attr_name)


class TranslationInReview(models.Model):
    """A page whose translation waits for its reviewers, live meanwhile as a fallback.

    It stood as an alias of ``shows``: until the translation is approved, the public
    keeps reading that text, labelled as such, and the draft waits in its revisions.
    """

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="in_review")
    shows = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("translation in review")

    def __str__(self):
        return f"{self.page_id} shows {self.shows_id}"
