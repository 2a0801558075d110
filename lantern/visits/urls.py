from django.urls import path

from . import views

app_name = "visits"

urlpatterns = [
    path("children/<int:pk>/episodes/<int:episode_id>/visits/new/", views.visit_create, name="visit_create"),
    path("children/<int:pk>/visits/<int:visit_id>/", views.visit_detail, name="visit_detail"),
]
