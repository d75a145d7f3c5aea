"""Good-practice case studies, their taxonomy and the handbook that cites them."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from contributions.blocks import ConsultationAnswerBlock
from partners.models import PartnerPage
from website.blocks import BaseStreamBlock, ResourcesBlock
from website.models import BodyMixin, IntroMixin
from website.query import PublicPageQuerySet

from .terms import in_language

SECTION_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class TaxonomyTerm(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("The same in every language: used in addresses.")
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Theme(index.Indexed, TaxonomyTerm):
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_theme_slug_per_locale")
        ]


class TargetGroup(index.Indexed, TaxonomyTerm):
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_target_group_slug_per_locale"
            )
        ]


class PracticeIndexPage(IntroMixin, Page):
    """All good practices of the network, newest first."""

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + IntroMixin.panels
    search_fields = Page.search_fields + IntroMixin.search_fields

    class Meta:
        verbose_name = _("practice index page")

    def get_context(self, request, *args, **kwargs):
        # The index is the faceted search of the network's practices (the search app).
        from search.component import practice_search

        context = super().get_context(request, *args, **kwargs)
        context.update(practice_search(request, translation.get_language()))
        return context

    def serve(self, request, *args, **kwargs):
        from search.backends import SearchUnavailable
        from search.component import BadSearch
        from search.forms import SearchForm

        try:
            return super().serve(request, *args, **kwargs)
        except (BadSearch, SearchUnavailable) as error:
            context = Page.get_context(self, request)
            template = self.get_template(request, *args, **kwargs)
            if isinstance(error, BadSearch):
                context["search_form"] = error.form
                return TemplateResponse(request, template, context, status=400)
            context["search_form"] = SearchForm(request.GET)
            context["search_unavailable"] = True
            return TemplateResponse(request, template, context, status=503)


class PracticePageQuerySet(PublicPageQuerySet):
    def with_taxonomy(self):
        """Partner, language, themes and target groups in a fixed number of queries."""
        return (
            self.select_related("partner", "locale")
            .prefetch_related(
                Prefetch("practice_themes", PracticePageTheme.objects.select_related("theme")),
                Prefetch(
                    "practice_target_groups",
                    PracticePageTargetGroup.objects.select_related("target_group"),
                ),
            )
            .defer_streamfields()
        )

    def listing(self, locale):
        """Live public practices of one language (a locale or its id), with all a card shows."""
        return (
            self.live()
            .public()
            .filter(locale=locale)
            .select_related("partner", "featured_image")
            .prefetch_related(
                "featured_image__renditions",
                Prefetch("practice_themes", PracticePageTheme.objects.select_related("theme")),
            )
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")
        )


class PracticePage(Page):
    """A good practice of one partner, told so that another city can reuse it."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text=_("At most 300 characters, shown in listings and search results."),
    )
    partner = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("partner"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="practices",
        help_text=_("The partner whose pages hold this practice."),
    )
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    ongoing = models.BooleanField(_("ongoing"), default=False)
    context = RichTextField(_("context and challenge"), features=SECTION_FEATURES)
    approach = RichTextField(_("approach and activities"), features=SECTION_FEATURES)
    results = RichTextField(_("results and evidence"), features=SECTION_FEATURES, blank=True)
    lessons_learned = RichTextField(_("lessons learned"), features=SECTION_FEATURES, blank=True)
    transferability = RichTextField(_("transferability"), features=SECTION_FEATURES, blank=True)
    resources = StreamField(ResourcesBlock(), verbose_name=_("resources"), blank=True)
    contact = models.CharField(
        _("contact"),
        max_length=255,
        blank=True,
        help_text=_("Who to ask about this practice: an office, a role, an email address."),
    )

    objects = PageManager.from_queryset(PracticePageQuerySet)()

    parent_page_types = ["partners.PartnerPage", "contributions.ProposalInboxPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("featured_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("ongoing"),
            ],
            heading=_("When"),
        ),
        MultipleChooserPanel(
            "practice_themes", chooser_field_name="theme", heading=_("Themes"), min_num=1
        ),
        MultipleChooserPanel(
            "practice_target_groups", chooser_field_name="target_group", heading=_("Target groups")
        ),
        FieldPanel("context"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("lessons_learned"),
        FieldPanel("transferability"),
        FieldPanel("resources"),
        FieldPanel("contact"),
        InlinePanel("adoptions", heading=_("Taken up by other partners"), label=_("Partner")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("context"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("lessons_learned"),
        index.SearchField("transferability"),
        index.FilterField("start_date"),
        index.FilterField("ongoing"),
        index.FilterField("partner"),
    ]

    class Meta:
        verbose_name = _("practice page")

    def clean(self):
        super().clean()
        if self.ongoing and self.end_date:
            raise ValidationError(
                {"end_date": _("An ongoing practice has no end date: clear one of them.")}
            )
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})

    def save(self, *args, **kwargs):
        self.partner = PartnerPage.holding(self)
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: a cached rendering of the page does not need them.
        context["themes"] = SimpleLazyObject(
            lambda: in_language(
                (item.theme for item in self.practice_themes.select_related("theme")),
                self.locale_id,
            )
        )
        context["target_groups"] = SimpleLazyObject(
            lambda: in_language(
                (
                    item.target_group
                    for item in self.practice_target_groups.select_related("target_group")
                ),
                self.locale_id,
            )
        )
        context["adoptions"] = SimpleLazyObject(self.get_adoptions)
        return context

    def get_adoptions(self):
        """Who took this practice up, each partner named in this page's language."""
        adoptions = list(self.adoptions.select_related("partner"))
        keys = [adoption.partner.translation_key for adoption in adoptions]
        in_language = {
            partner.translation_key: partner
            for partner in PartnerPage.objects.filter(
                translation_key__in=keys, locale_id=self.locale_id
            )
        }
        for adoption in adoptions:
            adoption.partner_here = in_language.get(
                adoption.partner.translation_key, adoption.partner
            )
        return adoptions


