"""The public forms: propose a practice, answer a consultation, give feedback on an event."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.models import Locale

from partners.models import PartnerPage
from practices.models import TargetGroup, Theme

from .guard import GuardedForm
from .models import TEXT_LIMIT, ConsultationAnswer, EventFeedback

MAX_ID = 2**63 - 1


def active_locale():
    return Locale.get_active()


def plausible_id(value):
    """An id the database can look up: larger numbers would fail in the query itself."""
    try:
        return 0 < int(str(value)) <= MAX_ID
    except ValueError:
        return False


class IdChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not plausible_id(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for item in value:
            if not plausible_id(item):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super()._check_values(value)


class ContactFields(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("Never shown publicly. We write to you about this contribution only."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the network keeps my name, organisation and email to handle this "
            "contribution, as the privacy notice explains, and deletes them afterwards."
        )
    )


def text_field(label, required=True, limit=TEXT_LIMIT, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=limit,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": limit}),
    )


class ProposalForm(ContactFields, GuardedForm):
    title = forms.CharField(label=_("Name of the practice"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=300,
        help_text=_("At most 300 characters, shown in listings and search results."),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
    )
    partner = IdChoiceField(
        label=_("Partner city"),
        queryset=PartnerPage.objects.none(),
        required=False,
        empty_label=_("Elsewhere: not a partner city"),
    )
    place = forms.CharField(label=_("Where, if elsewhere"), max_length=200, required=False)
    themes = IdMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    target_groups = IdMultipleChoiceField(
        label=_("Target groups"),
        queryset=TargetGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    start_date = forms.DateField(
        label=_("Since when"), widget=forms.DateInput(attrs={"type": "date"})
    )
    context = text_field(_("The situation it responds to"))
    approach = text_field(_("What was done"))
    results = text_field(_("Results"), required=False)

    field_order = [
        "title",
        "summary",
        "partner",
        "place",
        "themes",
        "target_groups",
        "start_date",
        "context",
        "approach",
        "results",
        "name",
        "organisation",
        "email",
        "consent",
        "website",
        "started",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = active_locale()
        self.fields["partner"].queryset = (
            PartnerPage.objects.live().public().filter(locale=locale).order_by("title")
        )
        self.fields["themes"].queryset = Theme.objects.filter(locale=locale)
        self.fields["target_groups"].queryset = TargetGroup.objects.filter(locale=locale)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("partner") and not (cleaned.get("place") or "").strip():
            self.add_error("place", _("Say where the practice takes place."))
        return cleaned


class AnswerForm(ContactFields, GuardedForm):
    text = text_field(_("Your answer"))
    language = forms.ChoiceField(label=_("Language of your answer"), choices=settings.LANGUAGES)
    country = forms.ChoiceField(
        label=_("Country"), choices=lambda: [("", "---------"), *countries], required=False
    )

    field_order = [
        "text",
        "language",
        "country",
        "name",
        "organisation",
        "email",
        "consent",
        "website",
        "started",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("language", get_language())

    def save(self, consultation):
        data = self.cleaned_data
        return ConsultationAnswer.objects.create(
            consultation=consultation,
            text=data["text"],
            language=data["language"],
            country=data["country"],
            name=data["name"],
            organisation=data["organisation"],
            email=data["email"],
        )


class FeedbackForm(GuardedForm):
    rating = forms.TypedChoiceField(
        label=_("How useful was the event for you?"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1: not at all, 5: very."),
    )
    take_home = text_field(_("What do you take home?"), required=False, limit=2000)
    to_change = text_field(_("What should we change?"), required=False, limit=2000)

    field_order = ["rating", "take_home", "to_change", "website", "started"]

    def save(self, event):
        data = self.cleaned_data
        return EventFeedback.objects.create(
            event=event,
            rating=data["rating"],
            take_home=data["take_home"],
            to_change=data["to_change"],
            language=get_language(),
        )
