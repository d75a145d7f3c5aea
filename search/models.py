"""Convivium's own index of good practices: one row per live, public practice translation.

The row holds what a search filters, counts and sorts on (denormalised facet
values), and the text. The full-text structure itself belongs to the database
backend (a weighted ``tsvector`` column of EntryText on PostgreSQL, FTS5 tables on SQLite),
created by migration 0002 and written by :mod:`search.backends`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import TranslatableMixin


class PracticeEntry(models.Model):
    page = models.OneToOneField(
        "practices.PracticePage",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
        verbose_name=_("practice"),
    )
    language = models.CharField(_("language"), max_length=12)
    # Another language for the alias of a practice not translated into this one.
    text_language = models.CharField(_("language of the text"), max_length=12)
    translation_key = models.UUIDField(_("translation key"), db_index=True)
    title = models.CharField(_("title"), max_length=255)
    normalised_title = models.CharField(_("normalised title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    theme_slugs = models.CharField(_("themes"), max_length=1000, blank=True)
    group_slugs = models.CharField(_("target groups"), max_length=1000, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    partner_slug = models.SlugField(_("partner"), max_length=255, blank=True)
    organisation_type = models.CharField(_("organisation type"), max_length=20, blank=True)
    start_year = models.PositiveSmallIntegerField(_("year started"), null=True)
    ongoing = models.BooleanField(_("ongoing"))
    published_at = models.DateTimeField(_("first published"), null=True)

    class Meta:
        verbose_name = _("practice search entry")
        verbose_name_plural = _("practice search entries")
        indexes = [
            models.Index(fields=["language", "normalised_title"], name="search_entry_suggest"),
            # The exact order of the "newest" sort, so that its first page is read
            # from the index rather than sorted from every entry of the language.
            models.Index(
                fields=["language", "-published_at", "-page_id"], name="search_entry_newest"
            ),
            # On PostgreSQL, migration 0003 adds search_entry_facets, covering the
            # facet counts without a query (an index-only scan).
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"


class EntryText(models.Model):
    """The long text of an entry, in a table of its own so that facet counts without
    a query scan narrow rows; on PostgreSQL it also carries the entry's tsvector.

    It repeats the entry's facet values: a text search reads the matching rows of
    this table anyway, and finds there all it needs to count facets and filter,
    without a join to the entries."""

    entry = models.OneToOneField(
        PracticeEntry, primary_key=True, on_delete=models.CASCADE, related_name="text"
    )
    language = models.CharField(_("language"), max_length=12)
    body = models.TextField(_("body"), blank=True)
    theme_slugs = models.CharField(_("themes"), max_length=1000, blank=True)
    group_slugs = models.CharField(_("target groups"), max_length=1000, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    partner_slug = models.SlugField(_("partner"), max_length=255, blank=True, db_index=False)
    organisation_type = models.CharField(_("organisation type"), max_length=20, blank=True)
    start_year = models.PositiveSmallIntegerField(_("year started"), null=True)
    ongoing = models.BooleanField(_("ongoing"))
    # False for the alias of a practice in a language it is not translated into: a
    # search in every language finds each practice once, in its own languages.
    original = models.BooleanField(_("original"), default=True)

    FACET_FIELDS = (
        "theme_slugs",
        "group_slugs",
        "country",
        "partner_slug",
        "organisation_type",
        "start_year",
        "ongoing",
    )

    class Meta:
        verbose_name = _("search entry text")

    def __str__(self):
        return f"{self.entry_id} ({self.language})"


class EntryTerm(models.Model):
    """A theme or target group of an entry, by slug (the same in every language)."""

    class Kind(models.TextChoices):
        THEME = "theme", _("theme")
        TARGET_GROUP = "group", _("target group")

    entry = models.ForeignKey(PracticeEntry, on_delete=models.CASCADE, related_name="terms")
    language = models.CharField(_("language"), max_length=12)
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    slug = models.SlugField(_("slug"), max_length=100)

    class Meta:
        verbose_name = _("search entry term")
        indexes = [
            # Covers the facet counts: terms of one kind and language, by entry.
            models.Index(fields=["language", "kind", "slug", "entry"], name="search_term_facet")
        ]
        constraints = [
            models.UniqueConstraint(fields=["entry", "kind", "slug"], name="unique_entry_term")
        ]

    def __str__(self):
        return f"{self.kind}: {self.slug}"


class IndexedWord(models.Model):
    """A word of the index's texts in one language, with how many entries have it:
    what a misspelt query word is corrected to (search.vocabulary)."""

    language = models.CharField(_("language"), max_length=12)
    word = models.CharField(_("word"), max_length=100)  # folded: lower case, no accents
    stem = models.CharField(_("stem"), max_length=100)
    entries = models.PositiveIntegerField(_("entries"), default=0)

    class Meta:
        verbose_name = _("indexed word")
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="unique_indexed_word")
        ]
        indexes = [models.Index(fields=["language", "stem"], name="search_word_stem")]
        # On PostgreSQL, migration 0005 adds a trigram index on the words.

    def __str__(self):
        return f"{self.word} ({self.language})"


class UnansweredQuery(models.Model):
    """How often a query found nothing, per day and language: the editors' to-do list."""

    query = models.ForeignKey(Query, on_delete=models.CASCADE, related_name="misses")
    language = models.CharField(_("language"), max_length=12)
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search without result")
        verbose_name_plural = _("searches without result")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "date"], name="unique_unanswered_query_per_day"
            )
        ]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.date}): {self.hits}"


class SearchSynonym(TranslatableMixin, models.Model):
    """Words that a search in one language takes as the same (search.synonyms reads them)."""

    term = models.CharField(
        _("term"), max_length=100, help_text=_("A word or phrase as people search for it.")
    )
    equivalents = models.TextField(
        _("equivalents"),
        help_text=_(
            "One per line: other words or spellings for the term in this language. "
            "A search for any of them also finds what the others find."
        ),
    )

    panels = [FieldPanel("term"), FieldPanel("equivalents")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["term"]

    def __str__(self):
        return self.term

    @staticmethod
    def folded(text):
        """A text as searches compare it: casefolded, spaces collapsed."""
        return " ".join(text.split()).casefold()

    def equivalent_lines(self):
        return [line.strip() for line in self.equivalents.splitlines() if line.strip()]

    def words(self):
        """The term and its equivalents as searches compare them, each once."""
        written = [self.term, *self.equivalent_lines()]
        return tuple(dict.fromkeys(self.folded(text) for text in written))

    def clean(self):
        super().clean()
        self.term = self.term.strip()
        lines = self.equivalent_lines()
        self.equivalents = "\n".join(lines)
        if not lines:
            raise ValidationError(
                {"equivalents": _("Write at least one equivalent of the term, one per line.")}
            )
        if any(self.folded(line) == self.folded(self.term) for line in lines):
            raise ValidationError(
                {
                    "equivalents": _(
                        "“%(term)s” is the term itself: write only other words for it."
                    )
                    % {"term": self.term}
                }
            )
