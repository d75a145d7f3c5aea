from django.db import transaction
from django.forms import modelform_factory
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import HandbookEdition


class PublishEditionView(generic.CreateView):
    """Saving the form publishes the edition: its files are frozen in the background."""

    def save_instance(self):
        self.form.instance.published_by = self.request.user
        edition = super().save_instance()
        transaction.on_commit(lambda: enqueue_edition(edition.pk))
        return edition

    def get_success_message(self, instance):
        return _(
            "Edition %(edition)s published: its PDF and EPUB files are being built in every "
            "language."
        ) % {"edition": instance}


def enqueue_edition(edition_id):
    from .tasks import publish_edition

    publish_edition.enqueue(edition_id)


class HandbookEditionViewSet(ModelViewSet):
    model = HandbookEdition
    icon = "doc-full-inverse"
    menu_label = _("Handbook editions")
    add_to_admin_menu = True
    menu_order = 250
    add_view_class = PublishEditionView
    copy_view_enabled = False
    form_fields = ["handbook", "number", "label"]
    list_display = ["__str__", "handbook", "published_at", "published_by", "state"]
    list_filter = ["state"]

    def get_form_class(self, for_update=False):
        if not for_update:
            return super().get_form_class(for_update)
        # An edition's files were made from its handbook: only its name can change afterwards.
        return modelform_factory(
            self.model, formfield_callback=self.formfield_for_dbfield, fields=["number", "label"]
        )


@hooks.register("register_admin_viewset")
def register_edition_viewset():
    return HandbookEditionViewSet("handbook_editions")
