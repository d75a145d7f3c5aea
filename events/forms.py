"""Forms of the events app: registering for an event, recording who took part."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from partners.models import PartnerPage
from website import guard

from .models import EventPage, Registration


def over_rate_limit(request):
    """Count this registration; True once the address sent too many in the window."""
    return guard.over_rate_limit(
        request,
        "registrations",
        settings.CONVIVIUM_REGISTRATION_RATE_LIMIT,
        settings.CONVIVIUM_REGISTRATION_RATE_WINDOW,
    )


class RegistrationForm(guard.GuardedForm, forms.ModelForm):
    """Registering for an event, with the spam rules of every public form; ``request`` is required.

    Not saved once per stamp, as contributions are: one registration per event and
    address is the rule, and a stamp's token must never drop another person's.
    """

    consent = forms.BooleanField(
        label=_(
            "I agree that my details are kept to organise this event, as the privacy notice says."
        ),
        required=True,
        error_messages={"required": _("Registration needs your consent to the privacy notice.")},
    )

    class Meta:
        model = Registration
        fields = [
            "name",
            "email",
            "organisation",
            "country",
            "role",
            "accessibility_needs",
            "consent",
        ]
        widgets = {"accessibility_needs": forms.Textarea(attrs={"rows": 3})}

    def over_rate_limit(self):
        return over_rate_limit(self.request)

    def clean_email(self):
        # One registration per address: compared without regard to case.
        return self.cleaned_data["email"].strip().lower()


class ParticipationFiguresForm(WagtailAdminModelForm):
    """Figures that cannot be true are refused, each with the reason."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Figures belong to the event in the working language, the one the report counts.
        working = {"locale__language_code": settings.LANGUAGE_CODE}
        # Plain lists, not page choosers: a few dozen events and partners, and a
        # chooser fails on a value that is not an id when it shows the form again.
        if "event" in self.fields:
            self.fields["event"].widget = forms.Select()
            self.fields["event"].queryset = EventPage.objects.filter(**working).order_by("-start")
        partners = PartnerPage.objects.filter(**working).order_by("title")
        formset = self.formsets.get("partners")
        if formset is not None:
            for form in [*formset.forms, formset.empty_form]:
                form.fields["partner"].widget = forms.Select()
                form.fields["partner"].queryset = partners

    def clean(self):
        cleaned_data = super().clean()
        total = cleaned_data.get("total")
        if total is None:
            return cleaned_data
        parts = {
            "women": cleaned_data.get("women") or 0,
            "men": cleaned_data.get("men") or 0,
            "gender_other": cleaned_data.get("gender_other") or 0,
        }
        if sum(parts.values()) > total:
            self.add_error(
                "gender_other",
                _("Women, men and other add up to %(sum)d, more than the %(total)d participants.")
                % {"sum": sum(parts.values()), "total": total},
            )
        for name in ("under_30", "migrant_background"):
            value = cleaned_data.get(name)
            if value is not None and value > total:
                self.add_error(
                    name,
                    _("%(value)d is more than the %(total)d participants.")
                    % {"value": value, "total": total},
                )
        return cleaned_data

    def is_valid(self):
        # The breakdowns are counted once the rows themselves are valid, after clean().
        valid = super().is_valid()
        total = self.cleaned_data.get("total") if hasattr(self, "cleaned_data") else None
        rows_valid = all(formset.is_valid() for formset in self.formsets.values())
        if total is None or not rows_valid:
            return valid
        self.check_breakdowns(total)
        return not self.errors and all(
            not form.errors for formset in self.formsets.values() for form in formset.forms
        )

    def check_breakdowns(self, total):
        messages = {
            "countries": _(
                "The countries add up to %(sum)d, more than the %(total)d participants."
            ),
            "partners": _("The partners add up to %(sum)d, more than the %(total)d participants."),
        }
        for relation, message in messages.items():
            formset = self.formsets.get(relation)
            if formset is None:
                continue
            counted = sum(
                form.cleaned_data.get("participants") or 0
                for form in formset.forms
                if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
            )
            if counted > total:
                self.add_error("total", message % {"sum": counted, "total": total})
