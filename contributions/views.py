"""Public views: propose a practice and give feedback on an event (consultations are pages)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from events.models import EventPage

from .forms import FeedbackForm, ProposalForm, plausible_id
from .guard import judge
from .proposals import create_proposal


def propose_practice(request):
    if request.method == "POST":
        form = ProposalForm(request.POST, request=request)
        refusal, status = judge(form)
        if status == 200:
            form.save_once(lambda: create_proposal(form.cleaned_data))
            return redirect("contributions:proposal_sent")
    else:
        form, refusal, status = ProposalForm(request=request), None, 200
    context = {"form": form, "refusal": refusal}
    return TemplateResponse(request, "contributions/propose_practice.html", context, status=status)


def proposal_sent(request):
    return TemplateResponse(request, "contributions/proposal_sent.html", {})


def event_feedback(request, event_id):
    if not plausible_id(event_id):
        raise Http404
    event = get_object_or_404(EventPage.objects.live().public(), pk=event_id)
    # The event as translated into the visitor's language, when it is.
    local = event.get_translation_or_none(Locale.get_active())
    if local is not None and local.live:
        event = local
    context = {"event": event, "form": None, "refusal": None, "sent": False}
    if not event.is_past:
        context["refusal"] = _("Feedback opens when the event has ended.")
        return TemplateResponse(
            request,
            "contributions/event_feedback.html",
            context,
            status=403 if request.method == "POST" else 200,
        )
    status = 200
    if request.method == "POST":
        form = FeedbackForm(request.POST, request=request)
        refusal, status = judge(form)
        if status == 200:
            form.save_once(lambda: form.save(event))
            context["sent"] = True
            form = None
        context["refusal"] = refusal
    else:
        form = FeedbackForm(request=request)
    context["form"] = form
    return TemplateResponse(request, "contributions/event_feedback.html", context, status=status)
