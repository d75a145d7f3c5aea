"""People join a partner by invitation: an email with a link to set a password."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission

from .models import PartnerPage


def invite(email, group, invited_by=None):
    """Add the person with this email to ``group`` and send them their link."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(username=email.lower(), email=email.lower())
        user.set_unusable_password()
        user.save()
    user.groups.add(group)
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + invitation_path(user)
    sender = invited_by.get_full_name() or invited_by.get_username() if invited_by else "Convivium"
    send_mail(
        subject=_("You are invited to edit on Convivium"),
        message=_(
            "%(sender)s invites you to the %(group)s of Convivium.\n\n"
            "Choose your password here, then you will land on your partner's pages:\n%(link)s\n"
        )
        % {"sender": sender, "group": group.name, "link": link},
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )
    return user


def invitation_path(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("partner_invitation", args=[uid, token])


def home_partner(user):
    """The partner page the user's groups may edit, where an invited person lands."""
    pages = GroupPagePermission.objects.filter(group__user=user).values("page")
    return PartnerPage.objects.filter(pk__in=pages).first()
