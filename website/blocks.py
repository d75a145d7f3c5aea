"""The stream block shared by every page with a body."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section")), ("h3", _("Subsection"))],
        default="h2",
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # A stable anchor, so that sections can be linked to.
        context["anchor"] = slugify(value["text"], allow_unicode=True) or "section"
        return context

    class Meta:
        icon = "title"
        template = "website/blocks/heading.html"
        preview_value = {"text": "Why ethnic stigma matters in cities", "level": "h2"}
        label = _("Heading")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    attribution = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        template = "website/blocks/image.html"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "website/blocks/quote.html"
        preview_value = {
            "text": "Integration starts in the neighbourhood, not in the ministry.",
            "attribution": "A participant of the kick-off meeting",
        }
        label = _("Quote")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        template = "website/blocks/document.html"
        label = _("Document")


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Link text"), max_length=200)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        template = "website/blocks/link.html"
        preview_value = {
            "title": "Council of Europe: Intercultural Cities",
            "url": "https://example.org/",
        }
        label = _("Link")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="website/blocks/paragraph.html",
        preview_value="<p>Partners compare what works in their neighbourhoods.</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Embedded media"),
        icon="media",
        help_text=_("Address of a video or other media, for example on Vimeo or YouTube."),
    )
    document = DocumentBlock()


class ResourcesBlock(blocks.StreamBlock):
    """Documents and links that back up a page: reports, toolkits, articles."""

    document = DocumentBlock()
    link = LinkBlock()
