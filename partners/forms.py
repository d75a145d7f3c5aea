from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.images import get_image_model
from wagtail.images.widgets import AdminImageChooser
from wagtail.models import Locale

from website.forms import LanguagesField

from .models import OrganisationType, PartnerPage


class AddPartnerForm(forms.Form):
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200)
    organisation_type = forms.ChoiceField(label=_("Type"), choices=OrganisationType.choices)
    city = forms.CharField(label=_("City"), max_length=100)
    country = CountryField().formfield(label=_("Country"))
    languages = LanguagesField(label=_("Languages"))
    contact_email = forms.EmailField(label=_("Contact email"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    logo = forms.ModelChoiceField(
        label=_("Logo"),
        queryset=None,
        required=False,
        widget=AdminImageChooser,
    )
    hostname = forms.CharField(
        label=_("Own hostname"),
        required=False,
        max_length=255,
        help_text=_("Optional, for example porto.convivium.eu (porto.localhost in development)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo"].queryset = get_image_model().objects.all()

    def clean_hostname(self):
        return self.cleaned_data["hostname"].strip().lower()


class InviteForm(forms.Form):
    partner = forms.ModelChoiceField(label=_("Partner"), queryset=None)
    role = forms.ChoiceField(
        label=_("Role"), choices=[("editors", _("Editors")), ("moderators", _("Moderators"))]
    )
    emails = forms.CharField(
        label=_("Email addresses"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One address per line."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = PartnerPage.objects.filter(
            locale=Locale.get_default()
        ).order_by("title")

    def clean_emails(self):
        addresses = [
            line.strip() for line in self.cleaned_data["emails"].splitlines() if line.strip()
        ]
        if not addresses:
            raise forms.ValidationError(_("Give at least one address."))
        wrong = []
        for address in addresses:
            try:
                validate_email(address)
            except forms.ValidationError:
                wrong.append(address)
        if wrong:
            raise forms.ValidationError(
                _("These are not email addresses: %(addresses)s") % {"addresses": ", ".join(wrong)}
            )
        return addresses
