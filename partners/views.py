from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import archiving, invitations
from .forms import AddPartnerForm, InviteForm
from .models import PartnerPage
from .provisioning import PartnerSpec, provision


def may_add_partners(user):
    """Network coordinators: the site's moderators, and administrators."""
    return user.is_superuser or user.groups.filter(name="Moderators").exists()


class CoordinatorFormView(WagtailAdminTemplateMixin, FormView):
    """An admin form for the network's coordinators, in Wagtail's own form layout."""

    template_name = "partners/coordinator_form.html"
    submit_button_label = ""

    def dispatch(self, request, *args, **kwargs):
        if not may_add_partners(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context["submit_button_label"] = self.submit_button_label
        return context


class AddPartnerView(CoordinatorFormView):
    """Partners → Add partner: one form, and the partner is online with its people's rights."""

    form_class = AddPartnerForm
    page_title = gettext_lazy("Add partner")
    submit_button_label = gettext_lazy("Add partner")
    header_icon = "group"

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


class InviteView(CoordinatorFormView):
    """Partners → Invite people: each address gets a link to join the partner's group."""

    form_class = InviteForm
    page_title = gettext_lazy("Invite people")
    submit_button_label = gettext_lazy("Send invitations")
    header_icon = "mail"

    def form_valid(self, form):
        partner = form.cleaned_data["partner"]
        group = next(
            (
                group
                for group in archiving.partner_groups(partner)
                if group.name.endswith(f" {form.cleaned_data['role']}")
            ),
            None,
        )
        if group is None:
            form.add_error(
                "partner", _("This partner has no groups yet: add it again to create them.")
            )
            return self.form_invalid(form)
        for address in form.cleaned_data["emails"]:
            invitations.invite(address, group, invited_by=self.request.user)
        messages.success(
            self.request,
            _("%(count)s invitations sent to join %(group)s.")
            % {"count": len(form.cleaned_data["emails"]), "group": group.name},
        )
        return redirect("partners_invite")


@require_http_methods(["GET", "POST"])
def accept_invitation(request, uidb64, token):
    user = invited_user(uidb64, token)
    if user is None:
        return TemplateResponse(
            request,
            "partners/invitation_invalid.html",
            {"page_title": _("This invitation link does not work")},
            status=400,
        )
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        partner = invitations.home_partner(user)
        if partner is not None:
            return redirect("wagtailadmin_explore", partner.pk)
        return redirect("wagtailadmin_home")
    return TemplateResponse(
        request,
        "partners/accept_invitation.html",
        {"form": form, "invited": user, "page_title": _("Welcome to Convivium")},
    )


def invited_user(uidb64, token):
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        user = get_user_model().objects.get(pk=pk)
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        return None
    return user if default_token_generator.check_token(user, token) else None
