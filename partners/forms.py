from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.images.widgets import AdminImageChooser

from website.forms import LanguagesField

from .models import OrganisationType


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
        from wagtail.images import get_image_model

        self.fields["logo"].queryset = get_image_model().objects.all()

    def clean_hostname(self):
        return self.cleaned_data["hostname"].strip().lower()
