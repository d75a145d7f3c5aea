from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import archiving
from .forms import AddPartnerForm
from .models import PartnerPage
from .provisioning import PartnerSpec, provision


def may_add_partners(user):
    """Network coordinators: the site's moderators, and administrators."""
    return user.is_superuser or user.groups.filter(name="Moderators").exists()


class AddPartnerView(WagtailAdminTemplateMixin, FormView):
    """Partners → Add partner: one form, and the partner is online with its people's rights."""

    form_class = AddPartnerForm
    template_name = "partners/add_partner.html"
    page_title = gettext_lazy("Add partner")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not may_add_partners(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context["submit_button_label"] = _("Add partner")
        return context

    def form_valid(self, form):
        spec = PartnerSpec(**form.cleaned_data)
        try:
            result = provision(spec, user=self.request.user)
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
            return self.form_invalid(form)
        if result.created:
            messages.success(
                self.request, _("%(name)s is online.") % {"name": spec.organisation_name}
            )
        else:
            messages.info(
                self.request,
                _("%(name)s was already there: nothing was duplicated.")
                % {"name": spec.organisation_name},
            )
        return redirect("wagtailadmin_explore", result.partner.pk)


@require_http_methods(["GET", "POST"])
def archive_partner(request, page_id):
    partner = get_object_or_404(PartnerPage, pk=page_id)
    if not may_add_partners(request.user):
        raise PermissionDenied
    record = archiving.active_archive(partner)
    if request.method == "POST":
        if record is None:
            archiving.archive(partner, request.user)
            messages.success(
                request,
                _("%(name)s is archived: offline, and its people have no access.")
                % {"name": partner.organisation_name},
            )
        else:
            archiving.restore(partner, request.user)
            messages.success(
                request, _("%(name)s is back online.") % {"name": partner.organisation_name}
            )
        return redirect("wagtailadmin_explore", partner.get_parent().pk)
    return TemplateResponse(
        request,
        "partners/archive_partner.html",
        {
            "partner": partner,
            "archive": record,
            "page_title": _("Restore partner") if record else _("Archive partner"),
        },
    )
