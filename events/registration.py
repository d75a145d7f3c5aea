"""Registering for an event with limited places, and cancelling, safely under load.

Every change to who holds a place happens inside one transaction that first
locks the row of the event that keeps the registrations (SELECT … FOR UPDATE):
concurrent registrations for the same event queue there, so places are counted
one registration at a time and never given twice.
"""

from django.contrib import messages
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from wagtail.models import Locale

from website.guard import judge

from .forms import RegistrationForm
from .models import AttendeeStatus, EventPage, Registration

CANCEL_SALT = "events.registration.cancel"


class AlreadyRegistered(Exception):
    pass


def locked_event(event):
    """The event that keeps the registrations, its row locked until the transaction ends."""
    holder = event.registration_event()
    return (
        EventPage.objects.select_for_update(of=("self",)).only("pk", "capacity").get(pk=holder.pk)
    )


def register(event, data, language="en"):
    """Register someone; a place if one is free, else the waiting list. Returns the registration."""
    try:
        with transaction.atomic():
            holder = locked_event(event)
            if Registration.objects.filter(
                event=holder,
                email=data["email"],
                status__in=[AttendeeStatus.CONFIRMED, AttendeeStatus.WAITING],
            ).exists():
                raise AlreadyRegistered
            taken = Registration.objects.filter(
                event=holder, status=AttendeeStatus.CONFIRMED
            ).count()
            status = (
                AttendeeStatus.CONFIRMED
                if taken < (holder.capacity or 0)
                else AttendeeStatus.WAITING
            )
            registration = Registration.objects.create(
                event=holder, status=status, language=language, **data
            )
    except IntegrityError as error:
        # The unique constraint is the last word should two requests slip past the check.
        raise AlreadyRegistered from error
    return registration


def cancel(registration):
    """Cancel; a freed place goes to the first person waiting, who is told. Returns them or None."""
    with transaction.atomic():
        holder = locked_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == AttendeeStatus.CANCELLED:
            return None
        freed = registration.status == AttendeeStatus.CONFIRMED
        registration.status = AttendeeStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = None
        if freed:
            taken = Registration.objects.filter(
                event=holder, status=AttendeeStatus.CONFIRMED
            ).count()
            if taken < (holder.capacity or 0):
                promoted = (
                    Registration.objects.filter(event=holder, status=AttendeeStatus.WAITING)
                    .order_by("created_at", "pk")
                    .first()
                )
                if promoted is not None:
                    promoted.status = AttendeeStatus.CONFIRMED
                    promoted.save(update_fields=["status"])
    if promoted is not None:
        transaction.on_commit(lambda: send_registration_email(promoted, promoted=True))
    return promoted


def cancel_token(registration):
    # "<id>-<signature>": letters, digits, - and _ only, as page addresses allow.
    signature = signing.Signer(salt=CANCEL_SALT).signature(str(registration.pk))
    return f"{registration.pk}-{signature}"


def registration_from_token(token):
    pk, _sep, signature = token.partition("-")
    if not pk.isdigit() or not constant_time_compare(
        signature, signing.Signer(salt=CANCEL_SALT).signature(pk)
    ):
        return None
    return Registration.objects.select_related("event").filter(pk=int(pk)).first()


def send_registration_email(registration, promoted=False):
    """The confirmation (or the news of a place), in the language the person registered in."""
    with translation.override(registration.language):
        locale = Locale.objects.filter(language_code=registration.language).first()
        event = (
            locale and registration.event.get_translation_or_none(locale)
        ) or registration.event
        cancel_url = event.get_full_url() + event.reverse_subpage(
            "cancel_registration", kwargs={"token": cancel_token(registration)}
        )
        context = {
            "registration": registration,
            "event": event,
            "cancel_url": cancel_url,
            "promoted": promoted,
            "waiting": registration.status == AttendeeStatus.WAITING,
        }
        subject = render_to_string("events/email/registration_subject.txt", context).strip()
        body = render_to_string("events/email/registration.txt", context)
    send_mail(subject, body, None, [registration.email])


def register_view(event, request):
    if request.method != "POST":
        return redirect(event.url)
    if not event.takes_registrations:
        messages.error(request, _("This event does not take registrations."))
        return event.serve_page(request, status=409)
    form = RegistrationForm(request.POST, request=request)
    refusal, status = judge(form)
    if status != 200:
        return event.serve_page(request, form=form, refusal=refusal, status=status)
    data = {name: form.cleaned_data[name] for name in form.Meta.fields}
    try:
        registration = register(event, data, language=translation.get_language())
    except AlreadyRegistered:
        form.add_error("email", _("This address is already registered for this event."))
        return event.serve_page(request, form=form, status=409)
    transaction.on_commit(lambda: send_registration_email(registration))
    if registration.status == AttendeeStatus.CONFIRMED:
        messages.success(request, _("You are registered. We have sent you an email."))
    else:
        messages.warning(
            request,
            _("The event is full: you are on the waiting list. We have sent you an email."),
        )
    return redirect(event.url)


def cancel_view(event, request, token):
    registration = registration_from_token(token)
    if registration is None or registration.event.translation_key != event.translation_key:
        return TemplateResponse(
            request,
            "events/cancel_registration.html",
            {"page": event, "invalid": True},
            status=404,
        )
    if request.method == "POST":
        cancel(registration)
        messages.success(request, _("Your registration is cancelled."))
        return redirect(event.url)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    # A link in an email only asks: mail scanners follow links, people confirm.
    return TemplateResponse(
        request,
        "events/cancel_registration.html",
        {"page": event, "registration": registration},
    )
