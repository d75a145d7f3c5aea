"""Citing a published consultation answer in a page body (the handbook's chapters)."""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class ConsultationAnswerChooserBlock(blocks.ChooserBlock):
    target_model = "contributions.ConsultationAnswer"

    @cached_property
    def widget(self):
        from .chooser import answer_chooser_viewset

        return answer_chooser_viewset.widget_class()

    def bulk_to_python(self, values):
        # The consultation's title is quoted too: fetch it in the same query.
        objects = self.model_class.objects.select_related("consultation").in_bulk(values)
        return [objects.get(value) for value in values]

    class Meta:
        icon = "openquote"


class ConsultationAnswerBlock(blocks.StructBlock):
    answer = ConsultationAnswerChooserBlock(label=_("Answer"))
    comment = blocks.CharBlock(
        label=_("Introduction"),
        required=False,
        max_length=300,
        help_text=_("Optional words before the quotation."),
    )

    def clean(self, value):
        value = super().clean(value)
        answer = value.get("answer")
        if answer is not None and answer.status != "approved":
            raise StructBlockValidationError(
                {"answer": ValidationError(_("Only answers approved by a moderator can be cited."))}
            )
        return value

    class Meta:
        icon = "openquote"
        template = "contributions/blocks/consultation_answer.html"
        label = _("Consultation answer")
