from django import forms
from django.conf import settings


class LanguagesField(forms.TypedMultipleChoiceField):
    """A choice of the configured languages, stored as a list of codes in a JSONField."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(choices=settings.LANGUAGES, **kwargs)
