"""The search request, validated: what a shareable search URL may say."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from partners.models import OrganisationType

MAX_QUERY_LENGTH = 200
MAX_VALUES = 20
SLUG = RegexValidator(r"^[-a-z0-9_]{1,100}\Z", _("Not a valid value."))
COUNTRY = RegexValidator(r"^[A-Z]{2}\Z", _("Not a country code."))


class ValuesField(forms.MultipleChoiceField):
    """Several values of one facet, each checked by a validator, not against a list."""

    def __init__(self, validator=None, coerce=str, **kwargs):
        self.value_validator, self.coerce = validator, coerce
        super().__init__(required=False, **kwargs)

    def valid_value(self, value):
        return True

    def clean(self, value):
        values = super().clean(value)
        if len(values) > MAX_VALUES:
            raise forms.ValidationError(_("Too many values: choose at most %d.") % MAX_VALUES)
        cleaned = []
        for item in values:
            if self.value_validator:
                self.value_validator(item)
            try:
                cleaned.append(self.coerce(item))
            except (TypeError, ValueError) as error:
                raise forms.ValidationError(_("Not a valid value.")) from error
        return list(dict.fromkeys(cleaned))


def year(value):
    number = int(value)
    if not 1900 <= number <= 2100:
        raise ValueError(value)
    return number


class SearchForm(forms.Form):
    SORT_CHOICES = [("relevance", _("Relevance")), ("newest", _("Newest"))]
    STATUS_CHOICES = [("ongoing", _("Ongoing")), ("finished", _("Finished"))]

    q = forms.CharField(label=_("Search good practices"), required=False, strip=True)
    theme = ValuesField(validator=SLUG, label=_("Theme"))
    group = ValuesField(validator=SLUG, label=_("Target group"))
    country = ValuesField(validator=COUNTRY, label=_("Country"))
    partner = ValuesField(validator=SLUG, label=_("Partner"))
    type = ValuesField(
        validator=RegexValidator(
            "^(" + "|".join(OrganisationType.values) + r")\Z", _("Not an organisation type.")
        ),
        label=_("Organisation type"),
    )
    year = ValuesField(coerce=year, label=_("Year started"))
    status = ValuesField(
        validator=RegexValidator(r"^(ongoing|finished)\Z", _("Not a status.")),
        label=_("Ongoing or finished"),
    )
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False, label=_("Sort by"))
    all = forms.BooleanField(required=False, label=_("In all languages"))
    exact = forms.BooleanField(required=False, label=_("The words as typed, not corrected"))

    def clean_q(self):
        # Control characters (NUL included) mean nothing in a search and some
        # drivers refuse them; overlong queries are cut, not refused.
        text = "".join(char for char in self.cleaned_data["q"] if char.isprintable() or char == " ")
        return " ".join(text.split())[:MAX_QUERY_LENGTH]

    def clean_sort(self):
        return self.cleaned_data["sort"] or ("relevance" if self.data.get("q") else "newest")