class PracticePageTheme(TranslatableMixin, Orderable):
    """Translatable, so that a translated practice links to the theme in its language."""

    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="practice_themes")
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("theme")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "theme"], name="unique_theme_per_practice")
        ]


class PracticePageTargetGroup(TranslatableMixin, Orderable):
    page = ParentalKey(
        PracticePage, on_delete=models.CASCADE, related_name="practice_target_groups"
    )
    target_group = models.ForeignKey(
        TargetGroup, verbose_name=_("target group"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("target_group")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["page", "target_group"], name="unique_target_group_per_practice"
            )
        ]


class AdoptionKind(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    ADAPTED = "adapted", _("Adapted")


class PracticeAdoption(TranslatableMixin, Orderable):
    """Another partner took this practice up: when, how closely, with what result."""

    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="adoptions")
    partner = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("how"), max_length=20, choices=AdoptionKind.choices)
    started = models.DateField(_("since"))
    result = models.TextField(_("result"), blank=True, max_length=1000)

    panels = [
        FieldPanel("partner"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("started")]),
        FieldPanel("result"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("adoption by another partner")


class ChapterBodyBlock(BaseStreamBlock):
    consultation_answer = ConsultationAnswerBlock()


class ChapterStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")


class HandbookPage(RoutablePageMixin, IntroMixin, BodyMixin, Page):
    """The handbook: its introduction, table of contents, the printable book and its files.

    The book itself (print page, PDF, EPUB, editions) is built by the handbook app.
    """

    parent_page_types = ["website.HomePage"]
    subpage_types = ["practices.HandbookChapterPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + IntroMixin.panels + BodyMixin.panels
    search_fields = Page.search_fields + IntroMixin.search_fields + BodyMixin.search_fields

    class Meta:
        verbose_name = _("handbook")

    def get_chapters(self):
        return (
            HandbookChapterPage.objects.live()
            .public()
            .child_of(self)
            .defer_streamfields()
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        from handbook.reading import handbook_context

        context = super().get_context(request, *args, **kwargs)
        chapters = list(self.get_chapters())
        context["chapters"] = list(enumerate(chapters, start=1))
        context.update(handbook_context(self, chapters))
        return context

    @path("print/", name="print")
    def print_book(self, request):
        from handbook.views import print_book

        return print_book(request, self)

    # Only these two: any other address under the handbook is a chapter's.
    @re_path(r"^(?P<kind>pdf|epub)/$", name="download")
    def download(self, request, kind):
        from handbook.views import download

        return download(request, self, kind)


class HandbookChapterPage(IntroMixin, BodyMixin, Page):
    """A chapter of the handbook; its number is its place among the chapters."""

    objects = PageManager.from_queryset(PublicPageQuerySet)()

    # Kept by the "Handbook chapter review" workflow (handbook app): in review when
    # submitted, approved when the workflow approves, draft when rejected or cancelled.
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ChapterStatus.choices,
        default=ChapterStatus.DRAFT,
        editable=False,
    )
    body = StreamField(ChapterBodyBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["practices.HandbookPage"]
    subpage_types = []

    content_panels = (
        Page.content_panels
        + IntroMixin.panels
        + BodyMixin.panels
        + [
            MultipleChooserPanel(
                "cited_practices",
                chooser_field_name="practice",
                heading=_("Practices cited"),
                label=_("Practice"),
            )
        ]
    )
    search_fields = Page.search_fields + IntroMixin.search_fields + BodyMixin.search_fields

    class Meta:
        verbose_name = _("handbook chapter")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        siblings = list(
            HandbookChapterPage.objects.live()
            .public()
            .sibling_of(self, inclusive=True)
            .order_by("path")
            .only("id", "title", "url_path", "path", "depth", "locale_id")
        )
        ids = [chapter.pk for chapter in siblings]
        position = ids.index(self.pk) if self.pk in ids else None
        context["chapter_number"] = position + 1 if position is not None else None
        context["chapter_count"] = len(siblings)
        context["previous_chapter"] = siblings[position - 1] if position else None
        context["next_chapter"] = (
            siblings[position + 1]
            if position is not None and position + 1 < len(siblings)
            else None
        )
        context["cited_practices"] = self.get_cited_practices()
        return context

    def get_cited_practices(self):
        """The cited practices in this chapter's language, where they are translated."""
        source_keys = [
            citation.practice.translation_key
            for citation in self.cited_practices.select_related("practice")
        ]
        in_language = {
            practice.translation_key: practice
            for practice in PracticePage.objects.live()
            .public()
            .filter(translation_key__in=source_keys, locale_id=self.locale_id)
            .select_related("partner")
            .defer_streamfields()
        }
        return [in_language[key] for key in source_keys if key in in_language]


class ChapterCitation(Orderable):
    page = ParentalKey(
        HandbookChapterPage, on_delete=models.CASCADE, related_name="cited_practices"
    )
    practice = models.ForeignKey(
        PracticePage, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("practice")]
