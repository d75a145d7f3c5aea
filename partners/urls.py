from django.urls import path

from . import views

urlpatterns = [
    path("<str:uidb64>/<str:token>/", views.accept_invitation, name="partner_invitation"),
]
