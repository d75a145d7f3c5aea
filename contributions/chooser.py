"""The admin chooser of published consultation answers, for citing them in the handbook."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet


class AnswerChooserViewSet(ChooserViewSet):
    model = "contributions.ConsultationAnswer"
    icon = "openquote"
    choose_one_text = _("Choose a consultation answer")
    choose_another_text = _("Choose another answer")
    url_prefix = "consultation-answer-chooser"

    def get_object_list(self):
        # Only what a moderator approved may be quoted.
        from .models import AnswerStatus, ConsultationAnswer

        return (
            ConsultationAnswer.objects.filter(status=AnswerStatus.APPROVED)
            .select_related("consultation")
            .order_by("-submitted_at")
        )


answer_chooser_viewset = AnswerChooserViewSet("consultation_answer_chooser")
