"""The events index filters: what a shareable events URL may say."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from partners.models import PartnerPage

from .models import EventKind


class EventFilterForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=1900,
        max_value=2100,
        error_messages={"invalid": _("Give a year as four digits.")},
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    partner = forms.TypedChoiceField(label=_("Host"), required=False, coerce=int, empty_value=None)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(EventKind.choices)
        partners = PartnerPage.objects.live().filter(locale=locale).order_by("title")
        self.fields["partner"].choices = everything + [
            (partner.pk, partner.title) for partner in partners.only("pk", "title")
        ]
        self.fields["country"].choices = everything + list(countries)
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _(
                "“%(value)s” is not one of the choices: choose from the list."
            )

    def filter(self, events):
        data = self.cleaned_data
        if data.get("year"):
            events = events.filter(start__year=data["year"])
        if data.get("kind"):
            events = events.filter(kind=data["kind"])
        if data.get("partner"):
            events = events.filter(host_partner_id=data["partner"])
        if data.get("country"):
            events = events.filter(
                Q(venue_country=data["country"]) | Q(host_partner__country=data["country"])
            )
        return events

    @property
    def active(self):
        return self.is_bound and any(self.cleaned_data.get(name) for name in self.fields)
