from django.urls import path

from . import views

app_name = "contributions"
urlpatterns = [
    path("practice/", views.propose_practice, name="propose_practice"),
    path("practice/sent/", views.proposal_sent, name="proposal_sent"),
    path("feedback/<int:event_id>/", views.event_feedback, name="event_feedback"),
]
